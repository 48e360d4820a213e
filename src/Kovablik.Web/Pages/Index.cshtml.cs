using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(KovablikDbContext db) : PageModel
{
    public int PublishedCount { get; private set; }
    public int UnitCount { get; private set; }
    public int KabKotaCount { get; private set; }
    public List<Innovation> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PublishedCount = await db.Innovations.CountAsync(i => i.Status == InnovationStatus.Published, ct);
        UnitCount = await db.Organisations.CountAsync(o => o.IsActive, ct);
        KabKotaCount = await db.Organisations.CountAsync(o => o.Type == OrganisationType.KabupatenKota && o.IsActive, ct);
        Latest = await db.Innovations.AsNoTracking().Include(i => i.Organisation)
            .Where(i => i.Status == InnovationStatus.Published)
            .OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(6).ToListAsync(ct);
    }
}
