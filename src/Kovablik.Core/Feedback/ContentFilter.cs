using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kovablik.Feedback;

public enum FilterSignal
{
    /// <summary>A profanity or insult from the word list (strong).</summary>
    Profanity = 1,

    /// <summary>A gambling or advertising phrase from the word list (strong).</summary>
    SpamPhrase = 2,

    /// <summary>Three or more links (strong).</summary>
    ManyLinks = 3,

    /// <summary>One or two links (weak).</summary>
    Link = 4,

    /// <summary>Mostly capital letters (weak).</summary>
    Shouting = 5,

    /// <summary>One character repeated many times in a row (weak).</summary>
    RepeatedCharacters = 6,
}

public sealed record FilterFinding(FilterSignal Signal, string? Term = null)
{
    public bool IsStrong => Signal is FilterSignal.Profanity or FilterSignal.SpamPhrase or FilterSignal.ManyLinks;

    public override string ToString() => Term is null ? Signal.ToString() : $"{Signal}={Term}";
}

/// <summary>The filter's verdict: <see cref="Hold"/> when a strong signal or two weak ones were found.</summary>
public sealed record FilterVerdict(bool Hold, IReadOnlyList<FilterFinding> Findings)
{
    /// <summary>The findings as stored on the comment ("Profanity=anjing;Shouting"), null when none.</summary>
    public string? Stored => Findings.Count == 0 ? null : string.Join(';', Findings.Select(f => f.ToString()));

    public static IReadOnlyList<FilterFinding> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s =>
        {
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? s : s[..eq];
            return Enum.TryParse<FilterSignal>(name, out var signal) ? new FilterFinding(signal, eq < 0 ? null : s[(eq + 1)..]) : null;
        }).OfType<FilterFinding>().ToList();
}

/// <summary>
/// Spam and profanity filter for public comments. Pure and thread-safe: the word list (an embedded resource,
/// Feedback/Data/kata-terlarang.txt) is read once. It never rejects: a verdict only decides whether a comment is
/// published at once or waits for a moderator, so a false positive costs a delay, not a lost comment.
/// </summary>
public sealed partial class ContentFilter
{
    public const int MinShoutingLetters = 15;
    public const double ShoutingRatio = 0.8;
    public const int ManyLinks = 3;

    private static readonly string[] Suffixes = ["nya", "lah", "kah", "mu", "lu", "kau", "an", "in"];

    private readonly HashSet<string> _profaneWords = new(StringComparer.Ordinal);
    private readonly List<string[]> _profanePhrases = [];
    private readonly HashSet<string> _spamWords = new(StringComparer.Ordinal);
    private readonly List<string[]> _spamPhrases = [];

    public static ContentFilter Default { get; } = FromResource();

    public ContentFilter(string wordList)
    {
        var section = "";
        foreach (var raw in wordList.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }
            var tokens = Tokens(line);
            if (tokens.Count == 0) continue;
            var (words, phrases) = section switch
            {
                "kasar" => (_profaneWords, _profanePhrases),
                "spam" => (_spamWords, _spamPhrases),
                _ => throw new FormatException($"Word list entry '{line}' is outside [kasar] or [spam]."),
            };
            if (tokens.Count == 1) words.Add(tokens[0]);
            else phrases.Add([.. tokens]);
        }
    }

    private static ContentFilter FromResource()
    {
        using var stream = typeof(ContentFilter).Assembly.GetManifestResourceStream("Kovablik.Feedback.Data.kata-terlarang.txt")
            ?? throw new InvalidOperationException("The embedded word list Kovablik.Feedback.Data.kata-terlarang.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new ContentFilter(reader.ReadToEnd());
    }

    public FilterVerdict Check(string text)
    {
        var findings = new List<FilterFinding>();
        var tokens = Tokens(text);

        foreach (var term in Matches(tokens, _profaneWords, _profanePhrases))
            findings.Add(new FilterFinding(FilterSignal.Profanity, term));
        foreach (var term in Matches(tokens, _spamWords, _spamPhrases))
            findings.Add(new FilterFinding(FilterSignal.SpamPhrase, term));

        var links = LinkPattern().Count(text);
        if (links >= ManyLinks) findings.Add(new FilterFinding(FilterSignal.ManyLinks, links.ToString(CultureInfo.InvariantCulture)));
        else if (links > 0) findings.Add(new FilterFinding(FilterSignal.Link, links.ToString(CultureInfo.InvariantCulture)));

        var letters = text.Count(char.IsLetter);
        if (letters >= MinShoutingLetters && text.Count(char.IsUpper) >= letters * ShoutingRatio)
            findings.Add(new FilterFinding(FilterSignal.Shouting));
        if (RepeatedPattern().IsMatch(text)) findings.Add(new FilterFinding(FilterSignal.RepeatedCharacters));

        var hold = findings.Any(f => f.IsStrong) || findings.Count(f => !f.IsStrong) >= 2;
        return new FilterVerdict(hold, findings);
    }

    private static IEnumerable<string> Matches(List<string> tokens, HashSet<string> words, List<string[]> phrases)
    {
        var found = new List<string>();
        foreach (var t in tokens)
        {
            if (words.Contains(t)) found.Add(t);
            else
                foreach (var s in Suffixes)
                    if (t.Length > s.Length + 2 && t.EndsWith(s, StringComparison.Ordinal) && words.Contains(t[..^s.Length]))
                    {
                        found.Add(t[..^s.Length]);
                        break;
                    }
        }
        foreach (var p in phrases)
            for (var i = 0; i + p.Length <= tokens.Count; i++)
                if (p.AsSpan().SequenceEqual(tokens.GetRange(i, p.Length).ToArray()))
                {
                    found.Add(string.Join(' ', p));
                    break;
                }
        return found.Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Words of a text in comparable form: lower case without accents, leetspeak read as letters, repeated letters
    /// collapsed, and runs of three or more single letters ("a n j i n g", "a.n.j.i.n.g") joined into one word.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var raw = new List<string>();
        var current = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c) || IsLeetSymbol(c)) current.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();

        var tokens = new List<string>();
        var singles = new StringBuilder();
        foreach (var t in raw)
        {
            if (t.Length == 1)
            {
                singles.Append(t);
                continue;
            }
            EndSingles();
            tokens.Add(t);
        }
        EndSingles();
        return tokens;

        void Flush()
        {
            if (current.Length == 0) return;
            var token = current.ToString().Trim('!', '|');
            current.Clear();
            if (token.Length == 0) return;
            // A number stays a number ("741" is not "tai"); a word with digits in it is leetspeak.
            if (token.Length > 1 && !token.Any(char.IsLetter)) return;
            raw.Add(Collapse(Unleet(token)));
        }

        void EndSingles()
        {
            if (singles.Length >= 3) tokens.Add(Collapse(singles.ToString()));
            singles.Clear();
        }
    }

    private static bool IsLeetSymbol(char c) => c is '@' or '$' or '!' or '|' or '€';

    private static string Unleet(string token)
    {
        var b = new StringBuilder(token.Length);
        foreach (var c in token)
            b.Append(c switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' or '€' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                '8' => 'b',
                '9' => 'g',
                _ => c,
            });
        return b.ToString();
    }

    private static string Collapse(string token)
    {
        var b = new StringBuilder(token.Length);
        foreach (var c in token)
            if (b.Length == 0 || b[^1] != c) b.Append(c);
        return b.ToString();
    }

    [GeneratedRegex(@"https?://\S+|www\.\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|xyz|top|site|online|vip|link|club|io|me|ly|id|co|cc|tk)\b\S*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"([^\s.])\1{7,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RepeatedPattern();
}
