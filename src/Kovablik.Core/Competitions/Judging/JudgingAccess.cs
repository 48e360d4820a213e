using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging;

/// <summary>What a juror may open: the stage, their pool membership, the proposal and their assignment to it.</summary>
public sealed record JurorGrant(JudgingStage Stage, Juror Juror, int ProposalId, int ProposalOrganisationId);

/// <summary>Why a juror conflicts with a proposal: the organisation tree, declarations (ids), or both.</summary>
public sealed class ConflictCause(int jurorId, int proposalId)
{
    public int JurorId { get; } = jurorId;
    public int ProposalId { get; } = proposalId;
    public bool FromOrganisationTree { get; set; }
    public List<int> DeclarationIds { get; } = [];
}

/// <summary>
/// The one place that decides whether a juror may see or score a proposal, so that a conflicted juror can never reach
/// one through any page or endpoint. Every refusal looks the same (null → 404): a juror must not learn that a proposal
/// they are conflicted with exists in the stage.
/// </summary>
public sealed class JudgingAccess(KovablikDbContext db)
{
    /// <summary>
    /// The grant when <paramref name="userId"/> is an active juror of the stage's edition, assigned to the proposal in
    /// that stage, not conflicted with it (organisation tree or a declaration), and has completed the mandatory
    /// declaration; otherwise null.
    /// </summary>
    public async Task<JurorGrant?> ForJurorAsync(string userId, int stageId, int proposalId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return null;
        var juror = await db.Jurors.FirstOrDefaultAsync(j => j.EditionId == stage.EditionId && j.UserId == userId && j.Active, ct);
        if (juror?.DeclarationCompletedAt is null) return null;
        var assigned = await db.JurorAssignments.AnyAsync(a => a.StageId == stageId && a.JurorId == juror.Id && a.ProposalId == proposalId, ct);
        if (!assigned) return null;
        var proposal = await db.Proposals.AsNoTracking()
            .Where(p => p.Id == proposalId && p.EditionId == stage.EditionId)
            .Select(p => new { p.Id, p.OrganisationId })
            .FirstOrDefaultAsync(ct);
        if (proposal is null) return null;
        if (await IsConflictedAsync(juror, proposal.Id, proposal.OrganisationId, ct)) return null;
        return new JurorGrant(stage, juror, proposal.Id, proposal.OrganisationId);
    }

