using Kovablik.Competitions.Judging;

namespace Kovablik.Tests.Competitions.Judging;

public sealed class PanelStatisticsTests
{
    [Fact]
    public void Spread_per_proposal_is_min_max_mean_and_population_sd()
    {
        var spread = Assert.Single(PanelStatistics.Spread([new(1, 5, 70), new(2, 5, 90), new(3, 5, 80)]));
        Assert.Equal((5, 3, 70.0, 90.0, 80.0, 20.0), (spread.ProposalId, spread.Count, spread.Min, spread.Max, spread.Mean, spread.Range));
        Assert.Equal(Math.Sqrt(200.0 / 3), spread.Sd, 1e-9);
    }

    private static readonly JurorTotal[] Panel =
    [
        // Proposal 1: juror 4 is 30 points below three jurors who agree.
        new(1, 1, 80), new(2, 1, 82), new(3, 1, 78), new(4, 1, 50),
        // Proposal 2: the others agree exactly (SD 0); juror 3 is 6 points off.
        new(1, 2, 80), new(2, 2, 80), new(3, 2, 86),
        // Proposal 3: two jurors 30 points apart: each is flagged by points; no SD test with one other juror.
        new(1, 3, 60), new(2, 3, 90),
    ];

    [Fact]
    public void Outliers_are_flagged_by_sd_multiple_above_a_floor_or_by_fixed_points()
    {
        var flags = PanelStatistics.Outliers(Panel, new OutlierSettings());

        Assert.Equal(
            [(4, 1, true, true), (3, 2, true, false), (1, 3, false, true), (2, 3, false, true)],
            flags.Select(f => (f.JurorId, f.ProposalId, f.BySd, f.ByPoints)));
        var first = flags[0];
        Assert.Equal(80, first.OthersMean, 1e-9);
        Assert.Equal(Math.Sqrt(8.0 / 3), first.OthersSd, 1e-9);
        Assert.Equal(30, first.Deviation, 1e-9);
    }

    [Fact]
    public void Outlier_rules_are_configurable()
    {
        var sdOnly = PanelStatistics.Outliers(Panel, new OutlierSettings(SdMultiple: 2, Points: null, MinimumDeviation: 7));
        Assert.Equal([(4, 1)], sdOnly.Select(f => (f.JurorId, f.ProposalId)));
        var pointsOnly = PanelStatistics.Outliers(Panel, new OutlierSettings(SdMultiple: null, Points: 25));
        Assert.Equal([(4, 1), (1, 3), (2, 3)], pointsOnly.Select(f => (f.JurorId, f.ProposalId)));
    }

    [Fact]
    public void Calibration_compares_a_juror_with_the_other_jurors_on_the_same_proposals()
    {
        JurorTotal[] totals = [new(1, 1, 90), new(2, 1, 70), new(1, 2, 80), new(2, 2, 60), new(3, 3, 50)];

        var calibration = PanelStatistics.Calibration(totals);

        Assert.Equal([1, 2, 3], calibration.Select(c => c.JurorId));
        Assert.Equal(new JurorCalibration(1, 2, 85, 5, 65, 5, 20), calibration[0]);
        Assert.Equal(new JurorCalibration(2, 2, 65, 5, 85, 5, -20), calibration[1]);
        Assert.True(double.IsNaN(calibration[2].PanelMean));
        Assert.Equal(1, calibration[2].Count);
    }
}
