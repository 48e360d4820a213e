using System.Net;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Search;

/// <summary>/Inovasi without JavaScript: search, highlighting, filters, sort, paging and bad input.</summary>
public abstract class CataloguePageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<Organisation> UnitAsync()
    {
        var kota = await App.KabKotaAsync();
        return await App.CreateOrganisationAsync($"Unit Katalog {KovablikAppFactory.Unique()}", kota.Id);
    }

    private Task<int> PublishedAsync(int organisationId, string name, string body) =>
        App.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<InnovationService>();
            var input = await KovablikAppFactory.CompleteInputAsync(sp.GetRequiredService<KovablikDbContext>(), organisationId, name);
            input.ShortDescription = body;
            var created = await service.CreateAsync(input, OrganisationScope.Everything);
            Assert.True(created.Succeeded);
            Assert.True((await service.ChangeStatusAsync(created.Value!.Id, InnovationStatus.Published, OrganisationScope.Everything, null)).Succeeded);
            return created.Value!.Id;
        });

    [Fact]
    public async Task Search_results_highlight_the_matched_words()
    {
        var unit = await UnitAsync();
        var id = await PublishedAsync(unit.Id, "Pelayanan KTP Keliling", "Petugas melayani perekaman KTP di balai desa.");
        var response = await App.BrowserClient().GetAsync($"/Inovasi?Q=layanan&OrganisationId={unit.Id}", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var doc = await response.HtmlAsync();
        var result = Assert.Single(doc.QuerySelectorAll(".search-result"));
        Assert.Equal($"/Inovasi/{id}", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal(["Pelayanan"], result.QuerySelectorAll("h2 mark").Select(m => m.TextContent));
        Assert.Equal(["melayani"], result.QuerySelectorAll(".snippet mark").Select(m => m.TextContent));
        Assert.Contains("Hasil pencarian: layanan", doc.Title, StringComparison.Ordinal);
        Assert.Contains("Diurutkan menurut relevansi", Http.TextOf(doc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_the_search_box_or_a_name_is_shown_as_text()
    {
        var unit = await UnitAsync();
        await PublishedAsync(unit.Id, "<img src=x onerror=alert(1)> Layanan Aman", "<script>alert('body')</script> melayani warga.");
        var q = "<script>alert(1)</script> layanan";
        var response = await App.BrowserClient().GetAsync($"/Inovasi?Q={Uri.EscapeDataString(q)}&OrganisationId={unit.Id}", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var raw = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", raw, StringComparison.OrdinalIgnoreCase);
        var doc = await Task.FromResult(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(raw));
        Assert.Equal(q, doc.QuerySelector("input[name=Q]")!.GetAttribute("value"));
        var result = Assert.Single(doc.QuerySelectorAll(".search-result"));
        Assert.Empty(result.QuerySelectorAll("img, script"));
        Assert.Equal("<img src=x onerror=alert(1)> Layanan Aman", result.QuerySelector("h2 a")!.TextContent);
        // The query's words, "alert" included, are marked as text inside the encoded name.
        Assert.Equal(["alert", "1", "Layanan"], result.QuerySelectorAll("h2 mark").Select(m => m.TextContent));
    }

    [Fact]
    public async Task Paging_keeps_the_keyword_and_sort_and_an_unknown_page_is_404()
    {
        var unit = await UnitAsync();
        var first = await PublishedAsync(unit.Id, "Perizinan Reklame", "Izin pasang reklame.");
        App.Time.Advance(TimeSpan.FromHours(1));
        var second = await PublishedAsync(unit.Id, "Aplikasi Warga", "Mengurus izin usaha dari rumah.");
        var client = App.BrowserClient();
        var page1 = await (await client.GetAsync($"/Inovasi?Q=izin&OrganisationId={unit.Id}&Sort=newest&PageSize=1", Ct)).HtmlAsync();
        Assert.Equal($"/Inovasi/{second}", page1.QuerySelector(".search-result h2 a")!.GetAttribute("href"));
        var next = page1.QuerySelectorAll(".pagination a").Single().GetAttribute("href")!;
        Assert.Contains("Q=izin", next, StringComparison.Ordinal);
        Assert.Contains("Sort=newest", next, StringComparison.Ordinal);
        var page2 = await (await client.GetAsync(next, Ct)).HtmlAsync();
        Assert.Equal($"/Inovasi/{first}", page2.QuerySelector(".search-result h2 a")!.GetAttribute("href"));

        var far = await client.GetAsync($"/Inovasi?Q=izin&OrganisationId={unit.Id}&PageSize=1&Page=3", Ct);
        await far.ShouldBe(HttpStatusCode.NotFound);
        Assert.Contains("Halaman tersebut tidak ada", Http.TextOf(await far.HtmlAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SdgGoalId=99", "Tujuan SDG tidak dikenal.")]
    [InlineData("TargetGroupId=99999", "Kelompok sasaran tidak dikenal.")]
    [InlineData("Sort=acak", "Urutan tidak dikenal.")]
    [InlineData("CategoryId=99999", "Kategori tidak dikenal.")]
    public async Task Unknown_filter_values_get_a_message(string query, string message)
    {
        var response = await App.BrowserClient().GetAsync($"/Inovasi?{query}", Ct);
        await response.ShouldBe(HttpStatusCode.BadRequest);
        var doc = await response.HtmlAsync();
        Assert.Contains(message, doc.QuerySelector(".alert")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task Filter_form_offers_sdg_target_group_kind_and_sort_and_suggestions_come_as_options()
    {
        var unit = await UnitAsync();
        await PublishedAsync(unit.Id, "Pelayanan Adminduk Malam Hari", "Buka sampai malam.");
        var client = App.BrowserClient();
        var doc = await (await client.GetAsync("/Inovasi", Ct)).HtmlAsync();
        var form = doc.QuerySelector("form[role=search]")!;
        foreach (var name in new[] { "Q", "KabKotaId", "Year", "Stage", "CategoryId", "SdgGoalId", "TargetGroupId", "Kind", "Sort" })
            Assert.NotNull(form.QuerySelector($"[name={name}]"));
        Assert.Equal(17, form.QuerySelectorAll("select[name=SdgGoalId] option[value]:not([value=''])").Length);
        Assert.Equal("q-saran", form.QuerySelector("input[name=Q]")!.GetAttribute("list"));
        Assert.Empty(doc.QuerySelectorAll("script:not([src])"));

        var options = await client.GetAsync("/Inovasi?handler=Saran&Q=adminduk%20mal", Ct);
        await options.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("<option value=\"Pelayanan Adminduk Malam Hari", await options.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

public sealed class CataloguePageTestsSqlite() : CataloguePageTests(DatabaseProvider.Sqlite);

public sealed class CataloguePageTestsPostgres() : CataloguePageTests(DatabaseProvider.Postgres);
