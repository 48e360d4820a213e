using Microsoft.Extensions.Caching.Memory;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Exhibitions;

public enum VoteStatus
{
    Counted,
    NotFound,
    NotOpen,
    Closed,
    AlreadyVoted,
    LimitReached,
}

public sealed record VoteOutcome(VoteStatus Status, string Message, int VotesUsed, int MaxVotes);

public sealed record TallyRow(int BoothId, string Number, string Hall, int InnovationId, string InnovationName, string OrganisationName, int Votes, int QrVisits);

public sealed record VelocityFlag(string Kind, string Subject, int Count, DateTimeOffset From, DateTimeOffset To);

/// <summary>Thresholds of the velocity flags shown to Panitia ("Exhibitions" configuration section).</summary>
public sealed class ExhibitionOptions
{
    public int VotesPerIpWindowMinutes { get; set; } = 10;
    public int VotesPerIpThreshold { get; set; } = 30;
    public int NewAccountsPerIpThreshold { get; set; } = 10;
    public int NewAccountHours { get; set; } = 24;
    public int BoothBurstWindowMinutes { get; set; } = 5;
    public int BoothBurstThreshold { get; set; } = 50;
}

/// <summary>
/// The favourite vote and the booth counters. The vote is the hot path: one lookup outside the transaction, then the
/// <see cref="VoteBatcher"/> (when registered) writes it with the votes that queued alongside: under per-person locks
/// (advisory locks on PostgreSQL, the write gate on SQLite) one read of those people's votes and one insert. The
/// unique index (exhibition, innovation, person) is the last word on duplicates.
/// </summary>
public sealed class ExhibitionVoting(KovablikDbContext db, VoteBatcher? batcher = null, IMemoryCache? cache = null)
{
    /// <summary>
    /// How long a booth lookup is reused by the vote endpoint. In a surge every vote for a booth asks the same
    /// question; the answer is only a hint: the writer decides the window and the maximum again from the exhibition
    /// row at the moment of writing, and the foreign key refuses a booth removed meanwhile.
    /// </summary>
    public static readonly TimeSpan BoothLookupFor = TimeSpan.FromSeconds(2);

    private sealed record BoothTarget(int Id, int InnovationId, int ExhibitionId, DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, int MaxVotesPerPerson, string IpSalt);

    public const string CountedMessage = "Suara Anda sudah dicatat. Terima kasih!";
    public const string AlreadyVotedMessage = "Anda sudah memilih inovasi ini. Satu orang hanya dapat memilih satu inovasi satu kali.";
    public const string NotFoundMessage = "Stan ini tidak ada di pameran ini.";
    public const string NotOpenMessage = "Pemungutan suara belum dibuka.";
    public const string ClosedMessage = "Pemungutan suara sudah ditutup.";
    public const string IpVotesFlagMessage = "Banyak suara dari satu alamat IP.";
    public const string NewAccountsFlagMessage = "Banyak akun baru memilih dari satu alamat IP.";
    public const string BoothBurstFlagMessage = "Lonjakan suara pada satu stan.";

    public async Task<VoteOutcome> VoteAsync(string slug, string boothNumber, string userId, string? ipAddress, CancellationToken ct = default)
    {
        var key = "vote-booth\n" + slug + "\n" + boothNumber;
        if (cache?.Get<BoothTarget>(key) is not { } target)
        {
            target = await db.ExhibitionBooths.AsNoTracking()
                .Where(b => b.Number == boothNumber && b.Exhibition.Slug == slug && b.Exhibition.Status == ExhibitionStatus.Published)
                .Select(b => new BoothTarget(b.Id, b.InnovationId, b.ExhibitionId, b.Exhibition.VotingOpensAt, b.Exhibition.VotingClosesAt, b.Exhibition.MaxVotesPerPerson, b.Exhibition.IpSalt))
                .FirstOrDefaultAsync(ct);
            if (target is not null) cache?.Set(key, target, BoothLookupFor);
        }
        if (target is null) return new(VoteStatus.NotFound, NotFoundMessage, 0, 0);
        // Early answer without queueing; the writer checks the window again at the moment of writing.
        var window = WindowProblem(target.VotingOpensAt, target.VotingClosesAt, db.Time.GetUtcNow(), target.MaxVotesPerPerson);
        if (window is not null) return window;

        var vote = new PendingVote(target.ExhibitionId, target.Id, target.InnovationId, userId, HashIp(target.IpSalt, ipAddress));
        if (batcher is not null) return await batcher.SubmitAsync(vote, ct);
        try
        {
            return (await WriteBatchAsync(db, [vote], ct))[0];
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return new(VoteStatus.AlreadyVoted, AlreadyVotedMessage, 0, target.MaxVotesPerPerson);
        }
    }

