using System.Net;
using System.Text.Json;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Platform;

public abstract class HealthAndOpenApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task App_runs_on_the_requested_database_provider_with_reference_data()
    {
        var (providerName, regions) = await App.WithDbAsync(async db => (db.Database.ProviderName, await db.Regions.CountAsync(Ct)));
        Assert.Contains(Provider == DatabaseProvider.Postgres ? "Npgsql" : "Sqlite", providerName, StringComparison.Ordinal);
        Assert.True(regions > 500, $"expected the Kemendagri regions to be seeded, found {regions}");
    }

    [Fact]
    public async Task Liveness_probe_answers_200()
    {
        var response = await App.AnonymousClient().GetAsync("/health/live", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Readiness_probe_checks_the_database_and_answers_200()
    {
        var response = await App.AnonymousClient().GetAsync("/health/ready", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OpenApi_document_is_json_and_describes_the_organisation_endpoints()
    {
        var response = await App.AnonymousClient().GetAsync("/openapi/v1.json", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organisations", out _), "the document lacks /api/v1/organisations");
        Assert.True(paths.TryGetProperty("/api/v1/innovations", out _), "the document lacks /api/v1/innovations");
        Assert.Equal("Kovablik API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Api_reference_page_is_served_as_html()
    {
        var response = await App.AnonymousClient().GetAsync("/api/docs", Ct);
        // Scalar redirects /api/docs to /api/docs/ (a relative Location, resolved like a browser does).
        if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect)
            response = await App.AnonymousClient().GetAsync(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!), Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<title>Kovablik API", html, StringComparison.Ordinal);
        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HealthAndOpenApiTestsSqlite() : HealthAndOpenApiTests(DatabaseProvider.Sqlite);

public sealed class HealthAndOpenApiTestsPostgres() : HealthAndOpenApiTests(DatabaseProvider.Postgres);
