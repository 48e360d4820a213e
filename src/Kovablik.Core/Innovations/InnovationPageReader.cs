using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Kovablik.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kovablik.Innovations;

/// <summary>What an innovation's public page reads from the database.</summary>
public sealed record InnovationPageData(
    Innovation Innovation,
    Guid? PageVersion,
    int RendererVersion,
    string? SectionsJson,
    List<PageListRow> Lists,
    List<Attachment> Attachments);

/// <summary>
/// Reads an innovation's public page in three statements by key: the innovation's shown columns (not its Markdown)
/// with its organisation and its sections as rendered at save time; its small lists in one UNION ALL; its attachments.
/// The page is the busiest read of the exhibition (a hall of phones, a catalogue of 50,000 entries), so it skips the
/// EF query pipeline and, on SQLite, compiling the statements: Microsoft.Data.Sqlite prepares every new command again
/// (about 70 µs each here, more than running it), so each pooled reader connection keeps its three statements
/// prepared. On PostgreSQL the same SQL, for every id that has queued meanwhile, runs in one round trip on a connection
/// from Npgsql's pool (the one EF Core's connections come from; <see cref="PostgresBatches"/>). Either way the page reads committed data without a DbContext: setting up a context's
/// services was a fifth of the page's CPU on PostgreSQL (docs/performance.md, "Innovation page"; ADR 0009).
/// </summary>
public sealed class InnovationPageReader : IDisposable
{
    private const int MaxIdleReaders = 16;

    private readonly string connectionString;

    /// <summary>Idle prepared SQLite readers; null on PostgreSQL and for a private in-memory SQLite database.</summary>
    private readonly ConcurrentBag<PreparedReader>? pool;

    /// <summary>PostgreSQL only.</summary>
    private readonly PostgresBatches? batches;

    /// <param name="connectionString">Exactly the string EF Core's connections use, so that on PostgreSQL both share one pool.</param>
    public InnovationPageReader(string connectionString, bool postgres)
    {
        this.connectionString = connectionString;
        if (postgres) batches = new PostgresBatches(connectionString);
        else if (Poolable(connectionString)) pool = [];
    }

    private volatile bool disposed;

    /// <summary>The page's row; {0} is the condition on the innovation id: <c>= @id</c>, or for a PostgreSQL batch <c>= ANY(@ids)</c>.</summary>
    private const string RowTemplate = """
        SELECT i."Id", i."OrganisationId", i."Name", i."ShortDescription", i."StartedOn", i."Stage", i."Kind", i."Status",
               i."SkNumber", i."ContactName", i."ContactEmail", i."ContactPhone", i."VideoUrl", i."WebsiteUrl", i."IsDemo",
               i."Version", i."Team", o."Name", o."Path", p."Version", p."RendererVersion", p."SectionsJson"
        FROM innovations i
        JOIN organisations o ON o."Id" = i."OrganisationId"
        LEFT JOIN innovation_pages p ON p."InnovationId" = i."Id"
        WHERE i."Id" {0}
        """;

    /// <summary>The attachments, their innovation last; {0} as in <see cref="RowTemplate"/>.</summary>
    private const string AttachmentsTemplate = """
        SELECT a."Id", a."Kind", a."OriginalFileName", a."StorageKey", a."ContentType", a."Size", a."Sha256",
               a."ThumbnailKey", a."UploadedAt", a."UploadedByUserId", a."InnovationId"
        FROM attachments a WHERE a."InnovationId" {0}
        """;

    private static string Where(string template, string condition) => string.Format(CultureInfo.InvariantCulture, template, condition);

    private static readonly string RowSql = Where(RowTemplate, "= @id"), ListsSql = Where(PageListRow.Template, "= @id"),
        AttachmentsSql = Where(AttachmentsTemplate, "= @id");

    private static readonly string OneSql = string.Join(";\n", RowSql, ListsSql, AttachmentsSql);

    private static readonly string ManySql = string.Join(";\n",
        new[] { RowTemplate, PageListRow.Template, AttachmentsTemplate }.Select(t => Where(t, "= ANY(@ids)")));

