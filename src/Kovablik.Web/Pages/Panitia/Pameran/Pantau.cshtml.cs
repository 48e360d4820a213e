using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Panitia.Pameran;

/// <summary>Organisers' watch page: votes and QR visits per booth, and the velocity flags.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class PantauModel(KovablikDbContext db, ExhibitionVoting voting, ExhibitionOptions options) : PageModel
{
    public Exhibition Exhibition { get; private set; } = null!;
    public List<TallyRow> Rows { get; private set; } = [];
    public List<VelocityFlag> Flags { get; private set; } = [];
    public ExhibitionOptions Options => options;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var exhibition = await db.Exhibitions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exhibition is null) return NotFound();
        Exhibition = exhibition;
        Rows = await voting.TallyAsync(id, ct);
        Flags = await voting.FlagsAsync(id, options, ct);
        return Page();
    }
}
