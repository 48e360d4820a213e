using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/kovablik.db";

    public static DatabaseProvider ProviderFrom(IConfiguration config)
    {
        var value = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Sqlite;
        if (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase)
            || value.Equals("npgsql", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Postgres;
        throw new InvalidOperationException($"Database:Provider '{value}' is not supported. Use Sqlite or Postgres.");
    }

    /// <summary>The one place that picks the provider; each provider has its own context subclass and migration set.</summary>
    public static IServiceCollection AddKovablikDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = ProviderFrom(config);
        var cs = config.GetConnectionString("Kovablik");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(cs))
                    throw new InvalidOperationException("ConnectionStrings:Kovablik is required when Database:Provider is Postgres.");
                // One string for EF Core and the page reader, so their connections share one Npgsql pool.
                var postgresCs = WithAutoPrepare(cs);
                services.AddDbContext<KovablikDbContext, PostgresKovablikDbContext>((sp, o) => ConfigurePostgres(o, postgresCs).AddInterceptors(HostInterceptors(sp)),
                    ServiceLifetime.Scoped, OptionsOnce);
                services.AddSingleton(_ => new Innovations.InnovationPageReader(postgresCs, postgres: true));
                break;
            default:
                cs = string.IsNullOrWhiteSpace(cs) ? DefaultSqlite : cs;
                EnsureSqliteFolder(cs);
                services.AddDbContext<KovablikDbContext, SqliteKovablikDbContext>((sp, o) => ConfigureSqlite(o, cs).AddInterceptors(HostInterceptors(sp)),
                    ServiceLifetime.Scoped, OptionsOnce);
                services.AddSingleton(_ => new Innovations.InnovationPageReader(cs, postgres: false));
                break;
        }
        return services;
    }

    /// <summary>
    /// The options are built once, not for every context: building them (provider set-up, interceptors, the connection
    /// string parsed) cost about a tenth of a cached-miss public page. They depend only on configuration and
    /// singletons (the interceptors).
    /// </summary>
    private const ServiceLifetime OptionsOnce = ServiceLifetime.Singleton;

    /// <summary>Save interceptors the host registered (e.g. the web host's output-cache eviction).</summary>
    private static IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> HostInterceptors(IServiceProvider sp) =>
        (IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>?)sp.GetService(typeof(IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>))
        ?? [];

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations")).AddInterceptors(SqliteWriteGate.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string cs) =>
        o.UseNpgsql(WithAutoPrepare(cs), s => s.MigrationsHistoryTable("__ef_migrations"));

    /// <summary>
    /// Lets Npgsql prepare the statements a connection repeats (the public pages run the same few thousands of times a
    /// second), unless the connection string says otherwise. A prepared statement skips PostgreSQL's parse and plan on
    /// every later use; Npgsql keeps at most this many per physical connection and re-prepares after schema changes.
    /// </summary>
    public static string WithAutoPrepare(string cs)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = cs };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return cs;
        return new Npgsql.NpgsqlConnectionStringBuilder(cs) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    private static void EnsureSqliteFolder(string cs)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
    }
}

/// <summary>Design-time factories so `dotnet ef migrations add` can build each provider's context.</summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteKovablikDbContext>
{
    public SqliteKovablikDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteKovablikDbContext>();
        DatabaseSetup.ConfigureSqlite(o, "Data Source=design.db");
        return new SqliteKovablikDbContext(o.Options);
    }
}

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresKovablikDbContext>
{
    public PostgresKovablikDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresKovablikDbContext>();
        DatabaseSetup.ConfigurePostgres(o, "Host=localhost;Database=kovablik_design");
        return new PostgresKovablikDbContext(o.Options);
    }
}
