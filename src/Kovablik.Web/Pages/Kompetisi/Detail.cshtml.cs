using Kovablik.Competitions;
using Kovablik.Data;
using Kovablik.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>One edition: timeline in WIB, groups with their sections and documents, eligibility and quota.</summary>
[AllowAnonymous]
public sealed class DetailModel(KovablikDbContext db, Kovablik.Competitions.Deadlines.AnnouncementService announcements) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public List<Announcement> Announcements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Categories).FirstOrDefaultAsync(e => e.Slug == slug, ct);
        // Drafts are visible to organisers only (a preview); for everyone else they do not exist.
        if (edition is null || (edition.Status == EditionStatus.Draft && !EditionsApi.IsOrganiser(User))) return NotFound();
        Edition = edition;
        Announcements = await announcements.ListAsync(edition.Id, ct);
        return Page();
    }
}
