using Kovablik.Platform.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Kovablik.Exhibitions;

public sealed record QrCard(string Number, string Hall, string InnovationName, string Url);

/// <summary>
/// The printable A4 sheet of booth cards: six per page (2 × 3), each with the booth number, hall, innovation name
/// and a QR code drawn as vector squares (sharp at any printer resolution, no image encoding).
/// </summary>
public static class QrSheet
{
    private const double Margin = 28;
    private const int Columns = 2;
    private const int Rows = 3;

    static QrSheet() => PdfFonts.EnsureInstalled();

    public static byte[] Render(string title, string subtitle, string caption, IReadOnlyList<QrCard> cards)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Kovablik";
        var numberFont = new XFont(PdfFonts.Family, 22, XFontStyleEx.Bold);
        var nameFont = new XFont(PdfFonts.Family, 11, XFontStyleEx.Bold);
        var smallFont = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        using var generator = new QRCodeGenerator();
        XGraphics? gfx = null;
        PdfPage? page = null;
        try
        {
            for (var i = 0; i < Math.Max(cards.Count, 1); i++)
            {
                if (i % (Columns * Rows) == 0)
                {
                    gfx?.Dispose();
                    page = document.AddPage();
                    page.Size = PageSize.A4;
                    gfx = XGraphics.FromPdfPage(page);
                    gfx.DrawString(Fit(gfx, title + " · " + subtitle, smallFont, page.Width.Point - 2 * Margin), smallFont, XBrushes.Gray,
                        new XRect(Margin, 10, page.Width.Point - 2 * Margin, 14), XStringFormats.TopLeft);
                }
                if (cards.Count == 0) break;
                var cellW = (page!.Width.Point - 2 * Margin) / Columns;
                var cellH = (page.Height.Point - 2 * Margin) / Rows;
                var slot = i % (Columns * Rows);
                var x = Margin + slot % Columns * cellW;
                var y = Margin + slot / Columns * cellH;
                var box = new XRect(x + 6, y + 6, cellW - 12, cellH - 12);
                DrawCard(gfx!, generator, cards[i], caption, box, numberFont, nameFont, smallFont);
                // The card is also a link, for the PDF opened on a screen rather than printed.
                page.AddWebLink(new PdfRectangle(gfx!.Transformer.WorldToDefaultPage(box)), cards[i].Url);
            }
        }
        finally
        {
            gfx?.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawCard(XGraphics gfx, QRCodeGenerator generator, QrCard card, string caption, XRect box, XFont numberFont, XFont nameFont, XFont smallFont)
    {
        gfx.DrawRectangle(new XPen(XColors.LightGray, 0.75) { DashStyle = XDashStyle.Dash }, box);
        var inner = new XRect(box.X + 10, box.Y + 8, box.Width - 20, box.Height - 16);
        gfx.DrawString(card.Number, numberFont, XBrushes.Black, new XRect(inner.X, inner.Y, inner.Width, 26), XStringFormats.TopCenter);
        var hall = card.Hall;
        gfx.DrawString(Fit(gfx, hall, smallFont, inner.Width), smallFont, XBrushes.Black, new XRect(inner.X, inner.Y + 28, inner.Width, 12), XStringFormats.TopCenter);
        gfx.DrawString(Fit(gfx, card.InnovationName, nameFont, inner.Width), nameFont, XBrushes.Black, new XRect(inner.X, inner.Y + 42, inner.Width, 16), XStringFormats.TopCenter);

        using var data = generator.CreateQrCode(card.Url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = Math.Min(inner.Width, inner.Height - 60 - 26);
        var module = size / matrix.Count;
        var left = inner.X + (inner.Width - size) / 2;
        var top = inner.Y + 62;
        for (var r = 0; r < matrix.Count; r++)
        {
            var row = matrix[r];
            // Runs of dark modules in a row become one rectangle: far fewer drawing operations.
            for (var c = 0; c < row.Count; c++)
            {
                if (!row[c]) continue;
                var start = c;
                while (c + 1 < row.Count && row[c + 1]) c++;
                gfx.DrawRectangle(XBrushes.Black, left + start * module, top + r * module, (c - start + 1) * module + 0.05, module + 0.05);
            }
        }
        gfx.DrawString(caption, smallFont, XBrushes.Black,
            new XRect(inner.X, top + size + 4, inner.Width, 12), XStringFormats.TopCenter);
        gfx.DrawString(Fit(gfx, card.Url, smallFont, inner.Width), smallFont, XBrushes.Gray, new XRect(inner.X, top + size + 15, inner.Width, 12), XStringFormats.TopCenter);
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut + "…";
    }
}
