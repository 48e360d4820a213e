using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Proposals;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Schedule;

public sealed record ScheduleProposal(int Id, int OrganisationId, AppUser Operator);

/// <summary>An edition in judging: the default stages, stage 1 frozen with every proposal passed, so the Presentation and
/// Visit stages (both open for scoring from now for 30 days) hold <see cref="Proposals"/>.</summary>
public sealed record ScheduleWorld(int EditionId, JudgingStage Desk, JudgingStage Presentation, JudgingStage Visit, List<ScheduleProposal> Proposals, AppUser Panitia);

/// <summary>Builds judging data for the schedule tests: stages through JudgingSetupService, the rest directly in the database.</summary>
public static class ScheduleFixture
{
    public static async Task<ScheduleWorld> WorldAsync(KovablikAppFactory app, int proposals = 3)
    {
        var kota = await app.KabKotaAsync();
        var edition = await app.OpenEditionAsync();
        var group = edition.Groups[0].Code;
        var list = new List<ScheduleProposal>();
        for (var i = 0; i < proposals; i++)
        {
            var org = await app.CreateOrganisationAsync($"UPT Jadwal {i}", kota.Id);
            var innovation = await app.CreateInnovationAsync(org.Id);
            var op = await app.CreateUserAsync(Roles.Operator, org.Id);
            var id = await app.WithDbAsync(async db =>
            {
                var p = new Proposal
                {
                    EditionId = edition.Id,
                    GroupCode = group,
                    InnovationId = innovation.Id,
                    OrganisationId = org.Id,
                    Title = $"Proposal Jadwal {i} {KovablikAppFactory.Unique()}",
                    Status = ProposalStatus.Approved,
                    Selection = SelectionOutcome.Passed,
                    SubmittedAt = app.Time.GetUtcNow().AddDays(-20),
                };
                db.Proposals.Add(p);
                await db.SaveChangesAsync();
                return p.Id;
            });
            list.Add(new ScheduleProposal(id, org.Id, op));
        }

        var stages = await app.WithDbAsync(async db =>
        {
            var started = await new JudgingSetupService(db).StartAsync(edition.Id);
            if (!started.Succeeded) throw new InvalidOperationException("Judging did not start.");
            var all = await db.JudgingStages.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Order).ToListAsync();
            var now = app.Time.GetUtcNow();
            all[0].Status = JudgingStageStatus.Frozen;
            all[0].FrozenAt = now;
            var rank = 0;
            foreach (var p in list)
                db.StageResults.Add(new StageResult { StageId = all[0].Id, ProposalId = p.Id, Rank = ++rank, Score = 90 - rank, RawMean = 90 - rank, JurorCount = 3, Passed = true, Outcome = "Passed" });
            foreach (var s in all.Skip(1))
            {
                s.Status = JudgingStageStatus.Scoring;
                s.ScoringOpensAt = now;
                s.ScoringDeadline = now.AddDays(30);
            }
            // Stage 3 (visits) takes the proposals that passed stage 2: pass them all there too, without freezing stage 3.
            foreach (var p in list)
                db.StageResults.Add(new StageResult { StageId = all[1].Id, ProposalId = p.Id, Rank = 1, Score = 80, RawMean = 80, JurorCount = 3, Passed = true, Outcome = "Passed" });
            await db.SaveChangesAsync();
            return all;
        });
        var panitia = await app.CreateUserAsync(Roles.Panitia, null);
        return new ScheduleWorld(edition.Id, stages[0], stages[1], stages[2], list, panitia);
    }

    /// <summary>A juror of the edition (declaration done) assigned to the proposals in the stage; conflicted with <paramref name="conflictedWith"/> by a Panitia declaration.</summary>
    public static async Task<AppUser> JurorAsync(KovablikAppFactory app, ScheduleWorld world, JudgingStage stage, IEnumerable<int> assignedTo, int? conflictedWith = null)
    {
        var user = await app.CreateUserAsync(Roles.Juri, null);
        await app.WithDbAsync(async db =>
        {
            var juror = new Juror { EditionId = world.EditionId, UserId = user.Id, DisplayName = "Juri Uji " + KovablikAppFactory.Unique(), DeclarationCompletedAt = app.Time.GetUtcNow() };
            db.Jurors.Add(juror);
            await db.SaveChangesAsync();
            foreach (var p in assignedTo)
                db.JurorAssignments.Add(new JurorAssignment { StageId = stage.Id, JurorId = juror.Id, ProposalId = p, Source = AssignmentSource.Manual, AssignedAt = app.Time.GetUtcNow() });
            if (conflictedWith is int c)
                db.ConflictDeclarations.Add(new ConflictDeclaration { EditionId = world.EditionId, JurorId = juror.Id, ProposalId = c, Source = ConflictSource.Panitia, Reason = "Kerabat pengusul", DeclaredAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        return user;
    }
}
