using Kovablik.Competitions;
using Kovablik.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>Published competition editions with their registration window.</summary>
[AllowAnonymous]
public sealed class IndexModel(KovablikDbContext db) : PageModel
{
    public List<Edition> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Editions = await db.Editions.AsNoTracking().Where(e => e.Status != EditionStatus.Draft)
            .OrderByDescending(e => e.Year).ThenBy(e => e.Name).ToListAsync(ct);
}
