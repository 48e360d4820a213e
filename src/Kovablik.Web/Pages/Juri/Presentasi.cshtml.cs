using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Juri;

/// <summary>
/// The panel's timer view of a presentation slot: the proposal, the two phases with their lengths and times. Open to
/// Panitia and to jurors assigned to the proposal in the stage (JudgingAccess); anyone else, a conflicted juror included,
/// gets 404. The countdown is an enhancement (wwwroot/js/presentation-timer.js); the page reads fully without it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PresentasiModel(JudgingScheduleService service, CurrentUser user) : PageModel
{
    public SlotView View { get; private set; } = null!;
    public JudgingStage Stage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int slotId, CancellationToken ct)
    {
        var result = await service.PanelSlotAsync(slotId, user.Id, user.IsGlobal, ct);
        if (!result.Succeeded) return NotFound();
        (View, Stage) = result.Value;
        return Page();
    }
}
