using Kovablik.Competitions.Judging;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging;

/// <summary>Starting the judging of an edition: default stages, their rubrics and settings stored and read back.</summary>
public abstract class JudgingSetupTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Starting_judging_creates_the_default_stages_once_with_rubrics_that_read_back_whole()
    {
        var edition = await App.OpenEditionAsync();
        var first = await App.WithDbAsync(db => new JudgingSetupService(db).StartAsync(edition.Id, Ct));
        Assert.True(first.Succeeded);
        var again = await App.WithDbAsync(db => new JudgingSetupService(db).StartAsync(edition.Id, Ct));
        Assert.True(again.Succeeded);

        var stages = await App.WithDbAsync(db => db.JudgingStages.AsNoTracking().Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).ToListAsync(Ct));
        Assert.Equal(
            [JudgingDefaults.PenilaianProposal, JudgingDefaults.PresentasiWawancara, JudgingDefaults.Visitasi, JudgingDefaults.Penetapan],
            stages.Select(s => s.Name));
        Assert.Equal([JudgingStageKind.Desk, JudgingStageKind.Presentation, JudgingStageKind.Visit, JudgingStageKind.Decision], stages.Select(s => s.Kind));

        var expected = JudgingDefaults.ProposalRubric();
        var stored = stages[0].GetRubric()!;
        Assert.Equal(expected.Criteria.Select(c => (c.Key, c.Title, c.Weight, c.Min, c.Max)), stored.Criteria.Select(c => (c.Key, c.Title, c.Weight, c.Min, c.Max)));
        Assert.Equal(expected.Criteria[0].Levels, stored.Criteria[0].Levels);
        Assert.Null(stages[3].GetRubric());
        Assert.Equal(JudgingDefaults.PassingGrade, stages[0].CutPassingGrade);
        Assert.Equal([new TieBreak.HigherCriterion(expected.Criteria[0].Key), new TieBreak.EarlierSubmission()], stages[0].GetTieBreaks());
        Assert.Equal(7, stages[1].PresentationMinutes);
        Assert.Equal(13, stages[1].InterviewMinutes);

        var audited = await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "JudgingStage" && a.Action == "Create", Ct));
        Assert.True(audited >= 4);
    }

    [Fact]
    public async Task A_draft_edition_cannot_start_judging_and_gets_no_stages()
    {
        var edition = await App.OpenEditionAsync(configure: e => e.Status = Kovablik.Competitions.EditionStatus.Draft);
        var result = await App.WithDbAsync(db => new JudgingSetupService(db).StartAsync(edition.Id, Ct));
        Assert.False(result.Succeeded);
        Assert.Contains("dipublikasikan", Assert.Single(result.Errors["Edition"]));
        Assert.Equal(0, await App.WithDbAsync(db => db.JudgingStages.CountAsync(s => s.EditionId == edition.Id, Ct)));
    }
}

public sealed class JudgingSetupTestsSqlite() : JudgingSetupTests(DatabaseProvider.Sqlite);

public sealed class JudgingSetupTestsPostgres() : JudgingSetupTests(DatabaseProvider.Postgres);
