namespace Kovablik.Competitions.Judging;

/// <summary>How far apart the jurors were on one proposal (raw totals; population SD).</summary>
public readonly record struct ProposalSpread(int ProposalId, int Count, double Min, double Max, double Mean, double Sd)
{
    public double Range => Max - Min;
}

/// <summary>
/// When a juror's total counts as far from the rest of the panel on a proposal. Deviation d = |x − mean of the other
/// jurors' totals|. Flagged when d &gt; <see cref="Points"/> (if set), or when d &gt; <see cref="SdMultiple"/> · SD of the
/// others (if set) and d ≥ <see cref="MinimumDeviation"/>. The floor matters: when the others agree almost exactly their
/// SD is near zero, and a juror two points away would otherwise be "many SDs" away. The SD test needs at least two
/// other jurors; the points test needs one.
/// </summary>
public sealed record OutlierSettings(double? SdMultiple = 2.0, double? Points = 15, double MinimumDeviation = 5);

public sealed record OutlierFlag(int JurorId, int ProposalId, double Score, double OthersMean, double OthersSd, double Deviation, bool BySd, bool ByPoints);

/// <summary>
/// A juror against the panel: their count, mean and SD of totals; the mean and SD of the other jurors' totals on the same
/// proposals (like for like, so a juror on a strong panel is not called lenient); and their mean difference from the
/// others per proposal (positive = lenient, negative = harsh).
/// </summary>
public sealed record JurorCalibration(int JurorId, int Count, double Mean, double Sd, double PanelMean, double PanelSd, double MeanDifference);

public static class PanelStatistics
{
    public static IReadOnlyList<ProposalSpread> Spread(IEnumerable<JurorTotal> totals)
    {
        var stats = new SortedDictionary<int, RunningStats>();
        foreach (var t in totals)
        {
            stats.TryGetValue(t.ProposalId, out var s);
            s.Add(t.Total);
            stats[t.ProposalId] = s;
        }
        return stats.Select(kv => new ProposalSpread(kv.Key, kv.Value.Count, kv.Value.Min, kv.Value.Max, kv.Value.Mean, kv.Value.Sd)).ToList();
    }

    public static IReadOnlyList<OutlierFlag> Outliers(IEnumerable<JurorTotal> totals, OutlierSettings settings)
    {
        var flags = new List<OutlierFlag>();
        foreach (var group in ByProposal(totals))
        {
            var panel = group.Value;
            if (panel.Count < 2) continue;
            foreach (var t in panel)
            {
                var others = Others(panel, t);
                var deviation = Math.Abs(t.Total - others.Mean);
                var byPoints = settings.Points is { } p && deviation > p;
                var bySd = settings.SdMultiple is { } k && others.Count >= 2 && deviation > k * others.Sd && deviation >= settings.MinimumDeviation;
                if (byPoints || bySd) flags.Add(new OutlierFlag(t.JurorId, t.ProposalId, t.Total, others.Mean, others.Sd, deviation, bySd, byPoints));
            }
        }
        return flags;
    }

    public static IReadOnlyList<JurorCalibration> Calibration(IEnumerable<JurorTotal> totals)
    {
        var own = new SortedDictionary<int, RunningStats>();
        var panel = new Dictionary<int, RunningStats>();
        var difference = new Dictionary<int, RunningStats>();
        foreach (var group in ByProposal(totals))
        {
            foreach (var t in group.Value)
            {
                own.TryGetValue(t.JurorId, out var o);
                o.Add(t.Total);
                own[t.JurorId] = o;
                var others = Others(group.Value, t);
                if (others.Count == 0) continue;
                panel.TryGetValue(t.JurorId, out var p);
                foreach (var x in group.Value) if (x.JurorId != t.JurorId) p.Add(x.Total);
                panel[t.JurorId] = p;
                difference.TryGetValue(t.JurorId, out var d);
                d.Add(t.Total - others.Mean);
                difference[t.JurorId] = d;
            }
        }
        return own.Select(kv =>
        {
            var p = panel.GetValueOrDefault(kv.Key);
            var d = difference.GetValueOrDefault(kv.Key);
            return new JurorCalibration(kv.Key, kv.Value.Count, kv.Value.Mean, kv.Value.Sd,
                p.Count == 0 ? double.NaN : p.Mean, p.Count == 0 ? double.NaN : p.Sd, d.Count == 0 ? double.NaN : d.Mean);
        }).ToList();
    }

    private static RunningStats Others(List<JurorTotal> panel, JurorTotal juror)
    {
        var s = new RunningStats();
        foreach (var x in panel) if (x.JurorId != juror.JurorId) s.Add(x.Total);
        return s;
    }

    private static SortedDictionary<int, List<JurorTotal>> ByProposal(IEnumerable<JurorTotal> totals)
    {
        var groups = new SortedDictionary<int, List<JurorTotal>>();
        foreach (var t in totals)
        {
            if (!groups.TryGetValue(t.ProposalId, out var list)) groups[t.ProposalId] = list = [];
            list.Add(t);
        }
        return groups;
    }
}
