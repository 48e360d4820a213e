namespace Kovablik.Competitions.Validation;

/// <summary>Word n-gram overlap between texts, on normalised words, for the filler-answer flags.</summary>
public static class TextOverlap
{
    public static IReadOnlyList<string> NormalisedWords(string? text) =>
        [.. IndonesianWordCounter.Words(text).Select(IndonesianWordCounter.Normalise)];

    public static HashSet<string> Shingles(IReadOnlyList<string> words, int n)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++) set.Add(string.Join(' ', words.Skip(i).Take(n)));
        return set;
    }

    /// <summary>The share of <paramref name="part"/>'s shingles that also occur in <paramref name="whole"/> (0 when it has none).</summary>
    public static double Containment(HashSet<string> part, HashSet<string> whole) =>
        part.Count == 0 ? 0 : (double)part.Count(whole.Contains) / part.Count;

    /// <summary>
    /// The longest run of consecutive words <paramref name="a"/> shares with <paramref name="b"/>, or 0 when it is
    /// shorter than <paramref name="minimum"/>: only runs of at least that length are looked for, by hashing
    /// minimum-word windows, so comparing against every proposal of an edition stays linear.
    /// </summary>
    public static int LongestSharedRun(IReadOnlyList<string> a, IReadOnlyList<string> b, int minimum)
    {
        if (a.Count < minimum || b.Count < minimum) return 0;
        var windows = new Dictionary<long, List<int>>();
        var hashesB = WindowHashes(b, minimum);
        for (var j = 0; j < hashesB.Length; j++)
        {
            if (!windows.TryGetValue(hashesB[j], out var list)) windows[hashesB[j]] = list = [];
            list.Add(j);
        }
        var hashesA = WindowHashes(a, minimum);
        var best = 0;
        for (var i = 0; i < hashesA.Length; i++)
        {
            if (!windows.TryGetValue(hashesA[i], out var starts)) continue;
            foreach (var j in starts)
            {
                // A hash hit is confirmed word by word, then extended as far as the texts agree.
                var length = 0;
                while (i + length < a.Count && j + length < b.Count && a[i + length] == b[j + length]) length++;
                if (length >= minimum && length > best) best = length;
            }
        }
        return best;
    }

    private static long[] WindowHashes(IReadOnlyList<string> words, int n)
    {
        var wordHashes = words.Select(w => (long)w.GetHashCode(StringComparison.Ordinal)).ToArray();
        var result = new long[words.Count - n + 1];
        for (var i = 0; i < result.Length; i++)
        {
            long h = 17;
            for (var k = 0; k < n; k++) h = unchecked(h * 1_000_003 + wordHashes[i + k]);
            result[i] = h;
        }
        return result;
    }

    /// <summary>Words per hashed k-gram in <see cref="Fingerprints"/>.</summary>
    public const int FingerprintGram = 15;

    /// <summary>Consecutive k-grams a fingerprint is chosen from (winnowing window).</summary>
    public const int FingerprintWindow = 16;

    /// <summary>
    /// Winnowing fingerprints (Schleimer, Wilkerson, Aiken 2003): the smallest hash of every window of
    /// <see cref="FingerprintWindow"/> consecutive <see cref="FingerprintGram"/>-word grams. Two texts sharing a run
    /// of at least <c>Window + Gram - 1</c> = 30 words are guaranteed to share a fingerprint, while a text keeps only
    /// about 2/(Window+1) of its grams, so the edition's proposals can be indexed and candidates found with one
    /// indexed query instead of reading every proposal. Hashes are stable across processes (FNV-1a) because they are
    /// stored.
    /// </summary>
    public static HashSet<long> Fingerprints(IReadOnlyList<string> words)
    {
        var result = new HashSet<long>();
        if (words.Count < FingerprintGram) return result;
        var wordHashes = words.Select(StableHash).ToArray();
        var grams = new long[words.Count - FingerprintGram + 1];
        for (var i = 0; i < grams.Length; i++)
        {
            var h = unchecked((long)14695981039346656037UL);
            for (var k = 0; k < FingerprintGram; k++) h = unchecked((h ^ wordHashes[i + k]) * 1099511628211L);
            grams[i] = h;
        }
        if (grams.Length <= FingerprintWindow)
        {
            result.Add(grams.Min());
            return result;
        }
        for (var start = 0; start + FingerprintWindow <= grams.Length; start++)
        {
            var min = grams[start];
            for (var i = start + 1; i < start + FingerprintWindow; i++)
                if (grams[i] < min) min = grams[i];
            result.Add(min);
        }
        return result;
    }

    private static long StableHash(string word)
    {
        var h = unchecked((long)14695981039346656037UL);
        foreach (var c in word) h = unchecked((h ^ c) * 1099511628211L);
        return h;
    }
}
