using System.Net;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Scoring;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;

namespace Kovablik.Tests.Competitions.Judging.Scoring;

/// <summary>The juror's pages without JavaScript: queue, read the proposal, draft, refusals next to the fields, submit.</summary>
public abstract class ScoringPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_juror_scores_through_plain_form_posts_and_bad_input_changes_nothing()
    {
        var scene = await ScoringFixture.SceneAsync(App);
        var document = await ScoringFixture.DocumentAsync(App, scene.Proposal.Id);
        var juror = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        await ScoringFixture.AssignAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id);
        var client = App.ClientFor(juror.User, handleCookies: true);
        var url = ScoringFixture.PageUrl(scene.Stage.Id, scene.Proposal.Id);

        var queue = await (await client.GetAsync("/Juri", Ct).ShouldBe(HttpStatusCode.OK)).HtmlAsync();
        var row = queue.QuerySelector($"tr[data-proposal='{scene.Proposal.Id}']")!;
        Assert.Equal("NotStarted", row.GetAttribute("data-status"));
        Assert.NotNull(row.QuerySelector($"a[href='{url}']"));
        Assert.Contains("WIB", Http.TextOf(queue));
        Assert.Contains("10 hari 0 jam lagi", Http.TextOf(queue));

        var page = await (await client.GetAsync(url, Ct).ShouldBe(HttpStatusCode.OK)).HtmlAsync();
        Assert.Contains(scene.Proposal.Title, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("strong"));
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.NotNull(page.QuerySelector($"a[href='/api/v1/judging/stages/{scene.Stage.Id}/proposals/{scene.Proposal.Id}/documents/{document.Id}/file']"));
        Assert.NotNull(page.QuerySelector("#levels-Kebaruan"));
        Assert.NotNull(page.QuerySelector("button[name=Mode][value=draft]"));

        // Draft with one score and a comment.
        var saved = await client.PostFormAsync(page, url, new Dictionary<string, string>
        {
            ["Scores[Kebaruan]"] = "8", ["Comments[Kebaruan]"] = "Baru di tingkat kota.", ["Mode"] = "draft",
        });
        await ShouldRedirectAsync(saved);
        var sheet = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;
        Assert.Equal(ScoreStatus.Draft, sheet.Status);
        Assert.Equal(8, sheet.GetScores()["Kebaruan"]);

        // Out of range and not a number: the message sits next to the field, what was typed stays, nothing is saved.
        page = await (await client.GetAsync(url, Ct)).HtmlAsync();
        var bad = await client.PostFormAsync(page, url, new Dictionary<string, string> { ["Scores[Kebaruan]"] = "11", ["Scores[SumberDaya]"] = "4", ["Mode"] = "draft" });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        var badPage = await bad.HtmlAsync();
        Assert.Contains("antara 1 dan 10", badPage.QuerySelector("#score-Kebaruan-error")!.TextContent);
        Assert.Equal("11", badPage.QuerySelector("#score-Kebaruan")!.GetAttribute("value"));
        bad = await client.PostFormAsync(page, url, new Dictionary<string, string> { ["Scores[Implementasi]"] = "tujuh", ["Mode"] = "submit" });
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("harus berupa angka", (await bad.HtmlAsync()).QuerySelector("#score-Implementasi-error")!.TextContent);
        // Submitting with a criterion missing.
        var partial = new Dictionary<string, string> { ["Scores[Kebaruan]"] = "8", ["Mode"] = "submit" };
        bad = await client.PostFormAsync(page, url, partial);
        await bad.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("wajib diisi", (await bad.HtmlAsync()).QuerySelector("#score-Keberlanjutan-error")!.TextContent);
        var unchanged = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;
        Assert.Equal((sheet.Version, sheet.ScoresJson), (unchanged.Version, unchanged.ScoresJson));

        // Submit everything (comma decimals are fine too).
        var all = ScoringFixture.SampleScores().ToDictionary(kv => $"Scores[{kv.Key}]", kv => kv.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        all["Mode"] = "submit";
        all["OverallComment"] = "Layak lanjut ke presentasi.";
        var submitted = await client.PostFormAsync(page, url, all);
        await ShouldRedirectAsync(submitted);
        sheet = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;
        Assert.Equal(ScoreStatus.Submitted, sheet.Status);
        Assert.Equal(ScoringFixture.SampleTotal, sheet.Total!.Value, 6);
        Assert.Equal("Layak lanjut ke presentasi.", sheet.OverallComment);
        // The page the sheet was first opened from is stale now: a second tab gets 409 and the sheet stays.
        var stale = await client.PostFormAsync(page, url, all);
        await stale.ShouldBe(HttpStatusCode.Conflict);
        Assert.Contains("baru saja diubah", Http.TextOf(await stale.HtmlAsync()));

        page = await (await client.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("70", page.QuerySelector("#sheet-status")!.TextContent);
        Assert.Null(page.QuerySelector("button[name=Mode][value=draft]"));
        queue = await (await client.GetAsync("/Juri", Ct)).HtmlAsync();
        Assert.Equal("Submitted", queue.QuerySelector($"tr[data-proposal='{scene.Proposal.Id}']")!.GetAttribute("data-status"));
        Assert.Contains("1 dari 1 terkirim", Http.TextOf(queue));

        // A change after submitting, with a comma decimal.
        all["Scores[Kebaruan]"] = "8,5";
        await ShouldRedirectAsync(await client.PostFormAsync(page, url, all));
        sheet = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;
        Assert.Equal(ScoringFixture.SampleTotal + 1, sheet.Total!.Value, 6);

        // Frozen: the page reads, shows why, offers no button; a post is refused and changes nothing.
        page = await (await client.GetAsync(url, Ct)).HtmlAsync();
        await ScoringFixture.SetStageAsync(App, scene.Stage.Id, s => { s.Status = JudgingStageStatus.Frozen; s.FrozenAt = App.Time.GetUtcNow(); });
        var frozenPage = await (await client.GetAsync(url, Ct).ShouldBe(HttpStatusCode.OK)).HtmlAsync();
        Assert.Contains(ScoringService.FrozenMessage, Http.TextOf(frozenPage));
        Assert.Null(frozenPage.QuerySelector("button[name=Mode]"));
        all["Scores[Kebaruan]"] = "2";
        var refused = await client.PostFormAsync(page, url, all);
        await refused.ShouldBe(HttpStatusCode.Conflict);
        Assert.Contains(ScoringService.FrozenMessage, Http.TextOf(await refused.HtmlAsync()));
        var after = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;
        Assert.Equal((sheet.Version, sheet.Total), (after.Version, after.Total));
    }

    /// <summary>A saved form redirects; otherwise show the page's error summary, which says why.</summary>
    private static async Task ShouldRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return;
        var doc = await response.HtmlAsync();
        Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {doc.QuerySelector("main [role=alert]")?.TextContent} {doc.QuerySelector("main .alert")?.TextContent}");
    }
}

public sealed class ScoringPageTestsSqlite() : ScoringPageTests(DatabaseProvider.Sqlite);

public sealed class ScoringPageTestsPostgres() : ScoringPageTests(DatabaseProvider.Postgres);
