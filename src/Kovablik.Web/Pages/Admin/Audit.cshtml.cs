using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Admin;

[Authorize(Policy = Policies.Administrator)]
public sealed class AuditModel(KovablikDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Jenis { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Halaman { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Halaman < 1 || Halaman > 100_000) return BadRequest();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Jenis)) q = q.Where(a => a.EntityType == Jenis);
        Entries = await q.OrderByDescending(a => a.Id).Skip((Halaman - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Page();
    }
}
