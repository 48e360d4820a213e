using Kovablik.Competitions;
using Kovablik.Organisations;
using Microsoft.Extensions.Time.Testing;

namespace Kovablik.Tests.Competitions;

public sealed class EditionDefaultsTests
{
    private static readonly Edition Edition = EditionDefaults.Create(2026, new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)));

    private static int Limit(string group, string key) => Edition.Group(group)!.Sections.Single(s => s.Key == key).WordLimit;

    [Fact]
    public void Edition_is_a_draft_named_after_the_year_without_dates()
    {
        Assert.Equal("KOVABLIK 2026", Edition.Name);
        Assert.Equal("kovablik-2026", Edition.Slug);
        Assert.Equal(EditionStatus.Draft, Edition.Status);
        Assert.Null(Edition.RegistrationOpensAt);
        Assert.False(Edition.HasCompleteTimeline);
        Assert.Equal(["Seleksi Administrasi", "Penilaian Proposal", "Presentasi & Wawancara", "Visitasi", "Penetapan"], Edition.Stages.Select(s => s.Name));
        Assert.Equal(["Perangkat Daerah Provinsi", "Kabupaten/Kota", "BUMD", "UPT"], Edition.Clusters.Select(c => c.Name));
        Assert.Equal(["Umum", "Replikasi", "Khusus"], Edition.Groups.Select(g => g.Code));
    }

    [Fact]
    public void Umum_has_the_KIPP_narrative_sections_at_600_and_the_short_ones_at_200()
    {
        Assert.Equal(200, Limit("Umum", "Ringkasan"));
        foreach (var key in new[] { "LatarBelakang", "Kebaruan", "Implementasi", "Signifikansi", "Adaptabilitas", "SumberDaya", "StrategiKeberlanjutan" })
            Assert.Equal(600, Limit("Umum", key));
        Assert.Equal(200, Limit("Umum", "KontribusiSdg"));
        Assert.Equal(200, Limit("Umum", "Kolaborasi"));
        Assert.All(Edition.Group("Umum")!.Sections, s => Assert.True(s.Required));
    }

    [Fact]
    public void Replikasi_adds_inspiration_replication_process_and_distinguishing_factor()
    {
        Assert.Equal(200, Limit("Replikasi", "ProsesReplikasi"));
        Assert.Equal(100, Limit("Replikasi", "FaktorPembeda"));
        Assert.Contains(Edition.Group("Replikasi")!.Sections, s => s.Key == "Inspirasi");
        Assert.Equal(600, Limit("Replikasi", "LatarBelakang"));
        Assert.Equal(Edition.Group("Umum")!.Sections.Count + 3, Edition.Group("Replikasi")!.Sections.Count);
    }

    [Fact]
    public void Khusus_has_its_own_sections_with_renewal_and_adaptability_at_200()
    {
        Assert.Equal(200, Limit("Khusus", "Pembaruan"));
        Assert.Equal(200, Limit("Khusus", "Adaptabilitas"));
        Assert.Contains(Edition.Group("Khusus")!.Sections, s => s.Key == "DeskripsiAwal");
        Assert.Contains(Edition.Group("Khusus")!.Sections, s => s.Key == "Dampak");
    }

    [Fact]
    public void Every_group_requires_a_proposal_pdf_up_to_2_MB_and_the_sk_up_to_1_MB()
    {
        foreach (var g in Edition.Groups)
        {
            var proposal = g.Documents.Single(d => d.Key == "Proposal");
            Assert.Equal(2 * 1024 * 1024, proposal.MaxBytes);
            Assert.Equal(["application/pdf"], proposal.AllowedTypeList);
            Assert.True(proposal.Required);
            var sk = g.Documents.Single(d => d.Key == "SkInovator");
            Assert.Equal(1024 * 1024, sk.MaxBytes);
            Assert.True(sk.Required);
        }
    }

    [Fact]
    public void Eligibility_is_one_year_everyone_but_the_province_quota_3_and_5_for_provincial_opd()
    {
        var el = Edition.Eligibility;
        Assert.Equal(12, el.MinimumImplementationMonths);
        Assert.False(el.Allows(OrganisationType.Provinsi));
        Assert.True(el.Allows(OrganisationType.KabupatenKota));
        Assert.True(el.Allows(OrganisationType.Bumd));
        Assert.Equal(3, el.QuotaFor(OrganisationType.KabupatenKota));
        Assert.Equal(5, el.QuotaFor(OrganisationType.PerangkatDaerah));
    }

    [Fact]
    public void Defaults_are_fresh_objects_each_time()
    {
        var a = EditionDefaults.Create(2027, TimeProvider.System);
        a.Group("Umum")!.Sections[0].WordLimit = 1;
        Assert.Equal(200, EditionDefaults.Create(2027, TimeProvider.System).Group("Umum")!.Sections[0].WordLimit);
    }

    [Fact]
    public void Wib_wall_time_converts_to_utc_and_back()
    {
        var utc = EditionService.ToUtc(new DateTime(2026, 6, 30, 12, 0, 0));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero), utc);
        Assert.Equal(new DateTime(2026, 6, 30, 12, 0, 0), EditionService.ToWibLocal(utc));
        Assert.Null(EditionService.ToUtc(null));
    }

    [Theory]
    [InlineData("KOVABLIK 2026", "kovablik-2026")]
    [InlineData("  Kovablik  Édisi Khusus!! ", "kovablik-edisi-khusus")]
    [InlineData("???", "edisi")]
    public void Slug_is_lower_case_ascii_with_dashes(string name, string slug) => Assert.Equal(slug, EditionService.Slugify(name));
}
