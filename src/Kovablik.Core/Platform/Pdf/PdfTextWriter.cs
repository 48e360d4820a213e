using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kovablik.Platform.Pdf;

/// <summary>
/// A minimal flowing-text PDF: headings and paragraphs on A4 with word wrapping and page breaks. Enough for a
/// printable rendering of a form; not a layout engine.
/// </summary>
public sealed class PdfTextWriter : IDisposable
{
    private const double Margin = 56; // about 2 cm
    private readonly PdfDocument _document = new();
    private readonly XFont _body = new(PdfFonts.Family, 10, XFontStyleEx.Regular);
    private readonly XFont _small = new(PdfFonts.Family, 8, XFontStyleEx.Regular);
    private readonly XFont _heading = new(PdfFonts.Family, 12, XFontStyleEx.Bold);
    private readonly XFont _title = new(PdfFonts.Family, 16, XFontStyleEx.Bold);
    private XGraphics? _gfx;
    private PdfPage? _page;
    private double _y;

    static PdfTextWriter() => PdfFonts.EnsureInstalled();

    public PdfTextWriter(string title)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "Kovablik";
    }

    public int PageCount => _document.PageCount;

    public void Title(string text) => Block(text, _title, spaceAfter: 8);

    public void Heading(string text)
    {
        // Keep a heading with at least a couple of lines of its text.
        if (_page is not null && _y + 60 > _page.Height.Point - Margin) NewPage();
        Block(text, _heading, spaceBefore: 10, spaceAfter: 4);
    }

    public void Paragraph(string text) => Block(text, _body, spaceAfter: 4);

    public void Note(string text) => Block(text, _small, spaceAfter: 2);

    public void Save(Stream output)
    {
        if (_page is null) NewPage();
        _gfx?.Dispose();
        _gfx = null;
        _document.Save(output, closeStream: false);
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    private void Block(string text, XFont font, double spaceBefore = 0, double spaceAfter = 0)
    {
        if (_page is null) NewPage();
        _y += spaceBefore;
        var width = _page!.Width.Point - 2 * Margin;
        var lineHeight = font.GetHeight() * 1.15;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, width))
            {
                if (_y + lineHeight > _page!.Height.Point - Margin) NewPage();
                _gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }
        _y += spaceAfter;
    }

    private IEnumerable<string> Wrap(string paragraph, XFont font, double width)
    {
        if (paragraph.Trim().Length == 0)
        {
            yield return "";
            yield break;
        }
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (_gfx!.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0) yield return line;
            line = word;
            // A word wider than the line (a long URL) is cut where it no longer fits.
            while (_gfx.MeasureString(line, font).Width > width && line.Length > 1)
            {
                var cut = line.Length - 1;
                while (cut > 1 && _gfx.MeasureString(line[..cut], font).Width > width) cut--;
                yield return line[..cut];
                line = line[cut..];
            }
        }
        if (line.Length > 0) yield return line;
    }
}
