using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The form post of the schedule section on the unit's judging page: confirm a presentation slot. Answers with a
/// redirect back (post-redirect-get); a refusal is carried in TempData and shown in the section.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class JadwalPenjurianModel(JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet(int id) => Redirect(Back(id));

    public async Task<IActionResult> OnPostConfirmAsync(int id, int slotId, CancellationToken ct)
    {
        var schedule = await service.ForUnitAsync(id, await user.ScopeAsync(ct), ct);
        // The slot must belong to this proposal, and the proposal to the unit's scope; otherwise it does not exist here.
        if (!schedule.Succeeded || !schedule.Value!.Slots.Any(s => s.Id == slotId)) return NotFound();
        var result = await service.ConfirmSlotAsync(slotId, await user.ScopeAsync(ct), user.Id, ct);
        if (result.Kind is ResultKind.NotFound or ResultKind.Forbidden) return NotFound();
        if (result.Succeeded) TempData["ScheduleNotice"] = l["Kehadiran presentasi dikonfirmasi."].Value;
        else TempData["ScheduleError"] = string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        return Redirect(Back(id));
    }

    private static string Back(int id) => $"/Kelola/Proposal/{id}/Penjurian#jadwal";
}