    /// <summary>
    /// Decides and writes a batch of votes in one transaction, in arrival order, and returns one outcome per vote.
    /// The people's locks are taken first (PostgreSQL: one advisory lock per person and exhibition, in key order so
    /// two writers cannot deadlock; SQLite: the write gate plus the file's write lock), then each person's existing
    /// votes are read once and the rules applied vote by vote as if they had arrived one at a time. Counted votes are
    /// inserted together and added to each innovation's favourite count in the same transaction.
    /// </summary>
    internal static async Task<VoteOutcome[]> WriteBatchAsync(KovablikDbContext db, IReadOnlyList<PendingVote> batch, CancellationToken ct)
    {
        var outcomes = new VoteOutcome[batch.Count];
        var exhibitionIds = batch.Select(v => v.ExhibitionId).Distinct().Order().ToList();
        var userIds = batch.Select(v => v.UserId).Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var keys = batch.Select(v => LockKey(v.ExhibitionId, v.UserId)).Distinct().Order().ToArray();
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(k) FROM unnest({0}::bigint[]) WITH ORDINALITY AS t(k, n) ORDER BY n", [keys], ct);
        }
        else
        {
            // The no-op update takes the file's write lock before counting, for writers outside this process.
            // Integers only in the statement.
            var writeLock = "UPDATE exhibitions SET \"MaxVotesPerPerson\" = \"MaxVotesPerPerson\" WHERE \"Id\" IN (" + IntList(exhibitionIds) + ")";
            await db.Database.ExecuteSqlRawAsync(writeLock, ct);
        }

        // Closing is decided at the moment of writing, not when the request arrived.
        var now = db.Time.GetUtcNow();
        // Only published exhibitions: the booth lookup before the queue may be a moment old (BoothLookupFor).
        var exhibitions = await db.Exhibitions.AsNoTracking().Where(e => exhibitionIds.Contains(e.Id) && e.Status == ExhibitionStatus.Published)
            .Select(e => new { e.Id, e.VotingOpensAt, e.VotingClosesAt, e.MaxVotesPerPerson }).ToDictionaryAsync(e => e.Id, ct);
        var existing = await db.ExhibitionVotes.Where(v => exhibitionIds.Contains(v.ExhibitionId) && userIds.Contains(v.UserId))
            .Select(v => new { v.ExhibitionId, v.UserId, v.InnovationId }).ToListAsync(ct);
        var mine = existing.GroupBy(v => (v.ExhibitionId, v.UserId)).ToDictionary(g => g.Key, g => g.Select(v => v.InnovationId).ToHashSet());
        var counted = new Dictionary<int, int>();
        for (var n = 0; n < batch.Count; n++)
        {
            var v = batch[n];
            if (!exhibitions.TryGetValue(v.ExhibitionId, out var e)) { outcomes[n] = new(VoteStatus.NotFound, NotFoundMessage, 0, 0); continue; }
            var max = e.MaxVotesPerPerson;
            if (WindowProblem(e.VotingOpensAt, e.VotingClosesAt, now, max) is { } window) { outcomes[n] = window; continue; }
            if (!mine.TryGetValue((v.ExhibitionId, v.UserId), out var votes)) mine[(v.ExhibitionId, v.UserId)] = votes = [];
            if (votes.Contains(v.InnovationId)) { outcomes[n] = new(VoteStatus.AlreadyVoted, AlreadyVotedMessage, votes.Count, max); continue; }
            if (votes.Count >= max) { outcomes[n] = new(VoteStatus.LimitReached, Message.Format("Anda sudah memakai semua {0} suara Anda di pameran ini.", max), votes.Count, max); continue; }
            votes.Add(v.InnovationId);
            db.ExhibitionVotes.Add(new ExhibitionVote
            {
                ExhibitionId = v.ExhibitionId, BoothId = v.BoothId, InnovationId = v.InnovationId, UserId = v.UserId, CastAt = now, IpHash = v.IpHash,
            });
            counted[v.InnovationId] = counted.GetValueOrDefault(v.InnovationId) + 1;
            outcomes[n] = new(VoteStatus.Counted, CountedMessage, votes.Count, max);
        }
        if (counted.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlRawAsync(FavouriteVotesUpdate(counted), ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return outcomes;
    }

    /// <summary>Sets every innovation's favourite count from the votes (the migration that adds the column runs it).</summary>
    public const string BackfillFavouriteVotesSql =
        "UPDATE innovations SET \"FavouriteVotes\" = (SELECT COUNT(*) FROM exhibition_votes v WHERE v.\"InnovationId\" = innovations.\"Id\")";

    /// <summary>One statement adding each innovation's new votes to its <c>FavouriteVotes</c> (ids and counts are integers).</summary>
    internal static string FavouriteVotesUpdate(IReadOnlyDictionary<int, int> counted)
    {
        var sb = new StringBuilder("UPDATE innovations SET \"FavouriteVotes\" = \"FavouriteVotes\" + CASE \"Id\"");
        foreach (var (id, n) in counted) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $" WHEN {id} THEN {n}");
        sb.Append(" ELSE 0 END WHERE \"Id\" IN (").Append(IntList(counted.Keys)).Append(')');
        return sb.ToString();
    }

