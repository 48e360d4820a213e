namespace Kovablik.Competitions.Judging;

/// <summary>What ranking needs to know about a proposal besides its score.</summary>
public sealed record RankingCandidate(
    int ProposalId, double Score, DateTimeOffset? SubmittedAt, string? Cluster, IReadOnlyDictionary<string, double> CriterionMeans);

/// <summary>A tie-break rule, applied in the order Panitia lists them; the proposal id is always the last resort.</summary>
public abstract record TieBreak
{
    /// <summary>Higher mean (across jurors) in the named criterion wins.</summary>
    public sealed record HigherCriterion(string CriterionKey) : TieBreak;

    /// <summary>Earlier submission wins; a proposal without a submission time comes after those with one.</summary>
    public sealed record EarlierSubmission : TieBreak;
}

/// <summary>Which comparison placed a proposal below the one ranked just above it.</summary>
public enum RankDecidedBy
{
    /// <summary>The first in the ranking.</summary>
    First,
    Score,
    Criterion,
    SubmissionTime,
    ProposalId,
}

public sealed record RankedProposal(int Rank, RankingCandidate Candidate, double RoundedScore, RankDecidedBy DecidedBy, string? DecidingCriterion)
{
    public int ProposalId => Candidate.ProposalId;
    public string? Cluster => Candidate.Cluster;
}

/// <summary>
/// Orders proposals by score, then by the tie-break rules, then by proposal id, so the order is total and repeatable.
/// Scores (and criterion means) are compared after rounding to <c>decimals</c> places (2 by default, as shown to
/// Panitia and published): two proposals that show the same score are tied, instead of being separated by
/// floating-point noise nobody can see.
/// </summary>
public static class Ranking
{
    public const int DefaultDecimals = 2;

    public static IReadOnlyList<RankedProposal> Rank(IEnumerable<RankingCandidate> candidates, IReadOnlyList<TieBreak> tieBreaks, int decimals = DefaultDecimals)
    {
        var items = candidates.Select(c => new Keyed(c, Math.Round(c.Score, decimals, MidpointRounding.AwayFromZero), tieBreaks, decimals)).ToArray();
        var comparer = new KeyedComparer(tieBreaks);
        Array.Sort(items, comparer);
        var result = new RankedProposal[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var (by, criterion) = i == 0 ? (RankDecidedBy.First, null) : comparer.Decide(items[i - 1], items[i]);
            result[i] = new RankedProposal(i + 1, items[i].Candidate, items[i].Score, by, criterion);
        }
        return result;
    }

    /// <summary>
    /// Mean score per criterion per proposal, across the jurors who scored it (the input of criterion tie-breaks).
    /// Pass <paramref name="keys"/> (the tie-break criteria) to compute only those.
    /// </summary>
    public static Dictionary<int, Dictionary<string, double>> CriterionMeans(IEnumerable<ScoreSheet> sheets, IReadOnlyCollection<string>? keys = null)
    {
        var sums = new Dictionary<int, Dictionary<string, double>>();
        var counts = new Dictionary<int, Dictionary<string, int>>();
        foreach (var sheet in sheets)
        {
            if (!sums.TryGetValue(sheet.ProposalId, out var sum))
            {
                sums[sheet.ProposalId] = sum = new(StringComparer.Ordinal);
                counts[sheet.ProposalId] = new(StringComparer.Ordinal);
            }
            var count = counts[sheet.ProposalId];
            if (keys is null)
                foreach (var (key, value) in sheet.Scores) Accumulate(sum, count, key, value);
            else
                foreach (var key in keys)
                    if (sheet.Scores.TryGetValue(key, out var value)) Accumulate(sum, count, key, value);
        }
        foreach (var (proposalId, sum) in sums)
        {
            var count = counts[proposalId];
            foreach (var key in count.Keys) sum[key] /= count[key];
        }
        return sums;
    }

    private static void Accumulate(Dictionary<string, double> sum, Dictionary<string, int> count, string key, double value)
    {
        ref var s = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sum, key, out _);
        s += value;
        ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(count, key, out _);
        c++;
    }

    /// <summary>The criterion keys named by the tie-break rules, for <see cref="CriterionMeans"/>.</summary>
    public static IReadOnlyCollection<string> CriterionKeys(IEnumerable<TieBreak> tieBreaks) =>
        tieBreaks.OfType<TieBreak.HigherCriterion>().Select(h => h.CriterionKey).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Precomputed sort keys, so the comparer does no rounding or dictionary lookups per comparison.</summary>
    private sealed class Keyed
    {
        public Keyed(RankingCandidate candidate, double score, IReadOnlyList<TieBreak> tieBreaks, int decimals)
        {
            Candidate = candidate;
            Score = score;
            Keys = new double[tieBreaks.Count];
            for (var i = 0; i < tieBreaks.Count; i++)
            {
                Keys[i] = tieBreaks[i] switch
                {
                    // Higher is better for criteria; a missing criterion mean loses to any present one.
                    TieBreak.HigherCriterion h => candidate.CriterionMeans.TryGetValue(h.CriterionKey, out var m)
                        ? -Math.Round(m, decimals, MidpointRounding.AwayFromZero) : double.PositiveInfinity,
                    TieBreak.EarlierSubmission => candidate.SubmittedAt?.UtcTicks ?? double.PositiveInfinity,
                    _ => 0,
                };
            }
        }

        public RankingCandidate Candidate { get; }
        public double Score { get; }
        public double[] Keys { get; }
    }

    private sealed class KeyedComparer(IReadOnlyList<TieBreak> tieBreaks) : IComparer<Keyed>
    {
        public int Compare(Keyed? x, Keyed? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            var c = y!.Score.CompareTo(x!.Score);
            if (c != 0) return c;
            for (var i = 0; i < x.Keys.Length; i++)
            {
                c = x.Keys[i].CompareTo(y.Keys[i]);
                if (c != 0) return c;
            }
            return x.Candidate.ProposalId.CompareTo(y.Candidate.ProposalId);
        }

        public (RankDecidedBy, string?) Decide(Keyed above, Keyed below)
        {
            if (above.Score != below.Score) return (RankDecidedBy.Score, null);
            for (var i = 0; i < above.Keys.Length; i++)
            {
                if (above.Keys[i] == below.Keys[i]) continue;
                return tieBreaks[i] switch
                {
                    TieBreak.HigherCriterion h => (RankDecidedBy.Criterion, h.CriterionKey),
                    _ => (RankDecidedBy.SubmissionTime, null),
                };
            }
            return (RankDecidedBy.ProposalId, null);
        }
    }
}
