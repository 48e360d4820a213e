using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Proposals;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Results;

public sealed record ScenarioProposal(int Id, string Title, int OrganisationId, AppUser Operator);

public sealed record ScenarioJuror(int Id, string DisplayName, AppUser User);

public sealed record ResultsScenario(Edition Edition, JudgingStage Stage, List<ScenarioProposal> Proposals, List<ScenarioJuror> Jurors, AppUser Panitia)
{
    /// <summary>Everything that would identify a juror if it appeared in a public page, a feedback page or a download.</summary>
    public IEnumerable<string> JurorIdentities => Jurors.SelectMany(j => new[] { j.DisplayName, j.User.Id, j.User.Email!, j.User.FullName });
}

/// <summary>
/// A desk-review stage with proposals, jurors, submitted score sheets and frozen results written straight into the
/// database (scoring and freezing are built elsewhere; these tests only need their rows).
/// </summary>
public static class ResultsFixture
{
    /// <summary>Per juror (A, B, C) the score every criterion gets, before the per-proposal offset.</summary>
    public static readonly double[] JurorScores = [8, 6, 7];

    public static string CriterionComment(int juror, string criterion, string proposalTitle) => $"Catatan {criterion} nomor {juror + 1} untuk {proposalTitle}";

    public static string OverallComment(int juror, string proposalTitle) => $"Kesan umum nomor {juror + 1} untuk {proposalTitle}";

    /// <summary>
    /// <paramref name="count"/> proposals of different units in a Kota Surabaya edition; proposal i gets every
    /// juror's score minus i; the last proposal fails. Titles start with letters in reverse order of rank, so an
    /// alphabetical list differs from the ranking.
    /// </summary>
    public static async Task<ResultsScenario> StageAsync(KovablikAppFactory app, int count = 3, bool freeze = true)
    {
        var kota = await app.KabKotaAsync();
        var edition = await app.OpenEditionAsync();
        var stage = await app.WithDbAsync(async db =>
        {
            var started = await new JudgingSetupService(db).StartAsync(edition.Id);
            return started.Value![0];
        });
        var panitia = await app.CreateUserAsync(Roles.Panitia, null);

        var proposals = new List<ScenarioProposal>();
        for (var i = 0; i < count; i++)
        {
            var org = await app.CreateOrganisationAsync($"UPT Hasil {i}", kota.Id);
            var innovation = await app.CreateInnovationAsync(org.Id, publish: true);
            var op = await app.CreateUserAsync(Roles.Operator, org.Id);
            var title = $"{(char)('Z' - i)}-Proposal {KovablikAppFactory.Unique()}";
            var id = await app.WithDbAsync(async db =>
            {
                var p = new Proposal
                {
                    EditionId = edition.Id,
                    GroupCode = "Umum",
                    InnovationId = innovation.Id,
                    OrganisationId = org.Id,
                    Title = title,
                    Status = ProposalStatus.Approved,
                    Selection = SelectionOutcome.Passed,
                    SubmittedAt = app.Time.GetUtcNow().AddDays(-10 + i),
                };
                db.Proposals.Add(p);
                await db.SaveChangesAsync();
                return p.Id;
            });
            proposals.Add(new ScenarioProposal(id, title, org.Id, op));
        }

        var jurors = new List<ScenarioJuror>();
        for (var j = 0; j < JurorScores.Length; j++)
        {
            var user = await app.CreateUserAsync(Roles.Juri, null);
            var name = $"Juri Rahasia {KovablikAppFactory.Unique()}";
            var id = await app.WithDbAsync(async db =>
            {
                var juror = new Juror { EditionId = edition.Id, UserId = user.Id, DisplayName = name, DeclarationCompletedAt = app.Time.GetUtcNow() };
                db.Jurors.Add(juror);
                await db.SaveChangesAsync();
                return juror.Id;
            });
            jurors.Add(new ScenarioJuror(id, name, user));
        }

        var rubric = stage.GetRubric()!;
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < proposals.Count; i++)
            {
                var p = proposals[i];
                for (var j = 0; j < jurors.Count; j++)
                {
                    var scores = rubric.Criteria.ToDictionary(c => c.Key, _ => JurorScores[j] - i);
                    var sheet = new JurorScore
                    {
                        StageId = stage.Id,
                        JurorId = jurors[j].Id,
                        ProposalId = p.Id,
                        Status = ScoreStatus.Submitted,
                        Total = ScoreMath.TotalUnchecked(rubric, scores),
                        SubmittedAt = app.Time.GetUtcNow(),
                        OverallComment = OverallComment(j, p.Title),
                    };
                    sheet.SetScores(scores);
                    sheet.SetComments(rubric.Criteria.ToDictionary(c => c.Key, c => CriterionComment(j, c.Key, p.Title)));
                    db.JurorScores.Add(sheet);
                }
                db.StageResults.Add(new StageResult
                {
                    StageId = stage.Id,
                    ProposalId = p.Id,
                    Rank = i + 1,
                    Score = 90.456 - 5 * i,
                    RawMean = 77.7 - 5 * i,
                    JurorCount = jurors.Count,
                    Passed = i < proposals.Count - 1,
                    Outcome = i < proposals.Count - 1 ? nameof(CutOutcome.PassedByRank) : nameof(CutOutcome.BelowPassingGrade),
                });
            }
            if (freeze)
            {
                var s = await db.JudgingStages.SingleAsync(x => x.Id == stage.Id);
                s.Status = JudgingStageStatus.Frozen;
                s.FrozenAt = app.Time.GetUtcNow();
                s.FrozenByUserId = panitia.Id;
            }
            await db.SaveChangesAsync();
        });
        stage = await app.WithDbAsync(db => db.JudgingStages.AsNoTracking().SingleAsync(s => s.Id == stage.Id));
        return new ResultsScenario(edition, stage, proposals, jurors, panitia);
    }

    public static async Task<JudgingStage> FreezeAsync(KovablikAppFactory app, int stageId) =>
        await app.WithDbAsync(async db =>
        {
            var s = await db.JudgingStages.SingleAsync(x => x.Id == stageId);
            s.Status = JudgingStageStatus.Frozen;
            s.FrozenAt = app.Time.GetUtcNow();
            await db.SaveChangesAsync();
            return s;
        });

    /// <summary>A visitor account (role Pengunjung) with a verified address, as the email-code sign-in creates it.</summary>
    public static Task<AppUser> VisitorAsync(KovablikAppFactory app) => app.CreateUserAsync(Roles.Pengunjung, null);
}