    /// <summary>Whether the juror conflicts with the proposal: organisation tree or a declaration not withdrawn.</summary>
    public async Task<bool> IsConflictedAsync(Juror juror, int proposalId, int proposalOrganisationId, CancellationToken ct = default)
    {
        if (juror.OrganisationId is { } jurorOrg)
        {
            var paths = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == jurorOrg || o.Id == proposalOrganisationId)
                .Select(o => new { o.Id, o.Path })
                .ToListAsync(ct);
            var jurorPath = paths.FirstOrDefault(p => p.Id == jurorOrg)?.Path;
            var proposalPath = paths.FirstOrDefault(p => p.Id == proposalOrganisationId)?.Path;
            if (OrganisationConflicts.Conflicts(jurorPath, proposalPath)) return true;
        }
        return await db.ConflictDeclarations.AnyAsync(c =>
            c.JurorId == juror.Id && c.WithdrawnAt == null
            && (c.ProposalId == proposalId || c.OrganisationId == proposalOrganisationId), ct);
    }

    /// <summary>
    /// Every (juror, proposal) conflict among the given jurors and proposals of one edition, for assignment and the
    /// conflict overview: tree conflicts computed in memory from materialised paths, declarations from one query.
    /// </summary>
    public async Task<HashSet<(int JurorId, int ProposalId)>> ConflictsAsync(int editionId, IReadOnlyCollection<Juror> jurors,
        IReadOnlyCollection<(int ProposalId, int OrganisationId)> proposals, CancellationToken ct = default) =>
        (await ExplainConflictsAsync(editionId, jurors, proposals, ct)).Select(c => (c.JurorId, c.ProposalId)).ToHashSet();

    /// <summary>
    /// The same conflicts as <see cref="ConflictsAsync"/>, each with its causes: the organisation tree and/or the ids
    /// of the declarations (not withdrawn) that name the proposal or its organisation.
    /// </summary>
    public async Task<List<ConflictCause>> ExplainConflictsAsync(int editionId, IReadOnlyCollection<Juror> jurors,
        IReadOnlyCollection<(int ProposalId, int OrganisationId)> proposals, CancellationToken ct = default)
    {
        var orgIds = jurors.Where(j => j.OrganisationId is not null).Select(j => j.OrganisationId!.Value)
            .Concat(proposals.Select(p => p.OrganisationId)).Distinct().ToList();
        var paths = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Path }).ToDictionaryAsync(o => o.Id, o => OrganisationConflicts.Parse(o.Path), ct);
        var causes = new Dictionary<(int, int), ConflictCause>();
        ConflictCause At(int jurorId, int proposalId)
        {
            if (!causes.TryGetValue((jurorId, proposalId), out var c))
                causes[(jurorId, proposalId)] = c = new ConflictCause(jurorId, proposalId);
            return c;
        }
        var proposalPaths = proposals.Select(p => (p.ProposalId, Path: paths.GetValueOrDefault(p.OrganisationId))).ToList();
        foreach (var j in jurors)
        {
            if (j.OrganisationId is not { } jo || !paths.TryGetValue(jo, out var jp)) continue;
            foreach (var (proposalId, pp) in proposalPaths)
                if (pp is not null && OrganisationConflicts.Conflicts(jp, pp))
                    At(j.Id, proposalId).FromOrganisationTree = true;
        }
        var jurorIds = jurors.Select(j => j.Id).ToList();
        // A declaration is usually about one proposal: index the proposals so a big edition is not scanned per row.
        var byId = proposals.ToDictionary(p => p.ProposalId, p => p.OrganisationId);
        var byOrganisation = proposals.ToLookup(p => p.OrganisationId, p => p.ProposalId);
        foreach (var chunk in jurorIds.Chunk(500))
        {
            var declared = await db.ConflictDeclarations.AsNoTracking()
                .Where(c => c.EditionId == editionId && c.WithdrawnAt == null && chunk.Contains(c.JurorId))
                .Select(c => new { c.Id, c.JurorId, c.ProposalId, c.OrganisationId })
                .ToListAsync(ct);
            foreach (var d in declared)
            {
                if (d.ProposalId is { } pid && byId.ContainsKey(pid)) At(d.JurorId, pid).DeclarationIds.Add(d.Id);
                if (d.OrganisationId is { } oid)
                    foreach (var pid2 in byOrganisation[oid])
                        At(d.JurorId, pid2).DeclarationIds.Add(d.Id);
            }
        }
        return causes.Values.OrderBy(c => c.JurorId).ThenBy(c => c.ProposalId).ToList();
    }

    /// <summary>
    /// The proposals taking part in a stage: stage 1 takes those that passed administrative selection; a later stage
    /// takes those that passed the previous stage once it is frozen (none before).
    /// </summary>
    public async Task<List<(int ProposalId, int OrganisationId)>> StageProposalsAsync(JudgingStage stage, CancellationToken ct = default)
    {
        var previous = await db.JudgingStages.AsNoTracking()
            .Where(s => s.EditionId == stage.EditionId && s.Order < stage.Order)
            .OrderByDescending(s => s.Order)
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            var rows = await db.Proposals.AsNoTracking()
                .Where(p => p.EditionId == stage.EditionId && p.Selection == SelectionOutcome.Passed)
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.OrganisationId })
                .ToListAsync(ct);
            return rows.Select(r => (r.Id, r.OrganisationId)).ToList();
        }
        var passed = await db.StageResults.AsNoTracking()
            .Where(r => r.StageId == previous.Id && r.Passed)
            .Join(db.Proposals, r => r.ProposalId, p => p.Id, (r, p) => new { p.Id, p.OrganisationId })
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        return passed.Select(r => (r.Id, r.OrganisationId)).ToList();
    }
}
