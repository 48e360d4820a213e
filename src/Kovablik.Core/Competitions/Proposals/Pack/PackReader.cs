using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using ClosedXML.Excel;
using Kovablik.Platform;

namespace Kovablik.Competitions.Proposals.Pack;

/// <summary>
/// Reads an uploaded pack defensively: the ZIP is opened from memory with caps on entries and on the bytes
/// actually inflated (declared sizes can lie), unsafe entry names are refused, and proposal.xlsx is only handed to
/// ClosedXML after its own ZIP passed the same checks.
/// </summary>
public static class PackReader
{
    public const string NotZipMessage = "Berkas bukan paket ZIP yang valid. Unggah berkas .zip yang diunduh dari halaman paket luring.";
    public const string NoWorkbookMessage = "Paket tidak berisi proposal.xlsx.";
    public const string BadWorkbookMessage = "Berkas proposal.xlsx tidak dapat dibaca. Pastikan berkas disimpan sebagai Excel (.xlsx) tanpa mengubah lembar Proposal.";
    public const string BadFormatMessage = "Versi format paket tidak dikenal. Unduh paket baru dari halaman paket luring.";

    public static async Task<Result<PackContent>> ReadAsync(Stream upload, CancellationToken ct = default)
    {
        var bytes = await ReadCappedAsync(upload, ProposalPack.MaxPackBytes, ct);
        if (bytes is null) return Invalid(Message.Format("Paket terlalu besar (maksimal {0} MB setelah diekstrak, {1} berkas).", ProposalPack.MaxUncompressedBytes / (1024 * 1024), ProposalPack.MaxEntries));
        var entries = Inflate(bytes, out var problem);
        if (entries is null) return Invalid(problem!);

        if (!entries.TryGetValue(ProposalPack.WorkbookEntry, out var workbook)) return Invalid(NoWorkbookMessage);
        // The workbook is itself a ZIP: check it the same way before ClosedXML inflates it.
        if (Inflate(workbook, out _) is null) return Invalid(BadWorkbookMessage);

        var content = ReadWorkbook(workbook, out problem);
        if (content is null) return Invalid(problem!);
        var documents = entries.Where(e => e.Key.StartsWith(ProposalPack.DocumentFolder, StringComparison.Ordinal) && e.Key.Length > ProposalPack.DocumentFolder.Length)
            .Select(e => new PackFile(e.Key, Convert.ToHexStringLower(SHA256.HashData(e.Value)), e.Value.Length))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        return Result<PackContent>.Ok(content with { Documents = documents });
    }

    private static Result<PackContent> Invalid(string message) => Result<PackContent>.Invalid("file", message);

    private static async Task<byte[]?> ReadCappedAsync(Stream input, long max, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > max) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>Every file entry by name, or null with the reason when the archive is not a safe ZIP.</summary>
    internal static Dictionary<string, byte[]>? Inflate(byte[] zip, out string? problem)
    {
        problem = null;
        var tooLarge = Message.Format("Paket terlalu besar (maksimal {0} MB setelah diekstrak, {1} berkas).", ProposalPack.MaxUncompressedBytes / (1024 * 1024), ProposalPack.MaxEntries);
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > ProposalPack.MaxEntries)
            {
                problem = tooLarge;
                return null;
            }
            var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName;
                if (!IsSafeName(name))
                {
                    problem = Message.Format("Paket berisi nama berkas yang tidak aman: {0}", name);
                    return null;
                }
                if (name.EndsWith('/')) continue;
                if (entry.Length > ProposalPack.MaxUncompressedBytes - total)
                {
                    problem = tooLarge;
                    return null;
                }
                using var stream = entry.Open();
                using var data = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > ProposalPack.MaxUncompressedBytes)
                    {
                        problem = tooLarge;
                        return null;
                    }
                    data.Write(buffer, 0, read);
                }
                result[name] = data.ToArray();
            }
            return result;
        }
        catch (InvalidDataException)
        {
            problem = NotZipMessage;
            return null;
        }
    }

    private static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 260
        && !name.StartsWith('/') && !name.Contains('\\', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal)
        && !name.Split('/').Any(part => part is ".." or ".")
        && !name.Any(char.IsControl);

    private static PackContent? ReadWorkbook(byte[] bytes, out string? problem)
    {
        problem = null;
        try
        {
            using var book = new XLWorkbook(new MemoryStream(bytes, writable: false));
            if (!book.TryGetWorksheet(ProposalPack.SheetProposal, out var sheet))
            {
                problem = BadWorkbookMessage;
                return null;
            }
            int format = 0, proposalId = 0;
            var version = Guid.Empty;
            var fields = new List<PackField>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var hasBase = HasBaseMarker(sheet);
            foreach (var row in sheet.RowsUsed())
            {
                var key = row.Cell(ProposalPack.ColKey).GetString().Trim();
                if (key.Length == 0 || key == "kunci") continue;
                var value = row.Cell(ProposalPack.ColText).GetString();
                switch (key)
                {
                    case ProposalPack.KeyFormat:
                        format = int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f : -1;
                        continue;
                    case ProposalPack.KeyProposal:
                        proposalId = int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1;
                        continue;
                    case ProposalPack.KeyVersion:
                        version = Guid.TryParse(value.Trim(), out var v) ? v : Guid.Empty;
                        continue;
                    case ProposalPack.KeyEdition or ProposalPack.KeyGroup or ProposalPack.KeyOrganisation or ProposalPack.KeyExportedAt:
                        continue;
                }
                var editable = key is ProposalPack.KeyTitle or ProposalPack.KeyCategories or ProposalPack.KeySdgs
                    || (key.StartsWith(ProposalPack.SectionPrefix, StringComparison.Ordinal) && key.Length > ProposalPack.SectionPrefix.Length);
                if (!editable || !seen.Add(key))
                {
                    problem = Message.Format("Baris tidak dikenal di lembar Proposal: {0}", key);
                    return null;
                }
                if (value.Length > ProposalService.MaxSectionLength)
                {
                    problem = Message.Format("Isian {0} terlalu panjang (maksimal {1} karakter).", row.Cell(ProposalPack.ColLabel).GetString(), ProposalService.MaxSectionLength);
                    return null;
                }
                fields.Add(new PackField(key, Normalise(value), hasBase ? Normalise(row.Cell(ProposalPack.ColBase).GetString()) : null));
            }
            if (format != ProposalPack.FormatVersion || proposalId <= 0 || version == Guid.Empty)
            {
                problem = BadFormatMessage;
                return null;
            }
            return new PackContent { FormatVersion = format, ProposalId = proposalId, Version = version, Fields = fields };
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // ClosedXML and the OpenXML SDK throw many kinds of exceptions on a damaged workbook; all mean the same to the unit.
            problem = BadWorkbookMessage;
            return null;
        }
    }

    /// <summary>The base column's header tells a pack written by Kovablik (an empty base is then an empty text at export).</summary>
    private static bool HasBaseMarker(IXLWorksheet sheet) => sheet.Cell(1, ProposalPack.ColBase).GetString() == "base";

    /// <summary>Excel and browsers disagree on line endings; compare and store text with \n only.</summary>
    public static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
