using Kovablik.Competitions;
using Kovablik.Competitions.Judging.Awards;
using Kovablik.Data;
using Kovablik.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>The winners of an edition by award tier; nothing until Panitia confirms the awards.</summary>
[AllowAnonymous]
public sealed class PemenangModel(KovablikDbContext db, EditionAwardService service) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public List<WinnerTier> Tiers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, ct);
        if (edition is null || (edition.Status == EditionStatus.Draft && !EditionsApi.IsOrganiser(User))) return NotFound();
        Edition = edition;
        Tiers = await service.WinnersAsync(edition.Id, ct);
        return Page();
    }
}
