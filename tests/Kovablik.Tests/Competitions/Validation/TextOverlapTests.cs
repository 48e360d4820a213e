using Kovablik.Competitions.Validation;

namespace Kovablik.Tests.Competitions.Validation;

public sealed class TextOverlapTests
{
    private static List<string> Words(string seed, int count) => [.. Enumerable.Range(0, count).Select(i => $"{seed}{i}")];

    [Theory]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(45)]
    public void Texts_sharing_a_run_of_at_least_30_words_share_a_fingerprint(int run)
    {
        var shared = Words("bersama", run);
        var a = Words("awal", 57).Concat(shared).Concat(Words("akhir", 13)).ToList();
        var b = Words("lain", 5).Concat(shared).Concat(Words("penutup", 80)).ToList();
        Assert.NotEmpty(TextOverlap.Fingerprints(a).Intersect(TextOverlap.Fingerprints(b)));
    }

    [Fact]
    public void Unrelated_texts_share_no_fingerprint_and_a_text_keeps_a_fraction_of_its_grams()
    {
        var a = TextOverlap.Fingerprints(Words("satu", 600));
        var b = TextOverlap.Fingerprints(Words("dua", 600));
        Assert.Empty(a.Intersect(b));
        // Winnowing keeps about 2/(w+1) of the 586 grams: an index, not a copy of the text.
        Assert.InRange(a.Count, 20, 150);
    }

    [Fact]
    public void Fingerprints_are_stable_across_processes_and_ignore_case()
    {
        // Stored in the database, so they must not depend on string.GetHashCode's per-process seed.
        var words = TextOverlap.NormalisedWords(string.Join(' ', Words("Kata", 20)));
        var lower = TextOverlap.NormalisedWords(string.Join(' ', Words("kata", 20)));
        Assert.Equal(TextOverlap.Fingerprints(words), TextOverlap.Fingerprints(lower));
        // A pinned value: changing the hash function would silently orphan every stored fingerprint.
        Assert.Equal([-8_437_966_049_688_360_145L], TextOverlap.Fingerprints(lower));
        Assert.Empty(TextOverlap.Fingerprints(Words("pendek", 14)));
    }
}
