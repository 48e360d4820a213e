using System.Net;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Exhibitions;

/// <summary>The public innovation page's extras, print view, sitemap and the open-data downloads and API.</summary>
public abstract class OpenDataTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(Innovation Published, Innovation Draft)> TwoInnovationsAsync(string? video = null)
    {
        var org = await App.CreateOrganisationAsync("UPT Data Terbuka", (await App.KabKotaAsync()).Id);
        var published = await App.CreateInnovationAsync(org.Id, "Layanan Terbuka", publish: true);
        var draft = await App.CreateInnovationAsync(org.Id, "Rahasia Draf");
        await App.WithDbAsync(async db =>
        {
            var i = await db.Innovations.SingleAsync(x => x.Id == published.Id, Ct);
            i.ShortDescription = "=HYPERLINK(\"http://jahat\") dan, \"kutip\"";
            i.VideoUrl = video;
            db.InnovationAwards.Add(new InnovationAward { InnovationId = published.Id, Year = 2024, Competition = "KIPP", Title = "Top 45", Tier = AwardTier.Top, RecordedAt = App.Time.GetUtcNow() });
            await db.SaveChangesAsync(Ct);
        });
        return (published, draft);
    }

    [Fact]
    public async Task Innovation_page_shows_awards_embeds_youtube_and_carries_link_preview_tags()
    {
        var (published, draft) = await TwoInnovationsAsync("https://youtu.be/dQw4w9WgXcQ");
        var anonymous = App.AnonymousClient();
        var page = await (await anonymous.GetAsync($"/Inovasi/{published.Id}", Ct)).HtmlAsync();
        Assert.Contains("KIPP 2024 · Top 45", Http.TextOf(page), StringComparison.Ordinal);
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", page.QuerySelector("iframe")!.GetAttribute("src"));
        Assert.Equal(published.Name, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.EndsWith($"/Inovasi/{published.Id}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);

        var print = await anonymous.GetAsync($"/Inovasi/{published.Id}/Cetak", Ct);
        await print.ShouldBe(HttpStatusCode.OK);
        var printed = await print.HtmlAsync();
        Assert.Null(printed.QuerySelector("nav"));
        Assert.Contains("KIPP 2024 · Top 45", Http.TextOf(printed), StringComparison.Ordinal);
        await (await anonymous.GetAsync($"/Inovasi/{draft.Id}/Cetak", Ct)).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("abcdefghijk", Kovablik.Web.Pages.Inovasi.DetailModel.YouTube("https://www.youtube.com/watch?v=abcdefghijk&t=3"));
        Assert.Equal("abcdefghijk", Kovablik.Web.Pages.Inovasi.DetailModel.YouTube("https://youtube.com/shorts/abcdefghijk"));
        Assert.Null(Kovablik.Web.Pages.Inovasi.DetailModel.YouTube("https://www.youtube.com/watch?v=abc\"><script>"));
        Assert.Null(Kovablik.Web.Pages.Inovasi.DetailModel.YouTube("https://vimeo.com/12345"));
        Assert.Null(Kovablik.Web.Pages.Inovasi.DetailModel.YouTube("javascript:alert(1)"));
    }

    [Fact]
    public async Task Sitemap_lists_published_innovations_only_and_robots_points_to_it()
    {
        var (published, draft) = await TwoInnovationsAsync();
        var anonymous = App.AnonymousClient();
        var index = await (await anonymous.GetAsync("/sitemap.xml", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<sitemapindex", index, StringComparison.Ordinal);
        var part = (published.Id - 1) / OpenDataApi.SitemapPartSize + 1;
        Assert.Contains($"/sitemap-inovasi-{part}.xml", index, StringComparison.Ordinal);
        var urls = await (await anonymous.GetAsync($"/sitemap-inovasi-{part}.xml", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"/Inovasi/{published.Id}</loc>", urls, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Inovasi/{draft.Id}</loc>", urls, StringComparison.Ordinal);
        await (await anonymous.GetAsync("/sitemap-inovasi-9999.xml", Ct)).ShouldBe(HttpStatusCode.NotFound);
        Assert.Contains("Sitemap: ", await (await anonymous.GetAsync("/robots.txt", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_downloads_follow_the_documented_schema_and_hold_only_public_data()
    {
        var (published, draft) = await TwoInnovationsAsync();
        var anonymous = App.AnonymousClient();

        var csvResponse = await anonymous.GetAsync("/api/v1/open/innovations.csv", Ct);
        await csvResponse.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(csvResponse.Headers.ETag);
        var lines = (await csvResponse.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', OpenDataApi.InnovationColumns), lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith($"{published.Id},", StringComparison.Ordinal));
        // A formula is defused and quotes/commas are escaped (RFC 4180).
        Assert.Contains("\"'=HYPERLINK(\"\"http://jahat\"\") dan, \"\"kutip\"\"\"", row, StringComparison.Ordinal);
        Assert.Contains("KIPP 2024 Top 45", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{draft.Id},", StringComparison.Ordinal));

        var json = JsonDocument.Parse(await (await anonymous.GetAsync("/api/v1/open/innovations.json", Ct)).Content.ReadAsStringAsync(Ct));
        var item = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == published.Id);
        string[] documented = ["id", "name", "shortDescription", "summary", "organisationId", "organisation", "kabupatenKota", "kind", "stage", "startedOn",
            "publishedAt", "updatedAt", "categories", "sdgs", "targetGroups", "awards", "videoUrl", "websiteUrl", "url"];
        Assert.Equal(documented, item.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Kota Surabaya", item.GetProperty("kabupatenKota").GetString()?.Replace("Pemerintah ", "", StringComparison.Ordinal));
        Assert.DoesNotContain(json.RootElement.EnumerateArray(), e => e.GetProperty("id").GetInt32() == draft.Id);

        var results = await (await anonymous.GetAsync("/api/v1/open/results.csv", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.StartsWith(string.Join(',', OpenDataApi.ResultColumns), results, StringComparison.Ordinal);
        Assert.Contains($"2024,KIPP,Top 45,top,{published.Id},", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paged_api_answers_304_to_a_current_etag_and_a_new_one_after_a_change()
    {
        var (published, _) = await TwoInnovationsAsync();
        var anonymous = App.AnonymousClient();
        var first = await anonymous.GetAsync("/api/v1/open/innovations?page=1&pageSize=500", Ct);
        var page = await first.ShouldBeOk<OpenInnovationPageDto>();
        Assert.Contains(page.Items, i => i.Id == published.Id);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/open/innovations?page=1&pageSize=500");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again, Ct)).StatusCode);

        // An edit to any innovation changes the fingerprint (after the 5-second memo).
        await App.WithServicesAsync(async sp =>
        {
            var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<InnovationService>(sp);
            return await service.ChangeStatusAsync(published.Id, InnovationStatus.Archived, Kovablik.Organisations.OrganisationScope.Everything, null);
        });
        App.Time.Advance(CatalogueVersionMemo.Lifetime + TimeSpan.FromSeconds(1));
        var changed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/open/innovations?page=1&pageSize=500");
        changed.Headers.IfNoneMatch.Add(etag);
        var fresh = await anonymous.SendAsync(changed, Ct);
        var after = await fresh.ShouldBeOk<OpenInnovationPageDto>();
        Assert.DoesNotContain(after.Items, i => i.Id == published.Id);
        Assert.NotEqual(etag, fresh.Headers.ETag);

        var bad = await (await anonymous.GetAsync("/api/v1/open/innovations?page=0&pageSize=1000", Ct)).ValidationErrorsAsync();
        Assert.Contains("page", bad.Keys);
        await (await anonymous.GetAsync("/api/v1/open/innovations?page=99999&pageSize=500", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Open_data_page_states_the_licence()
    {
        var text = Http.TextOf(await (await App.AnonymousClient().GetAsync("/DataTerbuka", Ct)).HtmlAsync());
        Assert.Contains("CC BY 4.0", text, StringComparison.Ordinal);
        Assert.Contains("innovations.csv", text, StringComparison.Ordinal);
    }
}

public sealed class OpenDataTestsSqlite() : OpenDataTests(DatabaseProvider.Sqlite);

public sealed class OpenDataTestsPostgres() : OpenDataTests(DatabaseProvider.Postgres);
