using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithTags("Accounts").WithName("GetMe").RequireAuthorization(Policies.SignedIn);

        var admin = api.MapGroup("").WithTags("Accounts").RequireAuthorization(Policies.RegistryManager);
        admin.MapPost("/invitations", Invite).WithName("CreateInvitation").WithSummary("Invite a person by email; the link expires");
        admin.MapGet("/accounts", Accounts).WithName("ListAccounts");
        admin.MapPut("/accounts/{id}", UpdateAccount).WithName("UpdateAccount").WithSummary("Change name, roles, organisation or active flag");

        api.MapGet("/audit", Audit).WithTags("Audit").WithName("ListAuditLog").RequireAuthorization(Policies.Administrator);
        return api;
    }

    private static async Task<IResult> Me(CurrentUser current, UserManager<AppUser> users, IStringLocalizer<SharedResource> l)
    {
        var user = await users.FindByIdAsync(current.Id ?? "");
        if (user is null) return ApiResults.NotFound(l);
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeDto(user.Id, user.Email ?? "", user.FullName, roles.ToList(), user.OrganisationId, user.TwoFactorEnabled));
    }

    private static async Task<IResult> Invite(InvitationRequestDto request, InvitationService invitations, CurrentUser current, HttpRequest http,
        Microsoft.Extensions.Options.IOptions<Infrastructure.KovablikOptions> options, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // Only an Administrator may hand out province-wide privileged roles.
        if (request.Role is Roles.Administrator && !current.IsInRole(Roles.Administrator)) return ApiResults.Forbidden(l);
        var result = await invitations.InviteAsync(new InvitationRequest(request.Email ?? "", request.FullName ?? "", request.Role ?? "", request.OrganisationId),
            current.Id, BaseUrl(http, options.Value), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var i = result.Value!;
        return TypedResults.Created($"/api/v1/invitations/{i.Id}", new InvitationDto(i.Id, i.Email, i.FullName, i.Role, i.OrganisationId, i.ExpiresAt));
    }

    public static string BaseUrl(HttpRequest http, Infrastructure.KovablikOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{http.Scheme}://{http.Host}" : options.PublicBaseUrl;

    private static async Task<IResult> Accounts(KovablikDbContext db, IStringLocalizer<SharedResource> l, int page = 1, CancellationToken ct = default)
    {
        if (page < 1 || page > 100_000) return ApiResults.Invalid("page", "Nomor halaman tidak valid.", l);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Skip((page - 1) * 100).Take(100)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.FullName,
                u.OrganisationId,
                u.TwoFactorEnabled,
                u.IsActive,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            }).ToListAsync(ct);
        return TypedResults.Ok(users);
    }

    private static async Task<IResult> UpdateAccount(string id, AccountUpdateDto request, AccountService accounts, CurrentUser current, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await accounts.UpdateAsync(id, new AccountUpdate(request.FullName ?? "", request.Roles ?? [], request.OrganisationId, request.IsActive ?? true),
            current.IsInRole(Roles.Administrator), current.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Ok(new { result.Value!.Id, result.Value.Email, result.Value.FullName, result.Value.OrganisationId, result.Value.IsActive, Roles = request.Roles });
    }

    private static async Task<IResult> Audit(KovablikDbContext db, IStringLocalizer<SharedResource> l, string? entityType, string? entityId, int page = 1, CancellationToken ct = default)
    {
        if (page < 1 || page > 100_000) return ApiResults.Invalid("page", "Nomor halaman tidak valid.", l);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) q = q.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) q = q.Where(a => a.EntityId == entityId);
        var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * 100).Take(100)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserName, a.IpAddress, a.Action, a.EntityType, a.EntityId, a.ChangesJson)).ToListAsync(ct);
        return TypedResults.Ok(items);
    }
}
