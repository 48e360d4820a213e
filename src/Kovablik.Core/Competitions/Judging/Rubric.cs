using Kovablik.Platform;

namespace Kovablik.Competitions.Judging;

/// <summary>What a score band of a criterion means ("7–8: Baik, ada data sebelum dan sesudah"); shown on the score form.</summary>
public sealed record LevelDescriptor(double From, double To, string Text);

/// <summary>
/// One scored aspect of a stage. <see cref="Weight"/> is relative: a criterion's share of the total is its weight over
/// the sum of the rubric's weights, so weights that sum to 100 read as percentages but need not.
/// </summary>
public sealed record Criterion(string Key, string Title, double Weight, double Min, double Max, IReadOnlyList<LevelDescriptor> Levels)
{
    public Criterion(string key, string title, double weight, double min, double max)
        : this(key, title, weight, min, max, []) { }
}

/// <summary>
/// The weighted criteria of a scored stage. A juror's total is placed on [<see cref="TotalMin"/>, <see cref="TotalMax"/>]
/// (0–100 by default, the scale of the KIPP passing grade of 85) whatever the ranges of the single criteria.
/// </summary>
public sealed record Rubric(IReadOnlyList<Criterion> Criteria, double TotalMin = 0, double TotalMax = 100)
{
    public double TotalWeight => Criteria.Sum(c => c.Weight);

    public Criterion? Find(string key) => Criteria.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
}

/// <summary>Checks a rubric an organiser edited before any juror scores with it.</summary>
public static class RubricValidator
{
    public static Result<Rubric> Validate(Rubric rubric)
    {
        var errors = new ErrorBag();
        if (!IsFinite(rubric.TotalMin) || !IsFinite(rubric.TotalMax) || rubric.TotalMin >= rubric.TotalMax)
            errors.Add(nameof(Rubric.TotalMax), "Rentang nilai total rubrik tidak valid: nilai minimum harus lebih kecil dari nilai maksimum.");
        if (rubric.Criteria.Count == 0)
            errors.Add(nameof(Rubric.Criteria), "Rubrik harus memiliki paling sedikit satu kriteria.");

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rubric.Criteria.Count; i++)
        {
            var c = rubric.Criteria[i];
            var field = $"Criteria[{i}]";
            var name = string.IsNullOrWhiteSpace(c.Title) ? c.Key : c.Title;
            var keyField = field + ".Key";
            var titleField = field + ".Title";
            if (string.IsNullOrWhiteSpace(c.Key))
                errors.Add(keyField, "Kunci kriteria wajib diisi.");
            // Keys become form field names and export columns, where case does not separate them.
            else if (!seen.Add(c.Key.Trim()))
                errors.Add(keyField, Message.Format("Kunci kriteria {0} dipakai lebih dari sekali.", c.Key));
            if (string.IsNullOrWhiteSpace(c.Title))
                errors.Add(titleField, "Nama kriteria wajib diisi.");
            if (!IsFinite(c.Weight) || c.Weight <= 0)
                errors.Add(field + ".Weight", Message.Format("Bobot kriteria {0} harus lebih dari 0.", name));
            if (!IsFinite(c.Min) || !IsFinite(c.Max) || c.Min >= c.Max)
            {
                errors.Add(field + ".Max", Message.Format("Nilai minimum kriteria {0} harus lebih kecil dari nilai maksimumnya.", name));
                continue;
            }
            for (var j = 0; j < c.Levels.Count; j++)
            {
                var level = c.Levels[j];
                var levelField = $"{field}.Levels[{j}]";
                if (!IsFinite(level.From) || !IsFinite(level.To) || level.From > level.To)
                    errors.Add(levelField, Message.Format("Deskriptor tingkat kriteria {0}: batas awal tidak boleh lebih besar dari batas akhir.", name));
                else if (level.From < c.Min || level.To > c.Max)
                    errors.Add(levelField, Message.Format("Deskriptor tingkat kriteria {0} harus berada dalam rentang {1}–{2}.", name, c.Min, c.Max));
                if (string.IsNullOrWhiteSpace(level.Text))
                    errors.Add(levelField, Message.Format("Deskriptor tingkat kriteria {0} wajib berisi uraian.", name));
            }
        }
        return errors.Any ? errors.ToResult<Rubric>() : Result<Rubric>.Ok(rubric);
    }

    internal static bool IsFinite(double x) => double.IsFinite(x);
}
