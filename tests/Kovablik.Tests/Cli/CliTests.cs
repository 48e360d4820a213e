using Kovablik.Accounts;
using Kovablik.Cli;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kovablik.Tests.Cli;

/// <summary>
/// The `kovablik` tool run in-process against a fresh database: migrate, admin create, import and seed, as an
/// operator would in production. Same tests on SQLite and PostgreSQL.
/// </summary>
[Collection(CliCollection.Name)] // the CLI reads process-wide environment variables and the console
public abstract class CliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kovablik-cli-tests", Guid.NewGuid().ToString("N"));
    private string _connection = "";
    private string? _server;
    private string? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        if (provider == DatabaseProvider.Postgres)
        {
            _server = Environment.GetEnvironmentVariable(KovablikAppFactory.PostgresVariable)
                ?? throw new InvalidOperationException($"PostgreSQL tests need {KovablikAppFactory.PostgresVariable}; run ./test.sh.");
            _database = $"kv_cli_{Guid.NewGuid():N}";
            await using var conn = new NpgsqlConnection(_server);
            await conn.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
            await cmd.ExecuteNonQueryAsync(Ct);
            _connection = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        }
        else
        {
            _connection = $"Data Source={Path.Combine(_root, "cli.db")}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        Directory.Delete(_root, recursive: true);
    }

    private Task<int> RunAsync(params string[] args) =>
        KovablikCli.RunAsync([.. args, "--provider", provider.ToString().ToLowerInvariant(), "--connection", _connection]);

    private async Task<T> WithDbAsync<T>(Func<KovablikDbContext, Task<T>> work)
    {
        KovablikDbContext db;
        if (provider == DatabaseProvider.Postgres)
        {
            var o = new DbContextOptionsBuilder<PostgresKovablikDbContext>();
            DatabaseSetup.ConfigurePostgres(o, _connection);
            db = new PostgresKovablikDbContext(o.Options);
        }
        else
        {
            var o = new DbContextOptionsBuilder<SqliteKovablikDbContext>();
            DatabaseSetup.ConfigureSqlite(o, _connection);
            db = new SqliteKovablikDbContext(o.Options);
        }
        await using (db) return await work(db);
    }

    [Fact]
    public async Task Migrate_creates_the_schema_and_reference_data_and_is_repeatable()
    {
        Assert.Equal(0, await RunAsync("migrate"));
        Assert.Equal(0, await RunAsync("migrate"));
        Assert.Equal(38, await WithDbAsync(db => db.Organisations.CountAsync(o => o.Code!.StartsWith("35."), Ct)));
        Assert.Equal(38, await WithDbAsync(db => db.Regions.CountAsync(r => r.ParentCode == null, Ct)));
        Assert.Equal(514, await WithDbAsync(db => db.Regions.CountAsync(r => r.ParentCode != null, Ct)));
        Assert.Empty(await WithDbAsync(db => db.Database.GetPendingMigrationsAsync(Ct)));
    }

    [Fact]
    public async Task Admin_create_makes_an_administrator_and_refuses_a_common_password()
    {
        Assert.Equal(0, await RunAsync("migrate"));
        Assert.NotEqual(0, await RunAsync("admin", "create", "--email", "biro@jatim.example", "--name", "Biro Organisasi", "--password", "password123"));
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "biro@jatim.example", Ct)));
        Assert.Equal(0, await RunAsync("admin", "create", "--email", "biro@jatim.example", "--name", "Biro Organisasi", "--password", "sapi-perah-di-lereng-bromo"));
        var roles = await WithDbAsync(db => db.Users.Where(u => u.Email == "biro@jatim.example")
            .SelectMany(u => db.UserRoles.Where(ur => ur.UserId == u.Id))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Ct));
        Assert.Equal([Roles.Administrator], roles);
    }

    [Fact]
    public async Task Import_refuses_a_bad_file_with_exit_code_2_then_imports_a_good_one_once()
    {
        Assert.Equal(0, await RunAsync("migrate"));
        var bad = Path.Combine(_root, "bad.csv");
        await File.WriteAllTextAsync(bad, "code,name,type,parent_code\nCLI.1,Unit Satu,UPT,35.78\nCLI.2,,UPP,CLI.1\n", Ct);
        Assert.Equal(2, await RunAsync("import", "organisations", bad));
        Assert.False(await WithDbAsync(db => db.Organisations.AnyAsync(o => o.Code == "CLI.1", Ct)));

        var good = Path.Combine(_root, "good.csv");
        await File.WriteAllTextAsync(good, "code,name,type,parent_code\nCLI.1,Unit Satu,UPT,35.78\nCLI.2,Unit Dua,UPP,CLI.1\n", Ct);
        Assert.Equal(0, await RunAsync("import", "organisations", good));
        Assert.Equal(0, await RunAsync("import", "organisations", good));
        Assert.Equal(2, await WithDbAsync(db => db.Organisations.CountAsync(o => o.Code!.StartsWith("CLI."), Ct)));
        // Each unit was created once (the second import changed nothing), and the log names the CLI as the actor.
        var ids = await WithDbAsync(db => db.Organisations.Where(o => o.Code!.StartsWith("CLI.")).Select(o => o.Id.ToString()).ToListAsync(Ct));
        var creates = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Organisation" && a.Action == "Create" && ids.Contains(a.EntityId)).ToListAsync(Ct));
        Assert.Equal(2, creates.Count);
        Assert.All(creates, a => Assert.Equal("cli", a.UserName));
    }

    [Fact]
    public async Task Seed_demo_is_refused_in_production_and_loads_once_in_development()
    {
        Assert.Equal(0, await RunAsync("migrate"));
        var previous = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        var previousAsp = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        try
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", null);
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Production");
            Assert.NotEqual(0, await RunAsync("seed", "demo"));
            Assert.False(await WithDbAsync(db => db.Organisations.AnyAsync(o => o.IsDemo, Ct)));

            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Development");
            Assert.Equal(0, await RunAsync("seed", "demo"));
            var organisations = await WithDbAsync(db => db.Organisations.CountAsync(o => o.IsDemo, Ct));
            Assert.InRange(organisations, 1000, 2000);
            Assert.Equal(300, await WithDbAsync(db => db.Innovations.CountAsync(i => i.IsDemo, Ct)));
            Assert.Equal(0, await RunAsync("seed", "demo"));
            Assert.Equal(organisations, await WithDbAsync(db => db.Organisations.CountAsync(o => o.IsDemo, Ct)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", previous);
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", previousAsp);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public static class CliCollection
{
    public const string Name = "cli";
}

public sealed class CliTestsSqlite() : CliTests(DatabaseProvider.Sqlite);

public sealed class CliTestsPostgres() : CliTests(DatabaseProvider.Postgres);
