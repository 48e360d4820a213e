using System.Net;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Scoring;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Scoring;

/// <summary>The juror's scoring through the API: queue, draft, submit, changes, refusals, conflicts and the blind rule.</summary>
public abstract class ScoringApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_juror_saves_a_draft_then_submits_and_the_total_is_the_hand_computed_one()
    {
        var scene = await ScoringFixture.SceneAsync(App);
        var juror = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        await ScoringFixture.AssignAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id);
        var client = App.ClientFor(juror.User);
        var url = ScoringFixture.SheetUrl(scene.Stage.Id, scene.Proposal.Id);

        var queue = await (await client.GetAsync("/api/v1/judging/me/queue", Ct)).ShouldBeOk<List<QueueStageDto>>();
        var stage = Assert.Single(queue);
        Assert.True(stage.DeclarationDone);
        Assert.Equal(scene.Stage.Id, stage.StageId);
        Assert.Equal((0, 1), (stage.Submitted, stage.Assigned));
        Assert.Equal(10 * 24 * 60, stage.MinutesLeft);
        Assert.Contains("WIB", stage.ScoringDeadlineWib);
        Assert.Equal("NotStarted", Assert.Single(stage.Items).Status);

        var opened = await (await client.GetAsync(url, Ct)).ShouldBeOk<ScoreSheetDto>();
        Assert.Null(opened.Sheet);
        Assert.Null(opened.Version);
        Assert.True(opened.CanScore);
        Assert.Equal(6, opened.Rubric.Criteria.Count);
        Assert.Equal(4, opened.Rubric.Criteria[0].Levels.Count);
        var ringkasan = opened.Sections.Single(s => s.Key == "Ringkasan");
        Assert.Contains("<strong>antar jemput</strong>", ringkasan.Html);
        Assert.DoesNotContain("<script", ringkasan.Html);
        Assert.Null(opened.Peers);

        var draft = await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(
            new() { ["Kebaruan"] = 8, ["Implementasi"] = null }, new() { ["Kebaruan"] = "Baru di tingkat kota." }, "Cukup baik.", null))).ShouldBeOk<ScoreSheetDto>();
        Assert.Equal("Draft", draft.Sheet!.Status);
        Assert.Equal(new Dictionary<string, double> { ["Kebaruan"] = 8 }, draft.Sheet.Scores);
        Assert.Equal("Baru di tingkat kota.", draft.Sheet.Comments["Kebaruan"]);
        Assert.Null(draft.Sheet.Total);
        queue = await (await client.GetAsync("/api/v1/judging/me/queue", Ct)).ShouldBeOk<List<QueueStageDto>>();
        Assert.Equal("Draft", queue.Single().Items.Single().Status);

        var submitted = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, "Layak lanjut.", draft.Version))).ShouldBeOk<ScoreSheetDto>();
        Assert.Equal("Submitted", submitted.Sheet!.Status);
        Assert.Equal(ScoringFixture.SampleTotal, submitted.Sheet.Total!.Value, 6);
        Assert.Equal(App.Time.GetUtcNow(), submitted.Sheet.SubmittedAt);
        queue = await (await client.GetAsync("/api/v1/judging/me/queue", Ct)).ShouldBeOk<List<QueueStageDto>>();
        Assert.Equal((1, 1), (queue.Single().Submitted, queue.Single().Assigned));

        // A submitted sheet may change until the freeze: one point more in an 18-weight criterion adds 18/9 = 2.
        var scores = ScoringFixture.SampleScores();
        scores["Kebaruan"] = 9;
        var changed = await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(scores, null, null, submitted.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("sudah dikirim", changed.GetProperty("detail").GetString());
        var resubmitted = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(scores, null, null, submitted.Version))).ShouldBeOk<ScoreSheetDto>();
        Assert.Equal(ScoringFixture.SampleTotal + 2, resubmitted.Sheet!.Total!.Value, 6);

        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "JurorScore").OrderBy(a => a.Id).ToListAsync(Ct));
        var sheetId = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!.Id.ToString();
        var mine = audit.Where(a => a.EntityId == sheetId).ToList();
        Assert.Equal(["Create", "Update", "Update"], mine.Select(a => a.Action));
        Assert.Equal(juror.User.Id, mine[^1].UserId);
        // The last change records the old and the new scores.
        using var change = JsonDocument.Parse(mine[^1].ChangesJson!);
        var scoresChange = change.RootElement.GetProperty("ScoresJson");
        Assert.Contains("\"Kebaruan\":8", scoresChange.GetProperty("old").GetString());
        Assert.Contains("\"Kebaruan\":9", scoresChange.GetProperty("new").GetString());
    }

    [Fact]
    public async Task Every_bad_input_is_refused_with_a_problem_and_changes_nothing()
    {
        var scene = await ScoringFixture.SceneAsync(App);
        var juror = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        await ScoringFixture.AssignAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id);
        var client = App.ClientFor(juror.User);
        var url = ScoringFixture.SheetUrl(scene.Stage.Id, scene.Proposal.Id);
        var saved = await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(new() { ["Kebaruan"] = 5 }, null, null, null))).ShouldBeOk<ScoreSheetDto>();
        var before = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;

        async Task Unchanged()
        {
            var now = (await ScoringFixture.SheetAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id))!;
            Assert.Equal((before.Version, before.ScoresJson, before.Status, before.Total), (now.Version, now.ScoresJson, now.Status, now.Total));
        }

        // Out of range, in a draft and in a submission.
        var errors = await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(new() { ["Kebaruan"] = 11 }, null, null, saved.Version))).ValidationErrorsAsync();
        Assert.Contains("antara 1 dan 10", Assert.Single(errors["Kebaruan"]));
        var outOfRange = ScoringFixture.SampleScores();
        outOfRange["SumberDaya"] = 0;
        errors = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(outOfRange, null, null, saved.Version))).ValidationErrorsAsync();
        Assert.Contains("SumberDaya", errors.Keys);
        await Unchanged();

        // An unknown criterion (score or comment), a missing criterion on submit.
        errors = await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(new() { ["Estetika"] = 5 }, new() { ["Lainnya"] = "x" }, null, saved.Version))).ValidationErrorsAsync();
        Assert.Contains("Estetika", errors.Keys);
        Assert.Contains("Comments.Lainnya", errors.Keys);
        var missing = ScoringFixture.SampleScores();
        missing.Remove("Keberlanjutan");
        errors = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(missing, null, null, saved.Version))).ValidationErrorsAsync();
        Assert.Contains("wajib diisi", Assert.Single(errors["Keberlanjutan"]));
        await Unchanged();

        // A concurrent edit: a stale version, or none although the sheet exists (a second tab opened before the first save).
        var stale = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, Guid.NewGuid()))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ScoringService.StaleMessage, stale.GetProperty("detail").GetString());
        await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(new() { ["Kebaruan"] = 6 }, null, null, null))).ProblemAsync(HttpStatusCode.Conflict);
        await Unchanged();
        // If-Match carries the version as well.
        var ifMatch = new HttpRequestMessage(HttpMethod.Put, url + "/draft") { Content = JsonContent(new ScoreSheetRequest(new() { ["Kebaruan"] = 6 }, null, null, null)) };
        ifMatch.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.NewGuid()}\"");
        await (await client.SendAsync(ifMatch, Ct)).ProblemAsync(HttpStatusCode.Conflict);
        await Unchanged();

        // Before the stage opens, after its deadline, while in setup, after the freeze.
        await ScoringFixture.SetStageAsync(App, scene.Stage.Id, s => s.ScoringOpensAt = App.Time.GetUtcNow().AddHours(1));
        var early = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, saved.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("baru dibuka", early.GetProperty("detail").GetString());
        await ScoringFixture.SetStageAsync(App, scene.Stage.Id, s => { s.ScoringOpensAt = App.Time.GetUtcNow().AddDays(-5); s.ScoringDeadline = App.Time.GetUtcNow(); });
        var late = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, saved.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("sudah lewat", late.GetProperty("detail").GetString());
        await ScoringFixture.SetStageAsync(App, scene.Stage.Id, s => { s.ScoringDeadline = App.Time.GetUtcNow().AddDays(3); s.Status = JudgingStageStatus.Setup; });
        var setup = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, saved.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(ScoringService.NotOpenMessage, setup.GetProperty("detail").GetString());
        await ScoringFixture.SetStageAsync(App, scene.Stage.Id, s => { s.Status = JudgingStageStatus.Frozen; s.FrozenAt = App.Time.GetUtcNow(); });
        var frozen = await (await client.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, saved.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Tahap ini sudah dibekukan; nilai tidak dapat diubah lagi.", frozen.GetProperty("detail").GetString());
        await (await client.PutJsonAsync(url + "/draft", new ScoreSheetRequest(new() { ["Kebaruan"] = 6 }, null, null, saved.Version))).ProblemAsync(HttpStatusCode.Conflict);
        await Unchanged();
        // A frozen sheet still reads, without the form.
        var read = await (await client.GetAsync(url, Ct)).ShouldBeOk<ScoreSheetDto>();
        Assert.False(read.CanScore);
        Assert.Equal("Frozen", read.StageStatus);
    }

    [Fact]
    public async Task A_conflicted_or_unassigned_juror_gets_404_everywhere_and_an_empty_queue()
    {
        var scene = await ScoringFixture.SceneAsync(App);
        var document = await ScoringFixture.DocumentAsync(App, scene.Proposal.Id);
        var fine = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        // Works for the kabupaten/kota the proposal's unit belongs to: a conflict from the organisation tree.
        var tree = await ScoringFixture.JurorAsync(App, scene.Edition.Id, organisationId: scene.KabKotaId);
        var declared = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        var unassigned = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        foreach (var j in new[] { fine, tree, declared })
            await ScoringFixture.AssignAsync(App, scene.Stage.Id, j.Juror.Id, scene.Proposal.Id);
        await ScoringFixture.DeclareAsync(App, scene.Edition.Id, declared.Juror.Id, scene.Proposal.Id);

        var sheet = ScoringFixture.SheetUrl(scene.Stage.Id, scene.Proposal.Id);
        var download = JudgingScoringApi.DocumentUrl(scene.Stage.Id, scene.Proposal.Id, document.Id);
        var ok = App.ClientFor(fine.User);
        await ok.GetAsync(sheet, Ct).ShouldBe(HttpStatusCode.OK);
        var file = await ok.GetAsync(download, Ct).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Files.Pdf(), await file.Content.ReadAsByteArrayAsync(Ct));
        // The unit's own document route stays closed to a juror.
        await ok.GetAsync($"/api/v1/proposals/{scene.Proposal.Id}/documents/{document.Id}/file", Ct).ShouldBe(HttpStatusCode.Forbidden);

        foreach (var refused in new[] { tree, declared, unassigned })
        {
            var client = App.ClientFor(refused.User);
            await (await client.GetAsync(sheet, Ct)).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PutJsonAsync(sheet + "/draft", new ScoreSheetRequest(new() { ["Kebaruan"] = 5 }, null, null, null))).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.PostJsonAsync(sheet + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, null))).ProblemAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync(download, Ct)).ProblemAsync(HttpStatusCode.NotFound);
            await client.GetAsync(ScoringFixture.PageUrl(scene.Stage.Id, scene.Proposal.Id), Ct).ShouldBe(HttpStatusCode.NotFound);
            var queue = await (await client.GetAsync("/api/v1/judging/me/queue", Ct)).ShouldBeOk<List<QueueStageDto>>();
            Assert.Empty(Assert.Single(queue).Items);
            Assert.Null(await ScoringFixture.SheetAsync(App, scene.Stage.Id, refused.Juror.Id, scene.Proposal.Id));
        }
        // A document of another proposal is not reachable through an assignment either.
        var other = await ScoringFixture.ProposalAsync(App, scene.Edition, scene.ProposalOrganisationId);
        var otherDoc = await ScoringFixture.DocumentAsync(App, other.Id);
        await (await ok.GetAsync(JudgingScoringApi.DocumentUrl(scene.Stage.Id, scene.Proposal.Id, otherDoc.Id), Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await ok.GetAsync(JudgingScoringApi.DocumentUrl(scene.Stage.Id, other.Id, otherDoc.Id), Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Until_the_declaration_is_done_the_queue_shows_only_the_declaration_link()
    {
        var scene = await ScoringFixture.SceneAsync(App);
        var juror = await ScoringFixture.JurorAsync(App, scene.Edition.Id, declared: false);
        await ScoringFixture.AssignAsync(App, scene.Stage.Id, juror.Juror.Id, scene.Proposal.Id);
        var client = App.ClientFor(juror.User);

        var entry = Assert.Single(await (await client.GetAsync("/api/v1/judging/me/queue", Ct)).ShouldBeOk<List<QueueStageDto>>());
        Assert.False(entry.DeclarationDone);
        Assert.Equal($"/Juri/Deklarasi/{scene.Edition.Id}", entry.DeclarationUrl);
        Assert.Empty(entry.Items);
        Assert.Equal(0, entry.Assigned);
        await client.GetAsync(ScoringFixture.SheetUrl(scene.Stage.Id, scene.Proposal.Id), Ct).ShouldBe(HttpStatusCode.NotFound);

        var page = await (await client.GetAsync("/Juri", Ct).ShouldBe(HttpStatusCode.OK)).HtmlAsync();
        Assert.NotNull(page.QuerySelector($"a[href='/Juri/Deklarasi/{scene.Edition.Id}']"));
        Assert.DoesNotContain(scene.Proposal.Title, Http.TextOf(page));
        Assert.Null(page.QuerySelector("a[href^='/Juri/Nilai/']"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Peers_scores_show_only_after_submitting_and_only_when_the_stage_allows(bool allowed)
    {
        var scene = await ScoringFixture.SceneAsync(App, peersVisible: allowed);
        var a = await ScoringFixture.JurorAsync(App, scene.Edition.Id, name: "Prof. Rahasia Pertama");
        var b = await ScoringFixture.JurorAsync(App, scene.Edition.Id, name: "Dr. Rahasia Kedua");
        foreach (var j in new[] { a, b }) await ScoringFixture.AssignAsync(App, scene.Stage.Id, j.Juror.Id, scene.Proposal.Id);
        var url = ScoringFixture.SheetUrl(scene.Stage.Id, scene.Proposal.Id);
        var clientA = App.ClientFor(a.User);
        var clientB = App.ClientFor(b.User);

        await (await clientA.PostJsonAsync(url + "/submit", new ScoreSheetRequest(ScoringFixture.SampleScores(), null, null, null))).ShouldBeOk<ScoreSheetDto>();
        // B has only a draft: never the peers, whatever the setting.
        var draft = await (await clientB.PutJsonAsync(url + "/draft", new ScoreSheetRequest(new() { ["Kebaruan"] = 3 }, null, null, null))).ShouldBeOk<ScoreSheetDto>();
        Assert.Null(draft.Peers);
        Assert.Null((await (await clientB.GetAsync(url, Ct)).ShouldBeOk<ScoreSheetDto>()).Peers);
        var pageB = await (await clientB.GetAsync(ScoringFixture.PageUrl(scene.Stage.Id, scene.Proposal.Id), Ct)).HtmlAsync();
        Assert.Null(pageB.QuerySelector("#peer-scores"));

        var scoresB = ScoringFixture.SampleScores();
        scoresB["Kebaruan"] = 3;
        var afterB = await (await clientB.PostJsonAsync(url + "/submit", new ScoreSheetRequest(scoresB, null, null, draft.Version))).ShouldBeOk<ScoreSheetDto>();
        var raw = await (await clientB.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Rahasia", raw);
        Assert.DoesNotContain(a.User.Id, raw);
        pageB = await (await clientB.GetAsync(ScoringFixture.PageUrl(scene.Stage.Id, scene.Proposal.Id), Ct)).HtmlAsync();
        Assert.DoesNotContain("Rahasia", pageB.Body!.TextContent);
        if (allowed)
        {
            var peer = Assert.Single(afterB.Peers!);
            Assert.Equal("Juri A", peer.Label);
            Assert.Equal(ScoringFixture.SampleTotal, peer.Total!.Value, 6);
            Assert.Equal(8, peer.Scores["Kebaruan"]);
            Assert.NotNull(pageB.QuerySelector("#peer-scores"));
            Assert.Contains("Juri A", pageB.QuerySelector("#peer-scores")!.TextContent);
        }
        else
        {
            Assert.Null(afterB.Peers);
            Assert.Null(pageB.QuerySelector("#peer-scores"));
        }

        // No other role reaches a sheet through these endpoints, not even Panitia.
        foreach (var role in new[] { Roles.Panitia, Roles.Administrator, Roles.Operator })
        {
            var other = App.ClientFor(await App.CreateUserAsync(role, role == Roles.Operator ? scene.ProposalOrganisationId : null));
            await other.GetAsync(url, Ct).ShouldBe(HttpStatusCode.Forbidden);
            await other.GetAsync("/api/v1/judging/me/queue", Ct).ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private static StringContent JsonContent<T>(T body) =>
        new(JsonSerializer.Serialize(body, Http.Json), System.Text.Encoding.UTF8, "application/json");
}

public sealed class ScoringApiTestsSqlite() : ScoringApiTests(DatabaseProvider.Sqlite);

public sealed class ScoringApiTestsPostgres() : ScoringApiTests(DatabaseProvider.Postgres);
