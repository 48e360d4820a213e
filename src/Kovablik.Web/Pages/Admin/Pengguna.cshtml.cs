using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Admin;

/// <summary>Accounts and pending invitations.</summary>
[Authorize(Policy = Policies.RegistryManager)]
public sealed class PenggunaModel(KovablikDbContext db) : PageModel
{
    public sealed record Row(string Id, string Email, string FullName, string? Organisation, List<string> Roles, bool TwoFactor, bool Active, DateTimeOffset? LockoutEnd);

    public List<Row> Accounts { get; private set; } = [];
    public List<Invitation> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).Take(1000)
            .Select(u => new Row(u.Id, u.Email ?? "", u.FullName, u.Organisation == null ? null : u.Organisation.Name,
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.TwoFactorEnabled, u.IsActive, u.LockoutEnd)).ToListAsync(ct);
        var now = db.Time.GetUtcNow();
        Pending = await db.Invitations.AsNoTracking().Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(ct);
    }
}
