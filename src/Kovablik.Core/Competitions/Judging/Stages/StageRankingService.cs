using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Stages;

/// <summary>What Panitia reads about a proposal next to its score.</summary>
public sealed record EntrantInfo(
    int ProposalId, string Title, int OrganisationId, string OrganisationName, int RegionId, string RegionName,
    string? Cluster, DateTimeOffset? SubmittedAt);

/// <summary>A submitted sheet with what the per-juror export and statistics show.</summary>
public sealed record SubmittedSheet(int JurorId, int ProposalId, IReadOnlyDictionary<string, double> Scores, DateTimeOffset? SubmittedAt);

/// <summary>A stage with its edition, entrants, sheets and ranking, read in a fixed number of queries.</summary>
public sealed record StageView(
    JudgingStage Stage,
    Edition Edition,
    IReadOnlyDictionary<int, EntrantInfo> Entrants,
    IReadOnlyList<SubmittedSheet> Sheets,
    IReadOnlyDictionary<int, string> JurorNames,
    StageRanking Ranking);

/// <summary>
/// Loads a stage's inputs from the database (entrants per <see cref="JudgingAccess.StageProposalsAsync"/>, submitted
/// sheets, the previous stage's frozen results, active plenary decisions) and ranks them with the pure
/// <see cref="StageRanker"/>. Nothing is written here.
/// </summary>
public sealed class StageRankingService(KovablikDbContext db, JudgingAccess access)
{
    /// <summary>The view, or a failed result: not found, or invalid cut settings (as stored).</summary>
    public async Task<Platform.Result<StageView>> ViewAsync(int stageId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Platform.Result<StageView>.NotFound();
        return await ViewAsync(stage, ct);
    }

    public async Task<Platform.Result<StageView>> ViewAsync(JudgingStage stage, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == stage.EditionId, ct);
        var ids = (await access.StageProposalsAsync(stage, ct)).Select(p => p.ProposalId).ToList();
        var entrants = await EntrantsAsync(ids, edition, ct);

        var sheets = (await db.JurorScores.AsNoTracking()
                .Where(s => s.StageId == stage.Id && s.Status == ScoreStatus.Submitted)
                .OrderBy(s => s.ProposalId).ThenBy(s => s.JurorId)
                .Select(s => new { s.JurorId, s.ProposalId, s.ScoresJson, s.SubmittedAt })
                .ToListAsync(ct))
            .Where(s => entrants.ContainsKey(s.ProposalId))
            .Select(s => new SubmittedSheet(s.JurorId, s.ProposalId, new JurorScore { ScoresJson = s.ScoresJson }.GetScores(), s.SubmittedAt))
            .ToList();
        var jurorNames = await db.Jurors.AsNoTracking().Where(j => j.EditionId == stage.EditionId)
            .ToDictionaryAsync(j => j.Id, j => j.DisplayName, ct);

        var previousStage = await db.JudgingStages.AsNoTracking()
            .Where(s => s.EditionId == stage.EditionId && s.Order < stage.Order)
            .OrderByDescending(s => s.Order).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var previous = previousStage is { } prevId
            ? await db.StageResults.AsNoTracking().Where(r => r.StageId == prevId)
                .ToDictionaryAsync(r => r.ProposalId, r => new PreviousResult(r.ProposalId, r.Score, r.RawMean, r.JurorCount), ct)
            : [];
        var decisions = await db.PlenaryDecisions.AsNoTracking()
            .Where(d => d.StageId == stage.Id && d.RevokedAt == null)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id)
            .Select(d => new ActiveDecision(d.ProposalId, d.Action, d.Score, d.Reason))
            .ToListAsync(ct);

        var input = new StageRankingInput(stage.Kind, stage.GetRubric(), stage.Settings(), stage.PreviousStageWeight, stage.GetTieBreaks(),
            stage.CutSettings(),
            entrants.Values.Select(e => new StageEntrant(e.ProposalId, e.SubmittedAt, e.Cluster)).ToList(),
            sheets.Select(s => new ScoreSheet(s.JurorId, s.ProposalId, s.Scores)).ToList(),
            previous, decisions);
        var ranking = StageRanker.Rank(input);
        if (!ranking.Succeeded) return Platform.Result<StageView>.Invalid(ranking.Errors);
        return Platform.Result<StageView>.Ok(new StageView(stage, edition, entrants, sheets, jurorNames, ranking.Value!));
    }

    private async Task<Dictionary<int, EntrantInfo>> EntrantsAsync(List<int> ids, Edition edition, CancellationToken ct)
    {
        var rows = new List<(int Id, string Title, int OrgId, string OrgName, OrganisationType OrgType, string Path, DateTimeOffset? SubmittedAt)>();
        // Chunked: an edition can have thousands of entrants, more than a provider likes in one IN list.
        foreach (var chunk in ids.Chunk(1000))
        {
            var part = await db.Proposals.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.Title, p.OrganisationId, OrgName = p.Organisation.Name, OrgType = p.Organisation.Type, p.Organisation.Path, p.SubmittedAt })
                .ToListAsync(ct);
            rows.AddRange(part.Select(p => (p.Id, p.Title, p.OrganisationId, p.OrgName, p.OrgType, p.Path, p.SubmittedAt)));
        }
        var regionIds = rows.Select(r => StageClusters.RegionId(r.Path) ?? r.OrgId).Distinct().ToList();
        var regions = await db.Organisations.AsNoTracking().Where(o => regionIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Type }).ToDictionaryAsync(o => o.Id, ct);
        var clusters = edition.Clusters.Select(c => c.Name).ToList();
        return rows.ToDictionary(r => r.Id, r =>
        {
            var regionId = StageClusters.RegionId(r.Path) ?? r.OrgId;
            var region = regions.GetValueOrDefault(regionId);
            return new EntrantInfo(r.Id, r.Title, r.OrgId, r.OrgName, regionId, region?.Name ?? r.OrgName,
                StageClusters.For(r.OrgType, region?.Type, clusters), r.SubmittedAt);
        });
    }
}
