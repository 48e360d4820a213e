using Kovablik.Feedback;

namespace Kovablik.Tests.Feedback;

/// <summary>The spam and profanity filter on its own: what it holds, and the innocent words it must leave alone.</summary>
public sealed class ContentFilterTests
{
    private static readonly ContentFilter Filter = ContentFilter.Default;

    [Theory]
    [InlineData("Dasar anjing, pelayanannya lambat sekali")]
    [InlineData("ANJING pelayanannya")]
    [InlineData("anj1ng memang petugasnya")]
    [InlineData("anjiiiing lama banget")]
    [InlineData("a n j i n g")]
    [InlineData("a.n.j.i.n.g semua")]
    [InlineData("b4ngs4t")]
    [InlineData("bangsaaat kalian")]
    [InlineData("goblok!")]
    [InlineData("g0bl0k")]
    [InlineData("dasar tolol")]
    [InlineData("kontol")]
    [InlineData("jancuk, antrean suwi")]
    [InlineData("j4nc0k")]
    [InlineData("anjingnya tidak becus")]
    [InlineData("Dasar babi kau")]
    [InlineData("Ánjìng")]
    [InlineData("$i@lan")]
    public void Profanity_is_held(string text)
    {
        var verdict = Filter.Check(text);
        Assert.True(verdict.Hold, $"not held: {text}");
        Assert.Contains(verdict.Findings, f => f.Signal == FilterSignal.Profanity);
    }

    [Theory]
    [InlineData("Main judi online di situs kami")]
    [InlineData("SLOT GACOR hari ini maxwin")]
    [InlineData("slot g4c0r")]
    [InlineData("Daftar togel deposit pulsa")]
    [InlineData("bonus new member 100%")]
    [InlineData("judiii onliiine")]
    public void Spam_phrases_are_held(string text)
    {
        var verdict = Filter.Check(text);
        Assert.True(verdict.Hold, $"not held: {text}");
        Assert.Contains(verdict.Findings, f => f.Signal == FilterSignal.SpamPhrase);
    }

    [Theory]
    [InlineData("Kami sekeluarga sering ke Pantai Kenjeran, santai dan bersih.")]
    [InlineData("Bagaimana cara masuk ke aplikasi? Apakah ada asuransi untuk peserta?")]
    [InlineData("Pengasuh anak di posyandu sangat membantu, asuhan gizinya bagus.")]
    [InlineData("Uji kualitas air menemukan bakteri E. coli di sumur warga.")]
    [InlineData("Kabupaten Bangkalan juga perlu sumbangsih seperti ini.")]
    [InlineData("Sistem kontrol antrean ini mempercepat perekonomian desa.")]
    [InlineData("Perekam suara dan lem perekat dipakai di kelas.")]
    [InlineData("Nomor layanan 741 dan 1500 bisa dihubungi.")]
    [InlineData("Tain, Bangsal, dan Asembagus adalah nama tempat.")]
    [InlineData("Peternakan sapi dan babi di desa kami perlu vaksin.")]
    [InlineData("Slot waktu pelayanan pagi penuh; kapan ada slot sore?")]
    [InlineData("Terima kasih......... sangat membantu")]
    public void Innocent_text_is_published(string text)
    {
        var verdict = Filter.Check(text);
        Assert.False(verdict.Hold, $"held: {text} ({verdict.Stored})");
        Assert.DoesNotContain(verdict.Findings, f => f.IsStrong);
    }

    [Fact]
    public void Many_links_are_held_but_one_link_is_not()
    {
        Assert.True(Filter.Check("Cek https://a.example.com dan www.b.example.net serta c-promo.xyz sekarang").Hold);
        var one = Filter.Check("Informasi lengkap ada di https://jatimprov.go.id/layanan");
        Assert.False(one.Hold);
        Assert.Contains(one.Findings, f => f.Signal == FilterSignal.Link);
    }

    [Fact]
    public void Shouting_alone_is_published_but_with_another_weak_signal_is_held()
    {
        var shouting = Filter.Check("PELAYANANNYA SANGAT BAGUS SEKALI TERIMA KASIH");
        Assert.False(shouting.Hold);
        Assert.Contains(shouting.Findings, f => f.Signal == FilterSignal.Shouting);

        var both = Filter.Check("KUNJUNGI SITUS KAMI SEKARANG JUGA www.promo-hebat.com !!!!!!!!!!!!");
        Assert.True(both.Hold, both.Stored);
        Assert.Contains(both.Findings, f => f.Signal == FilterSignal.RepeatedCharacters);
    }

    [Fact]
    public void Findings_round_trip_through_their_stored_form()
    {
        var verdict = Filter.Check("anjing dan slot gacor");
        var parsed = FilterVerdict.Parse(verdict.Stored);
        Assert.Equal(verdict.Findings, parsed);
        Assert.Contains(parsed, f => f is { Signal: FilterSignal.Profanity, Term: "anjing" });
        Assert.Contains(parsed, f => f is { Signal: FilterSignal.SpamPhrase, Term: "slot gacor" });
    }

    [Fact]
    public void Normalisation_reads_leetspeak_repeats_accents_and_spaced_letters()
    {
        Assert.Equal(["anjing"], ContentFilter.Tokens("4nj1iiing!"));
        Assert.Equal(["anjing", "ya"], ContentFilter.Tokens("a n j i n g ya"));
        Assert.Empty(ContentFilter.Tokens("2024"));
        Assert.Equal(["kafe"], ContentFilter.Tokens("Kafé"));
    }

    [Fact]
    public void The_word_list_is_embedded_and_refuses_entries_outside_a_section()
    {
        Assert.NotNull(ContentFilter.Default);
        Assert.Throws<FormatException>(() => new ContentFilter("anjing\n"));
        var custom = new ContentFilter("[kasar]\nkatabusuk\n[spam]\npromo kilat\n");
        Assert.True(custom.Check("dasar katabusuk").Hold);
        Assert.True(custom.Check("ada promo kilat").Hold);
        Assert.False(custom.Check("promo saja").Hold);
    }
}
