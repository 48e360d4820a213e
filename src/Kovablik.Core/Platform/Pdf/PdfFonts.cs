using System.Reflection;
using PdfSharp.Fonts;

namespace Kovablik.Platform.Pdf;

/// <summary>
/// PDFsharp on Linux finds no system fonts by itself: every PDF Kovablik writes uses DejaVu Sans, shipped as an
/// embedded resource (Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt), so rendering never depends on what the
/// host has installed and Indonesian text with accents always has its glyphs.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once per process; PDFsharp allows only one, set before the first font is used.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family maps to DejaVu Sans: a caller naming another font still gets readable text, never a missing glyph.
        new(bold ? BoldFace : RegularFace, false, italic);

    public byte[]? GetFont(string faceName)
    {
        var name = faceName == BoldFace ? BoldFace : RegularFace;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Kovablik.Platform.Pdf.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
