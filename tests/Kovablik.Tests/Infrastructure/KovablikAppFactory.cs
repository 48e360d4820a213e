using System.Collections.Concurrent;
using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kovablik.Tests.Infrastructure;

/// <summary>
/// The real web host on a fresh database of the chosen provider: migrated, seeded with reference data and a
/// first administrator on start (Kovablik:AutoMigrate), with a fake clock, temp folders for files and mail,
/// and an extra "Test" authentication scheme selected by the X-Test-User header.
/// The entry-point type is any public type of Kovablik.Web: <c>Program</c> is ambiguous here because the
/// CLI (also referenced) has top-level statements too.
/// </summary>
public sealed class KovablikAppFactory : WebApplicationFactory<Kovablik.Web.SharedResource>
{
    public const string PostgresVariable = "KOVABLIK_TEST_POSTGRES";
    public const string Password = "kuda-lari-di-padang-ilalang";
    public const long MaxAttachmentBytes = 100 * 1024;
    public static readonly DateTimeOffset StartInstant = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    private static int _ipCounter;
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private KovablikAppFactory(DatabaseProvider provider, string connectionString, string? serverConnectionString, string? databaseName, string root)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        RootDirectory = root;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string RootDirectory { get; }
    public string FilesDirectory => Path.Combine(RootDirectory, "files");
    public string MailDirectory => Path.Combine(RootDirectory, "mail");
    /// <summary>
    /// The app's clock (TimeProvider): entity stamps, invitation expiry, cookies and security-stamp checks.
    /// Identity's lockout and TOTP validation read the system clock instead (Identity.Core has no TimeProvider).
    /// </summary>
    public FakeTimeProvider Time { get; } = new(StartInstant);

    /// <summary>Answers every outgoing HTTP request and the link checker's DNS lookups: tests never touch the network.</summary>
    public FakeExternalHttp ExternalHttp { get; } = new();

    /// <summary>Everything the app logged at Error or above: unhandled exceptions end up here.</summary>
    public ConcurrentQueue<string> LoggedErrors { get; } = new();

