using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kovablik.Data;

/// <summary>
/// Makes one SQLite file behave under a web server's concurrency. SQLite allows one writer at a time; left alone,
/// concurrent writers collide with SQLITE_BUSY and Microsoft.Data.Sqlite retries by polling, so under a submission
/// rush the wait becomes a lottery (seconds at the median, errors at the tail). Instead, every write transaction of
/// the process queues on one fair async gate per database file, and the file runs in WAL mode so readers never wait
/// for the writer. PostgreSQL needs none of this. See docs/decisions/0006-sqlite-write-gate.md.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    /// <summary>A transaction waiting longer than this is a bug (a nested write on a second connection), not load.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> WalEnabled = new(StringComparer.Ordinal);

    /// <summary>The gate a connection holds while its transaction is open.</summary>
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = [];

    private SqliteWriteGate() { }

    private static SemaphoreSlim? GateFor(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file } && file != ":memory:"
            ? Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1))
            : null;

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (GateFor(connection) is { } gate)
        {
            if (!gate.Wait(MaxWait)) throw new TimeoutException("Timed out waiting for the SQLite write gate.");
            Held.AddOrUpdate(connection, gate);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateFor(connection) is { } gate)
        {
            if (!await gate.WaitAsync(MaxWait, cancellationToken)) throw new TimeoutException("Timed out waiting for the SQLite write gate.");
            Held.AddOrUpdate(connection, gate);
        }
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an early return inside `await using`) ends when EF closes
    // the connection: release there too, exactly once.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    // The transaction has already let go of its connection when it ends; the context still knows it.
    private static void Release(TransactionEventData eventData)
    {
        if (eventData.Context?.Database.GetDbConnection() is { } connection) Release(connection);
    }

    private static void Release(DbConnection connection)
    {
        if (Held.TryGetValue(connection, out var gate) && Held.Remove(connection)) gate.Release();
    }

    /// <summary>How much of the database file a connection reads through a memory map (SQLite's mmap_size, 1 GiB).</summary>
    public const string MemoryMapBytes = "1073741824";

    /// <summary>
    /// Native handles already configured. Microsoft.Data.Sqlite pools the handle behind each SqliteConnection and the
    /// settings below live on the handle, so each is set once rather than on every open (a public page opens its
    /// connection several times per request at thousands of requests a second).
    /// </summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

    private static void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { DataSource: { Length: > 0 } file } sqlite || file == ":memory:") return;
        if (sqlite.Handle is { } handle && Configured.TryGetValue(handle, out _)) return;
        using var command = sqlite.CreateCommand();
        // WAL is a property of the file (set once); synchronous=NORMAL is per connection and safe in WAL mode
        // (a power cut may lose the last commits, never corrupt the file). Reads through a memory map: a catalogue row
        // is long (eight Markdown sections), and reading a column after them walked its overflow pages with one read()
        // call each (2 ms for a search page of 20 rows at 51,000 innovations; docs/performance.md).
        const string perConnection = "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=" + MemoryMapBytes + ";";
        command.CommandText = WalEnabled.ContainsKey(Path.GetFullPath(file)) ? perConnection : "PRAGMA journal_mode=WAL; " + perConnection;
        command.ExecuteNonQuery();
        WalEnabled.TryAdd(Path.GetFullPath(file), true);
        if (sqlite.Handle is { } configured) Configured.AddOrUpdate(configured, WalEnabled);
    }
}
