using System.IO.Compression;
using System.Text;

namespace Kovablik.Platform.Files;

public sealed record DetectedType(string ContentType, string Extension, bool IsImage);

/// <summary>
/// Decides what a file really is from its first bytes (magic numbers), not from its name or the
/// browser's Content-Type, and refuses active content (HTML, SVG, scripts) outright.
/// </summary>
public static class FileInspector
{
    public const int HeaderLength = 512;

    private static readonly Dictionary<string, string[]> AllowedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = [".pdf"],
        ["image/png"] = [".png"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["image/gif"] = [".gif"],
        ["image/webp"] = [".webp"],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [".docx"],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = [".xlsx"],
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = [".pptx"],
        ["application/vnd.oasis.opendocument.text"] = [".odt"],
        ["application/vnd.oasis.opendocument.spreadsheet"] = [".ods"],
        ["application/vnd.oasis.opendocument.presentation"] = [".odp"],
        ["application/msword"] = [".doc"],
        ["application/vnd.ms-excel"] = [".xls"],
        ["application/vnd.ms-powerpoint"] = [".ppt"],
    };

    public static readonly string AcceptAttribute = string.Join(",", AllowedExtensions.Values.SelectMany(v => v));

    /// <summary>Returns the detected type, or an Indonesian reason why the file is refused.</summary>
    public static (DetectedType? Type, string? Error) Inspect(string fileName, ReadOnlySpan<byte> header, Func<IReadOnlyCollection<string>>? zipEntries = null)
    {
        if (!IsSafeFileName(fileName)) return (null, "Nama berkas tidak valid.");
        var ext = Path.GetExtension(fileName);
        if (header.Length == 0) return (null, "Berkas kosong.");
        if (LooksLikeMarkup(header)) return (null, "Berkas HTML, SVG atau skrip tidak diizinkan.");

        DetectedType? type = null;
        if (header.StartsWith("%PDF-"u8)) type = new("application/pdf", ".pdf", false);
        else if (header.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) type = new("image/png", ".png", true);
        else if (header.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) type = new("image/jpeg", ".jpg", true);
        else if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)) type = new("image/gif", ".gif", true);
        else if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) type = new("image/webp", ".webp", true);
        else if (header.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // Legacy OLE2 Office file: the container does not say which application, so trust a matching extension only.
            type = ext.ToLowerInvariant() switch
            {
                ".doc" => new("application/msword", ".doc", false),
                ".xls" => new("application/vnd.ms-excel", ".xls", false),
                ".ppt" => new("application/vnd.ms-powerpoint", ".ppt", false),
                _ => null,
            };
        }
        else if (header.StartsWith("PK\x03\x04"u8))
        {
            type = DetectZipOffice(ext, header, zipEntries);
        }

        if (type is null) return (null, "Jenis berkas tidak didukung. Unggah PDF, gambar (PNG/JPEG/GIF/WebP) atau dokumen perkantoran.");
        if (!AllowedExtensions[type.ContentType].Contains(ext, StringComparer.OrdinalIgnoreCase))
            return (null, Message.Format("Isi berkas tidak sesuai dengan ekstensinya ({0}).", ext));
        return (type, null);
    }

    private static DetectedType? DetectZipOffice(string ext, ReadOnlySpan<byte> header, Func<IReadOnlyCollection<string>>? zipEntries)
    {
        // ODF puts its mimetype uncompressed as the first entry, so it is visible in the header.
        var text = Encoding.ASCII.GetString(header);
        if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.text", StringComparison.Ordinal)) return new("application/vnd.oasis.opendocument.text", ".odt", false);
        if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet", StringComparison.Ordinal)) return new("application/vnd.oasis.opendocument.spreadsheet", ".ods", false);
        if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.presentation", StringComparison.Ordinal)) return new("application/vnd.oasis.opendocument.presentation", ".odp", false);
        var entries = zipEntries?.Invoke() ?? [];
        if (!entries.Contains("[Content_Types].xml")) return null;
        if (entries.Any(e => e.StartsWith("word/", StringComparison.Ordinal))) return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
        if (entries.Any(e => e.StartsWith("xl/", StringComparison.Ordinal))) return new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);
        if (entries.Any(e => e.StartsWith("ppt/", StringComparison.Ordinal))) return new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", false);
        _ = ext;
        return null;
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> header)
    {
        var text = Encoding.UTF8.GetString(header).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return text.StartsWith('<') && (text.Contains("<svg", StringComparison.Ordinal) || text.Contains("<html", StringComparison.Ordinal)
            || text.Contains("<script", StringComparison.Ordinal) || text.StartsWith("<?xml", StringComparison.Ordinal) || text.StartsWith("<!doctype", StringComparison.Ordinal));
    }

    /// <summary>
    /// Reads an upload whole, but never more than <paramref name="maxBytes"/> + 1 bytes: enough to know it is too big
    /// without trusting Content-Length. Null when it is too big.
    /// </summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return null;
        }
        return buffer.ToArray();
    }

    /// <summary><see cref="Inspect(string, ReadOnlySpan{byte}, Func{IReadOnlyCollection{string}}?)"/> on a whole file (office documents are ZIPs: their entries are read when needed).</summary>
    public static (DetectedType? Type, string? Error) Inspect(string fileName, byte[] bytes) =>
        Inspect(fileName, bytes.AsSpan(0, Math.Min(bytes.Length, HeaderLength)), () => ZipEntries(bytes));

    private static List<string> ZipEntries(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.Entries.Select(e => e.FullName).Take(2000).ToList();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>Refuses path separators, traversal and control characters in the name the client sent.</summary>
    public static bool IsSafeFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 255 && !name.Contains("..", StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && !name.Any(char.IsControl) && Path.GetExtension(name).Length > 1;
}
