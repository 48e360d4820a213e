using Kovablik.Competitions.Judging;
using Kovablik.Platform;

namespace Kovablik.Tests.Competitions.Judging;

public sealed class ScoreMathTests
{
    private static Dictionary<string, double> Scores(params (string Key, double Value)[] s) => s.ToDictionary(x => x.Key, x => x.Value);

    [Fact]
    public void Proposal_rubric_total_is_the_worked_example_of_the_normalisation_document()
    {
        // docs/judging-normalisation.md §1: Σ w·(s − 1)/9 = (18·(8+7+8+6+7) + 10·7)/9 = 718/9 = 79.777…
        var total = ScoreMath.Total(JudgingDefaults.ProposalRubric(), Scores(
            ("Kebaruan", 9), ("Implementasi", 8), ("Signifikansi", 9), ("Adaptabilitas", 7), ("SumberDaya", 8), ("Keberlanjutan", 8)));
        Assert.True(total.Succeeded);
        Assert.Equal(718.0 / 9, total.Value, 1e-9);
    }

    [Fact]
    public void Criteria_on_0_to_100_with_weights_summing_to_100_give_the_plain_weighted_sum()
    {
        var rubric = new Rubric([new Criterion("A", "A", 60, 0, 100), new Criterion("B", "B", 40, 0, 100)]);
        Assert.Equal(0.6 * 80 + 0.4 * 50, ScoreMath.Total(rubric, Scores(("A", 80), ("B", 50))).Value, 1e-9);
    }

    [Fact]
    public void Lowest_and_highest_scores_map_to_the_ends_of_the_total_range()
    {
        var rubric = JudgingDefaults.ProposalRubric();
        Assert.Equal(0, ScoreMath.Total(rubric, rubric.Criteria.ToDictionary(c => c.Key, c => c.Min)).Value, 1e-9);
        Assert.Equal(100, ScoreMath.Total(rubric, rubric.Criteria.ToDictionary(c => c.Key, c => c.Max)).Value, 1e-9);
    }

    [Fact]
    public void A_score_outside_its_range_names_the_criterion_and_the_range()
    {
        var rubric = JudgingDefaults.ProposalRubric();
        var scores = rubric.Criteria.ToDictionary(c => c.Key, _ => 5.0);
        scores["Kebaruan"] = 11;
        scores["SumberDaya"] = 0.5;
        scores["Keberlanjutan"] = double.NaN;

        var result = ScoreMath.Total(rubric, scores);

        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal("Nilai Kebaruan / Nilai Tambah harus antara 1 dan 10.", Message.ToIndonesian(Assert.Single(result.Errors["Kebaruan"])));
        Assert.Equal("Nilai Sumber Daya harus antara 1 dan 10.", Message.ToIndonesian(Assert.Single(result.Errors["SumberDaya"])));
        Assert.True(result.Errors.ContainsKey("Keberlanjutan"));
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void A_missing_or_unknown_criterion_is_an_error()
    {
        var rubric = new Rubric([new Criterion("A", "Kebaruan", 1, 0, 10)]);
        var result = ScoreMath.Total(rubric, Scores(("B", 3)));
        Assert.Equal("Nilai Kebaruan wajib diisi.", Message.ToIndonesian(Assert.Single(result.Errors["A"])));
        Assert.Equal("Kriteria B tidak ada dalam rubrik tahap ini.", Message.ToIndonesian(Assert.Single(result.Errors["B"])));
    }

    [Fact]
    public void Totals_of_a_stage_report_which_sheet_is_invalid()
    {
        var rubric = new Rubric([new Criterion("A", "Kebaruan", 1, 0, 10)]);
        var result = ScoreMath.Totals(rubric, [new ScoreSheet(1, 10, Scores(("A", 5))), new ScoreSheet(2, 11, Scores(("A", 12)))]);
        Assert.Equal(["2/11/A"], result.Errors.Keys);
    }
}