    /// <summary>
    /// The page's committed data, or null when no innovation has this id (whatever its status; the caller decides who
    /// sees it). Read on a connection of the reader's own, never inside a caller's transaction; <paramref name="inMemory"/>
    /// gives the context whose connection alone holds a private in-memory SQLite database, and is touched only then.
    /// </summary>
    public async Task<InnovationPageData?> ReadAsync(int id, Func<KovablikDbContext> inMemory, CancellationToken ct = default)
    {
        if (batches is not null) return await batches.ReadAsync(id, ct);
        if (pool is not null)
        {
            if (!pool.TryTake(out var reader)) reader = PreparedReader.Open(connectionString);
            try
            {
                reader.SetId(id);
                var data = await ReadAsync(reader, ct);
                Return(pool, reader);
                return data;
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }

        var db = inMemory();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = OneSql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return (await ReadAllAsync(command, sqlite: true, ct)).GetValueOrDefault(id);
    }

    /// <summary>The three result sets of one command (the rows, their lists, their attachments), by innovation id.</summary>
    private static async Task<Dictionary<int, InnovationPageData>> ReadAllAsync(DbCommand command, bool sqlite, CancellationToken ct)
    {
        var pages = new Dictionary<int, InnovationPageData>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var page = ReadRow(r);
            pages[page.Innovation.Id] = page;
        }
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
            if (pages.TryGetValue(r.GetInt32(PageListRow.OwnerOrdinal), out var page)) page.Lists.Add(ReadListRow(r));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
            if (pages.TryGetValue(r.GetInt32(AttachmentOwnerOrdinal), out var page)) page.Attachments.Add(ReadAttachment(r, sqlite));
        foreach (var page in pages.Values) SortLists(page.Lists);
        return pages;
    }

    private void Return(ConcurrentBag<PreparedReader> pool, PreparedReader reader)
    {
        if (!disposed && pool.Count < MaxIdleReaders) pool.Add(reader);
        else reader.Dispose();
    }

