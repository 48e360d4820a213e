using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace Kovablik.Tests.Infrastructure;

/// <summary>Small real files for upload tests.</summary>
public static class Files
{
    public static byte[] Pdf(int size = 600)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n");
        var tail = Encoding.ASCII.GetBytes("\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        var bytes = new byte[Math.Max(size, head.Length + tail.Length)];
        Array.Fill(bytes, (byte)' ');
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

    public static byte[] Png(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x1E, 0x88, 0xE5));
            using var paint = new SKPaint { Color = SKColors.Yellow };
            canvas.DrawRect(8, 8, width / 2f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static MultipartFormDataContent Multipart(byte[] content, string fileName, string? kind = null, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, int innovationId, byte[] content, string fileName, string? kind = null) =>
        client.PostAsync($"/api/v1/innovations/{innovationId}/attachments", Multipart(content, fileName, kind));
}
