using Kovablik.Competitions.Judging;

namespace Kovablik.Tests.Competitions.Judging;

/// <summary>
/// Random instances with fixed seeds (System.Random, so a failure names its seed and reproduces). Every property is
/// checked against an independent reading of the request: conflicts by string prefixes of the paths rather than the
/// production rule, and "complete when feasible" against a plain max-flow over the same eligibility.
/// </summary>
public sealed class JuryAssignmentPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    private static AssignmentRequest RandomRequest(int seed, bool tree = true, bool panels = true, bool limits = true, bool pins = true, double conflictRate = 0.05)
    {
        var rng = new Random(seed);
        var k = rng.Next(1, 5);
        var proposalCount = rng.Next(5, 61);
        var jurorCount = rng.Next(k + 1, 26);
        string[] panelNames = ["OPD", "Kabupaten/Kota"];
        string Unit() => $"/1/{rng.Next(10, 18)}/{rng.Next(100, 130)}/";
        var proposals = Enumerable.Range(1, proposalCount).Select(id => new AssignmentProposal(
            id,
            tree ? (rng.Next(3) == 0 ? $"/1/{rng.Next(10, 18)}/" : Unit()) : null,
            panels && rng.Next(3) > 0 ? panelNames[rng.Next(2)] : null)).ToArray();
        var jurors = Enumerable.Range(1000, jurorCount).Select(id =>
        {
            string? path = null;
            if (tree)
                path = rng.Next(20) switch
                {
                    0 => "/1/",                                  // root: conflicted with everything
                    < 8 => null,                                 // academics
                    < 12 => $"/1/{rng.Next(10, 18)}/",
                    < 16 => Unit(),
                    _ => Unit() + $"{rng.Next(500, 510)}/",
                };
            int? limit = limits && rng.Next(10) < 3 ? rng.Next(0, 2 * proposalCount * k / jurorCount + 2) : null;
            IReadOnlyCollection<string>? jurorPanels = panels ? rng.Next(4) switch { 0 => ["OPD"], 1 => ["Kabupaten/Kota"], 2 => panelNames, _ => null } : null;
            return new AssignmentJuror(id, path, limit, jurorPanels);
        }).ToArray();

        var declared = new List<JurorProposal>();
        var removed = new List<JurorProposal>();
        foreach (var p in proposals)
            foreach (var j in jurors)
            {
                var x = rng.NextDouble();
                if (x < conflictRate) declared.Add(new JurorProposal(j.JurorId, p.ProposalId));
                else if (x < conflictRate + 0.02) removed.Add(new JurorProposal(j.JurorId, p.ProposalId));
            }
        var pinned = pins
            ? Enumerable.Range(0, rng.Next(0, 6)).Select(_ => new JurorProposal(jurors[rng.Next(jurorCount)].JurorId, proposals[rng.Next(proposalCount)].ProposalId)).ToList()
            : [];
        return new AssignmentRequest
        {
            Proposals = proposals,
            Jurors = jurors,
            JurorsPerProposal = k,
            DeclaredConflicts = declared,
            Removed = removed,
            Pinned = pinned,
            Seed = seed,
        };
    }

    /// <summary>Reference tree rule on strings: same, ancestor, descendant, or same second path segment.</summary>
    private static bool TreeConflict(string? a, string? b)
    {
        if (a is null || b is null) return false;
        if (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)) return true;
        var sa = a.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var sb = b.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return sa.Length >= 2 && sb.Length >= 2 && sa[0] == sb[0] && sa[1] == sb[1];
    }

    private sealed record Reading(
        AssignmentRequest Request, HashSet<JurorProposal> Conflicted, HashSet<JurorProposal> Removed, HashSet<JurorProposal> ValidPins)
    {
        public static bool PanelFits(AssignmentJuror j, AssignmentProposal p) => p.Panel is null || j.Panels is null || j.Panels.Contains(p.Panel);

        /// <summary>May the algorithm itself (not a pin) put this juror on this proposal?</summary>
        public bool Eligible(AssignmentJuror j, AssignmentProposal p)
        {
            var pair = new JurorProposal(j.JurorId, p.ProposalId);
            return !Conflicted.Contains(pair) && !Removed.Contains(pair) && PanelFits(j, p);
        }

        public static int Limit(AssignmentJuror j) => j.LoadLimit ?? int.MaxValue;
    }

    private static Reading Read(AssignmentRequest r)
    {
        var conflicted = r.DeclaredConflicts.ToHashSet();
        foreach (var p in r.Proposals)
            foreach (var j in r.Jurors)
                if (TreeConflict(j.OrganisationPath, p.OrganisationPath)) conflicted.Add(new JurorProposal(j.JurorId, p.ProposalId));
        var removed = r.Removed.ToHashSet();
        var ids = (r.Jurors.Select(j => j.JurorId).ToHashSet(), r.Proposals.Select(p => p.ProposalId).ToHashSet());
        var validPins = r.Pinned.Where(x => ids.Item1.Contains(x.JurorId) && ids.Item2.Contains(x.ProposalId) && !conflicted.Contains(x) && !removed.Contains(x)).ToHashSet();
        return new Reading(r, conflicted, removed, validPins);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_instances_keep_every_rule(int seed)
    {
        var request = RandomRequest(seed);
        var reading = Read(request);
        var result = JuryAssignment.Assign(request);
        var k = request.JurorsPerProposal;
        var proposals = request.Proposals.ToDictionary(p => p.ProposalId);
        var jurors = request.Jurors.ToDictionary(j => j.JurorId);
        var assigned = result.Assignments.ToHashSet();

        Assert.Equal(result.Assignments.Count, assigned.Count);
        // Never a conflicted or removed juror; pins kept; everything else eligible (panel).
        Assert.DoesNotContain(result.Assignments, reading.Conflicted.Contains);
        Assert.DoesNotContain(result.Assignments, reading.Removed.Contains);
        Assert.Subset(assigned, reading.ValidPins);
        Assert.All(result.Assignments.Where(a => !reading.ValidPins.Contains(a)), a => Assert.True(Reading.PanelFits(jurors[a.JurorId], proposals[a.ProposalId])));
        Assert.Equal(request.Pinned.Distinct().Count(), reading.ValidPins.Count + result.RejectedPins.Count);

        // Loads: as reported, within limits (pins aside), and no proposal over k by the algorithm.
        var loads = result.Assignments.GroupBy(a => a.JurorId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var j in request.Jurors)
        {
            var load = loads.GetValueOrDefault(j.JurorId);
            Assert.Equal(load, result.Loads[j.JurorId]);
            var pinnedLoad = reading.ValidPins.Count(x => x.JurorId == j.JurorId);
            Assert.True(load <= Math.Max(Reading.Limit(j), pinnedLoad), $"juror {j.JurorId}: {load} over limit {j.LoadLimit}");
        }
        var perProposal = result.Assignments.GroupBy(a => a.ProposalId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var p in request.Proposals)
        {
            var count = perProposal.GetValueOrDefault(p.ProposalId);
            var pinnedCount = reading.ValidPins.Count(x => x.ProposalId == p.ProposalId);
            Assert.True(count <= Math.Max(k, pinnedCount));
            Assert.Equal(count < k, result.Shortfalls.Any(s => s.ProposalId == p.ProposalId));
        }

        // Complete when feasible: as many assignments as a max-flow over the same eligibility allows.
        Assert.Equal(MaxFlow(request, reading), result.Assignments.Count - reading.ValidPins.Count);

        // Balanced: no single hand-over from a juror to one carrying 2 fewer (and below their limit) is possible.
        foreach (var a in result.Assignments.Where(a => !reading.ValidPins.Contains(a)))
            foreach (var y in request.Jurors)
            {
                if (assigned.Contains(new JurorProposal(y.JurorId, a.ProposalId)) || !reading.Eligible(y, proposals[a.ProposalId])) continue;
                var ly = loads.GetValueOrDefault(y.JurorId);
                if (ly >= Reading.Limit(y)) continue;
                Assert.True(loads[a.JurorId] <= ly + 1, $"juror {a.JurorId} ({loads[a.JurorId]}) could hand proposal {a.ProposalId} to juror {y.JurorId} ({ly})");
            }

        // Same seed, same answer.
        Assert.Equal(result.Assignments, JuryAssignment.Assign(request).Assignments);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Without_panels_or_tree_and_with_sparse_declared_conflicts_loads_are_within_one(int seed)
    {
        var request = RandomRequest(seed, tree: false, panels: false, limits: true, pins: false, conflictRate: 0.08);
        var result = JuryAssignment.Assign(request);

        Assert.True(result.IsComplete || result.Shortfalls.All(s => s.Reason == ShortfallReason.JurorsAtLoadLimit || s.EligibleJurors < request.JurorsPerProposal));
        // Free: below their limit and not already on every proposal they may score (a juror blocked from most
        // proposals by conflicts and removals can be full at a low load, like a limit).
        var reading = Read(request);
        var assigned = result.Assignments.ToHashSet();
        bool CanTakeMore(AssignmentJuror j) => request.Proposals.Any(p => reading.Eligible(j, p) && !assigned.Contains(new JurorProposal(j.JurorId, p.ProposalId)));
        var free = request.Jurors.Where(j => result.Loads[j.JurorId] < (j.LoadLimit ?? int.MaxValue) && CanTakeMore(j)).Select(j => result.Loads[j.JurorId]).ToList();
        if (free.Count > 0)
        {
            Assert.True(free.Max() - free.Min() <= 1, $"loads of jurors below their limit: {string.Join(",", free)}");
            // A juror held by their limit or eligibility never carries more than the others.
            Assert.All(request.Jurors, j => Assert.True(result.Loads[j.JurorId] <= free.Max() + 1));
        }
    }

    /// <summary>Ford–Fulkerson with DFS on the bipartite graph source → proposal (k − pins) → juror (1) → sink (limit − pins).</summary>
    private static int MaxFlow(AssignmentRequest request, Reading reading)
    {
        var proposals = request.Proposals;
        var jurors = request.Jurors;
        var need = proposals.Select(p => Math.Max(0, request.JurorsPerProposal - reading.ValidPins.Count(x => x.ProposalId == p.ProposalId))).ToArray();
        var capacity = jurors.Select(j => j.LoadLimit is { } l ? Math.Max(0, l - reading.ValidPins.Count(x => x.JurorId == j.JurorId)) : int.MaxValue).ToArray();
        var edge = new bool[proposals.Count, jurors.Count];
        for (var p = 0; p < proposals.Count; p++)
            for (var j = 0; j < jurors.Count; j++)
                edge[p, j] = reading.Eligible(jurors[j], proposals[p]) && !reading.ValidPins.Contains(new JurorProposal(jurors[j].JurorId, proposals[p].ProposalId));
        var flow = new bool[proposals.Count, jurors.Count];
        var used = new int[jurors.Count];
        var total = 0;

        bool Augment(int p, bool[] seenJuror)
        {
            for (var j = 0; j < jurors.Count; j++)
            {
                if (!edge[p, j] || flow[p, j] || seenJuror[j]) continue;
                seenJuror[j] = true;
                if (used[j] < capacity[j]) { flow[p, j] = true; used[j]++; return true; }
                for (var q = 0; q < proposals.Count; q++)
                {
                    if (!flow[q, j]) continue;
                    flow[q, j] = false;
                    flow[p, j] = true;
                    if (Augment(q, seenJuror)) return true;
                    flow[p, j] = false;
                    flow[q, j] = true;
                }
            }
            return false;
        }

        for (var p = 0; p < proposals.Count; p++)
            for (var n = 0; n < need[p]; n++)
                if (Augment(p, new bool[jurors.Count])) total++;
                else break;
        return total;
    }
}
