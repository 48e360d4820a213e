using System.Security.Cryptography;
using System.Text;
using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Exhibitions;

public enum CodeCheck
{
    Valid,
    Wrong,
    Expired,
    TooManyAttempts,
}

/// <summary>
/// One-time email codes for visitors: six digits, stored as a salted SHA-256 hash, valid 10 minutes, 5 attempts,
/// single use; only the newest code of an address counts. Requests are limited per address and per client address
/// in the database, so the limit holds across web nodes.
/// </summary>
public sealed class VisitorCodes(KovablikDbContext db)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    public const int MaxPerEmailPerHour = 5;
    public const int MaxPerIpPerHour = 30;
    public const string TooManyRequestsMessage = "Terlalu banyak permintaan kode. Coba lagi dalam satu jam.";

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Whether another code may be sent now to this address from this client address.</summary>
    public async Task<bool> MaySendAsync(string email, string ipHash, CancellationToken ct = default)
    {
        var since = db.Time.GetUtcNow().AddHours(-1);
        var normal = Normalise(email);
        if (await db.VisitorCodes.CountAsync(c => c.Email == normal && c.CreatedAt > since, ct) >= MaxPerEmailPerHour) return false;
        return ipHash.Length == 0 || await db.VisitorCodes.CountAsync(c => c.IpHash == ipHash && c.CreatedAt > since, ct) < MaxPerIpPerHour;
    }

    /// <summary>Creates a code for the address and returns it in clear text (to be mailed, never stored).</summary>
    public async Task<string> CreateAsync(string email, string ipHash, CancellationToken ct = default)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var normal = Normalise(email);
        var now = db.Time.GetUtcNow();
        db.VisitorCodes.Add(new VisitorCode
        {
            Email = normal, Salt = salt, CodeHash = Hash(salt, normal, code), CreatedAt = now, ExpiresAt = now + Lifetime, IpHash = ipHash,
        });
        await db.SaveChangesAsync(ct);
        return code;
    }

    /// <summary>A request that sent nothing still counts against the limits (so the limit reveals nothing either).</summary>
    public async Task RecordRequestAsync(string email, string ipHash, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        db.VisitorCodes.Add(new VisitorCode { Email = Normalise(email), Salt = salt, CodeHash = "", CreatedAt = now, ExpiresAt = now, IpHash = ipHash, UsedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks a code against the address's newest code. The attempt is counted before comparing (a conditional
    /// update), so parallel guesses cannot exceed the limit; a correct code is consumed by a second conditional
    /// update, so two parallel uses of one code sign in once.
    /// </summary>
    public async Task<CodeCheck> VerifyAsync(string email, string? code, CancellationToken ct = default)
    {
        var normal = Normalise(email);
        var now = db.Time.GetUtcNow();
        var latest = await db.VisitorCodes.AsNoTracking().Where(c => c.Email == normal).OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Salt, c.CodeHash, c.ExpiresAt, c.UsedAt, c.Attempts }).FirstOrDefaultAsync(ct);
        if (latest is null || latest.UsedAt is not null || latest.CodeHash.Length == 0) return CodeCheck.Wrong;
        if (latest.ExpiresAt <= now) return CodeCheck.Expired;
        if (latest.Attempts >= MaxAttempts) return CodeCheck.TooManyAttempts;
        var counted = await db.VisitorCodes.Where(c => c.Id == latest.Id && c.Attempts < MaxAttempts && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
        if (counted == 0) return CodeCheck.TooManyAttempts;
        var given = (code ?? "").Trim();
        if (given.Length != 6 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(latest.Salt, normal, given)), Encoding.ASCII.GetBytes(latest.CodeHash)))
            return latest.Attempts + 1 >= MaxAttempts ? CodeCheck.TooManyAttempts : CodeCheck.Wrong;
        var used = await db.VisitorCodes.Where(c => c.Id == latest.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        return used == 1 ? CodeCheck.Valid : CodeCheck.Wrong;
    }

    public static string HashIp(string? ip) => ExhibitionVoting.HashIp("visitor-codes", ip);

    private static string Hash(string salt, string email, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}|{email}|{code}")));
}
