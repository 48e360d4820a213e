using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kovablik.Tests.Localization;

/// <summary>One place a resource key is used.</summary>
public sealed record SourceString(string Key, string File, int Line, string Rule);

/// <summary>What a scan of the source tree found: the keys (with where they occur) and the warnings.</summary>
public sealed class SourceStringScan
{
    public Dictionary<string, List<SourceString>> Keys { get; } = new(StringComparer.Ordinal);
    public List<string> Warnings { get; } = [];

    public IReadOnlyList<string> SortedKeys => [.. Keys.Keys.Order(StringComparer.Ordinal)];

    internal void Add(string key, string file, int line, string rule)
    {
        if (string.IsNullOrWhiteSpace(key)) return;
        if (!Keys.TryGetValue(key, out var list)) Keys[key] = list = [];
        list.Add(new SourceString(key, file, line, rule));
    }
}

/// <summary>
/// C# port of tools/l10n/extract_strings.py: finds the user-facing Indonesian resource keys in
/// src/Kovablik.Web (*.cshtml, *.cs) and src/Kovablik.Core (*.cs). Keep the rules of both in step;
/// the script's docstring explains each one.
/// </summary>
public static class SourceStrings
{
    // A C# string literal: optional $ / @ prefix, then "...". Group "p" = prefix, "s" = body.
    private const string Str = @"(?<p>\$@|@\$|\$|@)?""(?<s>(?:[^""\\\r\n]|\\.)*)""";
    // A first argument naming a field: nameof(...), a plain literal or an identifier.
    private const string Arg = @"(?:nameof\([^()]*\)|""[^""\\\r\n]*""|[A-Za-z_][\w.]*)";
    // The literal reads like text: a letter first, then a space or a closing . ? ! (not ".pdf" or "application/pdf").
    private const string Text = @"(?=(?:\$@|@\$|\$|@)?""[^\W\d_](?:[^""\\\r\n]|\\.)*?(?:\s|[.!?]""))";

    private sealed record Rule(string Name, Regex Pattern, string Scope, bool Raw);

