using Kovablik.Data;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Stages;

public sealed record JurorProgress(int JurorId, string Name, int Assigned, int Submitted);

public sealed record StageProgress(int Assigned, int Submitted, IReadOnlyList<JurorProgress> Jurors);

/// <summary>Passed proposals of one kabupaten/kota (or provincial agency), split into first-time and earlier winners.</summary>
public sealed record RegionSpread(int RegionId, string Region, int Entrants, int Passed, int NewFaces, int PastWinners);

public sealed record StageStatistics(
    StageProgress Progress,
    IReadOnlyList<ProposalSpread> Spread,
    IReadOnlyList<OutlierFlag> Outliers,
    IReadOnlyList<JurorCalibration> Calibration,
    IReadOnlyList<RegionSpread> Regions);

/// <summary>
/// Panitia's reading of a stage: progress per juror, spread and outliers per proposal, calibration per juror
/// (<see cref="PanelStatistics"/>), and the regional spread of who passed — per kabupaten/kota, the second level of
/// the organisation path — with "new faces" (units without an award from an earlier year) against past winners.
/// </summary>
public sealed class StageReports(KovablikDbContext db)
{
    public async Task<StageStatistics> StatisticsAsync(StageView view, CancellationToken ct = default)
    {
        var stageId = view.Stage.Id;
        var assigned = await db.JurorAssignments.AsNoTracking().Where(a => a.StageId == stageId)
            .GroupBy(a => a.JurorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var submitted = await db.JurorScores.AsNoTracking().Where(s => s.StageId == stageId && s.Status == ScoreStatus.Submitted)
            .GroupBy(s => s.JurorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var jurors = assigned.Keys.Union(submitted.Keys).Distinct()
            .Select(id => new JurorProgress(id, view.JurorNames.GetValueOrDefault(id) ?? $"#{id}", assigned.GetValueOrDefault(id), submitted.GetValueOrDefault(id)))
            .OrderBy(j => j.Name, StringComparer.CurrentCulture).ThenBy(j => j.JurorId).ToList();
        var progress = new StageProgress(assigned.Values.Sum(), submitted.Values.Sum(), jurors);

        var totals = view.Ranking.Totals;
        var regions = await RegionsAsync(view, ct);
        return new StageStatistics(progress, PanelStatistics.Spread(totals), PanelStatistics.Outliers(totals, new OutlierSettings()),
            PanelStatistics.Calibration(totals), regions);
    }

    private async Task<List<RegionSpread>> RegionsAsync(StageView view, CancellationToken ct)
    {
        var orgIds = view.Entrants.Values.Select(e => e.OrganisationId).Distinct().ToList();
        var year = view.Edition.Year;
        var pastWinners = (await db.InnovationAwards.AsNoTracking()
                .Where(a => a.Year < year && orgIds.Contains(a.Innovation.OrganisationId))
                .Select(a => a.Innovation.OrganisationId).Distinct().ToListAsync(ct))
            .ToHashSet();
        var passed = view.Ranking.Lines.Where(l => l.Passed).Select(l => l.ProposalId).ToHashSet();
        return view.Entrants.Values.GroupBy(e => (e.RegionId, e.RegionName))
            .Select(g => new RegionSpread(g.Key.RegionId, g.Key.RegionName, g.Count(),
                g.Count(e => passed.Contains(e.ProposalId)),
                g.Count(e => passed.Contains(e.ProposalId) && !pastWinners.Contains(e.OrganisationId)),
                g.Count(e => passed.Contains(e.ProposalId) && pastWinners.Contains(e.OrganisationId))))
            .OrderByDescending(r => r.Passed).ThenBy(r => r.Region, StringComparer.CurrentCulture).ToList();
    }
}
