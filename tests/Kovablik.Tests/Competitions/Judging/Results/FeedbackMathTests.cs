using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Results;

namespace Kovablik.Tests.Competitions.Judging.Results;

public sealed class FeedbackMathTests
{
    private static readonly Criterion Kebaruan = JudgingDefaults.ProposalRubric().Criteria[0];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(3.4, 1)]
    [InlineData(3.5, 4)]
    [InlineData(6, 4)]
    [InlineData(6.5, 7)]
    [InlineData(6.67, 7)]
    [InlineData(8.3, 7)]
    [InlineData(8.5, 9)]
    [InlineData(10, 9)]
    public void A_mean_falls_in_its_band_or_the_nearest_one_halfway_going_up(double mean, double bandFrom) =>
        Assert.Equal(bandFrom, FeedbackMath.Band(Kebaruan, mean)!.From);

    [Fact]
    public void A_criterion_without_levels_has_no_band() =>
        Assert.Null(FeedbackMath.Band(new Criterion("x", "X", 1, 0, 10), 5));

    [Fact]
    public void Shuffling_is_fixed_per_proposal_and_part_and_keeps_every_item()
    {
        var items = Enumerable.Range(0, 8).Select(i => $"komentar {i}").ToList();
        var a = FeedbackMath.Shuffle(items, 3, 41, "Kebaruan");
        Assert.Equal(a, FeedbackMath.Shuffle(items, 3, 41, "Kebaruan"));
        Assert.Equal(items.Order(), a.Order());
        // Different parts and proposals get their own order, so positions do not line up one juror's comments.
        var others = new[] { FeedbackMath.Shuffle(items, 3, 41, "Signifikansi"), FeedbackMath.Shuffle(items, 3, 42, "Kebaruan") };
        Assert.All(others, o => Assert.NotEqual(a, o));
        Assert.NotEqual(items, a);
    }

    [Fact]
    public void The_seed_is_stable_across_processes() =>
        Assert.Equal(unchecked((int)0x811C9DC5u), FeedbackMath.Seed(""));
}
