using Kovablik.Search;

namespace Kovablik.Tests.Search;

public sealed class IndonesianStemmerTests(ITestOutputHelper output)
{
    private static List<(string Word, string Root)> Pairs() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Search", "stemmer-pairs.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0].Trim(), p[1].Trim()))
            .ToList();

    [Fact]
    public void Word_list_is_large_enough_and_well_formed()
    {
        var pairs = Pairs();
        Assert.True(pairs.Count >= 250, $"only {pairs.Count} pairs");
        Assert.Equal(pairs.Count, pairs.Select(p => p.Word).Distinct().Count());
    }

    [Fact]
    public void Stems_at_least_95_percent_of_the_word_list_correctly()
    {
        var pairs = Pairs();
        var wrong = pairs.Select(p => (p.Word, p.Root, Got: IndonesianStemmer.Stem(p.Word))).Where(x => x.Got != x.Root).ToList();
        var accuracy = 1.0 - (double)wrong.Count / pairs.Count;
        output.WriteLine($"Stemmer accuracy: {accuracy:P2} ({pairs.Count - wrong.Count}/{pairs.Count}); roots in dictionary: {IndonesianStemmer.RootCount}");
        foreach (var w in wrong) output.WriteLine($"  {w.Word}: expected {w.Root}, got {w.Got}");
        TestContext.Current.AddAttachment("stemmer-accuracy", $"{accuracy:P2} ({pairs.Count - wrong.Count}/{pairs.Count})");
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P2}; wrong: {string.Join(", ", wrong.Select(w => $"{w.Word}→{w.Got} (want {w.Root})"))}");
    }

    [Fact]
    public void Reports_accuracy_on_a_held_out_list()
    {
        // Not tuned against: the figure shows how far the root list reaches for words nobody checked in advance.
        var pairs = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Search", "stemmer-heldout.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).Select(p => (Word: p[0], Root: p[1])).ToList();
        var wrong = pairs.Where(p => IndonesianStemmer.Stem(p.Word) != p.Root).ToList();
        var accuracy = 1.0 - (double)wrong.Count / pairs.Count;
        output.WriteLine($"Held-out accuracy: {accuracy:P2} ({pairs.Count - wrong.Count}/{pairs.Count})");
        foreach (var w in wrong) output.WriteLine($"  {w.Word}: expected {w.Root}, got {IndonesianStemmer.Stem(w.Word)}");
        Assert.True(pairs.Count >= 50);
        // A floor well below the tuned list's, so a broken rule still fails here.
        Assert.True(accuracy >= 0.6, $"held-out accuracy {accuracy:P2}");
    }

    [Theory]
    [InlineData("menyapu", "sapu")]
    [InlineData("memukul", "pukul")]
    [InlineData("menulis", "tulis")]
    [InlineData("mengirim", "kirim")]
    [InlineData("pelayanan", "layan")]
    [InlineData("melayani", "layan")]
    [InlineData("layanan", "layan")]
    [InlineData("perizinan", "izin")]
    [InlineData("pembayaran", "bayar")]
    [InlineData("kendaraan", "kendara")]
    [InlineData("pendidikan", "didik")]
    [InlineData("memperbaiki", "baik")]
    public void Must_pass_pairs(string word, string root) => Assert.Equal(root, IndonesianStemmer.Stem(word));

    [Fact]
    public void Unknown_words_and_numbers_are_left_alone()
    {
        Assert.Equal("surabaya", IndonesianStemmer.Stem("surabaya"));
        Assert.Equal("2024", IndonesianStemmer.Stem("2024"));
        Assert.Equal("5g", IndonesianStemmer.Stem("5g"));
    }

    [Fact]
    public void Tokeniser_folds_case_and_accents_drops_stop_words_and_keeps_numbers()
    {
        Assert.Equal(["pelayanan", "izin", "tahun", "2024", "online"], IndonesianText.Words("Pelayánan DAN izin, di tahun 2024 (online)!").ToArray());
        Assert.Equal("pelayanan", IndonesianText.Fold("PELAYA\u0301NAN"));
        var tokens = IndonesianText.Tokens("a<b>Layanan</b>");
        Assert.Equal(["a", "b", "layanan", "b"], tokens.Select(t => t.Folded).ToArray());
        Assert.Equal(4, tokens[2].Start);
    }
}
