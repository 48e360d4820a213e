using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Kovablik.BrowserTests.Infrastructure;

/// <summary>RFC 6238 time-based one-time passwords as an authenticator app computes them (HMAC-SHA1, 30 s, 6 digits).</summary>
public static class Totp
{
    /// <summary>The code for the key as shown on /Akun/DuaFaktor ("abcd efgh ..."), at the current real time.</summary>
    public static string Code(string sharedKey) => Code(sharedKey, DateTimeOffset.UtcNow);

    public static string Code(string sharedKey, DateTimeOffset at)
    {
        var key = Base32Decode(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; this is not a choice of ours.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        text = text.TrimEnd('=');
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a base32 character (key: {text}).");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
