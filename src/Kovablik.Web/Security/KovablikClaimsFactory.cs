using System.Security.Claims;
using Kovablik.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Security;

/// <summary>Adds the display name, whether 2FA is set up and whether the email is verified, so gates need no query per request.</summary>
public sealed class KovablikClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string FullNameClaim = "kv:name";
    public const string TwoFactorClaim = "kv:2fa";

    /// <summary>"1" when the account's email address is confirmed: what makes a signed-in person a verified voter/commenter.</summary>
    public const string EmailVerifiedClaim = "kv:email";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(FullNameClaim, user.FullName));
        id.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        id.AddClaim(new Claim(EmailVerifiedClaim, user.EmailConfirmed ? "1" : "0"));
        return id;
    }
}
