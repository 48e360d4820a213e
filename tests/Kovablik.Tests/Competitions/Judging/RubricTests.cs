using Kovablik.Competitions.Judging;
using Kovablik.Platform;

namespace Kovablik.Tests.Competitions.Judging;

public sealed class RubricTests
{
    [Fact]
    public void Default_stages_follow_administrative_selection_and_only_the_decision_is_not_scored()
    {
        var stages = JudgingDefaults.Stages();
        Assert.Equal(["Penilaian Proposal", "Presentasi & Wawancara", "Visitasi", "Penetapan"], stages.Select(s => s.Name));
        Assert.Equal([true, true, true, false], stages.Select(s => s.IsScored));
    }

    [Fact]
    public void Default_proposal_rubric_scores_the_KIPP_aspects_1_to_10_with_weights_summing_to_100()
    {
        var rubric = JudgingDefaults.ProposalRubric();
        Assert.Equal(["Kebaruan", "Implementasi", "Signifikansi", "Adaptabilitas", "SumberDaya", "Keberlanjutan"], rubric.Criteria.Select(c => c.Key));
        Assert.Equal(100, rubric.TotalWeight);
        Assert.All(rubric.Criteria, c => Assert.Equal((1, 10), (c.Min, c.Max)));
        Assert.Equal(10, rubric.Find("SumberDaya")!.Weight);
        Assert.Equal((0, 100), (rubric.TotalMin, rubric.TotalMax));
    }

    [Fact]
    public void Every_default_rubric_is_valid_with_weights_summing_to_100_and_descriptors_covering_the_range()
    {
        foreach (var stage in JudgingDefaults.Stages().Where(s => s.IsScored))
        {
            var rubric = stage.Rubric!;
            Assert.True(RubricValidator.Validate(rubric).Succeeded, stage.Name);
            Assert.Equal(100, rubric.TotalWeight);
            foreach (var c in rubric.Criteria)
            {
                Assert.Equal(c.Min, c.Levels.Min(l => l.From));
                Assert.Equal(c.Max, c.Levels.Max(l => l.To));
            }
        }
    }

    [Fact]
    public void Validation_names_each_broken_criterion_in_Indonesian()
    {
        var rubric = new Rubric(
        [
            new Criterion("Kebaruan", "Kebaruan", 0, 1, 10),
            new Criterion("kebaruan", "Kebaruan Lagi", 10, 1, 10),
            new Criterion("Dampak", "Dampak", 10, 10, 10),
            new Criterion("Manfaat", "Manfaat", 10, 1, 10, [new LevelDescriptor(0, 3, "Kurang"), new LevelDescriptor(8, 7, "Baik")]),
            new Criterion("", "", 5, 0, 100),
        ]);

        var result = RubricValidator.Validate(rubric);

        Assert.Equal(ResultKind.Invalid, result.Kind);
        string Only(string field) => Message.ToIndonesian(Assert.Single(result.Errors[field]));
        Assert.Equal("Bobot kriteria Kebaruan harus lebih dari 0.", Only("Criteria[0].Weight"));
        Assert.Equal("Kunci kriteria kebaruan dipakai lebih dari sekali.", Only("Criteria[1].Key"));
        Assert.Equal("Nilai minimum kriteria Dampak harus lebih kecil dari nilai maksimumnya.", Only("Criteria[2].Max"));
        Assert.Equal("Deskriptor tingkat kriteria Manfaat harus berada dalam rentang 1–10.", Only("Criteria[3].Levels[0]"));
        Assert.Equal("Deskriptor tingkat kriteria Manfaat: batas awal tidak boleh lebih besar dari batas akhir.", Only("Criteria[3].Levels[1]"));
        Assert.Equal("Kunci kriteria wajib diisi.", Only("Criteria[4].Key"));
        Assert.Equal("Nama kriteria wajib diisi.", Only("Criteria[4].Title"));
        Assert.Equal(7, result.Errors.Count);
    }

    [Fact]
    public void An_empty_rubric_or_an_inverted_total_range_is_invalid()
    {
        var result = RubricValidator.Validate(new Rubric([], 100, 0));
        Assert.Contains("Rubrik harus memiliki paling sedikit satu kriteria.", result.Errors["Criteria"]);
        Assert.True(result.Errors.ContainsKey("TotalMax"));
    }
}
