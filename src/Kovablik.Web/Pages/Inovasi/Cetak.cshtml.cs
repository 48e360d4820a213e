using Kovablik.Data;
using Kovablik.Innovations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>A published innovation as one printable document: no navigation, every public section, awards and contact.</summary>
[AllowAnonymous]
public sealed class CetakModel(InnovationService innovations, KovablikDbContext db, Infrastructure.SectionHtmlCache sections) : PageModel
{
    public Innovation Innovation { get; private set; } = null!;
    public IReadOnlyList<(string Field, string Title, string Html)> Sections { get; private set; } = [];
    public List<string> Awards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var innovation = await innovations.WithDetails().AsNoTracking().AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id && i.Status == InnovationStatus.Published, ct);
        if (innovation is null) return NotFound();
        Innovation = innovation;
        Sections = sections.Render(innovation);
        Awards = await db.InnovationAwards.AsNoTracking().Where(a => a.InnovationId == id).OrderByDescending(a => a.Year)
            .Select(a => a.Competition + " " + a.Year + " · " + a.Title).ToListAsync(ct);
        return Page();
    }
}
