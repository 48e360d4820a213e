using System.Text.Json.Serialization;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform.Files;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Kovablik.Web.Api;

public static class KovablikApi
{
    public static void MapKovablikApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(WebSetup.ApiRateLimit).DisableAntiforgery();
        api.MapOrganisationsApi();
        api.MapInnovationsApi();
        api.MapAccountsApi();
        api.MapOrganisationImportApi();
    }

    /// <summary>Non-API endpoints: files, health, the OpenAPI document and its reference page, language switch.</summary>
    public static void MapKovablikEndpoints(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Kovablik API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        app.MapGet("/berkas/{id:guid}", (Guid id, KovablikDbContext db, IFileStore store, Security.CurrentUser user, CancellationToken ct) => ServeFile(id, false, db, store, user, ct)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/berkas/{id:guid}/thumb", (Guid id, KovablikDbContext db, IFileStore store, Security.CurrentUser user, CancellationToken ct) => ServeFile(id, true, db, store, user, ct)).AllowAnonymous().ExcludeFromDescription();

        // Plain GET link so switching language works without JavaScript; the cookie remembers the choice.
        app.MapGet("/Bahasa", (HttpContext ctx, string? culture, string? returnUrl) =>
        {
            var chosen = WebSetup.Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? WebSetup.Cultures[0];
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ServeFile(Guid id, bool thumbnail, KovablikDbContext db, IFileStore store, Security.CurrentUser user, CancellationToken ct)
    {
        var row = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.StorageKey, a.ThumbnailKey, a.ContentType, a.OriginalFileName, Status = db.Innovations.Where(i => i.Id == a.InnovationId).Select(i => i.Status).First(),
                Path = db.Innovations.Where(i => i.Id == a.InnovationId).Select(i => i.Organisation.Path).First() })
            .FirstOrDefaultAsync(ct);
        if (row is null) return Results.NotFound();
        if (row.Status != InnovationStatus.Published && !(await user.ScopeAsync(ct)).Covers(row.Path)) return Results.NotFound();
        var key = thumbnail ? row.ThumbnailKey : row.StorageKey;
        if (key is null) return Results.NotFound();
        var stream = await store.OpenAsync(key, ct);
        if (stream is null) return Results.NotFound();
        // Attachment disposition + nosniff: a browser never renders an upload as a page of ours.
        return thumbnail
            ? Results.File(stream, "image/jpeg")
            : Results.File(stream, row.ContentType, row.OriginalFileName);
    }

    public static void ConfigureJson(IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

}
