using Kovablik.Competitions.Judging.Pool;
using Kovablik.Competitions.Proposals;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The unit declares a juror's conflict with its proposal (scope checked by the service); a refusal is shown next to
/// its field via TempData after the redirect. Its own page, apart from the judging page with the feedback, so that
/// the jury's names never appear on the page that shows the jurors' scores and comments.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class PenjurianKonflikModel(ConflictService conflicts, ProposalService proposals, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public Kovablik.Competitions.Proposals.Proposal Proposal { get; private set; } = null!;

    public const string JurorErrorKey = "JudgingConflictJurorError";
    public const string ReasonErrorKey = "JudgingConflictReasonError";
    public const string ReasonValueKey = "JudgingConflictReason";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await proposals.GetAsync(id, await user.ScopeAsync(ct), ct);
        if (!result.Succeeded) return NotFound();
        Proposal = result.Value!;
        return Page();
    }

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

    private static string Back(int id) => $"/Kelola/Proposal/{id}/Penjurian/Konflik#konflik-juri-title";
}