    public static async Task<KovablikAppFactory> CreateAsync(DatabaseProvider provider)
    {
        var root = Path.Combine(Path.GetTempPath(), "kovablik-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        KovablikAppFactory? factory = null;
        try
        {
            if (provider == DatabaseProvider.Postgres)
            {
                var server = Environment.GetEnvironmentVariable(PostgresVariable);
                if (string.IsNullOrWhiteSpace(server))
                    throw new InvalidOperationException($"PostgreSQL tests need {PostgresVariable}; run ./test.sh (it starts a throwaway PostgreSQL and sets it).");
                var name = $"kv_test_{Guid.NewGuid():N}";
                await using (var conn = new NpgsqlConnection(server))
                {
                    await conn.OpenAsync();
                    await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                    await cmd.ExecuteNonQueryAsync();
                }
                var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
                factory = new KovablikAppFactory(provider, cs, server, name, root);
            }
            else
            {
                factory = new KovablikAppFactory(provider, $"Data Source={Path.Combine(root, "kovablik.db")}", null, null, root);
            }
            // Starting the host runs the app's own start-up: migrations, reference data, first administrator.
            _ = factory.Server;
            return factory;
        }
        catch
        {
            // Leave no database or temp folder behind when the app cannot start.
            if (factory is not null) await factory.DisposeAsync();
            else Directory.Delete(root, recursive: true);
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Kovablik", ConnectionString);
        builder.UseSetting("Kovablik:AutoMigrate", "true");
        builder.UseSetting("Kovablik:SeedDemo", "false");
        builder.UseSetting("Kovablik:PeriodicWorkSeconds", "0");
        builder.UseSetting("Kovablik:PublicBaseUrl", "");
        builder.UseSetting("Files:Root", FilesDirectory);
        builder.UseSetting("Smtp:PickupDirectory", MailDirectory);
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Attachments:MaxBytes", MaxAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);

            services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(o =>
                o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = ExternalHttp));
            services.RemoveAll<Kovablik.Competitions.Proposals.IHostAddressResolver>();
            services.AddSingleton<Kovablik.Competitions.Proposals.IHostAddressResolver>(ExternalHttp);

            services.AddLogging(l =>
            {
                l.ClearProviders();
                l.AddProvider(new ErrorCollectingLoggerProvider(LoggedErrors));
            });

            services.AddSingleton<IStartupFilter, TestConnectionStartupFilter>();

            services.AddAuthentication()
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { })
                .AddPolicyScheme(TestAuthHandler.SelectorScheme, "Test header or Identity cookie", o =>
                    o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(TestAuthHandler.Header)
                        ? TestAuthHandler.SchemeName
                        : IdentityConstants.ApplicationScheme);
            services.Configure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestAuthHandler.SelectorScheme);
        });
    }

    // ---------------------------------------------------------------- clients

    /// <summary>A distinct client address per client, so per-IP rate limits of one test never hit another.</summary>
    public static string NextIp()
    {
        var n = Interlocked.Increment(ref _ipCounter);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    /// <param name="handleCookies">Keep cookies (antiforgery) to post page forms as this user.</param>
    public HttpClient ClientFor(AppUser user, string? ip = null, bool handleCookies = false)
    {
        var client = NewClient(handleCookies, ip);
        client.DefaultRequestHeaders.Add(TestAuthHandler.Header, user.Id);
        return client;
    }

    public HttpClient AnonymousClient(string? ip = null) => NewClient(handleCookies: false, ip);

    /// <summary>A client that keeps cookies, like a browser: for real sign-in and form posts.</summary>
    public HttpClient BrowserClient(string? ip = null) => NewClient(handleCookies: true, ip);

    private HttpClient NewClient(bool handleCookies, string? ip)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = handleCookies });
        // The test server has no client address; the app trusts X-Forwarded-For from loopback (see TestConnectionStartupFilter).
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip ?? NextIp());
        return client;
    }

    // ---------------------------------------------------------------- data

    public async Task<T> WithDbAsync<T>(Func<KovablikDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KovablikDbContext>());
    }

    public async Task WithDbAsync(Func<KovablikDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<KovablikDbContext>());
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<AppUser> CreateUserAsync(string role, int? organisationId, string? email = null, string password = Password)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..10]}@uji.kovablik.local";
        return await WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Pengguna Uji {role}", OrganisationId = organisationId };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            var inRole = await users.AddToRoleAsync(user, role);
            if (!inRole.Succeeded) throw new InvalidOperationException(string.Join("; ", inRole.Errors.Select(e => e.Description)));
            return user;
        });
    }

    /// <summary>A seeded kabupaten/kota organisation by Kemendagri code (default 35.78, Kota Surabaya).</summary>
    public Task<Organisation> KabKotaAsync(string code = "35.78") =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organisations, o => o.Code == code));

    public Task<Organisation> ProvinceAsync() =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organisations, o => o.ParentId == null && o.Code == "35"));

    /// <summary>Creates an organisation through the domain service (name made unique).</summary>
    public Task<Organisation> CreateOrganisationAsync(string name, int parentId, OrganisationType type = OrganisationType.Upt, string? code = null) =>
        WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<OrganisationService>().CreateAsync(new OrganisationInput(code, $"{name} {Unique()}", type, parentId));
            return result.Succeeded ? result.Value! : throw new InvalidOperationException(Describe(result.Errors));
        });

    /// <summary>Creates an innovation through the domain service with a scope of Everything.</summary>
    public Task<Innovation> CreateInnovationAsync(int organisationId, string name = "Inovasi Uji", bool complete = true, bool publish = false) =>
        WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<InnovationService>();
            var db = sp.GetRequiredService<KovablikDbContext>();
            var input = complete ? await CompleteInputAsync(db, organisationId, $"{name} {Unique()}") : new InnovationInput { OrganisationId = organisationId, Name = $"{name} {Unique()}" };
            var result = await service.CreateAsync(input, OrganisationScope.Everything);
            if (!result.Succeeded) throw new InvalidOperationException(Describe(result.Errors));
            if (publish)
            {
                var published = await service.ChangeStatusAsync(result.Value!.Id, InnovationStatus.Published, OrganisationScope.Everything, null);
                if (!published.Succeeded) throw new InvalidOperationException(Describe(published.Errors));
                return published.Value!;
            }
            return result.Value!;
        });

    /// <summary>A published edition (default structure) whose registration opened yesterday; unique name and slug per call.</summary>
    public Task<Kovablik.Competitions.Edition> OpenEditionAsync(int year = 2026, int quota = 3, TimeSpan? closesIn = null) =>
        WithDbAsync(async db =>
        {
            var e = Kovablik.Competitions.EditionDefaults.Create(year, Time);
            var unique = Unique();
            e.Name = $"KOVABLIK {year} {unique}";
            e.Slug = $"kovablik-{year}-{unique}";
            var now = Time.GetUtcNow();
            e.RegistrationOpensAt = now.AddDays(-1);
            e.RegistrationClosesAt = now + (closesIn ?? TimeSpan.FromDays(30));
            e.Status = Kovablik.Competitions.EditionStatus.Published;
            e.Eligibility.DefaultQuota = quota;
            db.Editions.Add(e);
            await db.SaveChangesAsync();
            return e;
        });

    /// <summary>An input that passes every publication check.</summary>
    public static async Task<InnovationInput> CompleteInputAsync(KovablikDbContext db, int organisationId, string name)
    {
        var category = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Categories.OrderBy(c => c.Id));
        return new InnovationInput
        {
            OrganisationId = organisationId,
            Name = name,
            ShortDescription = "Layanan antar jemput pasien lansia.",
            Ringkasan = "Ringkasan **inovasi** untuk pengujian.",
            StartedOn = new DateOnly(2025, 3, 1),
            CategoryIds = [category.Id],
        };
    }

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));

    // ---------------------------------------------------------------- teardown

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres && _serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_serverConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(RootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Gives requests a loopback client address, as behind a local reverse proxy.</summary>
    private sealed class TestConnectionStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }

    private sealed class ErrorCollectingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
