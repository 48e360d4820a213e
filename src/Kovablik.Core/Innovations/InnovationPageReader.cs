using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
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
    IReadOnlyList<PageListRow> Lists,
    List<Attachment> Attachments);

/// <summary>
/// Reads an innovation's public page in three statements by key: the innovation's shown columns (not its Markdown)
/// with its organisation and its sections as rendered at save time; its small lists in one UNION ALL; its attachments.
/// The page is the busiest read of the exhibition (a hall of phones, a catalogue of 50,000 entries), so it skips the
/// EF query pipeline and, on SQLite, compiling the statements: Microsoft.Data.Sqlite prepares every new command again
/// (about 70 µs each here, more than running it), so each pooled reader connection keeps its three statements
/// prepared. On PostgreSQL the same SQL runs in one round trip on a connection from Npgsql's pool (the one EF Core's
/// connections come from). Either way the page reads committed data without a DbContext: setting up a context's
/// services was a fifth of the page's CPU on PostgreSQL (docs/performance.md, "Innovation page"; ADR 0009).
/// </summary>
public sealed class InnovationPageReader : IDisposable
{
    private const int MaxIdleReaders = 16;

    private readonly string connectionString;
    private readonly bool postgres;

    /// <summary>Idle prepared SQLite readers; null on PostgreSQL and for a private in-memory SQLite database.</summary>
    private readonly ConcurrentBag<PreparedReader>? pool;

    /// <param name="connectionString">Exactly the string EF Core's connections use, so that on PostgreSQL both share one pool.</param>
    public InnovationPageReader(string connectionString, bool postgres)
    {
        this.connectionString = connectionString;
        this.postgres = postgres;
        if (!postgres && Poolable(connectionString)) pool = [];
    }
    private volatile bool disposed;

    public const string RowSql = """
        SELECT i."Id", i."OrganisationId", i."Name", i."ShortDescription", i."StartedOn", i."Stage", i."Kind", i."Status",
               i."SkNumber", i."ContactName", i."ContactEmail", i."ContactPhone", i."VideoUrl", i."WebsiteUrl", i."IsDemo",
               i."Version", i."Team", o."Name", o."Path", p."Version", p."RendererVersion", p."SectionsJson"
        FROM innovations i
        JOIN organisations o ON o."Id" = i."OrganisationId"
        LEFT JOIN innovation_pages p ON p."InnovationId" = i."Id"
        WHERE i."Id" = @id
        """;

    public const string AttachmentsSql = """
        SELECT a."Id", a."Kind", a."OriginalFileName", a."StorageKey", a."ContentType", a."Size", a."Sha256",
               a."ThumbnailKey", a."UploadedAt", a."UploadedByUserId"
        FROM attachments a WHERE a."InnovationId" = @id
        """;

    private static readonly string BatchSql = RowSql + ";\n" + PageListRow.Sql + ";\n" + AttachmentsSql;

