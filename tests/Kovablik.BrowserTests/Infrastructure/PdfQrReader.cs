using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Kovablik.BrowserTests.Infrastructure;

/// <summary>
/// Reads the QR code a certificate PDF draws, the way a phone camera would: the certificate draws its QR as filled
/// vector rectangles (one per run of dark modules, all one module high), so this collects those rectangles from the
/// page's content stream, paints them onto a bitmap with a quiet zone and lets ZXing decode it. Nothing here knows
/// what the code should say; a certificate whose QR is wrong or unreadable fails the test that uses it.
/// </summary>
public static class PdfQrReader
{
    public static string? Decode(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var rects = new List<(double X, double Y, double W, double H)>();
        foreach (var page in document.Pages.Cast<PdfPage>())
            Collect(ContentReader.ReadContent(page), rects);
        if (rects.Count == 0) return null;

        // The QR's rectangles share one height (a module plus a hair against seams); borders and rules do not.
        var rows = rects.GroupBy(r => Math.Round(Math.Abs(r.H), 2)).OrderByDescending(g => g.Count()).First().ToList();
        var module = rows[0].H is var h && Math.Abs(h) > 0.05 ? Math.Abs(h) - 0.05 : Math.Abs(h);
        var left = rows.Min(r => Math.Min(r.X, r.X + r.W));
        var top = rows.Min(r => Math.Min(r.Y, r.Y + r.H));
        var cells = new List<(int Row, int Col, int Span)>();
        foreach (var r in rows)
        {
            var x = Math.Min(r.X, r.X + r.W);
            var y = Math.Min(r.Y, r.Y + r.H);
            var span = Math.Max(1, (int)Math.Round((Math.Abs(r.W) - 0.05) / module));
            cells.Add(((int)Math.Round((y - top) / module), (int)Math.Round((x - left) / module), span));
        }
        var size = Math.Max(cells.Max(c => c.Row), cells.Max(c => c.Col + c.Span - 1)) + 1;

        // PDF space may be flipped against the page the reader sees; a mirrored code reads as nothing, so try both.
        return Read(Paint(cells, size, flip: false)) ?? Read(Paint(cells, size, flip: true));
    }

    private static void Collect(CSequence sequence, List<(double, double, double, double)> rects)
    {
        foreach (var item in sequence)
        {
            switch (item)
            {
                case COperator { OpCode.Name: "re" } op when op.Operands.Count == 4:
                    rects.Add((Number(op.Operands[0]), Number(op.Operands[1]), Number(op.Operands[2]), Number(op.Operands[3])));
                    break;
                case CSequence inner:
                    Collect(inner, rects);
                    break;
            }
        }
    }

    private static double Number(CObject o) => o switch
    {
        CReal r => r.Value,
        CInteger i => i.Value,
        _ => throw new InvalidOperationException($"Unexpected operand {o} in a rectangle."),
    };

    private const int Scale = 6;
    private const int Quiet = 4;

    private static (byte[] Pixels, int Width) Paint(List<(int Row, int Col, int Span)> cells, int size, bool flip)
    {
        var width = (size + 2 * Quiet) * Scale;
        var pixels = new byte[width * width];
        Array.Fill(pixels, (byte)255);
        foreach (var (row, col, span) in cells)
        {
            var r = flip ? size - 1 - row : row;
            for (var y = (r + Quiet) * Scale; y < (r + Quiet + 1) * Scale; y++)
                for (var x = (col + Quiet) * Scale; x < (col + span + Quiet) * Scale; x++)
                    pixels[y * width + x] = 0;
        }
        return (pixels, width);
    }

    private static string? Read((byte[] Pixels, int Width) image)
    {
        var source = new RGBLuminanceSource(image.Pixels, image.Width, image.Width, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        try
        {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
        }
        catch (ReaderException)
        {
            return null;
        }
    }
}
