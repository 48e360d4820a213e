using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Pool;

public sealed record JurorLoad(int JurorId, string DisplayName, int Load, int? LoadLimit, int Current, bool Declared);

public sealed record ShortfallRow(int ProposalId, string Title, int Assigned, int Needed, int EligibleJurors, ShortfallReason Reason);

/// <summary>
/// The result of an automatic assignment run before it is confirmed: loads per juror (planned and current), the
/// proposals short of k jurors with the reason, and how many assignments the confirmation adds, removes and keeps.
/// </summary>
public sealed record AssignmentPlan(
    JudgingStage Stage, int ProposalCount, int JurorCount, List<JurorLoad> Loads, List<ShortfallRow> Shortfalls,
    int ToAdd, int ToRemove, int Kept, int Pinned, int JurorsWithoutDeclaration, int NewlyAssignedJurors);

public sealed record AssignmentRow(int Id, int JurorId, string JurorName, int ProposalId, string ProposalTitle, AssignmentSource Source, bool HasScoreSheet);

public sealed record StageAssignments(JudgingStage Stage, string EditionName, List<AssignmentRow> Rows, List<(int Id, string Title)> Proposals, List<(int Id, string Name)> Jurors);

/// <summary>
/// Automatic and manual assignment of a stage's proposals to the pool. The automatic run (<see cref="JuryAssignment"/>)
/// takes the stage's proposals, the active jurors, every conflict from <see cref="JudgingAccess"/>, panels, load limits
/// and pins (manual assignments and assignments with a score sheet); confirming replaces the automatic assignments
/// that have no score sheet yet. A frozen stage refuses every change.
/// </summary>
public sealed class AssignmentService(KovablikDbContext db, JudgingAccess access, NotificationService notifications)
{
    public const string FrozenMessage = JudgingMessages.Frozen;
    public const string NotScoredMessage = "Tahap penetapan tidak dinilai juri, sehingga tidak memiliki penugasan.";
    public const string ConflictedMessage = "Juri ini memiliki konflik kepentingan dengan proposal ini, sehingga tidak dapat ditugaskan.";
    public const string AlreadyAssignedMessage = "Juri ini sudah ditugaskan pada proposal ini.";
    public const string NotInStageMessage = "Proposal ini tidak termasuk dalam tahap ini.";
    public const string UnknownJurorMessage = "Juri tidak ditemukan atau tidak aktif pada edisi ini.";
    public const string HasScoreMessage = "Juri ini sudah mulai menilai proposal ini; penugasannya tidak dapat dihapus.";
    public const string StaleMessage = JudgingMessages.Stale;

    private sealed record Computation(
        JudgingStage Stage, List<Juror> Jurors, AssignmentResult Result, List<JurorAssignment> ToRemove,
        List<JurorProposal> ToAdd, int Kept, int Pinned, Dictionary<int, int> Current, int ProposalCount);

    public async Task<Result<AssignmentPlan>> PreviewAsync(int stageId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (Refusal<AssignmentPlan>(stage) is { } refused) return refused;
        var c = await ComputeAsync(stage!, tracked: false, ct);
        return Result<AssignmentPlan>.Ok(await PlanOfAsync(c, ct));
    }

    /// <summary>Runs the assignment again (same inputs and seed as the preview: same result) and applies it.</summary>
    public async Task<Result<AssignmentPlan>> ConfirmAsync(int stageId, string? userId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (Refusal<AssignmentPlan>(stage) is { } refused) return refused;
        var c = await ComputeAsync(stage!, tracked: true, ct);
        var now = db.Time.GetUtcNow();
        db.JurorAssignments.RemoveRange(c.ToRemove);
        // A conflicted pair loses its score sheet too (a declaration made after the sheet was started).
        var removedPairs = c.ToRemove.Select(a => (a.JurorId, a.ProposalId)).ToHashSet();
        if (removedPairs.Count > 0)
        {
            var sheets = await db.JurorScores.Where(s => s.StageId == stageId).ToListAsync(ct);
            db.JurorScores.RemoveRange(sheets.Where(s => removedPairs.Contains((s.JurorId, s.ProposalId))));
        }
        db.JurorAssignments.AddRange(c.ToAdd.Select(p => new JurorAssignment
        {
            StageId = stageId,
            JurorId = p.JurorId,
            ProposalId = p.ProposalId,
            Source = AssignmentSource.Automatic,
            AssignedAt = now,
            AssignedByUserId = userId,
        }));
        Notify(stage!, c.Jurors, c.ToAdd);
        var plan = await PlanOfAsync(c, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another organiser confirmed or assigned in between: the unique index refused a pair.
            db.ChangeTracker.Clear();
            return Result<AssignmentPlan>.Conflict(StaleMessage);
        }
        return Result<AssignmentPlan>.Ok(plan);
    }