    /// <summary>
    /// The page's committed data, or null when no innovation has this id (whatever its status; the caller decides who
    /// sees it). Read on a connection of the reader's own, never inside a caller's transaction; <paramref name="inMemory"/>
    /// gives the context whose connection alone holds a private in-memory SQLite database, and is touched only then.
    /// </summary>
    public async Task<InnovationPageData?> ReadAsync(int id, Func<KovablikDbContext> inMemory, CancellationToken ct = default)
    {
        if (postgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return await ReadBatchAsync(connection, null, id, sqlite: false, ct);
        }
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
        return await ReadBatchAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), id, sqlite: true, ct);
    }

    /// <summary>One round trip: the three statements in one command, read as three result sets (Npgsql still prepares each).</summary>
    private static async Task<InnovationPageData?> ReadBatchAsync(DbConnection connection, DbTransaction? transaction, int id, bool sqlite, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, BatchSql, id);
        await using var r = await command.ExecuteReaderAsync(ct);
        var row = await ReadRowAsync(r, ct);
        await r.NextResultAsync(ct);
        var lists = await ReadListsAsync(r, ct);
        await r.NextResultAsync(ct);
        return row is null ? null : row with { Lists = lists, Attachments = await ReadAttachmentsAsync(r, row.Innovation.Id, sqlite, ct) };
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

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, int id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        return command;
    }

    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    private static async Task<InnovationPageData?> ReadAsync(PreparedReader reader, CancellationToken ct)
    {
        InnovationPageData? row;
        await using (var r = await reader.Row.ExecuteReaderAsync(ct)) row = await ReadRowAsync(r, ct);
        if (row is null) return null;
        List<PageListRow> lists;
        await using (var r = await reader.Lists.ExecuteReaderAsync(ct)) lists = await ReadListsAsync(r, ct);
        await using (var r = await reader.Attachments.ExecuteReaderAsync(ct))
            return row with { Lists = lists, Attachments = await ReadAttachmentsAsync(r, row.Innovation.Id, sqlite: true, ct) };
    }

    /// <summary>The innovation, its organisation and its stored sections; the lists are filled in by the caller.</summary>
    private static async Task<InnovationPageData?> ReadRowAsync(DbDataReader r, CancellationToken ct)
    {
        if (!await r.ReadAsync(ct)) return null;
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

    private static async Task<List<PageListRow>> ReadListsAsync(DbDataReader r, CancellationToken ct)
    {
        var lists = new List<PageListRow>();
        while (await r.ReadAsync(ct))
            lists.Add(new PageListRow
            {
                Kind = r.GetInt32(0), Id = r.GetInt32(1), Name = r.GetString(2), Extra = NullableString(r, 3),
                Year = r.GetInt32(4), Number = r.GetInt32(5),
            });
        lists.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Id.CompareTo(b.Id));
        return lists;
    }

    private static async Task<List<Attachment>> ReadAttachmentsAsync(DbDataReader r, int innovationId, bool sqlite, CancellationToken ct)
    {
        var attachments = new List<Attachment>();
        while (await r.ReadAsync(ct))
            attachments.Add(new Attachment
            {
                Id = r.GetGuid(0),
                InnovationId = innovationId,
                Kind = (AttachmentKind)r.GetInt32(1),
                OriginalFileName = r.GetString(2),
                StorageKey = r.GetString(3),
                ContentType = r.GetString(4),
                Size = r.GetInt64(5),
                Sha256 = r.GetString(6),
                ThumbnailKey = NullableString(r, 7),
                UploadedAt = sqlite ? (DateTimeOffset)SqliteInstant.ConvertFromProvider(r.GetInt64(8))! : r.GetFieldValue<DateTimeOffset>(8),
                UploadedByUserId = NullableString(r, 9),
            });
        return attachments;
    }

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    public void Dispose()
    {
        disposed = true;
        while (pool is not null && pool.TryTake(out var reader)) reader.Dispose();
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
            Lists = Prepare(PageListRow.Sql);
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
    /// @id is the innovation id. Plain SQL that reads the same on SQLite and PostgreSQL. Unordered: the reader sorts
    /// the few rows, which spares SQLite a temporary B-tree per branch.
    /// </summary>
    public static readonly string Sql = """
        SELECT 0 AS "Kind", c."Id", c."Name", CAST(NULL AS TEXT) AS "Extra", 0 AS "Year", 0 AS "Number"
        FROM innovation_categories x JOIN categories c ON c."Id" = x."CategoriesId" WHERE x."InnovationsId" = @id
        UNION ALL
        SELECT 1, g."Id", g."Name", NULL, 0, 0
        FROM innovation_sdg_goals x JOIN sdg_goals g ON g."Id" = x."SdgGoalsId" WHERE x."InnovationsId" = @id
        UNION ALL
        SELECT 2, t."Id", t."Name", NULL, 0, CASE WHEN t."IsVulnerable" THEN 1 ELSE 0 END
        FROM innovation_target_groups x JOIN target_groups t ON t."Id" = x."TargetGroupsId" WHERE x."InnovationsId" = @id
        UNION ALL
        SELECT 3, a."Id", a."Title", a."Competition", a."Year", a."Tier"
        FROM innovation_awards a WHERE a."InnovationId" = @id
        UNION ALL
        SELECT 4, CAST(COUNT(*) AS INTEGER), '', NULL, 0, 0
        FROM comments c WHERE c."InnovationId" = @id AND c."Status" = 
        """ + (int)Feedback.CommentStatus.Published;

    public int Kind { get; set; }
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Extra { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
}
