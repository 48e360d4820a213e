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
        var api = app.MapGroup("/api/v1").RequireRateLimiting(WebSetup.ApiRateLimit).DisableAntiforgery().AddEndpointFilter(RefuseNulCharacters);
        api.MapOrganisationsApi();
        api.MapInnovationsApi();
        api.MapSearchApi();
        api.MapAccountsApi();
        api.MapOrganisationImportApi();
        api.MapEditionsApi();
        api.MapProposalsApi();
        api.MapProposalPackApi();
        api.MapProposalEvidenceApi();
        api.MapSelectionApi();
        api.MapDeadlinesApi();
        api.MapNotificationsApi();
        api.MapAwardsApi();
        api.MapOpenDataApi();
        api.MapCommentsApi();
        api.MapExhibitionsApi();
        api.MapJudgingScheduleApi();
        api.MapJudgingStagesApi();
        api.MapJudgingScoringApi();
        api.MapJudgingPoolApi();
        api.MapJudgingAwardsApi();
        api.MapJudgingResultsApi();
    }

    /// <summary>
    /// PostgreSQL cannot store or even compare text containing U+0000, so a query string or route value with
    /// it would fail inside the query as a 500. Refuse it up front (bodies: see NoNulStringConverter).
    /// </summary>
    private static ValueTask<object?> RefuseNulCharacters(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var field = request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)).Key
            ?? request.RouteValues.FirstOrDefault(r => r.Value is string s && s.Contains('\0', StringComparison.Ordinal)).Key;
        if (field is null) return next(context);
        var l = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        return ValueTask.FromResult<object?>(ApiResults.Invalid(field, "Teks tidak boleh berisi karakter NUL.", l));
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
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new NoNulStringConverter());
        });

    /// <summary>
    /// Refuses U+0000 in request strings. PostgreSQL cannot store it in text, so it would otherwise fail
    /// deep inside a save as a 500; as a JSON error the request is answered 400.
    /// </summary>
    private sealed class NoNulStringConverter : JsonConverter<string>
    {
        public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            Check(reader.GetString());

        public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            Check(reader.GetString())!;

        public override void WriteAsPropertyName(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string? Check(string? value) =>
            value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new System.Text.Json.JsonException("Text may not contain U+0000.") : value;
    }

}