    /// <summary>A private in-memory database lives and dies with one connection, so only the context's connection sees it.</summary>
    private static bool Poolable(string cs)
    {
        var builder = new SqliteConnectionStringBuilder(cs);
        return builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory;
    }

    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    private static async Task<InnovationPageData?> ReadAsync(PreparedReader reader, CancellationToken ct)
    {
        InnovationPageData? page = null;
        await using (var r = await reader.Row.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct)) page = ReadRow(r);
        if (page is null) return null;
        await using (var r = await reader.Lists.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) page.Lists.Add(ReadListRow(r));
        await using (var r = await reader.Attachments.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) page.Attachments.Add(ReadAttachment(r, sqlite: true));
        SortLists(page.Lists);
        return page;
    }

    /// <summary>The innovation, its organisation and its stored sections, with empty lists to fill.</summary>
    private static InnovationPageData ReadRow(DbDataReader r)
    {
        var innovation = new Innovation
        {
            Id = r.GetInt32(0),
            OrganisationId = r.GetInt32(1),
            Name = r.GetString(2),
            ShortDescription = r.GetString(3),
            StartedOn = r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4),
            Stage = (InnovationStage)r.GetInt32(5),
            Kind = (InnovationKind)r.GetInt32(6),
            Status = (InnovationStatus)r.GetInt32(7),
            SkNumber = NullableString(r, 8),
            ContactName = NullableString(r, 9),
            ContactEmail = NullableString(r, 10),
            ContactPhone = NullableString(r, 11),
            VideoUrl = NullableString(r, 12),
            WebsiteUrl = NullableString(r, 13),
            IsDemo = r.GetBoolean(14),
            Version = r.GetGuid(15),
            Team = r.IsDBNull(16) ? [] : JsonSerializer.Deserialize<List<TeamMember>>(r.GetString(16)) ?? [],
        };
        innovation.Organisation = new Organisations.Organisation { Id = innovation.OrganisationId, Name = r.GetString(17), Path = r.GetString(18) };
        return new InnovationPageData(innovation, r.IsDBNull(19) ? null : r.GetGuid(19), r.IsDBNull(20) ? 0 : r.GetInt32(20), NullableString(r, 21), [], []);
    }

    private static PageListRow ReadListRow(DbDataReader r) => new()
    {
        Kind = r.GetInt32(0), Id = r.GetInt32(1), Name = r.GetString(2), Extra = NullableString(r, 3),
        Year = r.GetInt32(4), Number = r.GetInt32(5),
    };

    private static void SortLists(List<PageListRow> lists) => lists.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Id.CompareTo(b.Id));

    private const int AttachmentOwnerOrdinal = 10;

    private static Attachment ReadAttachment(DbDataReader r, bool sqlite) => new()
    {
        Id = r.GetGuid(0),
        InnovationId = r.GetInt32(AttachmentOwnerOrdinal),
        Kind = (AttachmentKind)r.GetInt32(1),
        OriginalFileName = r.GetString(2),
        StorageKey = r.GetString(3),
        ContentType = r.GetString(4),
        Size = r.GetInt64(5),
        Sha256 = r.GetString(6),
        ThumbnailKey = NullableString(r, 7),
        UploadedAt = sqlite ? (DateTimeOffset)SqliteInstant.ConvertFromProvider(r.GetInt64(8))! : r.GetFieldValue<DateTimeOffset>(8),
        UploadedByUserId = NullableString(r, 9),
    };

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    public void Dispose()
    {
        disposed = true;
        batches?.Dispose();
        while (pool is not null && pool.TryTake(out var reader)) reader.Dispose();
    }

    /// <summary>
    /// PostgreSQL: concurrent page reads share round trips. A read queues its id; a few loops each take whatever has
    /// queued (up to <see cref="MaxBatch"/>) and read all of it with one command (<c>= ANY(@ids)</c>) on a connection
    /// from Npgsql's pool. Profiling the page on the two-core machine found most of its cost in the round trip itself
    /// (the socket send and waking a PostgreSQL backend, on both sides), so under load one round trip now serves many
    /// pages. With nothing queued a read goes out at once; there is no timer. Each read gets objects of its own: the
    /// page fills them in, so an id asked twice in one batch waits for the next one.
    /// </summary>
    private sealed class PostgresBatches(string connectionString) : IDisposable
    {
        public const int MaxBatch = 64;

        private static readonly int Loops = Math.Max(2, Environment.ProcessorCount);

        private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
        private int started;

        private sealed record Pending(int Id)
        {
            public TaskCompletionSource<InnovationPageData?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task<InnovationPageData?> ReadAsync(int id, CancellationToken ct)
        {
            if (Interlocked.Exchange(ref started, 1) == 0)
                for (var i = 0; i < Loops; i++) _ = Task.Run(LoopAsync, CancellationToken.None);
            var pending = new Pending(id);
            ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), typeof(InnovationPageReader));
            // The read goes ahead when the request is cancelled; only the waiting stops.
            return pending.Done.Task.WaitAsync(ct);
        }

        private async Task LoopAsync()
        {
            var batch = new List<Pending>(MaxBatch);
            var later = new List<Pending>();
            var ids = new HashSet<int>();
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                later.Clear();
                ids.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var p))
                    (ids.Add(p.Id) ? batch : later).Add(p);
                foreach (var p in later)
                    if (!queue.Writer.TryWrite(p)) p.Done.TrySetException(new ObjectDisposedException(nameof(InnovationPageReader)));
                if (batch.Count == 0) continue;
                try
                {
                    await using var connection = new Npgsql.NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = ManySql;
                    command.Parameters.Add(new Npgsql.NpgsqlParameter<int[]>("ids", [.. ids]));
                    var pages = await ReadAllAsync(command, sqlite: false, CancellationToken.None);
                    foreach (var p in batch) p.Done.TrySetResult(pages.GetValueOrDefault(p.Id));
                }
                catch (Exception e)
                {
                    foreach (var p in batch) p.Done.TrySetException(e);
                }
            }
        }

        public void Dispose() => queue.Writer.TryComplete();
    }

    /// <summary>One read connection of its own (not from Microsoft.Data.Sqlite's pool, so its read-only setting never reaches a writer) with the page's statements prepared once.</summary>
    private sealed class PreparedReader : IDisposable
    {
        private readonly SqliteConnection connection;
        public SqliteCommand Row { get; }
        public SqliteCommand Lists { get; }
        public SqliteCommand Attachments { get; }

        private PreparedReader(SqliteConnection connection)
        {
            this.connection = connection;
            Row = Prepare(RowSql);
            Lists = Prepare(ListsSql);
            Attachments = Prepare(AttachmentsSql);
        }

        public static PreparedReader Open(string cs)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(cs) { Pooling = false }.ToString());
            try
            {
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA query_only=1; PRAGMA mmap_size=" + SqliteWriteGate.MemoryMapBytes + ";";
                    pragma.ExecuteNonQuery();
                }
                return new PreparedReader(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        private SqliteCommand Prepare(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("@id", SqliteType.Integer);
            command.Prepare();
            return command;
        }

        public void SetId(int id)
        {
            Row.Parameters[0].Value = id;
            Lists.Parameters[0].Value = id;
            Attachments.Parameters[0].Value = id;
        }

        public void Dispose()
        {
            Row.Dispose();
            Lists.Dispose();
            Attachments.Dispose();
            connection.Dispose();
        }
    }
}

