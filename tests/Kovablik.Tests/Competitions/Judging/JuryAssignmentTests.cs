using Kovablik.Competitions.Judging;

namespace Kovablik.Tests.Competitions.Judging;

public sealed class JuryAssignmentTests
{
    private static AssignmentProposal[] Proposals(int n, Func<int, string?>? path = null, Func<int, string?>? panel = null) =>
        Enumerable.Range(1, n).Select(i => new AssignmentProposal(i, path?.Invoke(i), panel?.Invoke(i))).ToArray();

    private static AssignmentJuror[] Jurors(int n, int firstId = 100) =>
        Enumerable.Range(firstId, n).Select(i => new AssignmentJuror(i)).ToArray();

    [Fact]
    public void Every_proposal_gets_k_jurors_and_loads_are_within_one()
    {
        var result = JuryAssignment.Assign(new AssignmentRequest { Proposals = Proposals(10), Jurors = Jurors(4), JurorsPerProposal = 3, Seed = 1 });

        Assert.True(result.IsComplete);
        Assert.All(result.Assignments.GroupBy(a => a.ProposalId), g => Assert.Equal(3, g.Select(a => a.JurorId).Distinct().Count()));
        Assert.Equal(30, result.Loads.Values.Sum());
        Assert.InRange(result.Loads.Values.Max() - result.Loads.Values.Min(), 0, 1);
    }

    [Fact]
    public void A_juror_of_the_same_kabupaten_kota_is_never_assigned()
    {
        // Proposals alternate between kabupaten 7 and 8; jurors: one from kabupaten 7's government, one from a dinas of
        // kabupaten 8, two academics.
        var proposals = Proposals(8, i => i % 2 == 0 ? $"/1/7/{40 + i}/" : $"/1/8/{40 + i}/");
        AssignmentJuror[] jurors = [new(1, "/1/7/"), new(2, "/1/8/99/"), new(3), new(4)];

        var result = JuryAssignment.Assign(new AssignmentRequest { Proposals = proposals, Jurors = jurors, JurorsPerProposal = 3, Seed = 3 });

        Assert.True(result.IsComplete);
        Assert.DoesNotContain(result.Assignments, a => a.JurorId == 1 && a.ProposalId % 2 == 0);
        Assert.DoesNotContain(result.Assignments, a => a.JurorId == 2 && a.ProposalId % 2 == 1);
        Assert.Equal(8, result.Loads[3]);
        Assert.Equal(8, result.Loads[4]);
    }

    [Fact]
    public void A_juror_conflicted_with_everything_gets_nothing_and_the_others_stay_balanced()
    {
        // Affiliated with the province root: an ancestor of every unit.
        var proposals = Proposals(20, i => $"/1/{7 + i % 3}/{40 + i}/");
        AssignmentJuror[] jurors = [new(1, "/1/"), new(2), new(3), new(4), new(5)];

        var result = JuryAssignment.Assign(new AssignmentRequest { Proposals = proposals, Jurors = jurors, JurorsPerProposal = 2, Seed = 11 });

        Assert.True(result.IsComplete);
        Assert.Equal(0, result.Loads[1]);
        Assert.All(result.Loads.Where(kv => kv.Key != 1), kv => Assert.Equal(10, kv.Value));
    }

    [Fact]
    public void Not_enough_non_conflicted_jurors_is_reported_not_thrown()
    {
        var result = JuryAssignment.Assign(new AssignmentRequest
        {
            Proposals = Proposals(3),
            Jurors = Jurors(3),
            JurorsPerProposal = 3,
            DeclaredConflicts = [new(100, 2), new(101, 2)],
        });

        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal(new AssignmentShortfall(2, 1, 3, 1, ShortfallReason.NotEnoughEligibleJurors), shortfall);
        Assert.Equal([102], result.Assignments.Where(a => a.ProposalId == 2).Select(a => a.JurorId));
        Assert.Equal(7, result.Assignments.Count);
    }

    [Fact]
    public void Load_limits_are_never_exceeded_and_the_shortfall_says_so()
    {
        var jurors = Jurors(3).Select(j => j with { LoadLimit = 2 }).ToArray();
        var result = JuryAssignment.Assign(new AssignmentRequest { Proposals = Proposals(4), Jurors = jurors, JurorsPerProposal = 2 });

        Assert.All(result.Loads.Values, l => Assert.Equal(2, l));
        Assert.All(result.Shortfalls, s => Assert.Equal(ShortfallReason.JurorsAtLoadLimit, s.Reason));
        Assert.Equal(2, result.Shortfalls.Sum(s => s.Needed - s.Assigned));
    }

