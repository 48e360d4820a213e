using Kovablik.Competitions.Judging;
using Kovablik.Platform;

namespace Kovablik.Tests.Competitions.Judging;

public sealed class RankingTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 4, 2, 0, 0, TimeSpan.Zero);

    private static RankingCandidate Candidate(int id, double score, double kebaruan = 8, int? minutesAfterNine = 0, string? cluster = null) =>
        new(id, score, minutesAfterNine is { } m ? Nine.AddMinutes(m) : null, cluster, new Dictionary<string, double> { ["Kebaruan"] = kebaruan });

    private static readonly RankingCandidate[] Tied =
    [
        Candidate(10, 80.004, kebaruan: 8, minutesAfterNine: 60),
        Candidate(11, 79.996, kebaruan: 9, minutesAfterNine: 120),
        Candidate(12, 80.00, kebaruan: 8, minutesAfterNine: 0),
        Candidate(13, 80.00, kebaruan: 8, minutesAfterNine: 0),
        Candidate(14, 85.00),
        Candidate(15, 80.00, kebaruan: 8, minutesAfterNine: null),
    ];

    [Fact]
    public void Ties_on_the_shown_score_are_broken_by_criterion_then_submission_then_id()
    {
        var ranking = Ranking.Rank(Tied, [new TieBreak.HigherCriterion("Kebaruan"), new TieBreak.EarlierSubmission()]);

        Assert.Equal([14, 11, 12, 13, 10, 15], ranking.Select(r => r.ProposalId));
        Assert.Equal([1, 2, 3, 4, 5, 6], ranking.Select(r => r.Rank));
        Assert.Equal(
            [RankDecidedBy.First, RankDecidedBy.Score, RankDecidedBy.Criterion, RankDecidedBy.ProposalId, RankDecidedBy.SubmissionTime, RankDecidedBy.SubmissionTime],
            ranking.Select(r => r.DecidedBy));
        Assert.Equal("Kebaruan", ranking[2].DecidingCriterion);
        Assert.Equal(80.00, ranking[1].RoundedScore);
    }

    [Fact]
    public void The_order_of_the_rules_is_the_order_they_apply()
    {
        var ranking = Ranking.Rank(Tied, [new TieBreak.EarlierSubmission(), new TieBreak.HigherCriterion("Kebaruan")]);
        Assert.Equal([14, 12, 13, 10, 11, 15], ranking.Select(r => r.ProposalId));
    }

    [Fact]
    public void Without_rules_the_proposal_id_decides_and_the_result_does_not_depend_on_input_order()
    {
        var ranking = Ranking.Rank(Tied.Reverse(), []);
        Assert.Equal([14, 10, 11, 12, 13, 15], ranking.Select(r => r.ProposalId));
        Assert.Equal(ranking.Select(r => r.ProposalId), Ranking.Rank(Tied, []).Select(r => r.ProposalId));
    }

    [Fact]
    public void Criterion_means_are_averaged_across_jurors()
    {
        var means = Ranking.CriterionMeans(
        [
            new ScoreSheet(1, 7, new Dictionary<string, double> { ["Kebaruan"] = 8, ["Dampak"] = 6 }),
            new ScoreSheet(2, 7, new Dictionary<string, double> { ["Kebaruan"] = 9, ["Dampak"] = 9 }),
            new ScoreSheet(1, 8, new Dictionary<string, double> { ["Kebaruan"] = 4, ["Dampak"] = 5 }),
        ]);
        Assert.Equal(8.5, means[7]["Kebaruan"]);
        Assert.Equal(7.5, means[7]["Dampak"]);
        Assert.Equal(4, means[8]["Kebaruan"]);
    }

    /// <summary>Ten proposals, OPD and kabupaten/kota, best first; 9 shows as 85.00.</summary>
    private static IReadOnlyList<RankedProposal> Field() => Ranking.Rank(
    [
        Candidate(1, 95, cluster: "OPD"), Candidate(2, 93, cluster: "OPD"), Candidate(3, 91, cluster: "OPD"),
        Candidate(4, 90, cluster: "Kab"), Candidate(5, 89, cluster: "OPD"), Candidate(6, 88, cluster: "OPD"),
        Candidate(7, 86, cluster: "Kab"), Candidate(8, 85, cluster: "Kab"), Candidate(9, 84.996, cluster: "Kab"),
        Candidate(10, 80, cluster: "Kab"),
    ], []);

    private static CutPreview Preview(CutOffSettings settings)
    {
        var result = CutOff.Preview(Field(), settings);
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    private static CutOutcome[] Outcomes(CutPreview p) => p.Lines.Select(l => l.Outcome).ToArray();

    [Fact]
    public void Top_N_with_passing_grade_and_a_cluster_minimum_reserves_seats_for_kabupaten_kota()
    {
        // Without the minimum the seats would go to 1–5 and 7 (OPD capped at 4 leaves 6 out); the minimum gives 8 the seat of 5.
        var preview = Preview(new CutOffSettings(6, 85, [new ClusterMix("Kab", 3, null), new ClusterMix("OPD", null, 4)]));

        Assert.Equal([1, 2, 3, 4, 7, 8], preview.Passed.Select(l => l.Proposal.ProposalId));
        Assert.Equal(
        [
            CutOutcome.PassedByRank, CutOutcome.PassedByRank, CutOutcome.PassedByRank, CutOutcome.PassedByRank,
            CutOutcome.OutsideTopN, CutOutcome.OutsideTopN, CutOutcome.PassedByRank, CutOutcome.PassedByClusterMinimum,
            CutOutcome.OutsideTopN, CutOutcome.BelowPassingGrade,
        ], Outcomes(preview));
        Assert.Empty(preview.Shortfalls);
    }

    [Fact]
    public void A_cluster_maximum_skips_to_the_next_cluster_down_the_ranking()
    {
        var preview = Preview(new CutOffSettings(6, null, [new ClusterMix("OPD", null, 3)]));

        Assert.Equal([1, 2, 3, 4, 7, 8], preview.Passed.Select(l => l.Proposal.ProposalId));
        Assert.Equal(
        [
            CutOutcome.PassedByRank, CutOutcome.PassedByRank, CutOutcome.PassedByRank, CutOutcome.PassedByRank,
            CutOutcome.ClusterMaximumReached, CutOutcome.ClusterMaximumReached, CutOutcome.PassedByRank, CutOutcome.PassedByRank,
            CutOutcome.OutsideTopN, CutOutcome.OutsideTopN,
        ], Outcomes(preview));
    }

    [Fact]
    public void A_minimum_never_lifts_a_proposal_below_the_passing_grade_and_the_shortfall_is_reported()
    {
        var preview = Preview(new CutOffSettings(5, 88, [new ClusterMix("Kab", 3, null)]));

        Assert.Equal([1, 2, 3, 4, 5], preview.Passed.Select(l => l.Proposal.ProposalId));
        Assert.Equal(CutOutcome.OutsideTopN, preview.Lines[5].Outcome);
        Assert.All(preview.Lines.Skip(6), l => Assert.Equal(CutOutcome.BelowPassingGrade, l.Outcome));
        Assert.Equal(new ClusterShortfall("Kab", 3, 1), Assert.Single(preview.Shortfalls));
    }

    [Fact]
    public void A_passing_grade_alone_passes_everyone_who_shows_at_least_the_grade()
    {
        var preview = Preview(new CutOffSettings(passingGrade: 85));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], preview.Passed.Select(l => l.Proposal.ProposalId));
        Assert.Equal(CutOutcome.BelowPassingGrade, Assert.Single(preview.Cut).Outcome);
    }

    [Fact]
    public void A_quota_is_minimum_equal_to_maximum()
    {
        var preview = Preview(new CutOffSettings(4, null, [new ClusterMix("Kab", 2, 2)]));
        Assert.Equal([1, 2, 4, 7], preview.Passed.Select(l => l.Proposal.ProposalId));
        Assert.Equal(CutOutcome.OutsideTopN, preview.Lines[2].Outcome);
        Assert.Equal(CutOutcome.PassedByRank, preview.Lines[3].Outcome);
        Assert.Equal(CutOutcome.PassedByClusterMinimum, preview.Lines[6].Outcome);
        Assert.Equal(CutOutcome.ClusterMaximumReached, preview.Lines[7].Outcome);
    }

    [Fact]
    public void Impossible_cut_settings_are_refused_with_Indonesian_messages()
    {
        var result = CutOff.Preview(Field(), new CutOffSettings(3, null, [new ClusterMix("Kab", 2, 1), new ClusterMix("OPD", 3, null)]));
        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal("Batas minimum klaster Kab melebihi batas maksimumnya.", Message.ToIndonesian(Assert.Single(result.Errors["Clusters[0]"])));
        Assert.Equal("Jumlah batas minimum klaster (5) melebihi jumlah yang lolos (3).", Message.ToIndonesian(Assert.Single(result.Errors["Clusters"])));
        Assert.False(CutOff.Validate(new CutOffSettings(0)).Succeeded);
    }

    [Fact]
    public void Every_outcome_has_an_Indonesian_description()
    {
        Assert.All(Enum.GetValues<CutOutcome>(), o => Assert.False(string.IsNullOrWhiteSpace(CutOff.Describe(o))));
        Assert.Equal("Lolos melalui kuota minimum klaster.", CutOff.Describe(CutOutcome.PassedByClusterMinimum));
    }
}
