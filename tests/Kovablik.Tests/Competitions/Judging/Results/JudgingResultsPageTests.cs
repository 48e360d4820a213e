using System.Net;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Results;
using Kovablik.Data;
using Microsoft.Extensions.DependencyInjection;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Results;

/// <summary>The results, feedback and objection pages, driven as a browser without JavaScript (forms, PRG).</summary>
public abstract class JudgingResultsPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static void AssertNoJurorIdentity(ResultsScenario s, string html)
    {
        foreach (var identity in s.JurorIdentities)
            Assert.DoesNotContain(identity, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Juri Rahasia", html, StringComparison.Ordinal);
    }

    private static string PanitiaPage(ResultsScenario s) => $"/Panitia/Penjurian/Tahap/{s.Stage.Id}/Hasil";

    [Fact]
    public async Task Panitia_publishes_the_full_ranking_through_the_form_and_the_public_page_shows_ranks_and_scores_but_no_jurors()
    {
        var s = await ResultsFixture.StageAsync(App, freeze: false);
        var panitia = App.ClientFor(s.Panitia, handleCookies: true);
        var page = await (await panitia.GetAsync(PanitiaPage(s), Ct)).HtmlAsync();
        Assert.Contains("belum dibekukan", Http.TextOf(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Publish']"));

        await ResultsFixture.FreezeAsync(App, s.Stage.Id);
        page = await (await panitia.GetAsync(PanitiaPage(s), Ct)).HtmlAsync();
        Assert.Contains("Pratinjau hasil", Http.TextOf(page), StringComparison.Ordinal);
        var done = await panitia.PostFormAsync(page, PanitiaPage(s) + "?handler=Publish",
            new Dictionary<string, string> { ["Publish.Publication"] = "FullRanking", ["Publish.ObjectionDays"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stage = await App.WithDbAsync(db => db.JudgingStages.AsNoTracking().SingleAsync(x => x.Id == s.Stage.Id, Ct));
        Assert.Equal(ResultPublication.FullRanking, stage.Publication);
        Assert.NotNull(stage.ResultsPublishedAt);

        // The same (now stale) form again: refused on the page, nothing changes.
        var again = await panitia.PostFormAsync(page, PanitiaPage(s) + "?handler=Publish",
            new Dictionary<string, string> { ["Publish.Publication"] = "PassedOnly", ["Publish.ObjectionDays"] = "9" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("sudah diumumkan", Http.TextOf(await again.HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal(stage.ObjectionsCloseAt, await App.WithDbAsync(db => db.JudgingStages.Where(x => x.Id == s.Stage.Id).Select(x => x.ObjectionsCloseAt).SingleAsync(Ct)));

        var response = await App.BrowserClient().GetAsync($"/Kompetisi/{s.Edition.Slug}/Hasil", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        AssertNoJurorIdentity(s, html);
        var publicPage = await response.HtmlAsync();
        var cells = publicPage.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["1", s.Proposals[0].Title], cells[0].Take(2));
        Assert.Equal("90,46", cells[0][4]);
        Assert.Equal(["3", s.Proposals[2].Title], cells[2].Take(2));
        Assert.NotNull(publicPage.QuerySelector($"a[href='/api/v1/judging/stages/{s.Stage.Id}/results.csv']"));
        Assert.NotNull(publicPage.QuerySelector($"a[href='/Kompetisi/{s.Edition.Slug}/Sanggah']"));
    }

    [Fact]
    public async Task Passed_only_page_lists_the_names_alphabetically_without_scores()
    {
        var s = await ResultsFixture.StageAsync(App);
        await App.WithServicesAsync(sp => sp.GetRequiredService<JudgingResultsService>().PublishAsync(s.Stage.Id, new PublishInput(ResultPublication.PassedOnly, null, null), s.Panitia.Id, Ct));
        var response = await App.BrowserClient().GetAsync($"/Kompetisi/{s.Edition.Slug}/Hasil", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        AssertNoJurorIdentity(s, html);
        Assert.DoesNotContain("90,46", html, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Proposals[2].Title, html, StringComparison.Ordinal);
        var titles = (await response.HtmlAsync()).QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([s.Proposals[1].Title, s.Proposals[0].Title], titles);
    }

    [Fact]
    public async Task The_unit_reads_its_feedback_without_juror_identities_after_publication_and_another_unit_gets_404()
    {
        var s = await ResultsFixture.StageAsync(App);
        var p = s.Proposals[1];
        var op = App.ClientFor(p.Operator);
        var url = $"/Kelola/Proposal/{p.Id}/Penjurian";

        var edit = await (await op.GetAsync($"/Kelola/Proposal/Ubah/{p.Id}", Ct)).HtmlAsync();
        Assert.NotNull(edit.QuerySelector($"a[href='{url}']"));

        var before = await op.GetAsync(url, Ct);
        await before.ShouldBe(HttpStatusCode.OK);
        var beforeText = Http.TextOf(await before.HtmlAsync());
        Assert.Contains("belum diumumkan", beforeText, StringComparison.Ordinal);
        Assert.DoesNotContain(ResultsFixture.OverallComment(0, p.Title), beforeText, StringComparison.Ordinal);

        await App.WithServicesAsync(sp => sp.GetRequiredService<JudgingResultsService>().PublishAsync(s.Stage.Id, new PublishInput(null, null, null), s.Panitia.Id, Ct));

        var response = await op.GetAsync(url, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        AssertNoJurorIdentity(s, html);
        var text = Http.TextOf(await response.HtmlAsync());
        for (var j = 0; j < 3; j++)
        {
            Assert.Contains(ResultsFixture.OverallComment(j, p.Title), text, StringComparison.Ordinal);
            Assert.Contains(ResultsFixture.CriterionComment(j, "Signifikansi", p.Title), text, StringComparison.Ordinal);
        }
        // Proposal 1 scored 7, 5 and 6: mean 6, the 4–6 band of the rubric.
        Assert.Contains(JudgingDefaults.ProposalRubric().Find("Signifikansi")!.Levels[1].Text, text, StringComparison.Ordinal);
        Assert.Contains("2 dari 3", text, StringComparison.Ordinal);

        await (await App.ClientFor(s.Proposals[0].Operator).GetAsync(url, Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_visitor_files_an_objection_through_the_form_and_Panitia_triages_and_publishes_the_resolution()
    {
        var s = await ResultsFixture.StageAsync(App);
        await App.WithServicesAsync(sp => sp.GetRequiredService<JudgingResultsService>().PublishAsync(s.Stage.Id, new PublishInput(ResultPublication.FullRanking, null, null), s.Panitia.Id, Ct));
        var sanggah = $"/Kompetisi/{s.Edition.Slug}/Sanggah";
        var kirim = sanggah + "/Kirim";

        // Anonymous: no form, a link to the email-code sign-in that comes back here.
        var anonymous = await (await App.BrowserClient().GetAsync(sanggah, Ct)).HtmlAsync();
        Assert.Null(anonymous.QuerySelector("form[action$='/Sanggah/Kirim']"));
        Assert.NotNull(anonymous.QuerySelector("a[href^='/Pengunjung/Masuk?ReturnUrl=']"));

        var visitorUser = await ResultsFixture.VisitorAsync(App);
        var visitor = App.ClientFor(visitorUser, handleCookies: true);
        var form = await (await visitor.GetAsync(sanggah, Ct)).HtmlAsync();
        Assert.NotNull(form.QuerySelector($"form[action='{kirim}'] select[name='Input.Target'] option[value='s{s.Stage.Id}p{s.Proposals[2].Id}']"));

        // Too short: the form comes back with the message next to the field and the text kept; nothing saved.
        var tooShort = await visitor.PostFormAsync(form, kirim, new Dictionary<string, string>
        {
            ["Input.Target"] = $"s{s.Stage.Id}p{s.Proposals[2].Id}", ["Input.Name"] = "Bu Sari", ["Input.Text"] = "Kurang adil.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var shortPage = await tooShort.HtmlAsync();
        Assert.Contains("paling sedikit", shortPage.QuerySelector("#objection-text")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kurang adil.", shortPage.QuerySelector("#objection-text")!.TextContent);
        Assert.Equal(0, await App.WithDbAsync(db => db.JudgingObjections.CountAsync(o => o.StageId == s.Stage.Id, Ct)));

        var text = "<script>alert('sanggah')</script> Nilai proposal ini terlalu tinggi dibanding buktinya.";
        var sent = await visitor.PostFormAsync(form, kirim, new Dictionary<string, string>
        {
            ["Input.Target"] = $"s{s.Stage.Id}p{s.Proposals[2].Id}", ["Input.Name"] = "Bu Sari Pengirim", ["Input.Text"] = text,
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(sanggah, sent.Headers.Location?.OriginalString);
        var objection = await App.WithDbAsync(db => db.JudgingObjections.AsNoTracking().SingleAsync(o => o.StageId == s.Stage.Id, Ct));
        Assert.Equal(s.Proposals[2].Id, objection.ProposalId);

        // Panitia: a decision without a resolution is refused next to the field; then decided and published.
        var panitia = App.ClientFor(s.Panitia, handleCookies: true);
        var triage = await (await panitia.GetAsync(PanitiaPage(s), Ct)).HtmlAsync();
        Assert.Contains("Bu Sari Pengirim", Http.TextOf(triage), StringComparison.Ordinal);
        var resolveUrl = $"{PanitiaPage(s)}?objectionId={objection.Id}&handler=Resolve";
        Assert.NotNull(triage.QuerySelector($"form[action='{resolveUrl.Replace("&", "&amp;", StringComparison.Ordinal)}'], form[action='{resolveUrl}']"));
        var missing = await panitia.PostFormAsync(triage, resolveUrl, new Dictionary<string, string>
        {
            ["Resolve.Status"] = "Rejected", ["Resolve.Resolution"] = "", ["Resolve.Version"] = objection.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Tanggapan wajib diisi", (await missing.HtmlAsync()).QuerySelector($"#sanggahan-{objection.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ObjectionStatus.New, await App.WithDbAsync(db => db.JudgingObjections.Where(o => o.Id == objection.Id).Select(o => o.Status).SingleAsync(Ct)));

        var resolution = "Bukti sudah diperiksa ulang; nilai tetap sesuai rubrik.";
        Assert.Equal(HttpStatusCode.Redirect, (await panitia.PostFormAsync(triage, resolveUrl, new Dictionary<string, string>
        {
            ["Resolve.Status"] = "Rejected", ["Resolve.Resolution"] = resolution, ["Resolve.Version"] = objection.Version.ToString(),
        })).StatusCode);
        var version = await App.WithDbAsync(db => db.JudgingObjections.Where(o => o.Id == objection.Id).Select(o => o.Version).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await panitia.PostFormAsync(triage, $"{PanitiaPage(s)}?objectionId={objection.Id}&handler=PublishResolution",
            new Dictionary<string, string> { ["Resolve.Version"] = version.ToString() })).StatusCode);

        var publicResponse = await App.BrowserClient().GetAsync(sanggah, Ct);
        var publicHtml = await publicResponse.Content.ReadAsStringAsync(Ct);
        Assert.Contains(resolution, publicHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Bu Sari Pengirim", publicHtml, StringComparison.Ordinal);
        Assert.Contains("Ditolak", Http.TextOf(await publicResponse.HtmlAsync()), StringComparison.Ordinal);
        Assert.Single(await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == visitorUser.Id).ToListAsync(Ct)));

        // After the window the form is refused with the closing time; nothing saved.
        App.Time.Advance(TimeSpan.FromDays(6));
        var late = await visitor.PostFormAsync(form, kirim, new Dictionary<string, string>
        {
            ["Input.Target"] = $"s{s.Stage.Id}", ["Input.Name"] = "Bu Sari", ["Input.Text"] = "Sanggahan kedua yang datang terlambat sekali.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Masa sanggah sudah berakhir", Http.TextOf(await late.HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.JudgingObjections.CountAsync(o => o.StageId == s.Stage.Id, Ct)));
        Assert.Null((await (await visitor.GetAsync(sanggah, Ct)).HtmlAsync()).QuerySelector($"form[action='{kirim}']"));
    }
}

public sealed class JudgingResultsPageTestsSqlite() : JudgingResultsPageTests(DatabaseProvider.Sqlite);

public sealed class JudgingResultsPageTestsPostgres() : JudgingResultsPageTests(DatabaseProvider.Postgres);
