using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Organisasi;

[AllowAnonymous]
public sealed class DetailModel(KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public List<Organisation> Ancestors { get; private set; } = [];
    public List<Organisation> Children { get; private set; } = [];
    public int PublishedInnovations { get; private set; }
    public bool CanManage => user.IsGlobal;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return NotFound();
        Organisation = org;
        var ancestorIds = org.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Where(x => x != id).ToList();
        Ancestors = (await db.Organisations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id)).ToListAsync(ct)).OrderBy(o => o.Depth).ToList();
        Children = await db.Organisations.AsNoTracking().Where(o => o.ParentId == id).OrderBy(o => o.Type).ThenBy(o => o.Name).Take(500).ToListAsync(ct);
        PublishedInnovations = await db.Innovations.CountAsync(i => i.Status == InnovationStatus.Published && i.Organisation.Path.StartsWith(org.Path), ct);
        return Page();
    }

    public string TypeLabel(OrganisationType t) => l[OrganisationTypeNames.Display(t)];

    public static string Date(DateTimeOffset t) => PageExtensions.FormatInstant(t);
}
