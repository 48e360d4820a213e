using System.Globalization;
using Kovablik.Competitions.Judging.Scoring;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Juri;

/// <summary>
/// Read one assigned proposal and score it: a draft saves what is filled, "Kirim nilai" submits every criterion.
/// Plain form posts (post-redirect-get); a refused save keeps what the juror typed and puts the reason next to the field.
/// </summary>
[Authorize(Policy = Policies.Juror)]
public sealed class NilaiModel(ScoringService scoring, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public SheetView View { get; private set; } = null!;

    // Read from the form by hand: a bound dictionary with no "Scores[…]" field falls back to the empty prefix and
    // would take every other form field (Mode, Version) as a criterion key.
    public Dictionary<string, string?> Scores { get; private set; } = [];
    public Dictionary<string, string?> Comments { get; private set; } = [];
    [BindProperty] public string? OverallComment { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    /// <summary>"submit" or "draft": which button was pressed.</summary>
    [BindProperty] public string? Mode { get; set; }

    public async Task<IActionResult> OnGetAsync(int stageId, int proposalId, CancellationToken ct)
    {
        var view = await scoring.SheetAsync(user.Id!, stageId, proposalId, ct);
        if (view is null) return NotFound();
        View = view;
        if (view.Sheet is { } s)
        {
            Scores = s.GetScores().ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(CultureInfo.InvariantCulture));
            Comments = s.GetComments().ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
            OverallComment = s.OverallComment;
            Version = s.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int stageId, int proposalId, CancellationToken ct)
    {
        var view = await scoring.SheetAsync(user.Id!, stageId, proposalId, ct);
        if (view is null) return NotFound();
        ModelState.Clear();
        Scores = Indexed("Scores");
        Comments = Indexed("Comments");

        var parsed = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (key, raw) in Scores)
        {
            var text = raw?.Trim();
            if (string.IsNullOrEmpty(text)) { parsed[key] = null; continue; }
            if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                parsed[key] = value;
            else
                ModelState.AddModelError(ScoreField(key), l.Message(Message.Format("Nilai {0} harus berupa angka.", view.Rubric.Find(key)?.Title ?? key)));
        }
        var submit = string.Equals(Mode, "submit", StringComparison.OrdinalIgnoreCase);
        if (ModelState.IsValid)
        {
            var input = new ScoreSheetInput { Scores = parsed, Comments = Comments, OverallComment = OverallComment, ExpectedVersion = Version };
            var result = submit
                ? await scoring.SubmitAsync(user.Id!, stageId, proposalId, input, ct)
                : await scoring.SaveDraftAsync(user.Id!, stageId, proposalId, input, ct);
            if (result.Kind == ResultKind.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = submit
                    ? l.Message(Message.Format("Nilai untuk “{0}” terkirim. Total: {1}.", view.Proposal.Title, result.Value!.Total!.Value.ToString("0.##", CultureInfo.CurrentCulture)))
                    : l["Draf nilai tersimpan."].Value;
                return Redirect($"/Juri/Nilai/{stageId}/{proposalId}");
            }
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(FormField(field), l.Message(m));
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
        }
        else
        {
            Response.StatusCode = 400;
        }
        View = view;
        return Page();
    }

    /// <summary>The form's "prefix[key]" fields as key → value.</summary>
    private Dictionary<string, string?> Indexed(string prefix) =>
        Request.Form.Keys
            .Where(k => k.Length > prefix.Length + 2 && k.StartsWith(prefix + "[", StringComparison.Ordinal) && k.EndsWith(']'))
            .ToDictionary(k => k[(prefix.Length + 1)..^1], k => (string?)Request.Form[k].ToString(), StringComparer.Ordinal);

    public static string ScoreField(string key) => $"Scores[{key}]";

    public static string CommentField(string key) => $"Comments[{key}]";

    /// <summary>The service's field names (criterion key, "Comments.key") as this form's input names.</summary>
    private static string FormField(string field) =>
        field.Length == 0 || field == nameof(OverallComment) ? field
        : field.StartsWith("Comments.", StringComparison.Ordinal) ? CommentField(field["Comments.".Length..])
        : ScoreField(field);

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public static string Number(double x) => x.ToString("0.##", CultureInfo.CurrentCulture);
}
