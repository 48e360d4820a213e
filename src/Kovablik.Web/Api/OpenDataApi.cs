using System.Globalization;
using System.Text;
using System.Text.Json;
using Kovablik.Data;
using Kovablik.Exhibitions.OpenData;
using Kovablik.Innovations;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Api;

public sealed record OpenDataIndexDto(string Publisher, string Licence, string LicenceUrl, string Schema, string Version, Dictionary<string, string> Downloads);

public sealed record OpenInnovationPageDto(int Page, int PageSize, int Total, string Licence, List<PublicInnovation> Items);

/// <summary>
/// Open data: the public catalogue and competition results as CSV and JSON downloads and a paged JSON API, all with
/// ETags (a cheap fingerprint of the catalogue) and public cache headers; sitemap.xml and robots.txt for search engines.
/// Schema: docs/open-data.md.
/// </summary>
public static class OpenDataApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapOpenDataApi(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/open").WithTags("Open data").AllowAnonymous();
        open.MapGet("", Index).WithName("OpenDataIndex").Produces<OpenDataIndexDto>().WithSummary("Licence, schema and download links");
        open.MapGet("/innovations", Page).WithName("OpenInnovations").Produces<OpenInnovationPageDto>().Produces(304).ProducesValidationProblem()
            .WithSummary("Published innovations in id order, paged (pageSize ≤ 500); ETag / If-None-Match");
        foreach (var (file, name) in new[] { ("innovations.csv", "OpenInnovationsCsv"), ("innovations.json", "OpenInnovationsJson"), ("results.csv", "OpenResultsCsv"), ("results.json", "OpenResultsJson") })
        {
            var endpoint = open.MapGet("/" + file, (HttpContext http, PublicCatalogue catalogue, CatalogueVersionMemo cache, IOptions<KovablikOptions> options, CancellationToken ct) =>
                Download(http, catalogue, cache, options.Value, file, ct)).WithName(name);
            if (file.EndsWith(".csv", StringComparison.Ordinal)) endpoint.Produces(200, contentType: "text/csv");
            else if (file.StartsWith("innovations", StringComparison.Ordinal)) endpoint.Produces<List<PublicInnovation>>();
            else endpoint.Produces<List<PublicResult>>();
        }
        return api;
    }

    public static void MapSitemap(this WebApplication app)
    {
        app.MapGet("/robots.txt", (HttpContext http, IOptions<KovablikOptions> options) =>
            Results.Text($"User-agent: *\nDisallow: /Kelola/\nDisallow: /Panitia/\nDisallow: /Admin/\nDisallow: /Akun/\nDisallow: /api/\nSitemap: {AccountsApi.BaseUrl(http.Request, options.Value)}/sitemap.xml\n",
                "text/plain", Encoding.UTF8)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/sitemap.xml", Sitemap).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/sitemap-inovasi-{part:int}.xml", SitemapPart).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>URLs per sitemap file (the protocol allows 50,000; smaller files regenerate faster).</summary>
    public const int SitemapPartSize = 10_000;

    private static async Task<IResult> Sitemap(HttpContext http, KovablikDbContext db, IOptions<KovablikOptions> options, CancellationToken ct)
    {
        var baseUrl = AccountsApi.BaseUrl(http.Request, options.Value);
        var maxId = await db.Innovations.Where(i => i.Status == InnovationStatus.Published).MaxAsync(i => (int?)i.Id, ct) ?? 0;
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<sitemap><loc>{baseUrl}/sitemap-inovasi-0.xml</loc></sitemap>\n");
        for (var part = 1; (part - 1) * SitemapPartSize < maxId; part++)
            sb.Append(CultureInfo.InvariantCulture, $"<sitemap><loc>{baseUrl}/sitemap-inovasi-{part}.xml</loc></sitemap>\n");
        sb.Append("</sitemapindex>\n");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(sb.ToString(), "application/xml", Encoding.UTF8);
    }

    /// <summary>Part 0: the fixed public pages. Part n: published innovations with ids in ((n-1)·size, n·size].</summary>
    private static async Task<IResult> SitemapPart(int part, HttpContext http, KovablikDbContext db, IOptions<KovablikOptions> options, CancellationToken ct)
    {
        if (part < 0 || part > 10_000) return Results.NotFound();
        var baseUrl = AccountsApi.BaseUrl(http.Request, options.Value);
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        if (part == 0)
        {
            foreach (var path in new[] { "/", "/Inovasi", "/Kompetisi", "/Organisasi", "/DataTerbuka", "/Tentang" })
                sb.Append(CultureInfo.InvariantCulture, $"<url><loc>{baseUrl}{path}</loc></url>\n");
        }
        else
        {
            var from = (part - 1) * SitemapPartSize;
            var to = part * SitemapPartSize;
            var rows = await db.Innovations.AsNoTracking().Where(i => i.Status == InnovationStatus.Published && i.Id > from && i.Id <= to)
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.UpdatedAt }).ToListAsync(ct);
            if (rows.Count == 0) return Results.NotFound();
            foreach (var r in rows)
                sb.Append(CultureInfo.InvariantCulture, $"<url><loc>{baseUrl}/Inovasi/{r.Id}</loc><lastmod>{r.UpdatedAt.UtcDateTime:yyyy-MM-dd}</lastmod></url>\n");
        }
        sb.Append("</urlset>\n");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(sb.ToString(), "application/xml", Encoding.UTF8);
    }

    private static async Task<IResult> Index(HttpContext http, PublicCatalogue catalogue, CatalogueVersionMemo cache, IOptions<KovablikOptions> options, CancellationToken ct)
    {
        var o = options.Value;
        var prefix = AccountsApi.BaseUrl(http.Request, o) + "/api/v1/open";
        return TypedResults.Ok(new OpenDataIndexDto(o.OpenDataPublisher, o.OpenDataLicence, o.OpenDataLicenceUrl,
            "https://github.com/kovablik/kovablik/blob/main/docs/open-data.md", await VersionAsync(catalogue, cache, ct),
            new Dictionary<string, string>
            {
                ["innovations.csv"] = prefix + "/innovations.csv",
                ["innovations.json"] = prefix + "/innovations.json",
                ["results.csv"] = prefix + "/results.csv",
                ["results.json"] = prefix + "/results.json",
                ["innovations (paged)"] = prefix + "/innovations?page=1&pageSize=100",
            }));
    }

    private static async Task<IResult> Page(HttpContext http, KovablikDbContext db, PublicCatalogue catalogue, CatalogueVersionMemo cache, IOptions<KovablikOptions> options,
        IStringLocalizer<SharedResource> l, int? page, int? pageSize, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? 100;
        if (p < 1 || p > 100_000) return ApiResults.Invalid("page", "Nomor halaman tidak valid.", l);
        if (size < 1 || size > MaxPageSize) return ApiResults.Invalid("pageSize", "Ukuran halaman harus antara 1 dan 500.", l);
        var etag = $"\"{await VersionAsync(catalogue, cache, ct)}-{p}-{size}\"";
        if (NotModified(http, etag, 60)) return Results.StatusCode(304);
        var total = await db.Innovations.CountAsync(i => i.Status == InnovationStatus.Published, ct);
        if ((p - 1) * size >= Math.Max(total, 1)) return ApiResults.NotFound(l);
        // Keyset would need the previous page's last id; the offset is on the primary key order, which stays cheap.
        var ids = await db.Innovations.AsNoTracking().Where(i => i.Status == InnovationStatus.Published).OrderBy(i => i.Id)
            .Skip((p - 1) * size).Take(size).Select(i => i.Id).ToListAsync(ct);
        var items = new List<PublicInnovation>(ids.Count);
        if (ids.Count > 0)
            await foreach (var item in catalogue.InnovationsAsync(AccountsApi.BaseUrl(http.Request, options.Value), ids[0] - 1, ids[^1], ct).WithCancellation(ct))
                items.Add(item);
        return TypedResults.Ok(new OpenInnovationPageDto(p, size, total, options.Value.OpenDataLicence, items));
    }

    private static async Task<IResult> Download(HttpContext http, PublicCatalogue catalogue, CatalogueVersionMemo cache, KovablikOptions options, string file, CancellationToken ct)
    {
        var etag = $"\"{await VersionAsync(catalogue, cache, ct)}-{file}\"";
        if (NotModified(http, etag, 300)) return Results.StatusCode(304);
        var baseUrl = AccountsApi.BaseUrl(http.Request, options);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"kovablik-{file}\"";
        http.Response.Headers["X-License"] = options.OpenDataLicenceUrl;
        http.Response.Headers.Link = $"<{options.OpenDataLicenceUrl}>; rel=\"license\"";
        var csv = file.EndsWith(".csv", StringComparison.Ordinal);
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        if (file.StartsWith("innovations", StringComparison.Ordinal))
        {
            if (csv)
            {
                await writer.WriteLineAsync(Csv.Header(InnovationColumns));
                await foreach (var i in catalogue.InnovationsAsync(baseUrl, ct: ct).WithCancellation(ct))
                    await writer.WriteLineAsync(Csv.Row(
                        i.Id.ToString(CultureInfo.InvariantCulture), i.Name, i.ShortDescription, i.OrganisationId.ToString(CultureInfo.InvariantCulture), i.Organisation,
                        i.KabupatenKota, i.Kind, i.Stage, i.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        i.PublishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), string.Join("; ", i.Categories),
                        string.Join(";", i.Sdgs), string.Join("; ", i.TargetGroups), string.Join("; ", i.Awards), i.VideoUrl, i.WebsiteUrl, i.Url));
            }
            else
            {
                // Written into the response pipe's buffers (no synchronous stream I/O), flushed every batch.
                var pipe = http.Response.BodyWriter;
                await using (var json = new Utf8JsonWriter(pipe))
                {
                    json.WriteStartArray();
                    var n = 0;
                    await foreach (var i in catalogue.InnovationsAsync(baseUrl, ct: ct).WithCancellation(ct))
                    {
                        JsonSerializer.Serialize(json, i, JsonOptions);
                        if (++n % 200 == 0)
                        {
                            json.Flush();
                            await pipe.FlushAsync(ct);
                        }
                    }
                    json.WriteEndArray();
                }
                await pipe.FlushAsync(ct);
            }
        }
        else
        {
            var results = await catalogue.ResultsAsync(baseUrl, ct);
            if (csv)
            {
                await writer.WriteLineAsync(Csv.Header(ResultColumns));
                foreach (var r in results)
                    await writer.WriteLineAsync(Csv.Row(r.Year.ToString(CultureInfo.InvariantCulture), r.Competition, r.Award, r.Tier,
                        r.InnovationId.ToString(CultureInfo.InvariantCulture), r.Innovation, r.Organisation, r.KabupatenKota, r.Url));
            }
            else
            {
                await JsonSerializer.SerializeAsync(http.Response.Body, results, JsonOptions, ct);
            }
        }
        await writer.FlushAsync(ct);
        return Results.Empty;
    }

    public static readonly string[] InnovationColumns =
        ["id", "name", "short_description", "organisation_id", "organisation", "kabupaten_kota", "kind", "stage", "started_on", "published_at",
         "categories", "sdgs", "target_groups", "awards", "video_url", "website_url", "url"];

    public static readonly string[] ResultColumns = ["year", "competition", "award", "tier", "innovation_id", "innovation", "organisation", "kabupaten_kota", "url"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static bool NotModified(HttpContext http, string etag, int maxAge)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = $"public, max-age={maxAge}";
        http.Response.Headers.Vary = "Accept-Encoding";
        var sent = http.Request.Headers.IfNoneMatch.ToString();
        return sent.Length > 0 && sent.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*");
    }

    private static Task<string> VersionAsync(PublicCatalogue catalogue, CatalogueVersionMemo memo, CancellationToken ct) => memo.GetAsync(catalogue, ct);

    /// <summary>RFC 4180 output; cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
    private static class Csv
    {
        public static string Header(string[] columns) => string.Join(',', columns);

        public static string Row(params string?[] cells) => string.Join(',', cells.Select(Cell));

        private static string Cell(string? value)
        {
            if (string.IsNullOrEmpty(value)) return "";
            if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
            return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        }
    }
}

/// <summary>
/// The catalogue fingerprint, recomputed at most every 5 seconds (by the app's clock): otherwise every ETag check
/// would cost a few full-table aggregates. A change shows in ETags within 5 s.
/// </summary>
public sealed class CatalogueVersionMemo(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private (string Version, DateTimeOffset At)? _current;

    public async Task<string> GetAsync(PublicCatalogue catalogue, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_current is { } c && now - c.At < Lifetime) return c.Version;
        var version = await catalogue.VersionAsync(ct);
        _current = (version, now);
        return version;
    }
}
