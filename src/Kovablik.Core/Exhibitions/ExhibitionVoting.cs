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
/// The favourite vote and the booth counters. The vote is the hot path: one lookup outside the transaction, then
/// under a per-person lock (advisory lock on PostgreSQL, the write gate on SQLite) one read of the person's votes
/// and one insert. The unique index (exhibition, innovation, person) is the last word on duplicates.
/// </summary>
public sealed class ExhibitionVoting(KovablikDbContext db)
{
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
        var target = await db.ExhibitionBooths.AsNoTracking()
            .Where(b => b.Number == boothNumber && b.Exhibition.Slug == slug && b.Exhibition.Status == ExhibitionStatus.Published)
            .Select(b => new { b.Id, b.InnovationId, b.ExhibitionId, b.Exhibition.VotingOpensAt, b.Exhibition.VotingClosesAt, b.Exhibition.MaxVotesPerPerson, b.Exhibition.IpSalt })
            .FirstOrDefaultAsync(ct);
        if (target is null) return new(VoteStatus.NotFound, NotFoundMessage, 0, 0);
        var max = target.MaxVotesPerPerson;
        var window = WindowProblem(target.VotingOpensAt, target.VotingClosesAt, db.Time.GetUtcNow(), max);
        if (window is not null) return window;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            // One lock per person and exhibition, held to commit: that person's concurrent votes queue here and each
            // counts the ones before it. Other voters never wait on it (unlike a serializable transaction).
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey(target.ExhibitionId, userId)], ct);
        else
            // SQLite: the write gate (ADR 0006) orders this process's writers; the no-op update takes the file's
            // write lock before counting, for writers outside this process.
            await db.Database.ExecuteSqlRawAsync("UPDATE exhibitions SET \"MaxVotesPerPerson\" = \"MaxVotesPerPerson\" WHERE \"Id\" = {0}", [target.ExhibitionId], ct);

        // Closing is decided at the moment of writing, not when the request arrived.
        var now = db.Time.GetUtcNow();
        window = WindowProblem(target.VotingOpensAt, target.VotingClosesAt, now, max);
        if (window is not null) return window;
        var mine = await db.ExhibitionVotes.Where(v => v.ExhibitionId == target.ExhibitionId && v.UserId == userId).Select(v => v.InnovationId).ToListAsync(ct);
        if (mine.Contains(target.InnovationId)) return new(VoteStatus.AlreadyVoted, AlreadyVotedMessage, mine.Count, max);
        if (mine.Count >= max) return new(VoteStatus.LimitReached, Message.Format("Anda sudah memakai semua {0} suara Anda di pameran ini.", max), mine.Count, max);

        db.ExhibitionVotes.Add(new ExhibitionVote
        {
            ExhibitionId = target.ExhibitionId, BoothId = target.Id, InnovationId = target.InnovationId, UserId = userId,
            CastAt = now, IpHash = HashIp(target.IpSalt, ipAddress),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return new(VoteStatus.AlreadyVoted, AlreadyVotedMessage, mine.Count, max);
        }
        return new(VoteStatus.Counted, CountedMessage, mine.Count + 1, max);
    }

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
