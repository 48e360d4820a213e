using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kovablik.Competitions.Validation;

/// <summary>
/// Counts words the way the secretariat does when it checks a section against its limit: what a reader sees, not
/// the Markdown. The secretariat counts with a word processor, which splits on spaces; so a reduplicated word
/// ("anak-anak"), a number ("1.250", "3,5", "25%"), a URL or an email is one word, and a lone dash is none.
/// </summary>
public static partial class IndonesianWordCounter
{
    public static int Count(string? markdownOrText) => Words(markdownOrText).Count;

    /// <summary>The words as the reader sees them, surrounding punctuation trimmed (also the unit of the filler checks).</summary>
    public static IReadOnlyList<string> Words(string? markdownOrText)
    {
        if (string.IsNullOrWhiteSpace(markdownOrText)) return [];
        var text = StripMarkdown(markdownOrText);
        var words = new List<string>();
        foreach (var token in Whitespace().Split(text))
        {
            if (token.Length == 0) continue;
            if (UrlOrEmail().IsMatch(token))
            {
                words.Add(TrimTrailingPunctuation(token));
                continue;
            }
            // "inovasi,pelayanan" (a missing space after a comma) is two words to a reader; "3,5" is one number.
            foreach (var part in CommaBetweenLetters().Split(token))
            {
                var word = TrimPunctuation(part);
                if (word.Length > 0) words.Add(word);
            }
        }
        return words;
    }

    /// <summary>Lower case without diacritics: the form texts are compared in (so "Sékolah" repeats "sekolah").</summary>
    public static string Normalise(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string StripMarkdown(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\u200B', ' ');
        text = CodeFence().Replace(text, " ");
        text = LinkDefinition().Replace(text, " ");
        text = AutoLink().Replace(text, " ${url} ");
        // Images and links keep their visible text; the target is not read, so it is not counted.
        text = InlineLink().Replace(text, "${text}");
        text = ReferenceLink().Replace(text, "${text}");
        text = HtmlTag().Replace(text, " ");
        text = Heading().Replace(text, "");
        text = BlockQuote().Replace(text, "");
        text = ListMarker().Replace(text, "");
        // Backslash escapes (\*) and table pipes are syntax, never words.
        text = Escaped().Replace(text, "${c}");
        return text.Replace('|', ' ');
    }

    private static string TrimPunctuation(string token)
    {
        int start = 0, end = token.Length;
        while (start < end && !char.IsLetterOrDigit(token[start])) start++;
        while (end > start && !char.IsLetterOrDigit(token[end - 1])) end--;
        return token[start..end];
    }

    private static string TrimTrailingPunctuation(string token)
    {
        var end = token.Length;
        while (end > 0 && token[end - 1] is '.' or ',' or ';' or ':' or ')' or '!' or '?' or '"' or '\'') end--;
        var start = 0;
        while (start < end && token[start] is '(' or '"' or '\'') start++;
        return token[start..end];
    }

    [GeneratedRegex(@"[\s\u2014]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[(""']*(?:(?:https?|ftp)://\S+|www\.\S+\.\S+|[^\s@()]+@[^\s@]+\.[A-Za-z]{2,}\S*)$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOrEmail();

    [GeneratedRegex(@"(?<=\p{L})[,;](?=\p{L})")]
    private static partial Regex CommaBetweenLetters();

    [GeneratedRegex(@"^[ \t]*(?:```|~~~).*$", RegexOptions.Multiline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();

    [GeneratedRegex(@"<(?<url>(?:https?|ftp)://[^\s<>]+|(?:mailto:)?[^\s<>@]+@[^\s<>]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"!?\[(?<text>[^\]\n]*)\]\([^)\n]*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"!?\[(?<text>[^\]\n]+)\]\[[^\]\n]*\]")]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^[ \t]{0,3}#{1,6}(?=[ \t]|$)", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*(?:>[ \t]?)+", RegexOptions.Multiline)]
    private static partial Regex BlockQuote();

    [GeneratedRegex(@"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", RegexOptions.Multiline)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\\(?<c>[\\`*_{}\[\]()#+\-.!|>~])")]
    private static partial Regex Escaped();
}
