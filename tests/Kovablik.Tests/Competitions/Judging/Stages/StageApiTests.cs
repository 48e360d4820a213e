using System.Net;
using ClosedXML.Excel;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Stages;

/// <summary>
/// A small stage with hand-computable scores through the API. The rubric's total is the mean of two 0–100 criteria
/// (Dampak, Inovasi) and the method is the raw mean, so every score below is worked out in the comments.
/// </summary>
public abstract class StageApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Stages = "/api/v1/judging/stages";

    private sealed record Small(HttpClient Panitia, StagesFixture.Edition Edition, JudgingStage Stage, int P1, int P2, int P3, int P4, int P5, int J1, int J2);

    /// <summary>
    /// P1–P3 from a kota dinas (cluster Kabupaten/Kota), P4–P5 from a provincial dinas (Perangkat Daerah Provinsi);
    /// P5 submitted before P4. Two jurors score everything (Dampak, Inovasi) → total = mean:
    /// P1 90/90 and 90/90 → 90; P2 80/90 → 85 twice → 85; P3 90/80 → 85 twice → 85 (ties P2; Dampak 90 beats 80);
    /// P4 70/70 → 70 and 80/80 → 80 → 75; P5 75/75 twice → 75 (ties P4; Dampak means 75 = 75; P5 submitted earlier).
    /// Ranking: P1 90, P3 85, P2 85, P5 75, P4 75.
    /// </summary>
    private async Task<Small> SmallStageAsync()
    {
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var edition = await StagesFixture.StartAsync(App);
        var (kota, opd) = await StagesFixture.OrganisationsAsync(App);
        var t = App.Time.GetUtcNow().AddDays(-20);
        var p1 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, kota.Id, t.AddHours(1), "P1");
        var p2 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, kota.Id, t.AddHours(2), "P2");
        var p3 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, kota.Id, t.AddHours(3), "P3");
        var p4 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, opd.Id, t.AddHours(5), "P4");
        var p5 = await StagesFixture.ProposalAsync(App, edition.Entity.Id, opd.Id, t.AddHours(4), "P5");
        var stage = edition.Stages[0];
        var updated = await (await panitia.PutJsonAsync($"{Stages}/{stage.Id}/settings", StagesFixture.Simple(stage))).ShouldBeOk<StageDto>();
        await (await panitia.PostJsonAsync($"{Stages}/{stage.Id}/open", new StageActionInput(updated.Version))).ShouldBeOk<StageDto>();
        var j1 = await StagesFixture.JurorAsync(App, edition.Entity.Id, "Juri Satu");
        var j2 = await StagesFixture.JurorAsync(App, edition.Entity.Id, "Juri Dua");
        foreach (var j in new[] { j1, j2 })
        {
            await StagesFixture.ScoreAsync(App, stage.Id, j, p1, 90, 90);
            await StagesFixture.ScoreAsync(App, stage.Id, j, p2, 80, 90);
            await StagesFixture.ScoreAsync(App, stage.Id, j, p3, 90, 80);
            await StagesFixture.ScoreAsync(App, stage.Id, j, p5, 75, 75);
        }
        await StagesFixture.ScoreAsync(App, stage.Id, j1, p4, 70, 70);
        await StagesFixture.ScoreAsync(App, stage.Id, j2, p4, 80, 80);
        return new Small(panitia, edition, await StagesFixture.StageAsync(App, stage.Id), p1, p2, p3, p4, p5, j1, j2);
    }

    private async Task<JudgingStage> SetAsync(Small s, Func<StageSettingsInput, StageSettingsInput> change)
    {
        var stage = await StagesFixture.StageAsync(App, s.Stage.Id);
        await (await s.Panitia.PutJsonAsync($"{Stages}/{stage.Id}/settings", change(StageSettingsInput.From(stage)))).ShouldBeOk<StageDto>();
        return await StagesFixture.StageAsync(App, stage.Id);
    }

    private static async Task<StageRankingDto> RankingAsync(Small s) =>
        await (await s.Panitia.GetAsync($"{Stages}/{s.Stage.Id}/ranking", Ct)).ShouldBeOk<StageRankingDto>();

    [Fact]
    public async Task Ranking_breaks_ties_by_the_named_criterion_then_the_earlier_submission_and_cuts_with_top_n_grade_and_cluster_minimum()
    {
        var s = await SmallStageAsync();
        var ranking = await RankingAsync(s);
        Assert.Equal([s.P1, s.P3, s.P2, s.P5, s.P4], ranking.Lines.Select(l => l.ProposalId));
        Assert.Equal([90.0, 85, 85, 75, 75], ranking.Lines.Select(l => l.Score!.Value));
        Assert.Equal([1, 2, 3, 4, 5], ranking.Lines.Select(l => l.Rank!.Value));
        Assert.Equal("Criterion", ranking.Lines[2].DecidedBy);
        Assert.Equal("Dampak", ranking.Lines[2].DecidingCriterion);
        Assert.Equal("SubmissionTime", ranking.Lines[4].DecidedBy);
        Assert.Equal([2, 2, 2, 2, 2], ranking.Lines.Select(l => l.Jurors));
        Assert.Equal(["Kabupaten/Kota", "Kabupaten/Kota", "Kabupaten/Kota", "Perangkat Daerah Provinsi", "Perangkat Daerah Provinsi"],
            ranking.Lines.Select(l => l.Cluster!));

        // Top 3, grade 70, at least one provincial dinas: P5 (the best of that cluster) takes a reserved seat,
        // P1 and P3 the other two; P2 would have passed without the minimum.
        await SetAsync(s, i => i with { TopN = 3, PassingGrade = 70, Clusters = [new ClusterMixInput("Perangkat Daerah Provinsi", 1, null)] });
        ranking = await RankingAsync(s);
        Assert.Equal(
            ["PassedByRank", "PassedByRank", "OutsideTopN", "PassedByClusterMinimum", "OutsideTopN"],
            ranking.Lines.Select(l => l.Outcome));
        Assert.Equal([true, true, false, true, false], ranking.Lines.Select(l => l.Passed));
        Assert.Contains("kuota minimum klaster", ranking.Lines[3].OutcomeText);

        // Grade 80: the provincial dinas cannot reach it; the minimum never lifts a proposal below the grade.
        await SetAsync(s, i => i with { PassingGrade = 80 });
        ranking = await RankingAsync(s);
        Assert.Equal(["PassedByRank", "PassedByRank", "PassedByRank", "BelowPassingGrade", "BelowPassingGrade"], ranking.Lines.Select(l => l.Outcome));
        var shortfall = Assert.Single(ranking.Shortfalls);
        Assert.Equal(("Perangkat Daerah Provinsi", 1, 0), (shortfall.Cluster, shortfall.Minimum, shortfall.Available));
    }

    [Fact]
    public async Task Plenary_decisions_need_a_reason_override_the_cut_and_a_revoked_one_stays_as_history()
    {
        var s = await SmallStageAsync();
        await SetAsync(s, i => i with { TopN = 3 });

        var refused = await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/decisions", new PlenaryInput(s.P4, PlenaryAction.Pass, null, "  "));
        Assert.Contains("Reason", (await refused.ValidationErrorsAsync()).Keys);
        var badScore = await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/decisions", new PlenaryInput(s.P4, PlenaryAction.SetScore, 101, "Koreksi"));
        Assert.Contains("Score", (await badScore.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await App.WithDbAsync(db => db.PlenaryDecisions.CountAsync(d => d.StageId == s.Stage.Id, Ct)));

        // Fail P1 (a verified objection): it leaves the cut and its seat goes down the ranking.
        var fail = await (await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/decisions",
            new PlenaryInput(s.P1, PlenaryAction.Fail, null, "Sanggahan terbukti: inovasi belum berjalan satu tahun."))).ShouldBeCreated<StageDecisionDto>();
        // SetScore P4 to 88: it moves up to second.
        await (await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/decisions",
            new PlenaryInput(s.P4, PlenaryAction.SetScore, 88, "Hasil visitasi menunjukkan data dampak yang lebih kuat."))).ShouldBeCreated<StageDecisionDto>();
        var ranking = await RankingAsync(s);
        Assert.Equal([s.P1, s.P4, s.P3, s.P2, s.P5], ranking.Lines.Select(l => l.ProposalId));
        var byId = ranking.Lines.ToDictionary(l => l.ProposalId);
        Assert.Equal(("Plenary", false), (byId[s.P1].Outcome, byId[s.P1].Passed));
        Assert.Contains("Sanggahan terbukti", byId[s.P1].PlenaryReason);
        Assert.Equal(88, byId[s.P4].Score);
        Assert.True(byId[s.P4].Passed);
        Assert.True(byId[s.P3].Passed);
        Assert.True(byId[s.P2].Passed);
        Assert.Equal("OutsideTopN", byId[s.P5].Outcome);

        // Revoking the Fail: P1 is back in the cut; the decision stays, marked revoked.
        await (await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/decisions/{fail.Id}/revoke", new StageActionInput())).ShouldBeOk<StageDecisionDto>();
        ranking = await RankingAsync(s);
        Assert.True(ranking.Lines.Single(l => l.ProposalId == s.P1).Passed);
        Assert.False(ranking.Lines.Single(l => l.ProposalId == s.P2).Passed);
        var history = await (await s.Panitia.GetAsync($"{Stages}/{s.Stage.Id}/decisions", Ct)).ShouldBeOk<List<StageDecisionDto>>();
        Assert.Equal(2, history.Count);
        Assert.NotNull(history.Single(d => d.Id == fail.Id).RevokedAt);
    }

    [Fact]
    public async Task Freezing_writes_the_results_notifies_panitia_and_then_every_write_is_refused_and_changes_nothing()
    {
        var s = await SmallStageAsync();
        var stage = await SetAsync(s, i => i with { TopN = 3 });
        await (await s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/decisions", new PlenaryInput(s.P4, PlenaryAction.Pass, null, "Keputusan pleno."))).ShouldBeCreated<StageDecisionDto>();
        stage = await StagesFixture.StageAsync(App, stage.Id);

        // A freeze confirmed from a preview read before the last change is refused.
        var stale = await s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/freeze", new StageActionInput(s.Stage.Version));
        Assert.Contains("baru saja diubah", (await stale.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var frozen = await (await s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/freeze", new StageActionInput(stage.Version))).ShouldBeOk<StageDto>();
        Assert.Equal("Frozen", frozen.Status);
        Assert.NotNull(frozen.FrozenAt);
        var results = await App.WithDbAsync(db => db.StageResults.AsNoTracking().Where(r => r.StageId == stage.Id).OrderBy(r => r.Rank).ToListAsync(Ct));
        Assert.Equal([s.P1, s.P3, s.P2, s.P5, s.P4], results.Select(r => r.ProposalId));
        Assert.Equal([true, true, true, false, true], results.Select(r => r.Passed));
        Assert.Equal(["PassedByRank", "PassedByRank", "PassedByRank", "OutsideTopN", "Plenary"], results.Select(r => r.Outcome));
        Assert.Equal(75, results[4].RawMean);
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/Panitia/Penjurian/Tahap/{stage.Id}", Ct)));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "JudgingStage" && a.Action == "Update" && a.EntityId == stage.Id.ToString(), Ct)));

        var before = await StagesFixture.StageAsync(App, stage.Id);
        var decisions = await App.WithDbAsync(db => db.PlenaryDecisions.AsNoTracking().Where(d => d.StageId == stage.Id).ToListAsync(Ct));
        var writes = new Func<Task<HttpResponseMessage>>[]
        {
            () => s.Panitia.PutJsonAsync($"{Stages}/{stage.Id}/settings", StageSettingsInput.From(before) with { TopN = 5 }),
            () => s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/open", new StageActionInput()),
            () => s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/freeze", new StageActionInput(before.Version)),
            () => s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/decisions", new PlenaryInput(s.P5, PlenaryAction.Pass, null, "Terlambat.")),
            () => s.Panitia.PostJsonAsync($"{Stages}/{stage.Id}/decisions/{decisions[0].Id}/revoke", new StageActionInput()),
        };
        foreach (var write in writes)
        {
            var problem = await (await write()).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("Tahap ini sudah dibekukan; nilai tidak dapat diubah lagi.", problem.GetProperty("detail").GetString());
        }
        var after = await StagesFixture.StageAsync(App, stage.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.CutTopN, after.CutTopN);
        Assert.Equal(5, await App.WithDbAsync(db => db.StageResults.CountAsync(r => r.StageId == stage.Id, Ct)));
        var decisionsAfter = await App.WithDbAsync(db => db.PlenaryDecisions.AsNoTracking().Where(d => d.StageId == stage.Id).ToListAsync(Ct));
        Assert.Equal(decisions.Select(d => (d.Id, d.RevokedAt)), decisionsAfter.Select(d => (d.Id, d.RevokedAt)));
    }

    [Fact]
    public async Task A_proposal_without_a_submitted_sheet_is_listed_unscored_and_blocks_the_freeze_until_the_plenary_decides()
    {
        var s = await SmallStageAsync();
        var (kota, _) = await StagesFixture.OrganisationsAsync(App);
        var p6 = await StagesFixture.ProposalAsync(App, s.Edition.Entity.Id, kota.Id, App.Time.GetUtcNow().AddDays(-10), "P6");
        await StagesFixture.AssignAsync(App, s.Stage.Id, s.J1, p6);
        await StagesFixture.ScoreAsync(App, s.Stage.Id, s.J2, p6, 100, 100, submitted: false);

        var ranking = await RankingAsync(s);
        var line = ranking.Lines.Last();
        Assert.Equal((p6, (int?)null, "Unscored", false), (line.ProposalId, line.Rank, line.Outcome, line.Passed));
        Assert.Equal(6, ranking.Lines.Count);

        var refused = await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/freeze", new StageActionInput());
        Assert.Contains("Ranking", (await refused.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await App.WithDbAsync(db => db.StageResults.CountAsync(r => r.StageId == s.Stage.Id, Ct)));

        var stats = await (await s.Panitia.GetAsync($"{Stages}/{s.Stage.Id}/statistics", Ct)).ShouldBeOk<StageStatisticsDto>();
        Assert.Equal((12, 10), (stats.Progress.Assigned, stats.Progress.Submitted));
        Assert.Equal((6, 5), (stats.Progress.Jurors.Single(j => j.JurorId == s.J1).Assigned, stats.Progress.Jurors.Single(j => j.JurorId == s.J1).Submitted));
        var p4 = stats.Spread.Single(x => x.ProposalId == s.P4);
        Assert.Equal((70.0, 80.0, 75.0, 5.0), (p4.Min, p4.Max, p4.Mean, p4.Sd));
        // Juror one is 10 points below juror two on P4 and level elsewhere: mean difference −10 / 5 = −2.
        Assert.Equal(-2, stats.Calibration.Single(c => c.JurorId == s.J1).MeanDifference!.Value, 6);

        await (await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/decisions", new PlenaryInput(p6, PlenaryAction.Fail, null, "Tidak hadir presentasi."))).ShouldBeCreated<StageDecisionDto>();
        await (await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/freeze", new StageActionInput())).ShouldBeOk<StageDto>();
        var result = await App.WithDbAsync(db => db.StageResults.SingleAsync(r => r.StageId == s.Stage.Id && r.ProposalId == p6, Ct));
        Assert.Equal((6, false, "Plenary"), (result.Rank, result.Passed, result.Outcome));
    }

    [Fact]
    public async Task The_next_stage_takes_the_passed_proposals_and_blends_with_the_frozen_previous_score()
    {
        var s = await SmallStageAsync();
        await SetAsync(s, i => i with { TopN = 2 });
        await (await s.Panitia.PostJsonAsync($"{Stages}/{s.Stage.Id}/freeze", new StageActionInput())).ShouldBeOk<StageDto>();

        var next = s.Edition.Stages[1];
        var settings = StagesFixture.Simple(next, i => i with { PreviousStageWeight = 0.25 });
        var dto = await (await s.Panitia.PutJsonAsync($"{Stages}/{next.Id}/settings", settings)).ShouldBeOk<StageDto>();
        await (await s.Panitia.PostJsonAsync($"{Stages}/{next.Id}/open", new StageActionInput(dto.Version))).ShouldBeOk<StageDto>();
        // Stage 2 raw means: P1 60, P3 80. Blend 0.75·stage 2 + 0.25·stage 1: P1 0.75·60 + 0.25·90 = 67.5; P3 0.75·80 + 0.25·85 = 81.25.
        await StagesFixture.ScoreAsync(App, next.Id, s.J1, s.P1, 60, 60);
        await StagesFixture.ScoreAsync(App, next.Id, s.J1, s.P3, 80, 80);

        var ranking = await (await s.Panitia.GetAsync($"{Stages}/{next.Id}/ranking", Ct)).ShouldBeOk<StageRankingDto>();
        Assert.Equal([s.P3, s.P1], ranking.Lines.Select(l => l.ProposalId));
        Assert.Equal([81.25, 67.5], ranking.Lines.Select(l => l.Score!.Value));
        Assert.Equal([80.0, 60], ranking.Lines.Select(l => l.MethodScore!.Value));
        Assert.Equal([85.0, 90], ranking.Lines.Select(l => l.PreviousScore!.Value));

        var overview = await (await s.Panitia.GetAsync($"/api/v1/editions/{s.Edition.Entity.Id}/judging/stages", Ct)).ShouldBeOk<List<StageSummaryDto>>();
        Assert.Equal([5, 2, 0, 0], overview.Select(o => o.Entrants));
        Assert.Equal(("Frozen", 2), (overview[0].Status, overview[0].Passed));
    }

    [Fact]
    public async Task The_regional_spread_counts_passed_proposals_per_kabupaten_kota_and_splits_new_faces_from_past_winners()
    {
        var s = await SmallStageAsync();
        await SetAsync(s, i => i with { TopN = 2 });
        // P1 and P3 pass (both from the kota dinas); that dinas won an award in an earlier year.
        var kotaUnit = await App.WithDbAsync(db => db.Proposals.Where(p => p.Id == s.P1).Select(p => p.OrganisationId).SingleAsync(Ct));
        var earlier = await App.CreateInnovationAsync(kotaUnit, "Pemenang Lama");
        await App.WithDbAsync(async db =>
        {
            db.InnovationAwards.Add(new Kovablik.Competitions.Awards.InnovationAward
            {
                InnovationId = earlier.Id, Year = s.Edition.Entity.Year - 1, Competition = "KOVABLIK", Title = "Top 30",
                Tier = Kovablik.Competitions.Validation.AwardTier.Top, RecordedAt = App.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        });

        var stats = await (await s.Panitia.GetAsync($"{Stages}/{s.Stage.Id}/statistics", Ct)).ShouldBeOk<StageStatisticsDto>();
        var kota = await App.KabKotaAsync();
        var province = stats.Regions.Single(r => r.RegionId != kota.Id);
        var city = stats.Regions.Single(r => r.RegionId == kota.Id);
        Assert.Equal((kota.Name, 3, 2, 0, 2), (city.Region, city.Entrants, city.Passed, city.NewFaces, city.PastWinners));
        Assert.Equal((2, 0, 0, 0), (province.Entrants, province.Passed, province.NewFaces, province.PastWinners));
        Assert.Equal(2, stats.Regions.Count);
    }

    [Fact]
    public async Task Bad_settings_are_refused_next_to_their_field_and_change_nothing()
    {
        var s = await SmallStageAsync();
        var fresh = s.Edition.Stages[1];
        var before = await StagesFixture.StageAsync(App, fresh.Id);
        var cases = new (string Field, Func<StageSettingsInput, StageSettingsInput> Change)[]
        {
            ("Criteria[1].Key", i => i with { Criteria = [new("A", "A", 1, 0, 10), new("a", "B", 1, 0, 10)] }),
            ("Criteria[0].Max", i => i with { Criteria = [new("A", "A", 1, 10, 10)] }),
            ("Criteria[0].Weight", i => i with { Criteria = [new("A", "A", 0, 0, 10)] }),
            ("TrimPerSide", i => i with { Method = StageMethod.TrimmedMean, TrimPerSide = 2, JurorsPerProposal = 3 }),
            ("TieBreaks[0]", i => i with { TieBreaks = ["TidakAda"] }),
            ("PreviousStageWeight", i => i with { PreviousStageWeight = 1.5 }),
            ("Clusters[0]", i => i with { Clusters = [new ClusterMixInput("Kecamatan", 1, null)] }),
            ("ScoringDeadline", i => i with { ScoringOpensAt = App.Time.GetUtcNow().AddDays(2), ScoringDeadline = App.Time.GetUtcNow().AddDays(1) }),
            ("Name", i => i with { Name = " " }),
        };
        foreach (var (field, change) in cases)
        {
            var response = await s.Panitia.PutJsonAsync($"{Stages}/{fresh.Id}/settings", change(StagesFixture.Simple(before)));
            var errors = await response.ValidationErrorsAsync();
            Assert.True(errors.ContainsKey(field), $"{field} not in {string.Join(", ", errors.Keys)}");
        }
        var after = await StagesFixture.StageAsync(App, fresh.Id);
        Assert.Equal((before.Version, before.RubricJson, before.TieBreaksJson, before.Method), (after.Version, after.RubricJson, after.TieBreaksJson, after.Method));

        // Stage 1 has submitted sheets: its rubric is locked, the rest of its settings are not.
        var locked = await s.Panitia.PutJsonAsync($"{Stages}/{s.Stage.Id}/settings",
            StageSettingsInput.From(s.Stage) with { Criteria = [.. StagesFixture.SimpleCriteria().Select(c => c with { Weight = 10 })] });
        Assert.Contains("Criteria", (await locked.ValidationErrorsAsync()).Keys);
        await (await s.Panitia.PutJsonAsync($"{Stages}/{s.Stage.Id}/settings", StageSettingsInput.From(s.Stage) with { TopN = 4 })).ShouldBeOk<StageDto>();

        // Concurrent edit: an old version is refused.
        var stale = await s.Panitia.PutJsonAsync($"{Stages}/{s.Stage.Id}/settings", StageSettingsInput.From(s.Stage) with { TopN = 3 });
        Assert.Contains("baru saja diubah", (await stale.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(4, (await StagesFixture.StageAsync(App, s.Stage.Id)).CutTopN);
    }

    [Fact]
    public async Task The_excel_export_has_the_ranking_and_every_jurors_scores_and_is_for_panitia_only()
    {
        var s = await SmallStageAsync();
        var response = await s.Panitia.GetAsync($"{Stages}/{s.Stage.Id}/export.xlsx", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var ranking = workbook.Worksheet("Peringkat");
        Assert.Equal("Peringkat", ranking.Cell(1, 1).GetString());
        Assert.Equal(s.P1, ranking.Cell(2, 2).GetValue<int>());
        Assert.Equal(90, ranking.Cell(2, 6).GetValue<double>());
        var perJuror = workbook.Worksheet("Nilai per Juri");
        Assert.Equal(11, perJuror.LastRowUsed()!.RowNumber());
        Assert.Equal("Dampak", perJuror.Cell(1, 4).GetString());

        var juror = App.ClientFor(await App.CreateUserAsync(Roles.Juri, null));
        Assert.Equal(HttpStatusCode.Forbidden, (await juror.GetAsync($"{Stages}/{s.Stage.Id}/export.xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await juror.GetAsync($"{Stages}/{s.Stage.Id}/ranking", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.AnonymousClient().GetAsync($"{Stages}/{s.Stage.Id}/ranking", Ct)).StatusCode);
    }
}

public sealed class StageApiTestsSqlite() : StageApiTests(DatabaseProvider.Sqlite);

public sealed class StageApiTestsPostgres() : StageApiTests(DatabaseProvider.Postgres);
