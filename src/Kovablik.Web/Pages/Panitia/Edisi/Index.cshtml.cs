using Kovablik.Competitions;
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

/// <summary>Every edition, drafts included, and a form to start a new one from the provincial defaults.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class IndexModel(KovablikDbContext db, EditionService service, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Edition> Editions { get; private set; } = [];

    [BindProperty]
    public CreateForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Year = Wib.Today(db.Time).Year + 1;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var result = await service.CreateAsync(new EditionCreateInput(Input.Name, Input.Year ?? 0), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = l["Edisi dibuat dari pengaturan bawaan. Lengkapi jadwalnya sebelum dipublikasikan."].Value;
        return RedirectToPage("Ubah", new { id = result.Value!.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year).ThenBy(e => e.Name).ToListAsync(ct);

    public sealed class CreateForm
    {
        public string? Name { get; set; }
        public int? Year { get; set; }
    }
}
