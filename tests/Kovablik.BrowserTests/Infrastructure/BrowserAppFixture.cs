using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Kovablik.BrowserTests.Infrastructure;

/// <summary>
/// Runs the real Kovablik app on Kestrel (free loopback port, SQLite in a temp file, migrated and seeded with
/// the reference data) and one headless system Chromium driven by Playwright.
/// </summary>
public sealed partial class BrowserAppFixture : IAsyncLifetime
{
    public const string FirstAdminPassword = "Uji-Peramban-Admin-2025";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kovablik-browser-" + Guid.NewGuid().ToString("N")[..10]);
    private KovablikAppFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _clients;

    public string MailDirectory => Path.Combine(_root, "mail");
    public string FilesDirectory => Path.Combine(_root, "files");
    public string DatabaseFile => Path.Combine(_root, "kovablik.db");
    public string ScratchDirectory => Path.Combine(_root, "scratch");

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialised.");
    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("The fixture is not initialised.")).Services;

    /// <summary>Failure screenshots and traces: .test-run/browser/ in the repository (git-ignored).</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(FindRepositoryRoot(), ".test-run", "browser");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("KOVABLIK_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium not found at '{chromium}'. The browser tests drive a system Chromium: install the Debian package 'chromium' " +
                "(./test.sh does this when run as root) or point KOVABLIK_CHROMIUM at a Chromium executable.");

        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(ScratchDirectory);
        // Only this run's failures should be there to look at.
        if (Directory.Exists(ArtifactsDirectory)) Directory.Delete(ArtifactsDirectory, recursive: true);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Kovablik"] = $"Data Source={DatabaseFile}",
            ["Kovablik:AutoMigrate"] = "true",
            ["Kovablik:SeedDemo"] = "false",
            ["Kovablik:PublicBaseUrl"] = "",
            ["Files:Root"] = FilesDirectory,
            ["Smtp:PickupDirectory"] = MailDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        _factory = new KovablikAppFactory(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))?.TrimEnd('/')
            ?? throw new InvalidOperationException("Kestrel reported no http address.");
        if (!File.Exists(DatabaseFile))
            throw new InvalidOperationException($"The app did not use the test database {DatabaseFile}; the test settings were not applied.");

        await SetFirstAdministratorPasswordAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        // The machines are small and shared; give the app time to answer before an expectation gives up.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>
    /// A distinct client address for each browser context, sent as X-Forwarded-For (the app trusts its loopback
    /// proxy). Each context is a different visitor, so the per-address sign-in rate limit applies per visitor as
    /// in production instead of to the whole test run.
    /// </summary>
    public string NextClientAddress()
    {
        var n = Interlocked.Increment(ref _clients);
        return $"10.77.{n / 250}.{n % 250 + 1}";
    }

    /// <summary>The first administrator is created with a random password printed to the console; give it a known one.</summary>
    private async Task SetFirstAdministratorPasswordAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(DatabaseStartup.FirstAdminEmail)
            ?? throw new InvalidOperationException($"The first administrator {DatabaseStartup.FirstAdminEmail} was not created on start.");
        Check(await users.RemovePasswordAsync(admin));
        Check(await users.AddPasswordAsync(admin, FirstAdminPassword));
    }

    /// <summary>An account created directly in the database (as the CLI would), bypassing the invitation flow.</summary>
    public async Task<TestAccount> CreateAccountAsync(string role, string? organisationCode = null, bool withAuthenticator = false)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"{role.ToLowerInvariant()}-{id}@uji.kovablik.local";
        var password = $"Sandi-Uji-{id}-Jatim";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        int? organisationId = null;
        if (organisationCode is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
            organisationId = await db.Organisations.Where(o => o.Code == organisationCode).Select(o => (int?)o.Id).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"No organisation with code {organisationCode}.");
        }
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = $"{role} Uji {id}",
            OrganisationId = organisationId,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        string? key = null;
        if (withAuthenticator)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestAccount(email, password, user.FullName, key);
    }

    /// <summary>
    /// Creates an innovation through <see cref="InnovationService"/> (the same rules as the form) and publishes it;
    /// returns its id. For tests whose subject starts after an innovation exists.
    /// </summary>
    public async Task<int> PublishedInnovationAsync(InnovationInput input)
    {
        await using var scope = Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<InnovationService>();
        var created = await service.CreateAsync(input, OrganisationScope.Everything);
        Xunit.Assert.True(created.Succeeded, string.Join("; ", created.Errors.Values.SelectMany(v => v)));
        var published = await service.ChangeStatusAsync(created.Value!.Id, InnovationStatus.Published, OrganisationScope.Everything, null);
        Xunit.Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values.SelectMany(v => v)));
        return created.Value.Id;
    }

    /// <summary>The link in the newest invitation email sent to <paramref name="to"/> (from the SMTP pickup folder).</summary>
    public string InvitationLinkFor(string to) => NewestMatchTo(to, InvitationLink(), "/Akun/Undangan link").Value;

    /// <summary>The six-digit visitor code in the newest code email to <paramref name="to"/>.</summary>
    public string VisitorCodeFor(string to) => NewestMatchTo(to, SixDigits(), "six-digit code").Groups[1].Value;

    /// <summary>The pattern in the newest email to <paramref name="to"/> that has it (newest first, pickup folder).</summary>
    private Match NewestMatchTo(string to, Regex pattern, string what)
    {
        var files = Directory.Exists(MailDirectory) ? new DirectoryInfo(MailDirectory).GetFiles("*.eml") : [];
        foreach (var file in files.OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal))
        {
            using var message = MimeMessage.Load(file.FullName);
            if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))) continue;
            var match = pattern.Match(message.TextBody ?? "");
            if (match.Success) return match;
        }
        throw new InvalidOperationException($"No email to {to} with a {what} in {MailDirectory} ({files.Length} message(s) there).");
    }

    [GeneratedRegex(@"(?m)^\s*(\d{6})\s*$")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"https?://\S+/Akun/Undangan\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex InvitationLink();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kovablik.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

public sealed record TestAccount(string Email, string Password, string FullName, string? AuthenticatorKey);
