using Kovablik.Platform;

namespace Kovablik.Competitions.Judging.Stages;

/// <summary>A proposal taking part in a stage, as ranking needs it.</summary>
public sealed record StageEntrant(int ProposalId, DateTimeOffset? SubmittedAt, string? Cluster);

/// <summary>A frozen result of the previous stage: its score is blended in, and a decision stage ranks on it.</summary>
public sealed record PreviousResult(int ProposalId, double Score, double RawMean, int JurorCount);

/// <summary>An active (not revoked) plenary decision, as ranking applies it.</summary>
public sealed record ActiveDecision(int ProposalId, PlenaryAction Action, double? Score, string Reason);

/// <summary>Everything the ranking of one stage reads; built from the database by <see cref="StageRankingService"/>.</summary>
public sealed record StageRankingInput(
    JudgingStageKind Kind,
    Rubric? Rubric,
    StageSettings Method,
    double PreviousStageWeight,
    IReadOnlyList<TieBreak> TieBreaks,
    CutOffSettings Cut,
    IReadOnlyList<StageEntrant> Entrants,
    IReadOnlyList<ScoreSheet> Sheets,
    IReadOnlyDictionary<int, PreviousResult> Previous,
    IReadOnlyList<ActiveDecision> Decisions);

/// <summary>Why a line passed or did not: the cut's outcome, a plenary decision, or no score at all.</summary>
public enum StageOutcome
{
    PassedByRank,
    PassedByClusterMinimum,
    BelowPassingGrade,
    ClusterMaximumReached,
    OutsideTopN,

    /// <summary>A plenary Pass or Fail decided the outcome, whatever the cut said.</summary>
    Plenary,

    /// <summary>No submitted score sheet (and no plenary score): listed, never silently dropped.</summary>
    Unscored,
}

/// <summary>One proposal in the stage ranking. <see cref="Rank"/> is null for an unscored proposal.</summary>
public sealed record StageRankingLine(
    int? Rank,
    int ProposalId,
    double? Score,
    double? MethodScore,
    double? PreviousScore,
    double? RawMean,
    int JurorCount,
    string? Cluster,
    bool Passed,
    StageOutcome Outcome,
    CutOutcome? CutOutcome,
    RankDecidedBy? DecidedBy,
    string? DecidingCriterion,
    ActiveDecision? ScoreDecision,
    ActiveDecision? OutcomeDecision);

public sealed record StageRanking(
    IReadOnlyList<StageRankingLine> Lines,
    IReadOnlyList<ClusterShortfall> Shortfalls,
    IReadOnlyList<JurorTotal> Totals,
    IReadOnlyDictionary<string, string[]> SheetErrors)
{
    public IEnumerable<StageRankingLine> Unscored => Lines.Where(l => l.Outcome == StageOutcome.Unscored);
}

