using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Kovablik.Search;

/// <summary>One word of a text: where it is, and its folded (lower-case, accent-free) form.</summary>
public readonly record struct TextToken(int Start, int Length, string Folded);

/// <summary>
/// Tokeniser shared by indexing, querying and highlighting, so all three agree on what a word is: runs of
/// letters and digits, lower-cased with accents removed ("Pelayánan" → "pelayanan"); everything else separates.
/// </summary>
public static class IndonesianText
{
    /// <summary>Function words that carry no meaning for search; neither indexed nor searched.</summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "apabila", "atas", "atau", "bagi", "bahwa",
        "begitu", "belum", "bila", "bisa", "boleh", "dalam", "dan", "dapat", "dari", "daripada", "demi",
        "dengan", "di", "dia", "dll", "hal", "hanya", "harus", "hingga", "ia", "ialah", "ini", "itu", "jika",
        "juga", "kami", "kamu", "kami", "karena", "ke", "kepada", "ketika", "kita", "lagi", "lain", "maka",
        "masih", "melalui", "mereka", "namun", "nya", "oleh", "pada", "para", "per", "sangat", "saat", "saja",
        "sebagai", "sebuah", "secara", "sedang", "sehingga", "sejak", "selain", "semua", "seperti", "serta",
        "setiap", "sudah", "tanpa", "tapi", "telah", "tentang", "terhadap", "tersebut", "tetapi", "tidak",
        "untuk", "yaitu", "yakni", "yang",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopWord(string folded) => StopWords.Contains(folded);

    /// <summary>Every word of the text, stop words included (highlighting needs their positions).</summary>
    public static List<TextToken> Tokens(string? text)
    {
        var result = new List<TextToken>();
        if (string.IsNullOrEmpty(text)) return result;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i)) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            var folded = Fold(text.AsSpan(start, i - start));
            if (folded.Length > 0) result.Add(new TextToken(start, i - start, folded));
        }
        return result;
    }

    /// <summary>The searchable words of a text: folded, without stop words, in order.</summary>
    public static IEnumerable<string> Words(string? text) =>
        Tokens(text).Select(t => t.Folded).Where(w => !IsStopWord(w));

    /// <summary>The stem of a folded word; numbers and mixed tokens ("5g") stay as they are.</summary>
    public static string StemOf(string folded) => IndonesianStemmer.Stem(folded);

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c)) return true;
        // Combining accents belong to the letter before them ("e\u0301").
        return i > 0 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(text[i - 1]);
    }

    /// <summary>Lower case, decomposed, combining marks dropped, only ASCII letters and digits kept.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            // Letters outside ASCII that have no decomposition (ø, ß, non-Latin scripts) are kept as they are,
            // so such words still match themselves.
            else if (char.IsLetter(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
