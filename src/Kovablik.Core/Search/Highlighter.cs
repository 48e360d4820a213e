using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Kovablik.Search;

/// <summary>
/// Marks the words a query matched. The text is HTML-encoded piece by piece and only our own &lt;mark&gt; tags
/// are added, so whatever a name, a section or the query contains is shown as text, never run.
/// </summary>
public static partial class Highlighter
{
    public const int SnippetWords = 30;

    /// <summary>The whole text, encoded, with matched words in &lt;mark&gt;.</summary>
    public static string Highlight(string? text, SearchQuery? query)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (query is null) return WebUtility.HtmlEncode(text);
        return Mark(text, 0, text.Length, IndonesianText.Tokens(text), query);
    }

    /// <summary>
    /// About <see cref="SnippetWords"/> words of the first text that has a match, around the first match; without
    /// one, the start of the first non-empty text. Markdown marks are dropped first.
    /// </summary>
    public static string Snippet(SearchQuery? query, params string?[] texts)
    {
        var candidates = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Plain(t!)).ToList();
        if (candidates.Count == 0) return "";
        foreach (var text in candidates)
        {
            var tokens = IndonesianText.Tokens(text);
            var first = query is null ? -1 : tokens.FindIndex(t => query.Matches(t.Folded));
            if (first < 0) continue;
            var from = Math.Max(0, first - SnippetWords / 3);
            return Window(text, tokens, from, query);
        }
        var plain = candidates[0];
        return Window(plain, IndonesianText.Tokens(plain), 0, query);
    }

    private static string Window(string text, List<TextToken> tokens, int from, SearchQuery? query)
    {
        if (tokens.Count == 0) return WebUtility.HtmlEncode(text);
        var to = Math.Min(tokens.Count, from + SnippetWords) - 1;
        var start = from == 0 ? 0 : tokens[from].Start;
        var end = to == tokens.Count - 1 ? text.Length : tokens[to].Start + tokens[to].Length;
        var sb = new StringBuilder();
        if (from > 0) sb.Append("… ");
        sb.Append(query is null ? WebUtility.HtmlEncode(text[start..end]) : Mark(text, start, end, tokens, query));
        if (to < tokens.Count - 1) sb.Append(" …");
        return sb.ToString();
    }

    private static string Mark(string text, int start, int end, List<TextToken> tokens, SearchQuery query)
    {
        var sb = new StringBuilder();
        var pos = start;
        foreach (var t in tokens)
        {
            if (t.Start < start || t.Start + t.Length > end || !query.Matches(t.Folded)) continue;
            sb.Append(WebUtility.HtmlEncode(text[pos..t.Start]));
            sb.Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(t.Start, t.Length))).Append("</mark>");
            pos = t.Start + t.Length;
        }
        sb.Append(WebUtility.HtmlEncode(text[pos..end]));
        return sb.ToString();
    }

    /// <summary>Markdown source without its marks (emphasis, headings, list bullets, link targets), one line.</summary>
    public static string Plain(string markdown)
    {
        var s = MarkdownLink().Replace(markdown, "$1");
        s = MarkdownMarks().Replace(s, " ");
        return Spaces().Replace(s, " ").Trim();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[*_`#>|~]+|^\s*[-+]\s", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
