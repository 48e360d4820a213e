using System.Security.Claims;
using Kovablik.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Security;

/// <summary>Adds the display name and whether 2FA is set up, so the 2FA gate needs no query per request.</summary>
public sealed class KovablikClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string FullNameClaim = "kv:name";
    public const string TwoFactorClaim = "kv:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(FullNameClaim, user.FullName));
        id.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        return id;
    }
}
