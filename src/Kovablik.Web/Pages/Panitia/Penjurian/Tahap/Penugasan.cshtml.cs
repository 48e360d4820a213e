using Kovablik.Competitions.Judging.Pool;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penjurian.Tahap;

/// <summary>
/// A stage's assignments: preview the automatic run (GET ?handler=Preview changes nothing), confirm it, and add or
/// remove one assignment by hand. A frozen stage shows the assignments and refuses every change.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class PenugasanModel(AssignmentService assignments, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ManualForm Input { get; set; } = new();

    public StageAssignments Data { get; private set; } = null!;
    public AssignmentPlan? Plan { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        Error = TempData["AssignmentError"] as string;
        return Page();
    }

    public async Task<IActionResult> OnGetPreviewAsync(int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        var result = await assignments.PreviewAsync(stageId, ct);
        if (result.Succeeded) Plan = result.Value;
        else Error = Describe(result.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int stageId, CancellationToken ct)
    {
        var result = await assignments.ConfirmAsync(stageId, user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) TempData["AssignmentError"] = Describe(result.Errors);
        else
        {
            var p = result.Value!;
            TempData["Flash"] = string.Format(l["Penugasan dikonfirmasi: {0} ditambahkan, {1} dihapus; {2} juri diberi tahu."], p.ToAdd, p.ToRemove, p.NewlyAssignedJurors);
        }
        return RedirectToPage(null, null, new { stageId }, null);
    }

    public async Task<IActionResult> OnPostAddAsync(int stageId, CancellationToken ct)
    {
        var result = await assignments.AddAsync(stageId, Input.JurorId, Input.ProposalId, user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(stageId, ct)) return NotFound();
            if (result.Kind == ResultKind.Conflict) Error = Describe(result.Errors);
            else ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
            return Page();
        }
        TempData["Flash"] = l["Juri ditugaskan."].Value;
        return RedirectToPage(null, null, new { stageId }, null);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int stageId, int assignmentId, CancellationToken ct)
    {
        var result = await assignments.RemoveAsync(stageId, assignmentId, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) TempData["AssignmentError"] = Describe(result.Errors);
        else TempData["Flash"] = l["Penugasan dihapus."].Value;
        return RedirectToPage(null, null, new { stageId }, null);
    }

    private string Describe(IReadOnlyDictionary<string, string[]> errors) => string.Join(" ", errors.Values.SelectMany(v => v).Select(l.Message));

    private async Task<bool> LoadAsync(int stageId, CancellationToken ct)
    {
        var data = await assignments.ListAsync(stageId, ct);
        if (data is null) return false;
        Data = data;
        return true;
    }

    public sealed class ManualForm
    {
        public int? JurorId { get; set; }
        public int? ProposalId { get; set; }
    }
}
