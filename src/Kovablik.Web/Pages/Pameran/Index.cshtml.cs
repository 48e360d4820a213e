using Kovablik.Data;
using Kovablik.Exhibitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Pameran;

/// <summary>Published exhibitions, newest first.</summary>
[AllowAnonymous]
public sealed class IndexModel(KovablikDbContext db) : PageModel
{
    public List<Exhibition> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.Exhibitions.AsNoTracking().Where(e => e.Status == ExhibitionStatus.Published)
            .OrderByDescending(e => e.StartsOn).Take(100).ToListAsync(ct);
}
