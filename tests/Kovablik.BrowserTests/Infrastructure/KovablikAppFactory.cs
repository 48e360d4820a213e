using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Kovablik.BrowserTests.Infrastructure;

/// <summary>The real Kovablik host (Program.cs), configured for a throwaway SQLite database and temp folders.</summary>
internal sealed class KovablikAppFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches the values Program.cs reads eagerly (database, files, SMTP); the in-memory source
        // (added last, so it wins over appsettings.Development.json) covers everything bound later.
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }
}
