using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// Database (SQLite by default, PostgreSQL by configuration), Identity, policies, localisation,
// telemetry, rate limits and the Kovablik services.
builder.AddKovablik();

var app = builder.Build();

// Development and the quick start migrate and seed on start; production uses `kovablik migrate`.
await app.InitialiseDatabaseAsync();

// Security headers, errors as ProblemDetails for /api, localisation, auth, 2FA enforcement.
app.UseKovablikPipeline();

// Pages, the JSON API under /api/v1, files, health and the OpenAPI document.
app.MapRazorPages();
app.MapKovablikApi();
app.MapKovablikEndpoints();
app.MapSitemap();

app.Run();

public partial class Program;
