using Kovablik.Data;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Pool;

/// <summary>
/// Removes a juror's assignments that became conflicted (new declarations, a new affiliation) in every stage of the
/// edition that is not frozen, with the juror's score sheets for those proposals there. Only adds the removals to the
/// context: the caller's SaveChanges commits (and audits) them with the change that caused them. Frozen stages are
/// read-only and keep their history; <see cref="JudgingAccess"/> still refuses the juror there.
/// </summary>
public sealed class AssignmentCleanup(KovablikDbContext db, JudgingAccess access)
{
    /// <param name="declarations">Declarations not saved yet, counted as conflicts too; each gets the number of
    /// assignments it removed (<see cref="ConflictDeclaration.RemovedAssignments"/>).</param>
    /// <returns>How many assignments were removed.</returns>
    public async Task<int> RemoveConflictedAsync(Juror juror, IReadOnlyList<ConflictDeclaration>? declarations, CancellationToken ct = default)
    {
        var openStages = db.JudgingStages.Where(s => s.EditionId == juror.EditionId && s.Status != JudgingStageStatus.Frozen).Select(s => s.Id);
        var assignments = await db.JurorAssignments.Where(a => a.JurorId == juror.Id && openStages.Contains(a.StageId)).ToListAsync(ct);
        var sheets = await db.JurorScores.Where(s => s.JurorId == juror.Id && openStages.Contains(s.StageId)).ToListAsync(ct);
        if (assignments.Count == 0 && sheets.Count == 0) return 0;
        var proposalIds = assignments.Select(a => a.ProposalId).Concat(sheets.Select(s => s.ProposalId)).Distinct().ToList();
        var proposals = (await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).Select(p => new { p.Id, p.OrganisationId }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.OrganisationId);
        var conflicted = await access.ConflictsAsync(juror.EditionId, [juror], proposals.Select(p => (p.Key, p.Value)).ToList(), ct);
        ConflictDeclaration? NewCause(int proposalId) =>
            declarations?.FirstOrDefault(d => d.ProposalId == proposalId || d.OrganisationId == proposals[proposalId]);
        var removed = 0;
        foreach (var a in assignments)
        {
            var cause = NewCause(a.ProposalId);
            if (cause is null && !conflicted.Contains((juror.Id, a.ProposalId))) continue;
            if (cause is not null) cause.RemovedAssignments++;
            db.JurorAssignments.Remove(a);
            removed++;
        }
        db.JurorScores.RemoveRange(sheets.Where(s => NewCause(s.ProposalId) is not null || conflicted.Contains((juror.Id, s.ProposalId))));
        return removed;
    }
}
