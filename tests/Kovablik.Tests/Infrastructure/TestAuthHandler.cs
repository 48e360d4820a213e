using System.Security.Claims;
using System.Text.Encodings.Web;
using Kovablik.Accounts;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kovablik.Tests.Infrastructure;

/// <summary>
/// Signs a request in as the account named by the X-Test-User header: the real user and roles from the
/// database, with the claims the Identity cookie would carry (2FA marked as set up).
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string SelectorScheme = "TestOrCookie";
    public const string Header = "X-Test-User";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var id = Request.Headers[Header].ToString();
        if (id.Length == 0) return AuthenticateResult.NoResult();
        var users = Context.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id);
        if (user is null) return AuthenticateResult.Fail($"No account with id {id}.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Email ?? user.Id),
            new(KovablikClaimsFactory.FullNameClaim, user.FullName),
            new(KovablikClaimsFactory.TwoFactorClaim, "1"),
            new(KovablikClaimsFactory.EmailVerifiedClaim, user.EmailConfirmed ? "1" : "0"),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