    /// <summary>Panitia assigns one juror by hand (a pin for later automatic runs); a conflicted pair is refused.</summary>
    public async Task<Result<JurorAssignment>> AddAsync(int stageId, int? jurorId, int? proposalId, string? userId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (Refusal<JurorAssignment>(stage) is { } refused) return refused;
        var errors = new ErrorBag();
        var juror = jurorId is { } jid ? await db.Jurors.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jid && j.EditionId == stage!.EditionId && j.Active, ct) : null;
        if (juror is null) errors.Add("JurorId", UnknownJurorMessage);
        var proposals = await access.StageProposalsAsync(stage!, ct);
        var proposal = proposals.FirstOrDefault(p => p.ProposalId == proposalId);
        if (proposal == default) errors.Add("ProposalId", NotInStageMessage);
        if (errors.Any) return errors.ToResult<JurorAssignment>();
        if (await access.IsConflictedAsync(juror!, proposal.ProposalId, proposal.OrganisationId, ct))
            return Result<JurorAssignment>.Invalid("JurorId", ConflictedMessage);
        var existing = await db.JurorAssignments.FirstOrDefaultAsync(a => a.StageId == stageId && a.JurorId == juror!.Id && a.ProposalId == proposal.ProposalId, ct);
        if (existing is { Source: AssignmentSource.Manual }) return Result<JurorAssignment>.Invalid("JurorId", AlreadyAssignedMessage);
        if (existing is not null)
        {
            // Already there from the automatic run: Panitia's choice pins it.
            existing.Source = AssignmentSource.Manual;
            existing.AssignedByUserId = userId;
        }
        else
        {
            existing = new JurorAssignment
            {
                StageId = stageId,
                JurorId = juror!.Id,
                ProposalId = proposal.ProposalId,
                Source = AssignmentSource.Manual,
                AssignedAt = db.Time.GetUtcNow(),
                AssignedByUserId = userId,
            };
            db.JurorAssignments.Add(existing);
            Notify(stage!, [juror], [new JurorProposal(juror.Id, proposal.ProposalId)]);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<JurorAssignment>.Invalid("JurorId", AlreadyAssignedMessage);
        }
        return Result<JurorAssignment>.Ok(existing);
    }

    /// <summary>Panitia removes one assignment; refused once the juror has a score sheet for it.</summary>
    public async Task<Result<JurorAssignment>> RemoveAsync(int stageId, int assignmentId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<JurorAssignment>.NotFound();
        var assignment = await db.JurorAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.StageId == stageId, ct);
        if (assignment is null) return Result<JurorAssignment>.NotFound();
        if (stage.IsFrozen) return Result<JurorAssignment>.Conflict(FrozenMessage);
        if (await db.JurorScores.AnyAsync(s => s.StageId == stageId && s.JurorId == assignment.JurorId && s.ProposalId == assignment.ProposalId, ct))
            return Result<JurorAssignment>.Invalid("AssignmentId", HasScoreMessage);
        db.JurorAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return Result<JurorAssignment>.Ok(assignment);
    }

    /// <summary>The stage's assignments with names, and the choices for a manual assignment.</summary>
    public async Task<StageAssignments?> ListAsync(int stageId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return null;
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == stage.EditionId).Select(e => e.Name).FirstAsync(ct);
        var sheets = db.JurorScores.Where(s => s.StageId == stageId);
        var rows = await db.JurorAssignments.AsNoTracking().Where(a => a.StageId == stageId)
            .Join(db.Jurors, a => a.JurorId, j => j.Id, (a, j) => new { a, j.DisplayName })
            .Join(db.Proposals, x => x.a.ProposalId, p => p.Id, (x, p) => new { x.a, x.DisplayName, p.Title })
            .OrderBy(x => x.Title).ThenBy(x => x.a.ProposalId).ThenBy(x => x.DisplayName)
            .Select(x => new AssignmentRow(x.a.Id, x.a.JurorId, x.DisplayName, x.a.ProposalId, x.Title, x.a.Source,
                sheets.Any(s => s.JurorId == x.a.JurorId && s.ProposalId == x.a.ProposalId)))
            .ToListAsync(ct);
        var ids = (await access.StageProposalsAsync(stage, ct)).Select(p => p.ProposalId).ToList();
        var titles = new List<(int, string)>();
        foreach (var chunk in ids.Chunk(1000))
            titles.AddRange((await db.Proposals.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)));
        var jurors = (await db.Jurors.AsNoTracking().Where(j => j.EditionId == stage.EditionId && j.Active).OrderBy(j => j.DisplayName)
            .Select(j => new { j.Id, j.DisplayName }).ToListAsync(ct)).Select(j => (j.Id, j.DisplayName)).ToList();
        return new StageAssignments(stage, edition, rows, titles.OrderBy(t => t.Item2).ToList(), jurors);
    }

    private static Result<T>? Refusal<T>(JudgingStage? stage)
    {
        if (stage is null) return Result<T>.NotFound();
        if (stage.IsFrozen) return Result<T>.Conflict(FrozenMessage);
        if (!stage.IsScored) return Result<T>.Invalid("Stage", NotScoredMessage);
        return null;
    }

    private async Task<Computation> ComputeAsync(JudgingStage stage, bool tracked, CancellationToken ct)
    {
        var proposals = await access.StageProposalsAsync(stage, ct);
        var jurors = await db.Jurors.AsNoTracking().Where(j => j.EditionId == stage.EditionId && j.Active).OrderBy(j => j.Id).ToListAsync(ct);
        var conflicts = await access.ConflictsAsync(stage.EditionId, jurors, proposals, ct);
        var panels = await JudgingPanels.OfProposalsAsync(db, stage.EditionId, proposals.Select(p => p.ProposalId).ToList(), ct);
        var existingQuery = db.JurorAssignments.Where(a => a.StageId == stage.Id);
        var existing = tracked ? await existingQuery.ToListAsync(ct) : await existingQuery.AsNoTracking().ToListAsync(ct);
        var sheets = (await db.JurorScores.AsNoTracking().Where(s => s.StageId == stage.Id).Select(s => new { s.JurorId, s.ProposalId }).ToListAsync(ct))
            .Select(s => (s.JurorId, s.ProposalId)).ToHashSet();
        var jurorIds = jurors.Select(j => j.Id).ToHashSet();
        var proposalIds = proposals.Select(p => p.ProposalId).ToHashSet();
        var pins = existing
            .Where(a => (a.Source == AssignmentSource.Manual || sheets.Contains((a.JurorId, a.ProposalId)))
                && jurorIds.Contains(a.JurorId) && proposalIds.Contains(a.ProposalId) && !conflicts.Contains((a.JurorId, a.ProposalId)))
            .Select(a => new JurorProposal(a.JurorId, a.ProposalId)).ToList();
        var result = JuryAssignment.Assign(new AssignmentRequest
        {
            Proposals = proposals.Select(p => new AssignmentProposal(p.ProposalId, null, panels.GetValueOrDefault(p.ProposalId))).ToList(),
            Jurors = jurors.Select(j => new AssignmentJuror(j.Id, null, j.LoadLimit, j.Panels.Count == 0 ? null : j.Panels)).ToList(),
            JurorsPerProposal = stage.JurorsPerProposal,
            // Tree conflicts are already in the set: JudgingAccess is the one place that decides them.
            DeclaredConflicts = conflicts.Select(c => new JurorProposal(c.JurorId, c.ProposalId)).ToList(),
            Pinned = pins,
            UseOrganisationTree = false,
            Seed = stage.Id,
        });
        var target = result.Assignments.ToHashSet();
        var toRemove = existing.Where(a =>
            conflicts.Contains((a.JurorId, a.ProposalId))
            || (a.Source == AssignmentSource.Automatic && !sheets.Contains((a.JurorId, a.ProposalId)) && !target.Contains(new JurorProposal(a.JurorId, a.ProposalId)))).ToList();
        var existingPairs = existing.Select(a => new JurorProposal(a.JurorId, a.ProposalId)).ToHashSet();
        var toAdd = result.Assignments.Where(p => !existingPairs.Contains(p)).ToList();
        var current = existing.GroupBy(a => a.JurorId).ToDictionary(g => g.Key, g => g.Count());
        return new Computation(stage, jurors, result, toRemove, toAdd, existing.Count - toRemove.Count, pins.Count, current, proposals.Count);
    }

    private async Task<AssignmentPlan> PlanOfAsync(Computation c, CancellationToken ct)
    {
        var loads = c.Jurors.Select(j => new JurorLoad(j.Id, j.DisplayName, c.Result.Loads.GetValueOrDefault(j.Id), j.LoadLimit,
            c.Current.GetValueOrDefault(j.Id), j.DeclarationCompletedAt is not null)).ToList();
        var shortIds = c.Result.Shortfalls.Select(s => s.ProposalId).ToList();
        var titles = await db.Proposals.AsNoTracking().Where(p => shortIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var shortfalls = c.Result.Shortfalls.Select(s => new ShortfallRow(s.ProposalId, titles.GetValueOrDefault(s.ProposalId, "?"), s.Assigned, s.Needed, s.EligibleJurors, s.Reason)).ToList();
        return new AssignmentPlan(c.Stage, c.ProposalCount, c.Jurors.Count, loads, shortfalls, c.ToAdd.Count, c.ToRemove.Count, c.Kept, c.Pinned,
            c.Jurors.Count(j => j.DeclarationCompletedAt is null), c.ToAdd.Select(a => a.JurorId).Distinct().Count());
    }

    /// <summary>One notice per juror per change, however many proposals it brings.</summary>
    private void Notify(JudgingStage stage, IReadOnlyCollection<Juror> jurors, IReadOnlyCollection<JurorProposal> added)
    {
        var users = jurors.ToDictionary(j => j.Id, j => j.UserId);
        var userIds = added.Select(a => users[a.JurorId]).Distinct().ToList();
        if (userIds.Count == 0) return;
        var emails = db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToDictionary(u => u.Id, u => u.Email);
        foreach (var group in added.GroupBy(a => a.JurorId))
        {
            var userId = users[group.Key];
            notifications.Add([(userId, emails.GetValueOrDefault(userId))],
                Message.Format("Penugasan baru: {0}", stage.Name),
                Message.Format("Anda mendapat {0} proposal baru untuk dinilai pada tahap {1}.", group.Count(), stage.Name),
                "/Juri");
        }
    }
}