    private static Regex Rx(string pattern, RegexOptions options = RegexOptions.None) =>
        new(pattern, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));

    // Scope: "all", "web" (src/Kovablik.Web), "core" (src/Kovablik.Core). Raw: reaches people without the localiser.
    private static readonly Rule[] Rules =
    [
        new("localizer", Rx(@"\b[Ll]\[\s*" + Str + @"\s*\]"), "all", false),
        new("error-message", Rx(@"\bErrorMessage\s*=\s*" + Str), "all", false),
        new("display-name", Rx(@"\[\s*Display\s*\([^\]]*?\bName\s*=\s*" + Str), "all", false),
        new("errors-add", Rx(@"\berrors\.Add\(\s*" + Arg + @"\s*,\s*" + Str + @"\s*\)"), "all", false),
        new("add-nameof", Rx(@"\.Add\(\s*nameof\([^()]*\)\s*,\s*" + Str + @"\s*\)"), "all", false),
        new("invalid", Rx(@"\bInvalid\(\s*" + Arg + @"\s*,\s*" + Str + @"\s*[,)]"), "all", false),
        new("conflict", Rx(@"\bConflict\(\s*" + Str + @"\s*\)"), "all", false),
        new("error-dictionary", Rx(@"\[\s*" + Arg + @"\s*\]\s*=\s*\[\s*" + Text + Str + @"\s*\]"), "all", false),
        new("error-tuple", Rx(@"\(\s*null\s*,\s*" + Str + @"\s*\)"), "all", false),
        new("nameof-tuple", Rx(@"\(\s*nameof\([^()]*\)\s*,\s*" + Str + @"\s*\)"), "all", false),
        new("fail", Rx(@"\bFail\(\s*" + Str), "all", false),
        new("message-format", Rx(@"\bMessage\.Format\(\s*" + Str), "all", false),
        new("identity-description", Rx(@"\bDescription\s*=\s*" + Str), "core", false),
        new("model-error", Rx(@"\bAddModelError\(\s*" + Arg + @"\s*,\s*" + Str + @"\s*\)"), "all", true),
        new("problem-text", Rx(@"\b(?:title|detail)\s*:\s*" + Str), "web", true),
        new("problem-text", Rx(@"\b(?:title|detail)\s*:\s*[^,;""]*\?\s*" + Str + @"\s*:"), "web", true),
        new("problem-text", Rx(@"\b(?:title|detail)\s*:\s*[^,;""]*\?\s*""[^""\\\r\n]*""\s*:\s*" + Str), "web", true),
        new("tempdata", Rx(@"\bTempData\[[^\]]*\]\s*=\s*" + Str + @"\s*;"), "web", true),
        new("response-write", Rx(@"\bResponse\.WriteAsync\(\s*" + Str), "web", true),
        new("skip-reason", Rx(@"\bSkipReason\s*=\s*" + Str), "all", false),
        new("refused", Rx(@"\bRefused\(\s*" + Str), "all", false),
    ];

    private sealed record BlockRule(string Name, Regex Block, Regex Literal, bool Raw);

    // Blocks whose literals are keys: import row errors (also inside ?: branches; localised by the import pages and API),
    // ProblemDetails { Title = ..., Detail = ... } (shown raw).
    private static readonly BlockRule[] BlockRules =
    [
        new("add-error", Rx(@"\bAddError\((?<body>[^;]*)\)\s*;"), Rx(Str), false),
        new("problem-details", Rx(@"\bProblemDetails\b[^{};]*\{(?<body>[^{}]*)\}"), Rx(@"\b(?:Title|Detail)\s*=\s*" + Str), true),
    ];

    // Files whose Indonesian prose is data, not UI (demo content).
    private static readonly string[] NotUi = ["src/Kovablik.Core/Demo/"];

    private static readonly Regex AnyStr = Rx(Str);
    private static readonly Regex Sentence = Rx(@"^[A-Z][^{}\r\n]*\s[^{}\r\n]*[.!?:]$");
    private static readonly Regex DisplayMethod = Rx(@"\bstatic\s+string\s+Display\s*\([^)]*\)\s*=>\s*(?:[^;{}]|\{[^{}]*\})*;");
    private static readonly Regex SwitchArm = Rx(@"\b(?<n>\w+)\s*=>\s*" + Str);
    private static readonly Regex ConstString = Rx(@"\bconst\s+string\s+(?<n>\w+)\s*=\s*" + Str);
    private static readonly Regex ReferenceList = Rx(@"\b(?:Categories|Sdgs|TargetGroups)\s*=\s*\[(?<body>.*?)\];", RegexOptions.Singleline);
    private static readonly Regex RazorComment = Rx(@"@\*.*?\*@", RegexOptions.Singleline);
    private static readonly Regex LineComment = Rx(@"^[ \t]*//[^\n]*", RegexOptions.Multiline);
    private static readonly Regex Interpolated = Rx(@"\$+""""""(?<raw>.*?)""""""|\$@?""(?<s>(?:[^""\\\r\n]|\\.)*)""", RegexOptions.Singleline);
    private static readonly Regex Prose = Rx(@"[A-Za-z]{2,}[ \t]+[A-Za-z]{2,}");
    private static readonly Regex Indonesian = Rx(@"\b(?:yang|dan|di|ke|dari|untuk|tidak|atau|dengan|ini|itu|Anda|sudah|belum|wajib|maksimal|minimal|"
        + @"berkas|inovasi|organisasi|kata|sandi|akun|halaman|tautan|harus|dapat|baru|lagi)\b");
    private static readonly Regex SkipLine = Rx(@"throw new|\bLog[A-Z]\w*\(|Console\.Write|\bnew\s+(?:Invalid|Argument|NotSupported)\w*Exception");
    private static readonly Regex Braces = Rx(@"\{[^{}]*\}");
    private static readonly Regex Escape = Rx(@"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{1,4}|.)");
    private static readonly Regex Placeholder = Rx(@"\{(\d+)(?:[,:][^{}]*)?\}");
    private static readonly Regex Whitespace = Rx(@"\s+");
    private static readonly Regex NotNewline = Rx(@"[^\n]");

    private static readonly string[] SkippedFolders = ["bin", "obj", "Migrations", "wwwroot"];

    /// <summary>Walks up from the test binaries until the folder holding Kovablik.slnx.</summary>
    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kovablik.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Kovablik.slnx above {AppContext.BaseDirectory}.");
    }

    public static SourceStringScan Extract(string root)
    {
        var result = new SourceStringScan();
        foreach (var (rel, scope) in SourceFiles(root))
        {
            var text = File.ReadAllText(Path.Combine(root, rel), Encoding.UTF8);
            ScanFile(result, rel, scope, StripComments(text, rel.EndsWith(".cshtml", StringComparison.Ordinal)));
        }
        return result;
    }

    private static List<(string Rel, string Scope)> SourceFiles(string root)
    {
        var files = new List<(string, string)>();
        foreach (var (project, scope, exts) in new[] { ("src/Kovablik.Web", "web", new[] { ".cs", ".cshtml" }), ("src/Kovablik.Core", "core", new[] { ".cs" }) })
        {
            var stack = new Stack<string>([Path.Combine(root, project)]);
            while (stack.Count > 0)
            {
                var dir = stack.Pop();
                foreach (var sub in Directory.GetDirectories(dir))
                    if (!SkippedFolders.Contains(Path.GetFileName(sub))) stack.Push(sub);
                foreach (var f in Directory.GetFiles(dir))
                    if (exts.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
                        files.Add((Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), scope));
            }
        }
        return [.. files.OrderBy(f => f.Item1, StringComparer.Ordinal)];
    }

    private static string Blank(Match m) => NotNewline.Replace(m.Value, " ");

    private static string StripComments(string text, bool razor)
    {
        if (razor) text = RazorComment.Replace(text, Blank);
        return LineComment.Replace(text, Blank);
    }

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
            if (text[i] == '\n') line++;
        return line;
    }

    public static string Unescape(string body, string? prefix)
    {
        if (prefix is not null && prefix.Contains('@', StringComparison.Ordinal)) return body.Replace("\"\"", "\"", StringComparison.Ordinal);
        return Escape.Replace(body, m =>
        {
            var c = m.Groups[1].Value;
            return c switch
            {
                "n" => "\n",
                "r" => "\r",
                "t" => "\t",
                "0" => "\0",
                "a" => "\a",
                "b" => "\b",
                "f" => "\f",
                "v" => "\v",
                "\\" => "\\",
                "\"" => "\"",
                "'" => "'",
                _ when c.Length > 1 && (c[0] is 'u' or 'x') => ((char)int.Parse(c[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ when c.Length > 1 && c[0] == 'U' => char.ConvertFromUtf32(int.Parse(c[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
                _ => c,
            };
        });
    }

    public static void ScanFile(SourceStringScan result, string rel, string scope, string text)
    {
        var seen = new HashSet<int>(); // start index of each literal already taken
        var warned = new HashSet<int>();

        void Take(Group prefixGroup, Group body, int offset, string rule, bool raw)
        {
            var start = body.Index + offset;
            var line = LineOf(text, start);
            var prefix = prefixGroup.Success ? prefixGroup.Value : null;
            if (prefix is not null && prefix.Contains('$', StringComparison.Ordinal))
            {
                result.Warnings.Add($"{rel}:{line}: interpolated string cannot be a resource key ({rule}): $\"{body.Value}\"");
                seen.Add(start);
                return;
            }
            var key = Unescape(body.Value, prefix);
            result.Add(key, rel, line, rule);
            if (raw && warned.Add(start))
                result.Warnings.Add($"{rel}:{line}: shown without the localiser ({rule}); wrap it in l[...]: \"{key}\"");
            seen.Add(start);
        }

        foreach (var rule in Rules)
        {
            if (rule.Scope != "all" && rule.Scope != scope) continue;
            foreach (Match m in rule.Pattern.Matches(text)) Take(m.Groups["p"], m.Groups["s"], 0, rule.Name, rule.Raw);
        }

        foreach (var rule in BlockRules)
            foreach (Match b in rule.Block.Matches(text))
            {
                var body = b.Groups["body"];
                foreach (Match m in rule.Literal.Matches(body.Value))
                    if (!seen.Contains(body.Index + m.Groups["s"].Index)) // e.g. AddError(Message.Format("...", x)): taken already
                        Take(m.Groups["p"], m.Groups["s"], body.Index, rule.Name, rule.Raw);
            }

        // Constants holding an Indonesian sentence (StaleMessage, RootLocked, ...) are messages.
        foreach (Match m in ConstString.Matches(text))
        {
            if (m.Groups["p"].Success) continue;
            var value = Unescape(m.Groups["s"].Value, null);
            if (Sentence.IsMatch(value) && Indonesian.IsMatch(value)) Take(m.Groups["p"], m.Groups["s"], 0, "message-constant", false);
        }

        var fileName = rel[(rel.LastIndexOf('/') + 1)..];

        // Infrastructure/Labels.cs: every literal is a label key.
        if (rel.EndsWith("Infrastructure/Labels.cs", StringComparison.Ordinal))
            foreach (Match m in AnyStr.Matches(text)) Take(m.Groups["p"], m.Groups["s"], 0, "labels", false);

        // Display(...) methods: the switch arms' values are keys.
        var armNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match d in DisplayMethod.Matches(text))
        {
            foreach (Match a in SwitchArm.Matches(d.Value)) armNames.Add(a.Groups["n"].Value);
            foreach (Match m in AnyStr.Matches(d.Value)) Take(m.Groups["p"], m.Groups["s"], d.Index, "display", false);
        }

        // Roles.Display returns the role name itself for every role it does not map.
        if (fileName == "Roles.cs")
            foreach (Match m in ConstString.Matches(text))
                if (!armNames.Contains(m.Groups["n"].Value)) Take(m.Groups["p"], m.Groups["s"], 0, "role-constant", false);

        // Reference data names (categories, SDGs, target groups) are shown through L[...].
        if (fileName == "ReferenceData.cs")
            foreach (Match b in ReferenceList.Matches(text))
            {
                var body = b.Groups["body"];
                foreach (Match m in AnyStr.Matches(body.Value)) Take(m.Groups["p"], m.Groups["s"], body.Index, "reference-data", false);
            }

        // Page models: sentence-like literals reach l[...] indirectly.
        if (rel.StartsWith("src/Kovablik.Web/Pages/", StringComparison.Ordinal) && rel.EndsWith(".cs", StringComparison.Ordinal))
            foreach (Match m in AnyStr.Matches(text))
            {
                if (seen.Contains(m.Groups["s"].Index) || m.Groups["p"].Success) continue;
                if (Sentence.IsMatch(Unescape(m.Groups["s"].Value, null))) Take(m.Groups["p"], m.Groups["s"], 0, "page-sentence", false);
            }

        if (NotUi.Any(n => rel.StartsWith(n, StringComparison.Ordinal))) return;

        // Any other interpolated literal that reads like Indonesian prose.
        foreach (Match m in Interpolated.Matches(text))
        {
            var group = m.Groups["s"].Success ? m.Groups["s"] : m.Groups["raw"];
            if (seen.Contains(group.Index) || IsSkippedLine(text, m.Index)) continue;
            var prose = Braces.Replace(group.Value, " ");
            if (Prose.IsMatch(prose) && Indonesian.IsMatch(prose))
            {
                var snippet = Whitespace.Replace(group.Value.Trim(), " ");
                if (snippet.Length > 100) snippet = snippet[..97] + "...";
                result.Warnings.Add($"{rel}:{LineOf(text, m.Index)}: interpolated text cannot be localised: $\"{snippet}\"");
            }
        }

        // Any other plain literal that reads like Indonesian prose: no rule knows how it reaches people.
        foreach (Match m in AnyStr.Matches(text))
        {
            if (m.Groups["p"].Success || seen.Contains(m.Groups["s"].Index)) continue;
            var body = Unescape(m.Groups["s"].Value, null);
            if (body.Length == 0 || !char.IsUpper(body[0]) || !Prose.IsMatch(body) || !Indonesian.IsMatch(body)) continue;
            if (IsSkippedLine(text, m.Index)) continue;
            result.Warnings.Add($"{rel}:{LineOf(text, m.Index)}: Indonesian text outside any localisation pattern: \"{body}\"");
        }
    }

    /// <summary>Log messages and exceptions are for operators, in English: not UI.</summary>
    private static bool IsSkippedLine(string text, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var lineEnd = text.IndexOf('\n', index);
        return SkipLine.IsMatch(text[lineStart..(lineEnd >= 0 ? lineEnd : text.Length)]);
    }

    /// <summary>The plain string entries (name → value) of a .resx file.</summary>
    public static Dictionary<string, string> ReadResx(string path)
    {
        var doc = XDocument.Load(path);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in doc.Root!.Elements("data"))
        {
            var name = (string?)data.Attribute("name");
            if (name is null || data.Attribute("type") is not null) continue;
            entries[name] = (string?)data.Element("value") ?? "";
        }
        return entries;
    }

    /// <summary>The distinct composite-format indexes ({0}, {1:N0} → "0", "1") of a string, sorted.</summary>
    public static IReadOnlyList<string> Placeholders(string s) =>
        [.. Placeholder.Matches(s).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];
}
