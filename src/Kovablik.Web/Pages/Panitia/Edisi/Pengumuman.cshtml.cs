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

/// <summary>Post a general announcement on an edition's public page, and see what was announced.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class PengumumanModel(KovablikDbContext db, AnnouncementService service, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AnnouncementForm Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;
    public List<Announcement> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await service.PostGeneralAsync(id, new AnnouncementInput(Input.Title, Input.Body), user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = 400;
            return Page();
        }
        TempData["Flash"] = l["Pengumuman diterbitkan."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (edition is null) return false;
        Edition = edition;
        Items = await service.ListAsync(id, ct);
        return true;
    }

    public sealed class AnnouncementForm
    {
        public string? Title { get; set; }
        public string? Body { get; set; }
    }
}
