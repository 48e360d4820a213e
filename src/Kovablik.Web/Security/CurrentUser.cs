using System.Security.Claims;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Security;

/// <summary>
/// The signed-in account and its organisation scope, resolved once per request. Scope is read from the
/// database (not from the cookie) so moving or deactivating a unit takes effect immediately.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, KovablikDbContext db)
{
    private OrganisationScope? _scope;

    public ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();
    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? Name => Principal.Identity?.Name;
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool IsGlobal => IsInRole(Roles.Administrator) || IsInRole(Roles.Panitia);

    public async Task<OrganisationScope> ScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null) return _scope;
        if (!IsSignedIn || Id is null) return _scope = OrganisationScope.Nothing;
        if (IsGlobal) return _scope = OrganisationScope.Everything;
        var org = await db.Users.Where(u => u.Id == Id && u.IsActive)
            .Select(u => u.Organisation == null ? null : new { u.Organisation.Id, u.Organisation.Path, u.Organisation.IsActive })
            .FirstOrDefaultAsync(ct);
        return _scope = org is { IsActive: true } ? OrganisationScope.Subtree(org.Id, org.Path) : OrganisationScope.Nothing;
    }
}
