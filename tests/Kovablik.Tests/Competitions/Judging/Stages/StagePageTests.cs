using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Stages;

/// <summary>Panitia's stage pages without JavaScript: start judging, settings with errors next to fields, plenary and freeze.</summary>
public abstract class StagePageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<HttpClient> PanitiaAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);

    [Fact]
    public async Task Panitia_starts_judging_from_the_overview_and_sees_every_stage_with_links_to_its_pages()
    {
        var browser = await PanitiaAsync();
        var edition = await App.OpenEditionAsync();
        var editionPage = await (await browser.GetAsync($"/Panitia/Edisi/{edition.Id}", Ct)).HtmlAsync();
        Assert.NotNull(editionPage.QuerySelector($"a[href='/Panitia/Edisi/{edition.Id}/Penjurian']"));

        var url = $"/Panitia/Edisi/{edition.Id}/Penjurian";
        var page = await (await browser.GetAsync(url, Ct)).HtmlAsync();
        var started = await BrowserForms.PostAsync(browser, url, page, "Start", new Dictionary<string, string>());
        await started.ShouldBe(HttpStatusCode.Redirect);

        page = await (await browser.GetAsync(url, Ct)).HtmlAsync();
        var stages = await App.WithDbAsync(db => db.JudgingStages.AsNoTracking().Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).ToListAsync(Ct));
        Assert.Equal(4, stages.Count);
        foreach (var s in stages)
        {
            foreach (var suffix in new[] { "", "/Pengaturan", "/Penugasan", "/Hasil" })
                Assert.NotNull(page.QuerySelector($"a[href='/Panitia/Penjurian/Tahap/{s.Id}{suffix}']"));
        }
        Assert.NotNull(page.QuerySelector($"a[href='/Panitia/Penjurian/Tahap/{stages[1].Id}/Jadwal']"));
        Assert.Contains(JudgingDefaults.Penetapan, Http.TextOf(page));

        var juror = App.ClientFor(await App.CreateUserAsync(Roles.Juri, null));
        Assert.NotEqual(HttpStatusCode.OK, (await juror.GetAsync(url, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_settings_form_shows_errors_next_to_their_fields_changes_nothing_and_saves_a_new_criterion_from_a_blank_row()
    {
        var browser = await PanitiaAsync();
        var edition = await StagesFixture.StartAsync(App);
        var stage = edition.Stages[0];
        var url = $"/Panitia/Penjurian/Tahap/{stage.Id}/Pengaturan";
        var page = await (await browser.GetAsync(url, Ct)).HtmlAsync();
        var criteria = stage.GetRubric()!.Criteria.Count;
        Assert.NotNull(page.QuerySelector($"input[name='Input.Criteria[{criteria + 1}].Key']"));

        var response = await BrowserForms.PostAsync(browser, url, page, null, new Dictionary<string, string>
        {
            ["Input.Criteria[1].Weight"] = "0",
            ["Input.TieBreaks[0]"] = "TidakAda",
            ["Input.PreviousStageWeight"] = "abc",
        });
        await response.ShouldBe(HttpStatusCode.BadRequest);
        var errorPage = await response.HtmlAsync();
        Assert.Contains("Isi dengan angka", ErrorFor(errorPage, "Input.PreviousStageWeight"));
        // The number that did not parse stops the save before the service: fix it and the domain errors show.
        response = await BrowserForms.PostAsync(browser, url, page, null, new Dictionary<string, string>
        {
            ["Input.Criteria[1].Weight"] = "0",
            ["Input.TieBreaks[0]"] = "TidakAda",
        });
        await response.ShouldBe(HttpStatusCode.BadRequest);
        errorPage = await response.HtmlAsync();
        Assert.Contains("harus lebih dari 0", ErrorFor(errorPage, "Input.Criteria[1].Weight"));
        Assert.Contains("TidakAda", ErrorFor(errorPage, "Input.TieBreaks[0]"));
        Assert.Equal(stage.Version, (await StagesFixture.StageAsync(App, stage.Id)).Version);

        // A blank row (after removing the first criterion) becomes a criterion; weights with a decimal comma.
        response = await BrowserForms.PostAsync(browser, url, page, null, new Dictionary<string, string>
        {
            ["Input.Name"] = "Penilaian Proposal Tahap I",
            ["Input.Criteria[0].Remove"] = "true",
            ["Input.TieBreaks[0]"] = JudgingStage.SubmissionTieBreak,
            ["Input.TieBreaks[1]"] = "",
            [$"Input.Criteria[{criteria}].Key"] = "Kolaborasi",
            [$"Input.Criteria[{criteria}].Title"] = "Kolaborasi",
            [$"Input.Criteria[{criteria}].Weight"] = "12,5",
            [$"Input.Criteria[{criteria}].Min"] = "1",
            [$"Input.Criteria[{criteria}].Max"] = "10",
            ["Input.PreviousStageWeight"] = "0",
        });
        await response.ShouldBe(HttpStatusCode.Redirect);
        var saved = await StagesFixture.StageAsync(App, stage.Id);
        Assert.Equal("Penilaian Proposal Tahap I", saved.Name);
        var rubric = saved.GetRubric()!;
        Assert.Equal(criteria, rubric.Criteria.Count);
        Assert.DoesNotContain(rubric.Criteria, c => c.Key == stage.GetRubric()!.Criteria[0].Key);
        Assert.Equal(12.5, rubric.Find("Kolaborasi")!.Weight);
        Assert.Equal(stage.GetRubric()!.Criteria[1].Levels, rubric.Criteria[0].Levels);
    }

    [Fact]
    public async Task Panitia_records_a_plenary_decision_and_freezes_the_stage_from_the_dashboard_and_then_the_forms_are_refused()
    {
        var browser = await PanitiaAsync();
        var edition = await StagesFixture.StartAsync(App);
        var (kota, _) = await StagesFixture.OrganisationsAsync(App);
        var p1 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, kota.Id, App.Time.GetUtcNow().AddDays(-5), "Satu");
        var p2 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, kota.Id, App.Time.GetUtcNow().AddDays(-4), "Dua");
        var stage = edition.Stages[0];
        await App.WithServicesAsync(async sp =>
        {
            var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StageService>(sp);
            var updated = await service.UpdateSettingsAsync(stage.Id, StagesFixture.Simple(stage, i => i with { TopN = 1 }), Ct);
            return await service.OpenScoringAsync(stage.Id, updated.Value!.Version, Ct);
        });
        var juror = await StagesFixture.JurorAsync(App, edition.Entity.Id, "Juri Halaman");
        await StagesFixture.ScoreAsync(App, stage.Id, juror, p1, 80, 80);
        await StagesFixture.ScoreAsync(App, stage.Id, juror, p2, 60, 60);

        // With a submitted sheet the rubric is locked (its fields disabled, so not sent), and the rest still saves.
        var settingsUrl = $"/Panitia/Penjurian/Tahap/{stage.Id}/Pengaturan";
        var settingsPage = await (await browser.GetAsync(settingsUrl, Ct)).HtmlAsync();
        Assert.NotNull(settingsPage.QuerySelector("fieldset[disabled] input[name='Input.Criteria[0].Key']"));
        var rubricBefore = (await StagesFixture.StageAsync(App, stage.Id)).RubricJson;
        var withoutRubric = BrowserForms.Fields(BrowserForms.Form(settingsPage)).Where(f => !f.Key.StartsWith("Input.Criteria", StringComparison.Ordinal) && f.Key != "Input.Kind")
            .Select(f => f.Key == "Input.ObjectionDays" ? new KeyValuePair<string, string>(f.Key, "7") : f).ToList();
        (await browser.PostAsync(settingsUrl, new FormUrlEncodedContent(withoutRubric), Ct)).StatusCode.ShouldBeRedirect();
        var saved = await StagesFixture.StageAsync(App, stage.Id);
        Assert.Equal((7, rubricBefore), (saved.ObjectionDays, saved.RubricJson));

        var url = $"/Panitia/Penjurian/Tahap/{stage.Id}";
        var page = await (await browser.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Lolos berdasarkan peringkat.", page.QuerySelector($"tr[data-proposal='{p1}']")!.TextContent);

        var noReason = await BrowserForms.PostAsync(browser, url, page, "Decide", new Dictionary<string, string>
        {
            ["Decision.ProposalId"] = p2.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Decision.Action"] = "Pass", ["Decision.Reason"] = "",
        });
        await noReason.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("wajib diisi", ErrorFor(await noReason.HtmlAsync(), "Decision.Reason"));

        var decided = await BrowserForms.PostAsync(browser, url, page, "Decide", new Dictionary<string, string>
        {
            ["Decision.ProposalId"] = p2.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Decision.Action"] = "Pass",
            ["Decision.Reason"] = "Rapat pleno menilai replikasi di tiga kabupaten.",
        });
        await decided.ShouldBe(HttpStatusCode.Redirect);
        page = await (await browser.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("replikasi di tiga kabupaten", page.QuerySelector($"tr[data-proposal='{p2}']")!.TextContent);

        var frozen = await BrowserForms.PostAsync(browser, url, page, "Freeze", new Dictionary<string, string>());
        await frozen.ShouldBe(HttpStatusCode.Redirect);
        var results = await App.WithDbAsync(db => db.StageResults.AsNoTracking().Where(r => r.StageId == stage.Id).OrderBy(r => r.Rank).ToListAsync(Ct));
        Assert.Equal([(p1, true, "PassedByRank"), (p2, true, "Plenary")], results.Select(r => (r.ProposalId, r.Passed, r.Outcome)));
        var after = await (await browser.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Tahap ini sudah dibekukan", Http.TextOf(after));
        Assert.Empty(after.QuerySelectorAll("form[action*='handler=Freeze'], form[action*='handler=Decide']"));

        // The old page's forms are refused with the frozen message; nothing changes.
        var again = await BrowserForms.PostAsync(browser, url, page, "Decide", new Dictionary<string, string>
        {
            ["Decision.ProposalId"] = p1.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Decision.Action"] = "Fail", ["Decision.Reason"] = "Terlambat",
        });
        await again.ShouldBe(HttpStatusCode.Conflict);
        Assert.Contains("Tahap ini sudah dibekukan; nilai tidak dapat diubah lagi.", Http.TextOf(await again.HtmlAsync()));
        var settings = await (await browser.GetAsync(settingsUrl, Ct)).HtmlAsync();
        var refused = await BrowserForms.PostAsync(browser, settingsUrl, settings, null, new Dictionary<string, string> { ["Input.TopN"] = "2" });
        await refused.ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal(1, (await StagesFixture.StageAsync(App, stage.Id)).CutTopN);
        Assert.Equal(1, await App.WithDbAsync(db => db.PlenaryDecisions.CountAsync(d => d.StageId == stage.Id, Ct)));
    }

    private static string ErrorFor(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent ?? "";
}

public sealed class StagePageTestsSqlite() : StagePageTests(DatabaseProvider.Sqlite);

public sealed class StagePageTestsPostgres() : StagePageTests(DatabaseProvider.Postgres);