    private static string IntList(IEnumerable<int> ids) => string.Join(", ", ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The innovations this person voted for in the exhibition.</summary>
    public Task<List<int>> MyVotesAsync(int exhibitionId, string userId, CancellationToken ct = default) =>
        db.ExhibitionVotes.Where(v => v.ExhibitionId == exhibitionId && v.UserId == userId).Select(v => v.InnovationId).ToListAsync(ct);

    /// <summary>Counts one QR visit of a booth today (WIB): a single upsert on a per-booth, per-day counter row.</summary>
    public async Task RecordQrVisitAsync(int boothId, CancellationToken ct = default)
    {
        var day = Wib.Today(db.Time);
        const string sql = "INSERT INTO exhibition_booth_visits (\"BoothId\", \"Day\", \"Count\") VALUES ({0}, {1}, 1) " +
                           "ON CONFLICT (\"BoothId\", \"Day\") DO UPDATE SET \"Count\" = exhibition_booth_visits.\"Count\" + 1";
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(sql, [boothId, day], ct);
            return;
        }
        // SQLite: queue on the write gate like every other writer (ADR 0006); the date is stored as ISO text.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(sql, [boothId, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Votes and QR visits per booth, most votes first.</summary>
    public async Task<List<TallyRow>> TallyAsync(int exhibitionId, CancellationToken ct = default)
    {
        var votes = await db.ExhibitionVotes.Where(v => v.ExhibitionId == exhibitionId).GroupBy(v => v.InnovationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var visits = await db.ExhibitionBoothVisits.Where(v => db.ExhibitionBooths.Any(b => b.Id == v.BoothId && b.ExhibitionId == exhibitionId))
            .GroupBy(v => v.BoothId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var booths = await db.ExhibitionBooths.AsNoTracking().Where(b => b.ExhibitionId == exhibitionId)
            .Select(b => new { b.Id, b.Number, b.Hall, b.InnovationId, b.Innovation.Name, Org = b.Innovation.Organisation.Name }).ToListAsync(ct);
        return booths.Select(b => new TallyRow(b.Id, b.Number, b.Hall, b.InnovationId, b.Name, b.Org, votes.GetValueOrDefault(b.InnovationId), visits.GetValueOrDefault(b.Id)))
            .OrderByDescending(r => r.Votes).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Patterns worth a look (not proof of cheating: a hall's Wi-Fi puts many honest voters behind one address):
    /// many votes from one address in a short window, many fresh accounts voting from one address, bursts on one booth.
    /// Computed on demand for the organisers' page from a narrow projection of the exhibition's votes.
    /// </summary>
    public async Task<List<VelocityFlag>> FlagsAsync(int exhibitionId, ExhibitionOptions options, CancellationToken ct = default)
    {
        var votes = await db.ExhibitionVotes.AsNoTracking().Where(v => v.ExhibitionId == exhibitionId)
            .Join(db.Users, v => v.UserId, u => u.Id, (v, u) => new { v.IpHash, v.BoothId, v.CastAt, v.UserId, u.CreatedAt })
            .ToListAsync(ct);
        var booths = await db.ExhibitionBooths.Where(b => b.ExhibitionId == exhibitionId).Select(b => new { b.Id, b.Number }).ToDictionaryAsync(b => b.Id, b => b.Number, ct);
        var flags = new List<VelocityFlag>();
        foreach (var ip in votes.GroupBy(v => v.IpHash))
        {
            if (Densest(ip.Select(v => v.CastAt), TimeSpan.FromMinutes(options.VotesPerIpWindowMinutes)) is { } burst && burst.Count >= options.VotesPerIpThreshold)
                flags.Add(new VelocityFlag(IpVotesFlagMessage, "IP #" + ip.Key, burst.Count, burst.From, burst.To));
            var fresh = ip.GroupBy(v => v.UserId).Select(g => g.OrderBy(v => v.CastAt).First())
                .Where(v => v.CastAt - v.CreatedAt < TimeSpan.FromHours(options.NewAccountHours)).ToList();
            if (fresh.Count >= options.NewAccountsPerIpThreshold)
                flags.Add(new VelocityFlag(NewAccountsFlagMessage, "IP #" + ip.Key, fresh.Count, fresh.Min(v => v.CastAt), fresh.Max(v => v.CastAt)));
        }
        foreach (var booth in votes.GroupBy(v => v.BoothId))
            if (Densest(booth.Select(v => v.CastAt), TimeSpan.FromMinutes(options.BoothBurstWindowMinutes)) is { } burst && burst.Count >= options.BoothBurstThreshold)
                flags.Add(new VelocityFlag(BoothBurstFlagMessage, "Stan " + booths.GetValueOrDefault(booth.Key, "?"), burst.Count, burst.From, burst.To));
        return flags.OrderByDescending(f => f.Count).ToList();
    }

    /// <summary>The window of the given length holding the most instants (two pointers over the sorted times).</summary>
    internal static (int Count, DateTimeOffset From, DateTimeOffset To)? Densest(IEnumerable<DateTimeOffset> instants, TimeSpan window)
    {
        var sorted = instants.Order().ToArray();
        if (sorted.Length == 0) return null;
        var best = (Count: 0, From: sorted[0], To: sorted[0]);
        for (int start = 0, end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] > window) start++;
            if (end - start + 1 > best.Count) best = (end - start + 1, sorted[start], sorted[end]);
        }
        return best;
    }

    public static string HashIp(string salt, string? ip)
    {
        if (string.IsNullOrEmpty(ip)) return "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(salt + "|" + ip));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    /// <summary>A 64-bit advisory-lock key (its own key space, apart from the two-int locks of proposals).</summary>
    internal static long LockKey(int exhibitionId, string userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(userId));
        return ((long)exhibitionId << 32) | BitConverter.ToUInt32(hash, 0);
    }

    private static VoteOutcome? WindowProblem(DateTimeOffset? opens, DateTimeOffset? closes, DateTimeOffset now, int max)
    {
        if (opens is null || closes is null || now < opens) return new(VoteStatus.NotOpen, NotOpenMessage, 0, max);
        if (now >= closes) return new(VoteStatus.Closed, ClosedMessage, 0, max);
        return null;
    }

    internal static bool IsUniqueViolation(DbUpdateException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is DbException { SqlState: "23505" }) return true;
            // SQLite: SQLITE_CONSTRAINT (19), extended SQLITE_CONSTRAINT_UNIQUE (2067).
            if (x is DbException db && x.GetType().Name == "SqliteException" && db.ErrorCode == 19) return true;
        }
        return false;
    }
}
