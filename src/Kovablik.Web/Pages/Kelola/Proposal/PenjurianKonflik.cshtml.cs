using Kovablik.Competitions.Judging.Pool;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The form post of the _JudgingConflicts partial: the unit declares a juror's conflict with its proposal (scope
/// checked by the service) and goes back to the judging page; a refusal is shown next to its field via TempData.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class PenjurianKonflikModel(ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string JurorErrorKey = "JudgingConflictJurorError";
    public const string ReasonErrorKey = "JudgingConflictReasonError";
    public const string ReasonValueKey = "JudgingConflictReason";

    public IActionResult OnGet(int id) => Redirect(Back(id));

    public async Task<IActionResult> OnPostAsync(int id, int? jurorId, string? reason, CancellationToken ct)
    {
        var result = await conflicts.DeclareAsUnitAsync(id, jurorId, reason, await user.ScopeAsync(ct), user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (result.Errors.TryGetValue("JurorId", out var j)) TempData[JurorErrorKey] = string.Join(" ", j.Select(l.Message));
            if (result.Errors.TryGetValue("Reason", out var r)) TempData[ReasonErrorKey] = string.Join(" ", r.Select(l.Message));
            TempData[ReasonValueKey] = reason;
        }
        else TempData["Flash"] = l["Konflik kepentingan dengan juri dicatat; juri itu tidak akan menilai proposal ini."].Value;
        return Redirect(Back(id));
    }

    private static string Back(int id) => $"/Kelola/Proposal/{id}/Penjurian#konflik-juri-title";
}
