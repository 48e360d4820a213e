using Kovablik.Accounts;

namespace Kovablik.Web.Security;

/// <summary>
/// Administrator, Panitia, Juri and Evaluator must use TOTP. Until they have set it up, every page sends
/// them to the setup page and every API call answers 403 with the reason.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public static bool NeedsSetup(HttpContext ctx) =>
        ctx.User.Identity?.IsAuthenticated == true
        && ctx.User.FindFirst(KovablikClaimsFactory.TwoFactorClaim)?.Value != "1"
        && Roles.RequireTwoFactor.Any(ctx.User.IsInRole);

    public async Task InvokeAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path;
        var exempt = path.StartsWithSegments("/Akun") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css")
            || path.StartsWithSegments("/js") || path.StartsWithSegments("/health") || path.StartsWithSegments("/Bahasa");
        if (!exempt && NeedsSetup(ctx))
        {
            if (path.StartsWithSegments("/api"))
            {
                var l = ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
                await Results.Problem(statusCode: 403, title: l["Verifikasi dua langkah wajib"],
                    detail: l["Peran Anda wajib memakai verifikasi dua langkah (TOTP). Aktifkan di /Akun/DuaFaktor."]).ExecuteAsync(ctx);
                return;
            }
            ctx.Response.Redirect("/Akun/DuaFaktor?wajib=1");
            return;
        }
        await next(ctx);
    }
}
