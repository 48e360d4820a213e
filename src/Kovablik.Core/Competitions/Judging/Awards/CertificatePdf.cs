using System.Globalization;
using Kovablik.Platform;
using Kovablik.Platform.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Kovablik.Competitions.Judging.Awards;

public sealed record CertificateContent(string Code, string EditionName, string AwardTitle, string InnovationName, string RecipientName,
    DateTimeOffset IssuedAt, string VerificationUrl);

/// <summary>The rendered file and the exact text the QR code encodes (QR images cannot be decoded in tests, so this is the seam).</summary>
public sealed record RenderedCertificate(byte[] Pdf, string QrPayload);

/// <summary>
/// The certificate: A4 landscape, DejaVu Sans (embedded), the award, innovation and unit, the date in WIB, the code
/// and a QR code to the public verification page. The QR is drawn as vector squares like the exhibition QR sheet.
/// The labels are Indonesian: a certificate is an Indonesian document whatever the organiser's UI language.
/// </summary>
public static class CertificatePdf
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    static CertificatePdf() => PdfFonts.EnsureInstalled();

    public static string VerificationUrl(string baseUrl, string code) => baseUrl.TrimEnd('/') + "/Sertifikat/" + code;

    public static RenderedCertificate Render(CertificateContent c)
    {
        using var document = new PdfDocument();
        document.Info.Title = "Sertifikat " + c.AwardTitle + " " + c.EditionName;
        // The code as plain metadata too: searchable in any PDF reader, and what a clerk types into the verification page.
        document.Info.Subject = "Kode sertifikat " + c.Code;
        document.Info.Keywords = c.Code;
        document.Info.Creator = "Kovablik";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        var w = page.Width.Point;
        var h = page.Height.Point;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var border = new XPen(XColor.FromArgb(0x1F, 0x4E, 0x79), 3);
            gfx.DrawRectangle(border, 24, 24, w - 48, h - 48);
            gfx.DrawRectangle(new XPen(XColor.FromArgb(0x1F, 0x4E, 0x79), 0.75), 32, 32, w - 64, h - 64);

            var small = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular);
            var body = new XFont(PdfFonts.Family, 14, XFontStyleEx.Regular);
            var heading = new XFont(PdfFonts.Family, 34, XFontStyleEx.Bold);
            var award = new XFont(PdfFonts.Family, 24, XFontStyleEx.Bold);
            var name = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold);
            var textWidth = w - 2 * 70;
            double y = 64;
            void Line(string text, XFont font, double height, XBrush? brush = null)
            {
                foreach (var part in Wrap(gfx, text, font, textWidth))
                {
                    gfx.DrawString(part, font, brush ?? XBrushes.Black, new XRect(70, y, textWidth, height), XStringFormats.TopCenter);
                    y += height;
                }
            }
            Line("SERTIFIKAT", heading, 44, new XSolidBrush(XColor.FromArgb(0x1F, 0x4E, 0x79)));
            Line(c.EditionName, body, 22);
            y += 14;
            Line("diberikan kepada inovasi", body, 22);
            Line(c.InnovationName, name, 26);
            Line(c.RecipientName, body, 22);
            y += 14;
            Line("sebagai", body, 22);
            Line(c.AwardTitle, award, 32);
            y += 8;
            var issued = Wib.ToWib(c.IssuedAt);
            Line(issued.ToString("d MMMM yyyy", Indonesian), body, 22);

            // QR bottom right, code and address bottom left.
            const double qrSize = 110;
            var qrLeft = w - 70 - qrSize;
            var qrTop = h - 60 - qrSize;
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(c.VerificationUrl, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var module = qrSize / matrix.Count;
            for (var r = 0; r < matrix.Count; r++)
            {
                var row = matrix[r];
                for (var col = 0; col < row.Count; col++)
                {
                    if (!row[col]) continue;
                    var start = col;
                    while (col + 1 < row.Count && row[col + 1]) col++;
                    gfx.DrawRectangle(XBrushes.Black, qrLeft + start * module, qrTop + r * module, (col - start + 1) * module + 0.05, module + 0.05);
                }
            }
            var qrBox = new XRect(qrLeft, qrTop, qrSize, qrSize);
            page.AddWebLink(new PdfRectangle(gfx.Transformer.WorldToDefaultPage(qrBox)), c.VerificationUrl);
            var leftWidth = qrLeft - 70 - 20;
            gfx.DrawString("Kode sertifikat: " + c.Code, small, XBrushes.Black, new XRect(70, h - 60 - 40, leftWidth, 14), XStringFormats.TopLeft);
            gfx.DrawString("Periksa keaslian: pindai kode QR atau buka", small, XBrushes.Gray, new XRect(70, h - 60 - 26, leftWidth, 14), XStringFormats.TopLeft);
            gfx.DrawString(Fit(gfx, c.VerificationUrl, small, leftWidth), small, XBrushes.Gray, new XRect(70, h - 60 - 12, leftWidth, 14), XStringFormats.TopLeft);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return new RenderedCertificate(output.ToArray(), c.VerificationUrl);
    }

    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(Fit(gfx, line, font, width));
        return lines.Count == 0 ? [""] : lines;
    }

    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut + "…";
    }
}
