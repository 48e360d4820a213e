using System.Globalization;
using System.Text.RegularExpressions;
using Kovablik.Competitions;
using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penjurian;

/// <summary>
/// A stage's settings and rubric editor without JavaScript: the form always carries two blank criterion rows and one
/// blank level row per criterion ("add" = fill a blank row and save; "remove" = tick Hapus). Decimal fields are text
/// read with either a comma or a point, because the Indonesian culture would read "0.5" as five.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed partial class PengaturanModel(KovablikDbContext db, StageService service, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int BlankCriteria = 2;
    public const int BlankLevels = 1;

    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public JudgingStage Stage { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public bool RubricLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        Input = SettingsForm.From(StageSettingsInput.From(Stage), Edition);
        Input.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        var (input, criterionRows, levelRows) = Input.ToInput(ModelState, l);
        if (RubricLocked)
        {
            // The locked rubric's fields are disabled, so a browser does not send them: keep the stored rubric and kind.
            var stored = StageSettingsInput.From(Stage);
            input = input with { Kind = stored.Kind, Criteria = stored.Criteria, TotalMin = stored.TotalMin, TotalMax = stored.TotalMax };
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"{nameof(Input)}.{nameof(SettingsForm.Criteria)}", StringComparison.Ordinal)).ToList())
                ModelState.Remove(key);
            Input.Criteria = SettingsForm.From(stored, Edition).Criteria;
        }
        if (ModelState.IsValid)
        {
            var result = await service.UpdateSettingsAsync(stageId, input, ct);
            if (result.Kind == ResultKind.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = l["Pengaturan tahap disimpan."].Value;
                return Redirect($"/Panitia/Penjurian/Tahap/{stageId}/Pengaturan");
            }
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages)
                    ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{Remap(field, criterionRows, levelRows)}", l.Message(m));
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
        }
        else Response.StatusCode = 400;
        Input.AddBlankRows();
        return Page();
    }

    /// <summary>Blank and removed rows were dropped before validation: point each error back at the row the user sees.</summary>
    private static string Remap(string field, List<int> criterionRows, Dictionary<int, List<int>> levelRows)
    {
        var m = CriterionField().Match(field);
        if (!m.Success) return field;
        var kept = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (kept >= criterionRows.Count) return field;
        var row = criterionRows[kept];
        var rest = m.Groups[2].Value;
        var lm = LevelField().Match(rest);
        if (lm.Success && levelRows.TryGetValue(row, out var levels))
        {
            var keptLevel = int.Parse(lm.Groups[1].Value, CultureInfo.InvariantCulture);
            if (keptLevel < levels.Count) rest = $".Levels[{levels[keptLevel]}]{lm.Groups[2].Value}";
        }
        return $"Criteria[{row}]{rest}";
    }

    [GeneratedRegex(@"^Criteria\[(\d+)\](.*)$")]
    private static partial Regex CriterionField();

    [GeneratedRegex(@"^\.Levels\[(\d+)\](.*)$")]
    private static partial Regex LevelField();

    private async Task<bool> LoadAsync(int stageId, CancellationToken ct)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return false;
        Stage = stage;
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == stage.EditionId, ct);
        RubricLocked = await db.JurorScores.AnyAsync(s => s.StageId == stageId && s.Status == ScoreStatus.Submitted, ct);
        return true;
    }

    public static string Number(double? x) => x is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>Reads "0,5" and "0.5" alike; null when blank.</summary>
    public static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim().Replace(',', '.');
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            value = v;
            return true;
        }
        return false;
    }

    public sealed class LevelRow
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Text { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) && string.IsNullOrWhiteSpace(Text);
    }

    public sealed class CriterionRow
    {
        public string? Key { get; set; }
        public string? Title { get; set; }
        public string? Weight { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }
        public bool Remove { get; set; }
        public List<LevelRow> Levels { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Weight)
            && string.IsNullOrWhiteSpace(Min) && string.IsNullOrWhiteSpace(Max) && Levels.All(l => l.IsBlank);
    }

    public sealed class ClusterRow
    {
        public string? Cluster { get; set; }
        public int? Minimum { get; set; }
        public int? Maximum { get; set; }
    }

    public sealed class SettingsForm
    {
        public string? Name { get; set; }
        public JudgingStageKind Kind { get; set; }
        public List<CriterionRow> Criteria { get; set; } = [];
        public StageMethod Method { get; set; }
        public int TrimPerSide { get; set; }
        public string? PreviousStageWeight { get; set; }
        public int JurorsPerProposal { get; set; }
        public bool PeerScoresVisibleAfterSubmit { get; set; }

        /// <summary>WIB wall-clock times.</summary>
        public DateTime? ScoringOpensAt { get; set; }

        public DateTime? ScoringDeadline { get; set; }
        public List<string?> TieBreaks { get; set; } = [];
        public int? TopN { get; set; }
        public string? PassingGrade { get; set; }
        public List<ClusterRow> Clusters { get; set; } = [];
        public ResultPublication Publication { get; set; }
        public int ObjectionDays { get; set; }
        public int PresentationMinutes { get; set; }
        public int InterviewMinutes { get; set; }
        public Guid? ExpectedVersion { get; set; }

        /// <summary>The rubric's total range is kept as stored (0–100 by default); the page does not edit it.</summary>
        public string? TotalMin { get; set; }

        public string? TotalMax { get; set; }

        public static SettingsForm From(StageSettingsInput s, Edition edition) => new()
        {
            Name = s.Name,
            Kind = s.Kind,
            Criteria = s.Criteria.Select(c => new CriterionRow
            {
                Key = c.Key, Title = c.Title, Weight = Number(c.Weight), Min = Number(c.Min), Max = Number(c.Max),
                Levels = (c.Levels ?? []).Select(x => new LevelRow { From = Number(x.From), To = Number(x.To), Text = x.Text }).ToList(),
            }).ToList(),
            Method = s.Method,
            TrimPerSide = s.TrimPerSide,
            PreviousStageWeight = Number(s.PreviousStageWeight),
            JurorsPerProposal = s.JurorsPerProposal,
            PeerScoresVisibleAfterSubmit = s.PeerScoresVisibleAfterSubmit,
            ScoringOpensAt = EditionService.ToWibLocal(s.ScoringOpensAt),
            ScoringDeadline = EditionService.ToWibLocal(s.ScoringDeadline),
            TieBreaks = [.. s.TieBreaks],
            TopN = s.TopN,
            PassingGrade = Number(s.PassingGrade),
            // One row per edition cluster, filled from the stored mix.
            Clusters = edition.Clusters.Select(c =>
            {
                var mix = s.Clusters.FirstOrDefault(m => m.Cluster == c.Name);
                return new ClusterRow { Cluster = c.Name, Minimum = mix?.Minimum, Maximum = mix?.Maximum };
            }).ToList(),
            Publication = s.Publication,
            ObjectionDays = s.ObjectionDays,
            PresentationMinutes = s.PresentationMinutes,
            InterviewMinutes = s.InterviewMinutes,
            ExpectedVersion = s.ExpectedVersion,
            TotalMin = Number(s.TotalMin),
            TotalMax = Number(s.TotalMax),
        };

        public void AddBlankRows()
        {
            foreach (var c in Criteria)
                for (var n = c.Levels.FindAll(x => x.IsBlank).Count; n < BlankLevels; n++) c.Levels.Add(new LevelRow());
            for (var n = Criteria.FindAll(c => c.IsBlank).Count; n < BlankCriteria; n++) Criteria.Add(new CriterionRow { Levels = [new LevelRow()] });
            var slots = Math.Max(3, Criteria.Count(c => !c.IsBlank) + 1);
            while (TieBreaks.Count < slots) TieBreaks.Add(null);
        }

        /// <summary>
        /// The service input, with blank and removed rows dropped; numbers that do not parse are reported next to
        /// their field. Also returns which form row each kept criterion (and level) came from.
        /// </summary>
        public (StageSettingsInput Input, List<int> CriterionRows, Dictionary<int, List<int>> LevelRows) ToInput(
            Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer l)
        {
            double Parse(string? text, string field, double fallback = 0)
            {
                if (TryNumber(text, out var v)) return v ?? fallback;
                state.AddModelError($"{nameof(Input)}.{field}", l["Isi dengan angka, misalnya 7 atau 0,5."]);
                return fallback;
            }

            var criteria = new List<CriterionInput>();
            var criterionRows = new List<int>();
            var levelRows = new Dictionary<int, List<int>>();
            for (var i = 0; i < Criteria.Count; i++)
            {
                var c = Criteria[i];
                if (c.Remove || c.IsBlank) continue;
                var levels = new List<LevelInput>();
                var rows = new List<int>();
                for (var j = 0; j < c.Levels.Count; j++)
                {
                    var x = c.Levels[j];
                    if (x.Remove || x.IsBlank) continue;
                    levels.Add(new LevelInput(Parse(x.From, $"Criteria[{i}].Levels[{j}]", double.NaN), Parse(x.To, $"Criteria[{i}].Levels[{j}]", double.NaN), x.Text));
                    rows.Add(j);
                }
                // A blank number is not zero: NaN makes the validator say which value is missing.
                criteria.Add(new CriterionInput(c.Key, c.Title, Parse(c.Weight, $"Criteria[{i}].Weight", double.NaN),
                    Parse(c.Min, $"Criteria[{i}].Min", double.NaN), Parse(c.Max, $"Criteria[{i}].Max", double.NaN), levels));
                criterionRows.Add(i);
                levelRows[i] = rows;
            }
            var input = new StageSettingsInput
            {
                Name = Name,
                Kind = Kind,
                Criteria = criteria,
                TotalMin = Parse(TotalMin, nameof(TotalMin), 0),
                TotalMax = Parse(TotalMax, nameof(TotalMax), 100),
                Method = Method,
                TrimPerSide = TrimPerSide,
                PreviousStageWeight = Parse(PreviousStageWeight, nameof(PreviousStageWeight), 0),
                JurorsPerProposal = JurorsPerProposal,
                PeerScoresVisibleAfterSubmit = PeerScoresVisibleAfterSubmit,
                ScoringOpensAt = DeadlineService.FromWib(ScoringOpensAt),
                ScoringDeadline = DeadlineService.FromWib(ScoringDeadline),
                TieBreaks = TieBreaks.Select(t => t ?? "").ToList(),
                TopN = TopN,
                PassingGrade = TryNumber(PassingGrade, out var grade) ? grade : ParseError(nameof(PassingGrade)),
                Clusters = Clusters.Select(c => new ClusterMixInput(c.Cluster, c.Minimum, c.Maximum)).ToList(),
                Publication = Publication,
                ObjectionDays = ObjectionDays,
                PresentationMinutes = PresentationMinutes,
                InterviewMinutes = InterviewMinutes,
                ExpectedVersion = ExpectedVersion,
            };
            return (input, criterionRows, levelRows);

            double? ParseError(string field)
            {
                state.AddModelError($"{nameof(Input)}.{field}", l["Isi dengan angka, misalnya 7 atau 0,5."]);
                return null;
            }
        }
    }
}
