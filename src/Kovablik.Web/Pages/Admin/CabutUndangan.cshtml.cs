using Kovablik.Data;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Admin;

/// <summary>Revokes a pending invitation so its link stops working (POST only).</summary>
[Authorize(Policy = Policies.RegistryManager)]
public sealed class CabutUndanganModel(KovablikDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Pengguna");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invitation is null) return NotFound();
        if (invitation.AcceptedAt is null && invitation.RevokedAt is null)
        {
            invitation.RevokedAt = db.Time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        TempData["Flash"] = string.Format(l["Undangan untuk {0} dicabut."], invitation.Email);
        return RedirectToPage("Pengguna");
    }
}
