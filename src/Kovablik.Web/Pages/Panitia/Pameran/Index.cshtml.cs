using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Pameran;

/// <summary>Organisers' list of exhibitions and the form to create one.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class IndexModel(KovablikDbContext db, ExhibitionService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ExhibitionForm Input { get; set; } = new();

    public List<(Exhibition Exhibition, int Booths)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await service.CreateAsync(Input.ToInput(), ct);
            if (result.Succeeded)
            {
                TempData["Flash"] = l["Pameran dibuat."].Value;
                return RedirectToPage("Ubah", new { id = result.Value!.Id });
            }
            ModelState.AddErrors(result.Errors, nameof(Input), l);
        }
        Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Exhibitions.AsNoTracking().OrderByDescending(e => e.StartsOn)
            .Select(e => new { Exhibition = e, Booths = db.ExhibitionBooths.Count(b => b.ExhibitionId == e.Id) }).Take(200).ToListAsync(ct);
        Items = rows.Select(r => (r.Exhibition, r.Booths)).ToList();
    }
}
