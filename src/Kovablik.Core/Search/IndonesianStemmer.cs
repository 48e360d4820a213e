using System.Collections.Frozen;
using System.Reflection;

namespace Kovablik.Search;

/// <summary>
/// A deterministic, dictionary-backed Indonesian stemmer in the Nazief–Adriani / confix-stripping family.
/// Suffixes (-lah/-kah/-tah/-pun, -ku/-mu/-nya, -kan/-an/-i) and up to three prefixes (with the
/// morphophonemic recodings of me-/pe-/ber-/ter-) are peeled off in a fixed order; the first candidate found in
/// the root-word list wins. A word whose root is not in the list is returned unchanged, which is why
/// "kendaraan" stems to "kendara" and never to the over-stemmed "ndara" of rule-only stemmers.
/// </summary>
public static class IndonesianStemmer
{
    /// <summary>Bumped whenever the rules or the root list change, so stored index terms are rebuilt.</summary>
    public const int Version = 1;

    private const int MaxPrefixes = 3;

    private static readonly FrozenSet<string> Roots = LoadRoots();

    public static bool IsRoot(string word) => Roots.Contains(word);

    public static int RootCount => Roots.Count;

    /// <summary>Stems one lower-case word (letters only; anything else is returned as it is).</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || Roots.Contains(word) || !word.All(c => c is >= 'a' and <= 'z')) return word;

        // Suffix variants, least stripped first, in the order Nazief–Adriani removes them.
        var variants = new List<string> { word };
        foreach (var p in Strip(word, ["lah", "kah", "tah", "pun"])) variants.Add(p);
        foreach (var v in variants.ToArray())
            foreach (var p in Strip(v, ["nya", "ku", "mu"])) variants.Add(p);
        foreach (var v in variants.ToArray())
            foreach (var p in Strip(v, ["kan", "an", "i"])) variants.Add(p);

        for (var i = 1; i < variants.Count; i++)
            if (Roots.Contains(variants[i])) return variants[i];

        // Prefixes: first on the most stripped form (the usual confix), then give suffixes back one by one.
        for (var i = variants.Count - 1; i >= 0; i--)
        {
            var found = RemovePrefixes(variants[i], MaxPrefixes);
            if (found is not null) return found;
        }
        return word;
    }

    private static IEnumerable<string> Strip(string word, string[] suffixes)
    {
        foreach (var s in suffixes)
            if (word.Length - s.Length >= 3 && word.EndsWith(s, StringComparison.Ordinal))
            {
                yield return word[..^s.Length];
                // "-kan" and "-an" overlap; each is its own candidate ("pendidikan": didik, not didi).
                if (s != "kan") yield break;
            }
    }

    private static string? RemovePrefixes(string word, int depth)
    {
        if (depth == 0) return null;
        foreach (var candidate in PrefixCandidates(word))
        {
            if (candidate.Length < 3) continue;
            if (Roots.Contains(candidate)) return candidate;
            var deeper = RemovePrefixes(candidate, depth - 1);
            if (deeper is not null) return deeper;
        }
        return null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static char At(string w, int i) => i < w.Length ? w[i] : '\0';

    /// <summary>Every way a prefix could have been attached, with the root's first letter restored.</summary>
    private static IEnumerable<string> PrefixCandidates(string w)
    {
        if (w.StartsWith("di", StringComparison.Ordinal)) yield return w[2..];
        else if (w.StartsWith("ke", StringComparison.Ordinal)) yield return w[2..];
        else if (w.StartsWith("se", StringComparison.Ordinal)) yield return w[2..];

        if (w.StartsWith("ter", StringComparison.Ordinal))
        {
            yield return w[3..];
            if (IsVowel(At(w, 3))) yield return w[2..]; // te-rV: terasa -> rasa
        }
        else if (w.StartsWith("te", StringComparison.Ordinal) && !IsVowel(At(w, 2)) && At(w, 3) == 'e' && At(w, 4) == 'r')
        {
            yield return w[2..]; // te-CerV: tebersit
        }

        if (w.StartsWith("ber", StringComparison.Ordinal))
        {
            yield return w[3..];
            if (IsVowel(At(w, 3))) yield return w[2..]; // be-rV: berupa -> rupa
        }
        else if (w.StartsWith("bel", StringComparison.Ordinal))
        {
            yield return w[3..]; // belajar -> ajar
        }
        if (w.StartsWith("be", StringComparison.Ordinal) && !IsVowel(At(w, 2)) && At(w, 3) == 'e' && At(w, 4) == 'r')
            yield return w[2..]; // be-C1erC2: bekerja -> kerja

        if (w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal))
        {
            var head = w[0];
            if (head == 'p' && w.StartsWith("per", StringComparison.Ordinal))
            {
                yield return w[3..];
                if (IsVowel(At(w, 3))) yield return w[2..]; // pe-rV: perumahan -> rumah
            }
            if (head == 'p' && w.StartsWith("pel", StringComparison.Ordinal)) yield return w[3..]; // pelajar -> ajar

            if (w.Length > 5 && w.AsSpan(1).StartsWith("enge") && !IsVowel(At(w, 5)))
                yield return w[5..]; // menge-/penge- + one syllable: mengecat -> cat

            if (w.AsSpan(1).StartsWith("eng"))
            {
                var rest = w[4..];
                if (rest.Length > 0 && IsVowel(rest[0]))
                {
                    yield return rest;          // mengambil -> ambil
                    yield return "k" + rest;    // mengirim -> kirim
                }
                else yield return rest;         // menggali -> gali, mengharap -> harap
            }
            else if (w.AsSpan(1).StartsWith("eny"))
            {
                var rest = w[4..];
                if (rest.Length > 0 && IsVowel(rest[0])) yield return "s" + rest; // menyapu -> sapu
                yield return "ny" + rest;                                          // menyanyi -> nyanyi
            }
            else if (w.AsSpan(1).StartsWith("em"))
            {
                var rest = w[3..];
                if (rest.Length > 0 && IsVowel(rest[0]))
                {
                    yield return "p" + rest;    // memukul -> pukul
                    yield return "m" + rest;    // memakan -> makan
                }
                else yield return rest;         // membaca -> baca, memperbaiki -> perbaiki
            }
            else if (w.AsSpan(1).StartsWith("en"))
            {
                var rest = w[3..];
                if (rest.Length > 0 && IsVowel(rest[0]))
                {
                    yield return "t" + rest;    // menulis -> tulis
                    yield return "n" + rest;    // menanti -> nanti
                }
                else yield return rest;         // mendaftar -> daftar, mencatat -> catat
            }
            else if (At(w, 2) is 'l' or 'r' or 'w' or 'y' or 'm' or 'n')
            {
                yield return w[2..];            // melayani -> layani, merawat -> rawat, pewarna -> warna
            }
            else if (head == 'p' && !IsVowel(At(w, 2)))
            {
                yield return w[2..];            // petani -> tani, pekerja -> kerja
            }
        }
    }

    private static FrozenSet<string> LoadRoots()
    {
        var assembly = typeof(IndonesianStemmer).Assembly;
        using var stream = assembly.GetManifestResourceStream("Kovablik.Search.Data.root-words.txt")
            ?? throw new InvalidOperationException("Embedded root-word list missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            var content = hash >= 0 ? line[..hash] : line;
            foreach (var w in content.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
                set.Add(w.Trim().ToLowerInvariant());
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
