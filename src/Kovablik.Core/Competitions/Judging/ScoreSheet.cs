using Kovablik.Platform;

namespace Kovablik.Competitions.Judging;

/// <summary>One juror's criterion scores for one proposal in one stage.</summary>
public sealed record ScoreSheet(int JurorId, int ProposalId, IReadOnlyDictionary<string, double> Scores);

/// <summary>A juror's total for a proposal, on the rubric's total range.</summary>
public readonly record struct JurorTotal(int JurorId, int ProposalId, double Total);

/// <summary>
/// Turns criterion scores into a total: each score is placed on its criterion's range as a fraction
/// f = (s − Min) / (Max − Min), weighted by w / Σw, and the weighted fraction is mapped onto the rubric's total range:
/// total = TotalMin + (TotalMax − TotalMin) · Σ (w · f) / Σ w. With 0–100 criteria and weights summing to 100 this is
/// the plain weighted sum Σ w · s / 100; with 1–10 criteria a 1 counts as nothing and a 10 as full marks.
/// </summary>
public static class ScoreMath
{
    /// <summary>The total, or field errors (one per criterion) when a score is missing, unknown or outside its range.</summary>
    public static Result<double> Total(Rubric rubric, IReadOnlyDictionary<string, double> scores)
    {
        var errors = Validate(rubric, scores);
        return errors.Any ? errors.ToResult<double>() : Result<double>.Ok(TotalUnchecked(rubric, scores));
    }

    public static ErrorBag Validate(Rubric rubric, IReadOnlyDictionary<string, double> scores)
    {
        var errors = new ErrorBag();
        foreach (var c in rubric.Criteria)
        {
            if (!scores.TryGetValue(c.Key, out var s))
                errors.Add(c.Key, Message.Format("Nilai {0} wajib diisi.", c.Title));
            else if (!double.IsFinite(s) || s < c.Min || s > c.Max)
                errors.Add(c.Key, Message.Format("Nilai {0} harus antara {1} dan {2}.", c.Title, c.Min, c.Max));
        }
        foreach (var key in scores.Keys)
            if (rubric.Find(key) is null)
                errors.Add(key, Message.Format("Kriteria {0} tidak ada dalam rubrik tahap ini.", key));
        return errors;
    }

    /// <summary>The total for scores already validated (the score form validated them when the juror saved).</summary>
    public static double TotalUnchecked(Rubric rubric, IReadOnlyDictionary<string, double> scores)
    {
        double weighted = 0, weights = 0;
        foreach (var c in rubric.Criteria)
        {
            weighted += c.Weight * (scores[c.Key] - c.Min) / (c.Max - c.Min);
            weights += c.Weight;
        }
        return rubric.TotalMin + (rubric.TotalMax - rubric.TotalMin) * weighted / weights;
    }

    private static bool TryTotal(Rubric rubric, IReadOnlyDictionary<string, double> scores, out double total)
    {
        total = 0;
        if (scores.Count != rubric.Criteria.Count) return false;
        double weighted = 0, weights = 0;
        foreach (var c in rubric.Criteria)
        {
            // Same count and every criterion present means no unknown keys either.
            if (!scores.TryGetValue(c.Key, out var s) || !double.IsFinite(s) || s < c.Min || s > c.Max) return false;
            weighted += c.Weight * (s - c.Min) / (c.Max - c.Min);
            weights += c.Weight;
        }
        total = rubric.TotalMin + (rubric.TotalMax - rubric.TotalMin) * weighted / weights;
        return true;
    }

    /// <summary>Totals of many sheets, e.g. a whole stage; invalid sheets are reported, not dropped silently.</summary>
    public static Result<IReadOnlyList<JurorTotal>> Totals(Rubric rubric, IEnumerable<ScoreSheet> sheets)
    {
        var totals = new List<JurorTotal>();
        var errors = new ErrorBag();
        foreach (var sheet in sheets)
        {
            // Fast path for the usual sheet (every criterion, nothing else, all in range): no allocation per sheet.
            if (TryTotal(rubric, sheet.Scores, out var total))
            {
                totals.Add(new JurorTotal(sheet.JurorId, sheet.ProposalId, total));
                continue;
            }
            var bag = Validate(rubric, sheet.Scores);
            if (bag.Any)
            {
                foreach (var (field, messages) in bag.ToDictionary())
                    foreach (var m in messages) errors.Add($"{sheet.JurorId}/{sheet.ProposalId}/{field}", m);
                continue;
            }
            totals.Add(new JurorTotal(sheet.JurorId, sheet.ProposalId, TotalUnchecked(rubric, sheet.Scores)));
        }
        return errors.Any ? errors.ToResult<IReadOnlyList<JurorTotal>>() : Result<IReadOnlyList<JurorTotal>>.Ok(totals);
    }
}

/// <summary>Mean and population standard deviation in one pass (Welford), shared by normalisation and panel statistics.</summary>
public struct RunningStats
{
    private double _m2;

    public int Count { get; private set; }
    public double Mean { get; private set; }
    public double Min { get; private set; }
    public double Max { get; private set; }

    public void Add(double x)
    {
        if (Count == 0) { Min = x; Max = x; }
        else { if (x < Min) Min = x; if (x > Max) Max = x; }
        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        _m2 += delta * (x - Mean);
    }

    /// <summary>Population SD (divide by n): the scores are the whole set being described, not a sample of one.</summary>
    public readonly double Sd => Count == 0 ? 0 : Math.Sqrt(Math.Max(0, _m2 / Count));
}
