using Kovablik.Search;

namespace Kovablik.Tests.Search;

public sealed class HighlighterTests
{
    [Fact]
    public void Marks_words_sharing_a_stem_and_encodes_everything_else()
    {
        var q = SearchQuery.Parse("layanan izin ");
        Assert.Equal("<mark>Pelayanan</mark> &lt;b&gt;<mark>Perizinan</mark>&lt;/b&gt; &amp; <mark>layanan</mark> kota",
            Highlighter.Highlight("Pelayanan <b>Perizinan</b> & layanan kota", q));
    }

    [Fact]
    public void Marks_the_prefix_being_typed()
    {
        var q = SearchQuery.Parse("pelay");
        Assert.Equal("<mark>Pelayanan</mark> Terpadu", Highlighter.Highlight("Pelayanan Terpadu", q));
    }

    [Fact]
    public void A_script_in_the_query_or_the_text_stays_text()
    {
        var q = SearchQuery.Parse("<script>alert(1)</script>");
        var html = Highlighter.Highlight("Tentang <script>alert(1)</script> dan script lain", q);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;<mark>script</mark>&gt;", html, StringComparison.Ordinal);
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt;", Highlighter.Highlight("<img src=x onerror=alert(1)>", null));
    }

    [Fact]
    public void Snippet_is_a_window_around_the_first_match_of_the_first_text_that_has_one()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"kata{i}"));
        var body = words + " warga dilayani di rumah " + words;
        var snippet = Highlighter.Snippet(SearchQuery.Parse("layanan "), "Deskripsi tanpa kecocokan.", body);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>dilayani</mark>", snippet, StringComparison.Ordinal);
        Assert.Equal("Deskripsi tanpa kecocokan.", Highlighter.Snippet(SearchQuery.Parse("sampah "), "Deskripsi tanpa kecocokan.", "Lain."));
        Assert.Equal("Tebal dan tautan", Highlighter.Snippet(null, "**Tebal** dan [tautan](https://contoh.id)"));
    }

    [Fact]
    public void Query_parsing_keeps_only_letters_and_digits()
    {
        Assert.Null(SearchQuery.Parse("  * \" : ( ) "));
        Assert.Null(SearchQuery.Parse("yang dan "));
        var q = SearchQuery.Parse("\"layanan\" OR NEAR(izin*")!;
        // The last word is followed by "*", not typed at the end: a whole word, no prefix.
        Assert.Equal("\"layan\" AND \"or\" AND \"near\" AND \"izin\"", q.ToFts5());
        Assert.Equal("layan & or & near & izin", q.ToTsQuery());
        Assert.Equal("(\"izin\" OR \"perizinan\"*)", SearchQuery.Parse("Perizinan")!.ToFts5());
        Assert.Equal("\"dan\"*", SearchQuery.Parse("dan")!.ToFts5());
    }
}
