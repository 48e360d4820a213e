using Kovablik.Competitions.Judging;

namespace Kovablik.Tests.Competitions.Judging;

/// <summary>The numbers are those of docs/judging-normalisation.md, computed there by hand.</summary>
public sealed class NormalisationTests
{
    private const int A = 1, B = 2, C = 3;

    /// <summary>Juror A: mean 80, SD 5. Juror B (harsh and wide): mean 65, SD 10. Juror C: mean 80, SD 5.</summary>
    public static readonly JurorTotal[] Example =
    [
        new(A, 1, 87), new(A, 2, 81), new(A, 3, 79), new(A, 4, 73),
        new(B, 1, 63), new(B, 2, 79), new(B, 3, 67), new(B, 4, 51),
        new(C, 1, 87), new(C, 2, 79), new(C, 3, 81), new(C, 4, 73),
    ];

    [Fact]
    public void Worked_example_z_scores_and_normalised_scores()
    {
        var stage = Normalisation.Normalise(Example, 0, 100);

        Assert.Equal(75, stage.Mean, 1e-9);
        Assert.Equal(10, stage.Sd, 1e-9);
        Assert.Equal((4, 80.0, 5.0), (stage.Jurors[A].Count, stage.Jurors[A].Mean, Math.Round(stage.Jurors[A].Sd, 9)));
        Assert.Equal((4, 65.0, 10.0), (stage.Jurors[B].Count, stage.Jurors[B].Mean, Math.Round(stage.Jurors[B].Sd, 9)));
        Assert.Equal((4, 80.0, 5.0), (stage.Jurors[C].Count, stage.Jurors[C].Mean, Math.Round(stage.Jurors[C].Sd, 9)));

        double[] expectedZ = [1.4, 0.2, -0.2, -1.4, -0.2, 1.4, 0.2, -1.4, 1.4, -0.2, 0.2, -1.4];
        double[] expectedNormalised = [89, 77, 73, 61, 73, 89, 77, 61, 89, 73, 77, 61];
        for (var i = 0; i < Example.Length; i++)
        {
            Assert.Equal(expectedZ[i], stage.Scores[i].Z, 1e-9);
            Assert.Equal(expectedNormalised[i], stage.Scores[i].Normalised, 1e-9);
        }
    }

    [Fact]
    public void Worked_example_stage_results_by_each_method()
    {
        var rubric = new Rubric([new Criterion("x", "x", 1, 0, 100)]);
        double[] Scores(StageMethod m) => StageResults.Compute(Example, rubric, new StageSettings(m)).Select(s => Math.Round(s.Score, 2)).ToArray();

        Assert.Equal([83.67, 79.67, 75.67, 61.00], Scores(StageMethod.NormalisedMean));
        Assert.Equal([79.00, 79.67, 75.67, 65.67], Scores(StageMethod.RawMean));
        Assert.Equal([87.00, 79.00, 79.00, 73.00], Scores(StageMethod.TrimmedMean));
        Assert.All(StageResults.Compute(Example, rubric, new StageSettings()), s => Assert.Equal(3, s.JurorCount));
    }

    [Fact]
    public void Normalisation_lets_the_two_jurors_who_prefer_P1_outweigh_the_wide_juror_who_prefers_P2()
    {
        var rubric = new Rubric([new Criterion("x", "x", 1, 0, 100)]);
        int First(StageMethod m) => StageResults.Compute(Example, rubric, new StageSettings(m)).MaxBy(s => s.Score).ProposalId;
        Assert.Equal(2, First(StageMethod.RawMean));
        Assert.Equal(1, First(StageMethod.NormalisedMean));
    }

    [Fact]
    public void A_juror_who_gives_everyone_the_same_total_or_scores_once_counts_as_the_stage_mean()
    {
        JurorTotal[] totals = [new(1, 1, 90), new(1, 2, 90), new(2, 1, 60), new(2, 2, 80), new(3, 3, 70)];
        var stage = Normalisation.Normalise(totals, 0, 100);
        Assert.Equal(78, stage.Mean, 1e-9);
        Assert.All(stage.Scores.Where(s => s.JurorId != 2), s => Assert.Equal((0.0, 78.0), (s.Z, s.Normalised)));
        Assert.Equal([-1.0, 1.0], stage.Scores.Where(s => s.JurorId == 2).Select(s => s.Z));
    }

    [Fact]
    public void Normalised_scores_are_clamped_to_the_rubric_range()
    {
        // One juror far from the rest: 100 gets z ≈ 1.73 and μ + zσ ≈ 113 before clamping.
        JurorTotal[] totals = [new(1, 1, 100), new(1, 2, 40), new(1, 3, 40), new(1, 4, 40), new(2, 1, 90), new(2, 2, 90)];
        var stage = Normalisation.Normalise(totals, 0, 100);
        Assert.All(stage.Scores, s => Assert.InRange(s.Normalised, 0, 100));
        Assert.Equal(100, stage.Scores[0].Normalised);
    }

    [Fact]
    public void Trimmed_mean_drops_the_configured_number_per_side_only_with_enough_jurors()
    {
        JurorTotal[] five = [new(1, 1, 10), new(2, 1, 50), new(3, 1, 60), new(4, 1, 70), new(5, 1, 100)];
        JurorTotal[] two = [new(1, 1, 10), new(2, 1, 50)];
        double Score(JurorTotal[] t, StageSettings s) => Assert.Single(StageResults.Compute(t, 0, 100, s)).Score;

        Assert.Equal(60, Score(five, new StageSettings(StageMethod.TrimmedMean)), 1e-9);
        Assert.Equal(60, Score(five, new StageSettings(StageMethod.TrimmedMean, TrimPerSide: 2)), 1e-9);
        Assert.Equal(58, Score(five, new StageSettings(StageMethod.TrimmedMean, TrimMinimumJurors: 6)), 1e-9);
        Assert.Equal(30, Score(two, new StageSettings(StageMethod.TrimmedMean)), 1e-9);
        // Trimming 3 per side of 5 would leave nothing: the plain mean instead.
        Assert.Equal(58, Score(five, new StageSettings(StageMethod.TrimmedMean, TrimPerSide: 3)), 1e-9);
    }

    [Fact]
    public void Blending_weights_earlier_stages_and_skips_a_stage_the_proposal_lacks()
    {
        var current = new Dictionary<int, double> { [1] = 80, [2] = 90 };
        var earlier = new Dictionary<int, double> { [1] = 60, [3] = 100 };
        var blended = StageResults.Blend([new WeightedStage(current, 3), new WeightedStage(earlier, 1)]);
        Assert.Equal([1, 2], blended.Keys.Order());
        Assert.Equal(75, blended[1], 1e-9);
        Assert.Equal(90, blended[2], 1e-9);
    }
}
