using System.Text;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Organisations.Import;
using Kovablik.Reference;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kovablik.Tests.Organisations;

/// <summary>
/// A private SQLite in-memory database with the reference data (Jawa Timur and its kabupaten/kota) loaded.
/// The connection stays open for the test's lifetime because an in-memory database dies with its last connection.
/// </summary>
internal sealed class ImportTestDb : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private ImportTestDb(SqliteConnection connection, SaveCounter saves)
    {
        _connection = connection;
        Saves = saves;
        Db = NewContext();
    }

    public SqliteKovablikDbContext Db { get; }

    /// <summary>Counts SaveChanges calls, so tests can tell batched writes from one save per row.</summary>
    public SaveCounter Saves { get; }

    public static async Task<ImportTestDb> CreateAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection("DataSource=:memory:");
        await connection.OpenAsync(ct);
        var testDb = new ImportTestDb(connection, new SaveCounter());
        // The real migrations, so the schema (and the audit triggers) match production.
        await testDb.Db.Database.MigrateAsync(ct);
        await ReferenceData.SeedAsync(testDb.Db, ct: ct);
        testDb.Saves.Reset();
        return testDb;
    }

    public SqliteKovablikDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteKovablikDbContext>().UseSqlite(_connection).AddInterceptors(Saves).Options);

    public async Task<ImportOutcome> ImportAsync(byte[] content, string fileName, bool onlyValidRows = false, IProgress<(int Done, int Total)>? progress = null, CancellationToken ct = default)
    {
        var file = OrganisationImportParser.Parse(content, fileName);
        if (!file.Succeeded) return new ImportOutcome(file, null, null);
        var plan = await new OrganisationImportValidator(Db).PlanAsync(file.Rows, ct);
        var report = await new OrganisationImporter(Db).ApplyAsync(plan, onlyValidRows, progress, ct);
        return new ImportOutcome(file, plan, report);
    }

    public Task<ImportOutcome> ImportCsvAsync(string csv, bool onlyValidRows = false, CancellationToken ct = default) =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), "organisations.csv", onlyValidRows, ct: ct);

    public Task<Organisation> OrgAsync(string code, CancellationToken ct) =>
        Db.Organisations.AsNoTracking().SingleAsync(o => o.Code == code, ct);

    public Task<bool> ExistsAsync(string code, CancellationToken ct) =>
        Db.Organisations.AsNoTracking().AnyAsync(o => o.Code == code, ct);

    public Task<int> AuditCountAsync(CancellationToken ct) => Db.AuditEntries.CountAsync(ct);

    public Task<int> OrganisationCountAsync(CancellationToken ct) => Db.Organisations.CountAsync(ct);

    /// <summary>The invariant every import must keep: Path and Depth agree with the parent links, for every node.</summary>
    public async Task AssertTreeConsistentAsync(CancellationToken ct)
    {
        var all = await Db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        foreach (var org in all.Values)
        {
            var parent = org.ParentId is int pid ? all[pid] : null;
            Assert.Equal($"{parent?.Path ?? "/"}{org.Id}/", org.Path);
            Assert.Equal(parent is null ? 0 : parent.Depth + 1, org.Depth);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

internal sealed record ImportOutcome(OrganisationImportFile File, OrganisationImportPlan? Plan, ImportReport? Report);

internal sealed class SaveCounter : SaveChangesInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => _count = 0;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

/// <summary>Collects progress reports in order, synchronously.</summary>
internal sealed class RecordingProgress : IProgress<(int Done, int Total)>
{
    public List<(int Done, int Total)> Reports { get; } = [];

    public void Report((int Done, int Total) value) => Reports.Add(value);
}
