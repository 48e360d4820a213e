using Kovablik.Data;
using Kovablik.Exhibitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Pameran;

/// <summary>The public exhibition guide: booths by hall.</summary>
[AllowAnonymous]
public sealed class DetailModel(KovablikDbContext db) : PageModel
{
    public Exhibition Exhibition { get; private set; } = null!;
    public List<IGrouping<string, BoothRow>> Halls { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var exhibition = await ExhibitionView.PublishedAsync(db, slug, ct);
        if (exhibition is null) return NotFound();
        Exhibition = exhibition;
        Halls = ExhibitionView.Ordered(await ExhibitionView.BoothsAsync(db, exhibition.Id, ct)).GroupBy(b => b.Hall).ToList();
        return Page();
    }
}