/// <summary>
/// One row of the innovation page's small lists, read in one statement: categories, SDGs, target groups (Number = 1
/// for a vulnerable group), awards (Name = title, Extra = competition, Year, Number = tier) and the number of
/// published comments (Id).
/// </summary>
public sealed class PageListRow
{
    public const int Category = 0, Sdg = 1, TargetGroup = 2, Award = 3, CommentCount = 4;

    /// <summary>
    /// {0} is the condition on the innovation id (see InnovationPageReader); each row ends with its innovation's id
    /// (<see cref="OwnerOrdinal"/>). Plain SQL that reads the same on SQLite and PostgreSQL. Unordered: the reader sorts
    /// the few rows, which spares SQLite a temporary B-tree per branch. The comment count is one row per innovation,
    /// zero included.
    /// </summary>
    public static readonly string Template = """
        SELECT 0 AS "Kind", c."Id", c."Name", CAST(NULL AS TEXT) AS "Extra", 0 AS "Year", 0 AS "Number", x."InnovationsId"
        FROM innovation_categories x JOIN categories c ON c."Id" = x."CategoriesId" WHERE x."InnovationsId" {0}
        UNION ALL
        SELECT 1, g."Id", g."Name", NULL, 0, 0, x."InnovationsId"
        FROM innovation_sdg_goals x JOIN sdg_goals g ON g."Id" = x."SdgGoalsId" WHERE x."InnovationsId" {0}
        UNION ALL
        SELECT 2, t."Id", t."Name", NULL, 0, CASE WHEN t."IsVulnerable" THEN 1 ELSE 0 END, x."InnovationsId"
        FROM innovation_target_groups x JOIN target_groups t ON t."Id" = x."TargetGroupsId" WHERE x."InnovationsId" {0}
        UNION ALL
        SELECT 3, a."Id", a."Title", a."Competition", a."Year", a."Tier", a."InnovationId"
        FROM innovation_awards a WHERE a."InnovationId" {0}
        UNION ALL
        SELECT 4, (SELECT CAST(COUNT(*) AS INTEGER) FROM comments c WHERE c."InnovationId" = i."Id" AND c."Status" = 
        """ + (int)Feedback.CommentStatus.Published + """
        ), '', NULL, 0, 0, i."Id"
        FROM innovations i WHERE i."Id" {0}
        """;

    public const int OwnerOrdinal = 6;

    public int Kind { get; set; }
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Extra { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
}
