namespace Kovablik.Competitions.Judging.Awards;

public sealed record RankedProposal(int ProposalId, int Rank, string GroupCode);

public sealed record TierRule(int TierId, int Order, int? Places, string? GroupCode);

public sealed record TierChange(int TierId, int ProposalId, AwardAdjustmentAction Action, string Reason);

public enum AwardEntrySource
{
    /// <summary>Placed by the final ranking.</summary>
    Ranking = 0,

    /// <summary>Added by Panitia with a reason.</summary>
    Added = 1,
}

public sealed record AwardEntry(int ProposalId, int? Rank, AwardEntrySource Source, string? Reason, bool Confirmed);

/// <summary>
/// The awards proposed from the final ranking, then Panitia's changes (the latest change per tier and proposal wins),
/// then the awards already confirmed (which nothing moves). Pure: the service loads the rows, this decides.
/// </summary>
public static class AwardSuggestion
{
    public static Dictionary<int, List<AwardEntry>> Compute(
        IReadOnlyList<TierRule> tiers, IReadOnlyList<RankedProposal> ranking,
        IReadOnlyList<TierChange> latestChanges, IReadOnlyCollection<(int TierId, int ProposalId)> confirmed)
    {
        var ranked = ranking.OrderBy(r => r.Rank).ThenBy(r => r.ProposalId).ToList();
        var rankOf = ranked.GroupBy(r => r.ProposalId).ToDictionary(g => g.Key, g => g.First().Rank);
        var result = new Dictionary<int, List<AwardEntry>>();
        var placedOnLadder = new HashSet<int>();
        foreach (var tier in tiers.OrderBy(t => t.Order).ThenBy(t => t.TierId))
        {
            var suggested = new List<RankedProposal>();
            if (tier.Places is int places and > 0)
            {
                if (tier.GroupCode is null)
                {
                    // The ladder: the first N of the ranking, less what an earlier ladder tier took.
                    suggested = ranked.Take(places).Where(r => !placedOnLadder.Contains(r.ProposalId)).ToList();
                }
                else
                {
                    suggested = ranked.Where(r => string.Equals(r.GroupCode, tier.GroupCode, StringComparison.OrdinalIgnoreCase)).Take(places).ToList();
                }
            }
            var changes = latestChanges.Where(c => c.TierId == tier.TierId).ToDictionary(c => c.ProposalId);
            var entries = new List<AwardEntry>();
            foreach (var s in suggested)
            {
                if (changes.TryGetValue(s.ProposalId, out var c) && c.Action == AwardAdjustmentAction.Remove
                    && !confirmed.Contains((tier.TierId, s.ProposalId))) continue;
                entries.Add(new AwardEntry(s.ProposalId, s.Rank, AwardEntrySource.Ranking, null, confirmed.Contains((tier.TierId, s.ProposalId))));
            }
            var present = entries.Select(e => e.ProposalId).ToHashSet();
            foreach (var c in changes.Values.Where(c => c.Action == AwardAdjustmentAction.Add && !present.Contains(c.ProposalId)))
            {
                entries.Add(new AwardEntry(c.ProposalId, rankOf.TryGetValue(c.ProposalId, out var r) ? r : null, AwardEntrySource.Added, c.Reason,
                    confirmed.Contains((tier.TierId, c.ProposalId))));
                present.Add(c.ProposalId);
            }
            // A confirmed award stays whatever the later changes say.
            foreach (var (tierId, proposalId) in confirmed.Where(x => x.TierId == tier.TierId && !present.Contains(x.ProposalId)))
                entries.Add(new AwardEntry(proposalId, rankOf.TryGetValue(proposalId, out var r) ? r : null, AwardEntrySource.Added, null, true));
            if (tier.GroupCode is null)
                foreach (var e in entries) placedOnLadder.Add(e.ProposalId);
            result[tier.TierId] = entries.OrderBy(e => e.Rank ?? int.MaxValue).ThenBy(e => e.ProposalId).ToList();
        }
        return result;
    }
}
