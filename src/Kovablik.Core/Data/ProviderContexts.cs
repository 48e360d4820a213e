using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kovablik.Data;

public sealed class SqliteKovablikDbContext : KovablikDbContext
{
    public SqliteKovablikDbContext(DbContextOptions<SqliteKovablikDbContext> options, IAuditContext? audit = null, TimeProvider? time = null)
        : base(options, audit, time)
    {
        // Every SaveChanges, even a single statement, runs in a transaction, so SqliteWriteGate orders it.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: store instants as sortable UTC ticks so ORDER BY and range filters translate.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresKovablikDbContext(DbContextOptions<PostgresKovablikDbContext> options, IAuditContext? audit = null, TimeProvider? time = null)
    : KovablikDbContext(options, audit, time);
