using Kovablik.Competitions;
using Kovablik.Competitions.Deadlines;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Edisi;

/// <summary>Change the registration deadline (only with a reason) and see every earlier change.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class TenggatModel(KovablikDbContext db, DeadlineService service, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeadlineForm Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;
    public List<DeadlineExtension> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new DeadlineForm { ClosesAt = EditionService.ToWibLocal(Edition.RegistrationClosesAt), ExpectedVersion = Edition.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await service.ChangeAsync(id, new DeadlineChangeInput(DeadlineService.FromWib(Input.ClosesAt), Input.Reason, Input.ExpectedVersion), user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
            return Page();
        }
        TempData["Flash"] = l["Tenggat pendaftaran diubah, diumumkan, dan diberitahukan kepada peserta."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (edition is null) return false;
        Edition = edition;
        History = await service.HistoryAsync(id, ct);
        return true;
    }

    public sealed class DeadlineForm
    {
        /// <summary>WIB wall-clock time.</summary>
        public DateTime? ClosesAt { get; set; }

        public string? Reason { get; set; }
        public Guid? ExpectedVersion { get; set; }
    }
}