    [Fact]
    public void Pins_are_kept_removals_respected_and_a_conflicted_pin_is_refused()
    {
        var result = JuryAssignment.Assign(new AssignmentRequest
        {
            Proposals = Proposals(6),
            Jurors = [new(100, LoadLimit: 1), new(101), new(102), new(103)],
            JurorsPerProposal = 2,
            DeclaredConflicts = [new(101, 1)],
            Pinned = [new(100, 1), new(100, 2), new(101, 1), new(103, 3), new(999, 1)],
            Removed = [new(102, 1), new(103, 3)],
            Seed = 9,
        });

        Assert.Contains(new JurorProposal(100, 1), result.Assignments);
        Assert.Contains(new JurorProposal(100, 2), result.Assignments);
        Assert.DoesNotContain(new JurorProposal(101, 1), result.Assignments);
        Assert.DoesNotContain(new JurorProposal(102, 1), result.Assignments);
        Assert.DoesNotContain(new JurorProposal(103, 3), result.Assignments);
        Assert.Equal(
            [(new JurorProposal(101, 1), PinRejection.Conflict), (new JurorProposal(103, 3), PinRejection.AlsoRemoved), (new JurorProposal(999, 1), PinRejection.UnknownJurorOrProposal)],
            result.RejectedPins.Select(r => (r.Pin, r.Reason)).OrderBy(r => r.Pin.JurorId));
        Assert.Equal([100], result.JurorsOverLimitByPins);
        Assert.Equal(2, result.Loads[100]);
        // Proposal 1: juror 100 pinned; 101 conflicted and 102 removed, so only 103 can join.
        Assert.Equal([100, 103], result.Assignments.Where(a => a.ProposalId == 1).Select(a => a.JurorId));
    }

    [Fact]
    public void Panels_keep_proposals_with_their_panel()
    {
        var proposals = Proposals(12, panel: i => i <= 6 ? "OPD" : "Kabupaten/Kota");
        AssignmentJuror[] jurors =
        [
            new(1, Panels: ["OPD"]), new(2, Panels: ["OPD"]), new(3, Panels: ["OPD"]),
            new(4, Panels: ["Kabupaten/Kota"]), new(5, Panels: ["Kabupaten/Kota"]), new(6, Panels: ["Kabupaten/Kota"]),
        ];
        var result = JuryAssignment.Assign(new AssignmentRequest { Proposals = proposals, Jurors = jurors, JurorsPerProposal = 2, Seed = 4 });

        Assert.True(result.IsComplete);
        Assert.All(result.Assignments, a => Assert.Equal(a.ProposalId <= 6, a.JurorId <= 3));
        Assert.All(result.Loads.Values, l => Assert.Equal(4, l));
    }

    [Fact]
    public void Completion_finds_an_assignment_the_greedy_pass_misses()
    {
        // A cycle: proposal 1 may go to jurors 1 or 2, proposal 2 to 1 or 3, proposal 3 to 2 or 3, one each. If the
        // greedy pass (random among equal loads) gives 1 → juror 2 and 2 → juror 3, proposal 3 is stranded until an
        // augmenting path moves proposals along the cycle. Across seeds the greedy pass takes both branches.
        foreach (var seed in Enumerable.Range(0, 20))
        {
            var result = JuryAssignment.Assign(new AssignmentRequest
            {
                Proposals = Proposals(3),
                Jurors = [new(1, LoadLimit: 1), new(2, LoadLimit: 1), new(3, LoadLimit: 1)],
                JurorsPerProposal = 1,
                Removed = [new(3, 1), new(2, 2), new(1, 3)],
                Seed = seed,
            });
            Assert.True(result.IsComplete, $"seed {seed}");
            Assert.All(result.Loads.Values, l => Assert.Equal(1, l));
            Assert.DoesNotContain(result.Assignments, a => a is { JurorId: 3, ProposalId: 1 } or { JurorId: 2, ProposalId: 2 } or { JurorId: 1, ProposalId: 3 });
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_assignment_and_another_seed_may_differ()
    {
        AssignmentRequest Request(int seed) => new() { Proposals = Proposals(30), Jurors = Jurors(10), JurorsPerProposal = 3, Seed = seed };
        Assert.Equal(JuryAssignment.Assign(Request(5)).Assignments, JuryAssignment.Assign(Request(5)).Assignments);
        Assert.Contains(Enumerable.Range(6, 5), s => !JuryAssignment.Assign(Request(s)).Assignments.SequenceEqual(JuryAssignment.Assign(Request(5)).Assignments));
    }
}
