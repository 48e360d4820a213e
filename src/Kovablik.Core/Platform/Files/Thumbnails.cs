using SkiaSharp;

namespace Kovablik.Platform.Files;

public static class Thumbnails
{
    public const int MaxSide = 320;

    /// <summary>Decodes an image and writes a JPEG thumbnail; returns null when the bytes are not a decodable image.</summary>
    public static byte[]? Create(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        if (bitmap is null || bitmap.Width == 0 || bitmap.Height == 0) return null;
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(bitmap.Width, bitmap.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale)));
        using var resized = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null) return null;
        using var img = SKImage.FromBitmap(resized);
        using var data = img.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
