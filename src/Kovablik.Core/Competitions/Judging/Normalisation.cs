namespace Kovablik.Competitions.Judging;

/// <summary>A juror's total with its z-score and normalised value. See docs/judging-normalisation.md.</summary>
public readonly record struct NormalisedScore(int JurorId, int ProposalId, double Raw, double Z, double Normalised);

/// <summary>How a juror scored across the stage: the inputs of their z-scores.</summary>
public readonly record struct JurorScale(int JurorId, int Count, double Mean, double Sd);

public sealed record NormalisedStage(
    double Mean, double Sd, IReadOnlyList<NormalisedScore> Scores, IReadOnlyDictionary<int, JurorScale> Jurors);

/// <summary>
/// Per-juror z-scores rescaled to the stage: normalised = clamp(μ + z · σ, TotalMin, TotalMax), with
/// z = (x − μ_j) / σ_j over the juror's own totals in the stage and μ, σ over all totals in the stage.
/// Population SD throughout. A juror whose totals do not vary (σ_j below <see cref="FlatSd"/>, including a juror with a
/// single total) gets z = 0: they expressed no preference between proposals, so each of their scores counts as the
/// stage mean instead of dividing by (almost) zero. Rescaling to the stage's own μ and σ (rather than a fixed target
/// such as 70 ± 10) keeps normalised scores on the level and spread jurors actually used, so a passing grade such as
/// 85 keeps its meaning and a stage where everyone is strong is not squeezed into the same band as a weak one.
/// </summary>
public static class Normalisation
{
    /// <summary>Below this SD (points on the total range) a juror's totals count as flat.</summary>
    public const double FlatSd = 1e-9;

    public static NormalisedStage Normalise(IReadOnlyList<JurorTotal> totals, double totalMin, double totalMax)
    {
        var all = new RunningStats();
        var perJuror = new Dictionary<int, RunningStats>();
        foreach (var t in totals)
        {
            all.Add(t.Total);
            ref var s = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(perJuror, t.JurorId, out _);
            s.Add(t.Total);
        }
        var jurors = perJuror.ToDictionary(kv => kv.Key, kv => new JurorScale(kv.Key, kv.Value.Count, kv.Value.Mean, kv.Value.Sd));
        var scores = new NormalisedScore[totals.Count];
        for (var i = 0; i < totals.Count; i++)
        {
            var t = totals[i];
            var j = jurors[t.JurorId];
            var z = j.Sd < FlatSd ? 0 : (t.Total - j.Mean) / j.Sd;
            scores[i] = new NormalisedScore(t.JurorId, t.ProposalId, t.Total, z, Math.Clamp(all.Mean + z * all.Sd, totalMin, totalMax));
        }
        return new NormalisedStage(all.Mean, all.Sd, scores, jurors);
    }
}

public enum StageMethod
{
    /// <summary>Mean of the jurors' normalised totals (the default: removes lenient/harsh and wide/narrow jurors).</summary>
    NormalisedMean,
    /// <summary>Mean of the jurors' raw totals.</summary>
    RawMean,
    /// <summary>Mean of the raw totals after dropping the highest and lowest (see <see cref="StageSettings"/>).</summary>
    TrimmedMean,
}

/// <summary>
/// How a stage turns jurors' totals into one score per proposal. The trimmed mean drops <see cref="TrimPerSide"/>
/// highest and as many lowest totals when a proposal has at least <see cref="TrimMinimumJurors"/> totals (and always
/// keeps at least one); with fewer it is the raw mean.
/// </summary>
public sealed record StageSettings(StageMethod Method = StageMethod.NormalisedMean, int TrimPerSide = 1, int TrimMinimumJurors = 3);

/// <summary>A proposal's score in a stage and the number of jurors behind it.</summary>
public readonly record struct StageScore(int ProposalId, double Score, int JurorCount);

/// <summary>An earlier (or the current) stage's scores and its weight in a blended result.</summary>
public sealed record WeightedStage(IReadOnlyDictionary<int, double> Scores, double Weight);

public static class StageResults
{
    /// <summary>One score per proposal, ordered by proposal id.</summary>
    public static IReadOnlyList<StageScore> Compute(IReadOnlyList<JurorTotal> totals, Rubric rubric, StageSettings settings) =>
        Compute(totals, rubric.TotalMin, rubric.TotalMax, settings);

    public static IReadOnlyList<StageScore> Compute(IReadOnlyList<JurorTotal> totals, double totalMin, double totalMax, StageSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(settings.TrimPerSide);
        var values = new (int ProposalId, double Value)[totals.Count];
        if (settings.Method == StageMethod.NormalisedMean)
        {
            var normalised = Normalisation.Normalise(totals, totalMin, totalMax).Scores;
            for (var i = 0; i < values.Length; i++) values[i] = (normalised[i].ProposalId, normalised[i].Normalised);
        }
        else
            for (var i = 0; i < values.Length; i++) values[i] = (totals[i].ProposalId, totals[i].Total);
        // One sort instead of a list per proposal: a stage has thousands of proposals.
        Array.Sort(values);
        var result = new List<StageScore>();
        for (var start = 0; start < values.Length;)
        {
            var end = start;
            while (end < values.Length && values[end].ProposalId == values[start].ProposalId) end++;
            var group = new ReadOnlySpan<(int ProposalId, double Value)>(values, start, end - start);
            var score = settings.Method == StageMethod.TrimmedMean ? Trimmed(group, settings) : Mean(group, 0, group.Length);
            result.Add(new StageScore(values[start].ProposalId, score, group.Length));
            start = end;
        }
        return result;
    }

    private static double Mean(ReadOnlySpan<(int ProposalId, double Value)> group, int from, int to)
    {
        double sum = 0;
        for (var i = from; i < to; i++) sum += group[i].Value;
        return sum / (to - from);
    }

    /// <summary>The group is sorted by value (the stage sorted by proposal, then value).</summary>
    private static double Trimmed(ReadOnlySpan<(int ProposalId, double Value)> group, StageSettings settings)
    {
        var trim = settings.TrimPerSide;
        if (group.Length < settings.TrimMinimumJurors || group.Length - 2 * trim < 1) return Mean(group, 0, group.Length);
        return Mean(group, trim, group.Length - trim);
    }

    /// <summary>
    /// Weighted blend of the current stage (first) with earlier stages: Σ w_s · score_s / Σ w_s over the stages in which
    /// the proposal has a score. Only proposals of the current stage are returned. A proposal missing an earlier stage
    /// (e.g. added by a plenary decision) is blended over the stages it has rather than counted as zero.
    /// </summary>
    public static IReadOnlyDictionary<int, double> Blend(IReadOnlyList<WeightedStage> stages)
    {
        if (stages.Count == 0) return new Dictionary<int, double>();
        if (stages.Any(s => !double.IsFinite(s.Weight) || s.Weight < 0)) throw new ArgumentException("Stage weights must be finite and not negative.", nameof(stages));
        var result = new Dictionary<int, double>(stages[0].Scores.Count);
        foreach (var proposalId in stages[0].Scores.Keys)
        {
            double sum = 0, weights = 0;
            foreach (var stage in stages)
            {
                if (stage.Weight == 0 || !stage.Scores.TryGetValue(proposalId, out var score)) continue;
                sum += stage.Weight * score;
                weights += stage.Weight;
            }
            result[proposalId] = weights == 0 ? stages[0].Scores[proposalId] : sum / weights;
        }
        return result;
    }
}
