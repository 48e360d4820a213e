using System.Net;
using System.Text;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Results;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Results;

/// <summary>Publishing results, public results (JSON/CSV), unit feedback and objections through the API.</summary>
public abstract class JudgingResultsApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static void AssertNoJurorIdentity(ResultsScenario s, string content)
    {
        foreach (var identity in s.JurorIdentities)
            Assert.DoesNotContain(identity, content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jurorId", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Juri Rahasia", content, StringComparison.Ordinal);
    }

    private static string Publish(int stageId) => $"/api/v1/judging/stages/{stageId}/results/publish";

    [Fact]
    public async Task Results_are_published_only_after_the_freeze_and_only_once_and_every_unit_is_notified()
    {
        var s = await ResultsFixture.StageAsync(App, freeze: false);
        var panitia = App.ClientFor(s.Panitia);

        var refused = await (await panitia.PostJsonAsync(Publish(s.Stage.Id), new { publication = "FullRanking" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("dibekukan", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.JudgingStages.Where(x => x.Id == s.Stage.Id).Select(x => x.ResultsPublishedAt).SingleAsync(Ct)));

        // Units and the public cannot publish.
        await (await App.ClientFor(s.Proposals[0].Operator).PostJsonAsync(Publish(s.Stage.Id), new { })).ShouldBe(HttpStatusCode.Forbidden);

        var frozen = await ResultsFixture.FreezeAsync(App, s.Stage.Id);
        var stale = await (await panitia.PostJsonAsync(Publish(s.Stage.Id), new { version = Guid.NewGuid() })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("baru saja diubah", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badDays = await (await panitia.PostJsonAsync(Publish(s.Stage.Id), new { objectionDays = 0 })).ValidationErrorsAsync();
        Assert.Contains("objectionDays", badDays.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Null(await App.WithDbAsync(db => db.JudgingStages.Where(x => x.Id == s.Stage.Id).Select(x => x.ResultsPublishedAt).SingleAsync(Ct)));

        var now = App.Time.GetUtcNow();
        var ok = await panitia.PostJsonAsync(Publish(s.Stage.Id), new { publication = "FullRanking", version = frozen.Version });
        await ok.ShouldBe(HttpStatusCode.OK);
        var stage = await App.WithDbAsync(db => db.JudgingStages.AsNoTracking().SingleAsync(x => x.Id == s.Stage.Id, Ct));
        Assert.Equal(now, stage.ResultsPublishedAt);
        Assert.Equal(now.AddDays(5), stage.ObjectionsCloseAt);
        Assert.Equal(ResultPublication.FullRanking, stage.Publication);

        var again = await (await panitia.PostJsonAsync(Publish(s.Stage.Id), new { publication = "PassedOnly" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("sudah diumumkan", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ResultPublication.FullRanking, await App.WithDbAsync(db => db.JudgingStages.Where(x => x.Id == s.Stage.Id).Select(x => x.Publication).SingleAsync(Ct)));

        // Every participating unit, in-app and by email, once, with a link to its own feedback.
        foreach (var p in s.Proposals)
        {
            var notices = await App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == p.Operator.Id).ToListAsync(Ct));
            var notice = Assert.Single(notices);
            Assert.Equal($"/Kelola/Proposal/{p.Id}/Penjurian", notice.Link);
            Assert.Equal(EmailState.Pending, notice.EmailState);
            Assert.Contains(p.Title, notice.Body, StringComparison.Ordinal);
        }
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "JudgingStage" && a.EntityId == s.Stage.Id.ToString() && a.ChangesJson!.Contains("ResultsPublishedAt"), Ct)));
    }

    [Fact]
    public async Task Full_ranking_shows_ranks_and_rounded_scores_in_json_and_csv_and_never_a_juror()
    {
        var s = await ResultsFixture.StageAsync(App);
        var anonymous = App.AnonymousClient();
        await (await anonymous.GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/results", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await App.ClientFor(s.Panitia).PostJsonAsync(Publish(s.Stage.Id), new { publication = "FullRanking" })).ShouldBe(HttpStatusCode.OK);

        var response = await anonymous.GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/results", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        AssertNoJurorIdentity(s, json);
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(s.Proposals.Select(p => p.Title), rows.Select(r => r.GetProperty("proposal").GetString()));
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("rank").GetInt32()));
        Assert.Equal([90.46, 85.46, 80.46], rows.Select(r => r.GetProperty("score").GetDouble()));
        Assert.Equal([true, true, false], rows.Select(r => r.GetProperty("passed").GetBoolean()));
        Assert.Equal("Pemerintah Kota Surabaya", rows[0].GetProperty("kabupatenKota").GetString());

        var csvResponse = await anonymous.GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/results.csv", Ct);
        await csvResponse.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        AssertNoJurorIdentity(s, csv);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("edition,stage_order,stage,publication,rank,proposal_id,proposal,organisation,kabupaten_kota,score,passed", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{s.Edition.Name},1,Penilaian Proposal,FullRanking,1,{s.Proposals[0].Id},{s.Proposals[0].Title},", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Pemerintah Kota Surabaya,90.46,true", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",80.46,false", lines[3], StringComparison.Ordinal);

        var edition = await anonymous.GetAsync($"/api/v1/editions/{s.Edition.Id}/judging/results", Ct);
        var editionJson = await edition.Content.ReadAsStringAsync(Ct);
        await edition.ShouldBe(HttpStatusCode.OK);
        AssertNoJurorIdentity(s, editionJson);
        Assert.Contains(s.Proposals[2].Title, editionJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passed_only_lists_the_names_that_passed_alphabetically_without_ranks_or_scores()
    {
        var s = await ResultsFixture.StageAsync(App);
        await (await App.ClientFor(s.Panitia).PostJsonAsync(Publish(s.Stage.Id), new { publication = "PassedOnly", objectionDays = 3 })).ShouldBe(HttpStatusCode.OK);
        var stage = await App.WithDbAsync(db => db.JudgingStages.AsNoTracking().SingleAsync(x => x.Id == s.Stage.Id, Ct));
        Assert.Equal(stage.ResultsPublishedAt!.Value.AddDays(3), stage.ObjectionsCloseAt);

        var json = await (await App.AnonymousClient().GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/results", Ct)).Content.ReadAsStringAsync(Ct);
        AssertNoJurorIdentity(s, json);
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        // Titles start Z, Y, X by rank: alphabetical order is the reverse, and the failed X is left out.
        Assert.Equal([s.Proposals[1].Title, s.Proposals[0].Title], rows.Select(r => r.GetProperty("proposal").GetString()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("rank").ValueKind));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("score").ValueKind));
        Assert.DoesNotContain(s.Proposals[2].Title, json, StringComparison.Ordinal);
        Assert.DoesNotContain("90.46", json, StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await (await App.AnonymousClient().GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/results.csv", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.DoesNotContain("90.46", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Proposals[2].Title, csv, StringComparison.Ordinal);
        Assert.Contains($",PassedOnly,,{s.Proposals[1].Id},{s.Proposals[1].Title},", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_shows_means_bands_and_comments_without_jurors_only_to_the_own_unit_and_only_after_publication()
    {
        var s = await ResultsFixture.StageAsync(App);
        var p = s.Proposals[0];
        var url = $"/api/v1/proposals/{p.Id}/judging-feedback";
        var own = App.ClientFor(p.Operator);

        var before = await (await own.GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("belum diumumkan", before.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await (await App.ClientFor(s.Panitia).PostJsonAsync(Publish(s.Stage.Id), new { publication = "PassedOnly" })).ShouldBe(HttpStatusCode.OK);

        var response = await own.GetAsync(url, Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        AssertNoJurorIdentity(s, json);
        using var doc = JsonDocument.Parse(json);
        var stage = Assert.Single(doc.RootElement.GetProperty("stages").EnumerateArray().ToList());
        Assert.Equal(1, stage.GetProperty("rank").GetInt32());
        Assert.Equal(3, stage.GetProperty("rankedCount").GetInt32());
        Assert.Equal(90.46, stage.GetProperty("score").GetDouble());
        Assert.True(stage.GetProperty("passed").GetBoolean());
        var kebaruan = stage.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "Kebaruan");
        Assert.Equal(7, kebaruan.GetProperty("mean").GetDouble());
        Assert.Equal(7, kebaruan.GetProperty("band").GetProperty("from").GetDouble());
        Assert.Equal(JudgingDefaults.ProposalRubric().Find("Kebaruan")!.Levels[2].Text, kebaruan.GetProperty("band").GetProperty("text").GetString());
        var comments = kebaruan.GetProperty("comments").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 3).Select(j => ResultsFixture.CriterionComment(j, "Kebaruan", p.Title)).Order(), comments.Order());
        var overall = stage.GetProperty("overallComments").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(3, overall.Count);

        // The order is fixed: the same on every read.
        var second = await (await own.GetAsync(url, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal(json, second);

        // Another unit's operator does not learn the proposal exists; the owning unit's head does see it.
        var other = App.ClientFor(s.Proposals[1].Operator);
        var foreign = await (await other.GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("belum diumumkan", foreign.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, p.OrganisationId)).GetAsync(url, Ct)).ShouldBe(HttpStatusCode.OK);
        await (await App.ClientFor(ScenarioJuror(s)).GetAsync(url, Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().GetAsync(url, Ct)).ShouldNotBe(HttpStatusCode.OK);
    }

    private static AppUser ScenarioJuror(ResultsScenario s) => s.Jurors[0].User;

    [Fact]
    public async Task An_objection_inside_the_window_is_saved_and_Panitia_notified_after_it_refused_and_nothing_saved()
    {
        var s = await ResultsFixture.StageAsync(App);
        var url = $"/api/v1/judging/stages/{s.Stage.Id}/objections";
        var visitor = App.ClientFor(await ResultsFixture.VisitorAsync(App));
        var text = "Proposal ini sudah pernah menang di tingkat provinsi tahun lalu, mohon diperiksa.";

        // Before publication there is nothing to object to.
        await (await visitor.PostJsonAsync(url, new { name = "Warga", text })).ProblemAsync(HttpStatusCode.NotFound);
        await (await App.ClientFor(s.Panitia).PostJsonAsync(Publish(s.Stage.Id), new { publication = "PassedOnly" })).ShouldBe(HttpStatusCode.OK);

        var panitiaNoticesBefore = await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == s.Panitia.Id, Ct));
        var created = await visitor.PostJsonAsync(url, new { proposalId = s.Proposals[0].Id, name = "Warga Surabaya", text });
        await created.ShouldBe(HttpStatusCode.Created);
        var saved = await App.WithDbAsync(db => db.JudgingObjections.AsNoTracking().SingleAsync(o => o.StageId == s.Stage.Id, Ct));
        Assert.Equal(s.Proposals[0].Id, saved.ProposalId);
        Assert.Equal(ObjectionStatus.New, saved.Status);
        Assert.Equal("Warga Surabaya", saved.SubmitterName);
        Assert.Equal(panitiaNoticesBefore + 1, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == s.Panitia.Id, Ct)));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Objection" && a.EntityId == saved.Id.ToString(), Ct)));

        // A proposal that is not in the published list (the failed one under PassedOnly) is refused.
        var notListed = await (await visitor.PostJsonAsync(url, new { proposalId = s.Proposals[2].Id, name = "Warga", text = text + " (2)" })).ValidationErrorsAsync();
        Assert.Contains("ProposalId", notListed.Keys, StringComparer.OrdinalIgnoreCase);

        // Oversized text: refused, nothing saved.
        var oversized = await (await visitor.PostJsonAsync(url, new { name = "Warga", text = new string('a', Objection.MaxTextLength + 1) })).ValidationErrorsAsync();
        Assert.Contains("4000", string.Join(' ', oversized["Text"]).Replace(".", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // An account without a verified address is refused by policy.
        var unverified = await ResultsFixture.VisitorAsync(App);
        await App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == unverified.Id, Ct);
            u.EmailConfirmed = false;
            await db.SaveChangesAsync(Ct);
        });
        await (await App.ClientFor(unverified).PostJsonAsync(url, new { name = "Warga", text = text + " (3)" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().PostJsonAsync(url, new { name = "Warga", text = text + " (4)" })).ShouldNotBe(HttpStatusCode.Created);

        // After the window: refused with the closing time, nothing saved.
        App.Time.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));
        var late = await (await App.ClientFor(await ResultsFixture.VisitorAsync(App)).PostJsonAsync(url, new { name = "Warga", text = text + " (5)" })).ValidationErrorsAsync();
        Assert.Contains("Masa sanggah sudah berakhir", string.Join(' ', late.Values.SelectMany(v => v)), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.JudgingObjections.CountAsync(o => o.StageId == s.Stage.Id, Ct)));
    }

    [Fact]
    public async Task Objections_per_account_are_limited()
    {
        var s = await ResultsFixture.StageAsync(App);
        await (await App.ClientFor(s.Panitia).PostJsonAsync(Publish(s.Stage.Id), new { })).ShouldBe(HttpStatusCode.OK);
        var visitor = App.ClientFor(await ResultsFixture.VisitorAsync(App));
        var url = $"/api/v1/judging/stages/{s.Stage.Id}/objections";
        for (var i = 0; i < JudgingResultsService.MaxObjectionsPerHour; i++)
            await (await visitor.PostJsonAsync(url, new { name = "Warga", text = $"Sanggahan nomor {i} tentang hasil tahap ini." })).ShouldBe(HttpStatusCode.Created);
        await (await visitor.PostJsonAsync(url, new { name = "Warga", text = "Satu sanggahan lagi tentang hasil tahap ini." })).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(JudgingResultsService.MaxObjectionsPerHour, await App.WithDbAsync(db => db.JudgingObjections.CountAsync(o => o.StageId == s.Stage.Id, Ct)));
    }

    [Fact]
    public async Task Panitia_triages_an_objection_and_the_published_resolution_is_public_without_the_submitter()
    {
        var s = await ResultsFixture.StageAsync(App);
        var panitia = App.ClientFor(s.Panitia);
        await (await panitia.PostJsonAsync(Publish(s.Stage.Id), new { publication = "FullRanking" })).ShouldBe(HttpStatusCode.OK);
        var submitter = await ResultsFixture.VisitorAsync(App);
        var script = "<script>alert('x')</script> Data jumlah pengguna pada proposal ini tidak sesuai kenyataan.";
        var created = await (await App.ClientFor(submitter).PostJsonAsync($"/api/v1/judging/stages/{s.Stage.Id}/objections",
            new { proposalId = s.Proposals[1].Id, name = "Nama Pengirim Rahasia", text = script })).ShouldBeCreated<JsonElement>();
        var id = created.GetProperty("id").GetInt32();

        // Only Panitia list objections; the list carries the submitter's name for triage.
        await (await App.ClientFor(submitter).GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/objections", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        var list = await (await panitia.GetAsync($"/api/v1/judging/stages/{s.Stage.Id}/objections", Ct)).ShouldBeOk<JsonElement>();
        var item = list.EnumerateArray().Single(o => o.GetProperty("id").GetInt32() == id);
        Assert.Equal("Nama Pengirim Rahasia", item.GetProperty("submitterName").GetString());
        var version = item.GetProperty("version").GetGuid();

        // A resolution is required; nothing changes without one. Publishing before a decision is refused.
        var missing = await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/resolve", new { status = "Accepted", resolution = " ", version })).ValidationErrorsAsync();
        Assert.Contains("Resolution", missing.Keys, StringComparer.OrdinalIgnoreCase);
        var badStatus = await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/resolve", new { status = "New", resolution = "x", version })).ValidationErrorsAsync();
        Assert.Contains("Status", badStatus.Keys, StringComparer.OrdinalIgnoreCase);
        await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/publish", new { version })).ValidationErrorsAsync();
        Assert.Equal(ObjectionStatus.New, await App.WithDbAsync(db => db.JudgingObjections.Where(o => o.Id == id).Select(o => o.Status).SingleAsync(Ct)));

        var resolved = await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/resolve",
            new { status = "Accepted", resolution = "Data diverifikasi ulang saat visitasi; nilai Signifikansi dikoreksi dalam rapat pleno.", version })).ShouldBeOk<JsonElement>();
        Assert.Equal("Accepted", resolved.GetProperty("status").GetString());
        // The old version is stale now.
        await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/publish", new { version })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(await (await App.AnonymousClient().GetAsync($"/api/v1/editions/{s.Edition.Id}/judging/objections", Ct)).ShouldBeOk<List<JsonElement>>());

        var published = await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/publish", new { version = resolved.GetProperty("version").GetGuid() })).ShouldBeOk<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, published.GetProperty("resolutionPublishedAt").ValueKind);
        await (await panitia.PostJsonAsync($"/api/v1/judging/objections/{id}/resolve", new { status = "Rejected", resolution = "Berubah pikiran." })).ProblemAsync(HttpStatusCode.Conflict);

        var notice = Assert.Single(await App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == submitter.Id).ToListAsync(Ct)));
        Assert.Contains("rapat pleno", notice.Body, StringComparison.Ordinal);
        Assert.EndsWith($"/Sanggah#sanggahan-{id}", notice.Link, StringComparison.Ordinal);

        var publicJson = await (await App.AnonymousClient().GetAsync($"/api/v1/editions/{s.Edition.Id}/judging/objections", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("rapat pleno", publicJson, StringComparison.Ordinal);
        Assert.Contains("Data jumlah pengguna", publicJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Nama Pengirim Rahasia", publicJson, StringComparison.Ordinal);
        Assert.DoesNotContain(submitter.Id, publicJson, StringComparison.Ordinal);
    }
}

public sealed class JudgingResultsApiTestsSqlite() : JudgingResultsApiTests(DatabaseProvider.Sqlite);

public sealed class JudgingResultsApiTestsPostgres() : JudgingResultsApiTests(DatabaseProvider.Postgres);