/// <summary>
/// The ranking of one stage, in memory: submitted sheets → totals → the stage method's score → blend with the
/// previous stage's frozen score (when <see cref="StageRankingInput.PreviousStageWeight"/> &gt; 0) → plenary SetScore →
/// <see cref="Ranking.Rank"/> with the stage's tie-breaks → <see cref="CutOff.Preview"/> → plenary Pass/Fail.
/// A decision stage (Penetapan) has no sheets: it ranks on the previous stage's frozen scores.
/// Plenary rules: a Fail takes the proposal out of the cut (its seat goes to the next one, as when a verified
/// objection drops a winner); a Pass passes it whatever the cut says, on top of the cut's seats.
/// </summary>
public static class StageRanker
{
    public static Result<StageRanking> Rank(StageRankingInput input)
    {
        var entrants = input.Entrants.ToDictionary(e => e.ProposalId);
        var sheets = input.Sheets.Where(s => entrants.ContainsKey(s.ProposalId)).ToList();
        IReadOnlyList<JurorTotal> totals = [];
        var sheetErrors = new Dictionary<string, string[]>();
        var methodScores = new Dictionary<int, (double Score, int Jurors)>();
        var rawMeans = new Dictionary<int, double>();

        if (input.Kind != JudgingStageKind.Decision && input.Rubric is { } rubric)
        {
            var computed = ScoreMath.Totals(rubric, sheets);
            if (!computed.Succeeded)
            {
                // A sheet the current rubric cannot total (should not happen: the rubric is locked once a sheet is
                // submitted) is reported, and the valid ones still rank.
                sheetErrors = computed.Errors.ToDictionary(kv => kv.Key, kv => kv.Value);
                var valid = sheets.Where(s => !ScoreMath.Validate(rubric, s.Scores).Any).ToList();
                sheets = valid;
                computed = ScoreMath.Totals(rubric, valid);
            }
            totals = computed.Value!;
            foreach (var s in StageResults.Compute(totals, rubric, input.Method)) methodScores[s.ProposalId] = (s.Score, s.JurorCount);
            foreach (var g in totals.GroupBy(t => t.ProposalId)) rawMeans[g.Key] = g.Average(t => t.Total);
        }
        else
        {
            foreach (var (id, prev) in input.Previous)
            {
                if (!entrants.ContainsKey(id)) continue;
                methodScores[id] = (prev.Score, prev.JurorCount);
                rawMeans[id] = prev.RawMean;
            }
        }

        var blended = methodScores.ToDictionary(kv => kv.Key, kv => kv.Value.Score);
        if (input.Kind != JudgingStageKind.Decision && input.PreviousStageWeight > 0)
        {
            var current = new WeightedStage(blended, 1 - input.PreviousStageWeight);
            var previous = new WeightedStage(input.Previous.ToDictionary(kv => kv.Key, kv => kv.Value.Score), input.PreviousStageWeight);
            blended = StageResults.Blend([current, previous]).ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        // A later decision replaces an earlier one of the same kind (the caller revokes it); take the last one.
        var scoreDecisions = new Dictionary<int, ActiveDecision>();
        var outcomeDecisions = new Dictionary<int, ActiveDecision>();
        foreach (var d in input.Decisions)
        {
            if (!entrants.ContainsKey(d.ProposalId)) continue;
            if (d.Action == PlenaryAction.SetScore) scoreDecisions[d.ProposalId] = d;
            else outcomeDecisions[d.ProposalId] = d;
        }
        var finalScores = new Dictionary<int, double>(blended);
        foreach (var (id, d) in scoreDecisions) finalScores[id] = d.Score!.Value;

        var keys = Ranking.CriterionKeys(input.TieBreaks);
        var means = keys.Count == 0 ? [] : Ranking.CriterionMeans(sheets, keys);
        var candidates = finalScores.Select(kv =>
        {
            var e = entrants[kv.Key];
            return new RankingCandidate(kv.Key, kv.Value, e.SubmittedAt, e.Cluster,
                means.TryGetValue(kv.Key, out var m) ? m : new Dictionary<string, double>());
        });
        var ranking = Ranking.Rank(candidates, input.TieBreaks);
        var inCut = ranking.Where(r => !(outcomeDecisions.TryGetValue(r.ProposalId, out var d) && d.Action == PlenaryAction.Fail)).ToList();
        var preview = CutOff.Preview(inCut, input.Cut);
        if (!preview.Succeeded) return Result<StageRanking>.Invalid(preview.Errors);
        var cut = preview.Value!.Lines.ToDictionary(l => l.Proposal.ProposalId, l => l.Outcome);

        var lines = new List<StageRankingLine>(entrants.Count);
        foreach (var r in ranking)
        {
            var id = r.ProposalId;
            CutOutcome? cutOutcome = cut.TryGetValue(id, out var o) ? o : null;
            var outcomeDecision = outcomeDecisions.GetValueOrDefault(id);
            var passed = outcomeDecision is not null ? outcomeDecision.Action == PlenaryAction.Pass
                : cutOutcome is CutOutcome.PassedByRank or CutOutcome.PassedByClusterMinimum;
            var outcome = outcomeDecision is not null ? StageOutcome.Plenary : (StageOutcome)(int)cutOutcome!.Value;
            lines.Add(new StageRankingLine(r.Rank, id, r.Candidate.Score,
                methodScores.TryGetValue(id, out var ms) ? ms.Score : null,
                input.Previous.TryGetValue(id, out var prev) ? prev.Score : null,
                rawMeans.TryGetValue(id, out var raw) ? raw : null,
                ms.Jurors, r.Cluster, passed, outcome, cutOutcome, r.DecidedBy, r.DecidingCriterion,
                scoreDecisions.GetValueOrDefault(id), outcomeDecision));
        }
        foreach (var e in input.Entrants.Where(e => !finalScores.ContainsKey(e.ProposalId)).OrderBy(e => e.ProposalId))
        {
            var outcomeDecision = outcomeDecisions.GetValueOrDefault(e.ProposalId);
            lines.Add(new StageRankingLine(null, e.ProposalId, null, null,
                input.Previous.TryGetValue(e.ProposalId, out var prev) ? prev.Score : null, null, 0, e.Cluster,
                outcomeDecision?.Action == PlenaryAction.Pass,
                outcomeDecision is null ? StageOutcome.Unscored : StageOutcome.Plenary, null, null, null, null, outcomeDecision));
        }
        return Result<StageRanking>.Ok(new StageRanking(lines, preview.Value.Shortfalls, totals, sheetErrors));
    }

    /// <summary>The Indonesian sentence for an outcome (a resource key).</summary>
    public static string Describe(StageOutcome outcome, bool passed) => outcome switch
    {
        StageOutcome.Plenary => passed ? Message.Format("Lolos berdasarkan keputusan rapat pleno.") : Message.Format("Tidak lolos berdasarkan keputusan rapat pleno."),
        StageOutcome.Unscored => Message.Format("Belum dinilai: belum ada lembar nilai yang dikirim."),
        _ => CutOff.Describe((CutOutcome)(int)outcome),
    };
}
