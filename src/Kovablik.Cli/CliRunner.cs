using System.CommandLine;
using System.Data.Common;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kovablik.Cli;

/// <summary>A problem the user can fix; shown as one red line, never with a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;

    /// <summary>The input file must be fixed; nothing was written.</summary>
    public const int InvalidInput = 2;

    public const int Cancelled = 130;
}

internal static class CliRunner
{
    private static readonly IAnsiConsole ErrorConsole = CreateErrorConsole();

    private static IAnsiConsole CreateErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Redirected output (logs, CI) gets an 80-column default; keep each message on one line for grep.
        if (Console.IsErrorRedirected) console.Profile.Width = 4096;
        return console;
    }

    /// <summary>Configuration read like the web host's: environment variables, then command-line overrides.</summary>
    public static IConfiguration BuildConfiguration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(GlobalOptions.Connection) is { Length: > 0 } cs) overrides["ConnectionStrings:Kovablik"] = cs;
        if (parse.GetValue(GlobalOptions.Provider) is { Length: > 0 } provider) overrides["Database:Provider"] = provider;
        return new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public static string HostProvince(IConfiguration config, ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } code ? code.Trim()
        : config["Kovablik:HostProvinceCode"] is { Length: > 0 } configured ? configured.Trim()
        : ReferenceData.DefaultHostProvince;

    public static ServiceProvider BuildServices(IConfiguration config)
    {
        var services = new ServiceCollection();
        services.AddSingleton(config);
        services.AddLogging();
        services.AddSingleton<IAuditContext>(new SystemAuditContext("cli"));
        services.AddSingleton(TimeProvider.System);
        services.AddKovablikDatabase(config);
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Same rules as the web host: length and a common-password check, no composition rules (ASVS 5).
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<KovablikDbContext>()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>()
            .AddErrorDescriber<IndonesianIdentityErrorDescriber>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Runs a command body with a fresh service scope and turns every failure into one red line and an exit code.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> body, CancellationToken ct)
    {
        try
        {
            var config = BuildConfiguration(parse);
            await using var services = BuildServices(config);
            await using var scope = services.CreateAsyncScope();
            return await body(new CommandContext(parse, config, scope.ServiceProvider, ct));
        }
        catch (CliException ex)
        {
            Error(ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Error("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            Error(Describe(ex));
            if (parse.GetValue(GlobalOptions.Verbose)) ErrorConsole.WriteException(ex);
            else if (ex.GetBaseException() is not (DbException or InvalidOperationException))
                ErrorConsole.MarkupLine("[grey](run again with --verbose for details)[/]");
            return ExitCodes.Failure;
        }
    }

    public static void Error(string message) => ErrorConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");

    private static string Describe(Exception ex)
    {
        var root = ex.GetBaseException();
        if (root is DbException db)
        {
            // A database without tables is the usual first-run mistake; say what to do rather than what broke.
            if (db.SqlState == "42P01" || db.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase))
                return "The database has no Kovablik tables yet: run `kovablik migrate` first.";
            return $"Database error: {db.Message}";
        }
        return root.Message;
    }
}

internal sealed record CommandContext(ParseResult Parse, IConfiguration Config, IServiceProvider Services, CancellationToken CancellationToken)
{
    public KovablikDbContext Db => Services.GetRequiredService<KovablikDbContext>();

    /// <summary>Where the data goes, without secrets, so nobody imports into the wrong database by accident.</summary>
    public string DescribeDatabase()
    {
        var provider = DatabaseSetup.ProviderFrom(Config);
        var cs = Config.GetConnectionString("Kovablik");
        if (provider == DatabaseProvider.Postgres)
        {
            var b = new DbConnectionStringBuilder { ConnectionString = cs };
            return $"PostgreSQL {Value(b, "Host")}/{Value(b, "Database")}";
        }
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(cs) ? DatabaseSetup.DefaultSqlite : cs);
        return $"SQLite {sqlite.DataSource}";
    }

    private static string Value(DbConnectionStringBuilder b, string key) =>
        b.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "?" : "?";
}

/// <summary>Reports synchronously: <see cref="Progress{T}"/> would post to the thread pool and deliver updates out of order.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
