using System.Security.Cryptography;
using Kovablik.Competitions;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Exhibitions;

public sealed record ExhibitionInput(string? Name, DateOnly? StartsOn, DateOnly? EndsOn, string? Venue, string? Description,
    DateTime? VotingOpensAt, DateTime? VotingClosesAt, int? MaxVotesPerPerson, bool Published, Guid? ExpectedVersion = null);

public sealed record BoothInput(int? InnovationId, string? Number, string? Hall);

/// <summary>Organisers' writes to exhibitions and booths: validation with Indonesian messages, optimistic concurrency.</summary>
public sealed class ExhibitionService(KovablikDbContext db)
{
    public const int DefaultMaxVotes = 3;
    public const int MaxVotesLimit = 50;
    public const string StaleMessage = "Pameran ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.";

    public async Task<Result<Exhibition>> CreateAsync(ExhibitionInput input, CancellationToken ct = default)
    {
        var exhibition = new Exhibition { Name = "", Slug = "", IpSalt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)) };
        var errors = Apply(exhibition, input);
        if (errors.Any) return errors.ToResult<Exhibition>();
        exhibition.Slug = await UniqueSlugAsync(EditionService.Slugify(exhibition.Name), ct);
        db.Exhibitions.Add(exhibition);
        await db.SaveChangesAsync(ct);
        return Result<Exhibition>.Ok(exhibition);
    }

    public async Task<Result<Exhibition>> UpdateAsync(int id, ExhibitionInput input, CancellationToken ct = default)
    {
        var exhibition = await db.Exhibitions.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exhibition is null) return Result<Exhibition>.NotFound();
        if (input.ExpectedVersion is Guid v && v != exhibition.Version) return Result<Exhibition>.Conflict(StaleMessage);
        var errors = Apply(exhibition, input);
        if (errors.Any) return errors.ToResult<Exhibition>();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Exhibition>.Conflict(StaleMessage);
        }
        return Result<Exhibition>.Ok(exhibition);
    }

    public async Task<Result<ExhibitionBooth>> AddBoothAsync(int exhibitionId, BoothInput input, CancellationToken ct = default)
    {
        if (!await db.Exhibitions.AnyAsync(e => e.Id == exhibitionId, ct)) return Result<ExhibitionBooth>.NotFound();
        var errors = new ErrorBag();
        var number = input.Number?.Trim() ?? "";
        var hall = input.Hall?.Trim() ?? "";
        if (number.Length == 0) errors.Add(nameof(input.Number), "Nomor stan wajib diisi.");
        else if (number.Length > 20 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            errors.Add(nameof(input.Number), "Nomor stan hanya huruf, angka dan tanda hubung, maksimal 20 karakter.");
        else if (await db.ExhibitionBooths.AnyAsync(b => b.ExhibitionId == exhibitionId && b.Number == number, ct))
            errors.Add(nameof(input.Number), "Nomor stan ini sudah dipakai di pameran ini.");
        if (hall.Length > 100) errors.Add(nameof(input.Hall), "Nama hall maksimal 100 karakter.");
        if (input.InnovationId is not int innovationId) errors.Add(nameof(input.InnovationId), "Pilih inovasi.");
        else
        {
            var status = await db.Innovations.Where(i => i.Id == innovationId).Select(i => (InnovationStatus?)i.Status).FirstOrDefaultAsync(ct);
            if (status is null) errors.Add(nameof(input.InnovationId), "Inovasi tidak ditemukan.");
            else if (status != InnovationStatus.Published) errors.Add(nameof(input.InnovationId), "Hanya inovasi yang sudah dipublikasikan yang dapat menjadi stan.");
            else if (await db.ExhibitionBooths.AnyAsync(b => b.ExhibitionId == exhibitionId && b.InnovationId == innovationId, ct))
                errors.Add(nameof(input.InnovationId), "Inovasi ini sudah memiliki stan di pameran ini.");
        }
        if (errors.Any) return errors.ToResult<ExhibitionBooth>();
        var booth = new ExhibitionBooth { ExhibitionId = exhibitionId, InnovationId = input.InnovationId!.Value, Number = number, Hall = hall };
        db.ExhibitionBooths.Add(booth);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ExhibitionVoting.IsUniqueViolation(e))
        {
            // Two organisers adding the same number at once: the unique index decides.
            return Result<ExhibitionBooth>.Invalid(nameof(input.Number), "Nomor stan ini sudah dipakai di pameran ini.");
        }
        return Result<ExhibitionBooth>.Ok(booth);
    }

    public async Task<Result<bool>> RemoveBoothAsync(int exhibitionId, int boothId, CancellationToken ct = default)
    {
        var booth = await db.ExhibitionBooths.FirstOrDefaultAsync(b => b.Id == boothId && b.ExhibitionId == exhibitionId, ct);
        if (booth is null) return Result<bool>.NotFound();
        // Votes are the public's; a booth that received any stays so the result can be explained.
        if (await db.ExhibitionVotes.AnyAsync(v => v.BoothId == boothId, ct))
            return Result<bool>.Invalid("", "Stan yang sudah menerima suara tidak dapat dihapus.");
        await db.ExhibitionBoothVisits.Where(v => v.BoothId == boothId).ExecuteDeleteAsync(ct);
        db.ExhibitionBooths.Remove(booth);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    private static ErrorBag Apply(Exhibition e, ExhibitionInput input)
    {
        var errors = new ErrorBag();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(nameof(input.Name), "Nama pameran wajib diisi.");
        else if (name.Length > 200) errors.Add(nameof(input.Name), "Nama pameran maksimal 200 karakter.");
        var venue = input.Venue?.Trim() ?? "";
        if (venue.Length == 0) errors.Add(nameof(input.Venue), "Tempat wajib diisi.");
        else if (venue.Length > 300) errors.Add(nameof(input.Venue), "Tempat maksimal 300 karakter.");
        var description = input.Description?.Trim() ?? "";
        if (description.Length > 4000) errors.Add(nameof(input.Description), "Deskripsi maksimal 4.000 karakter.");
        if (input.StartsOn is null) errors.Add(nameof(input.StartsOn), "Tanggal mulai wajib diisi.");
        else if (input.StartsOn.Value.Year is < 2000 or > 2100) errors.Add(nameof(input.StartsOn), "Tanggal harus antara tahun 2000 dan 2100.");
        if (input.EndsOn is null) errors.Add(nameof(input.EndsOn), "Tanggal selesai wajib diisi.");
        else if (input.EndsOn.Value.Year is < 2000 or > 2100) errors.Add(nameof(input.EndsOn), "Tanggal harus antara tahun 2000 dan 2100.");
        else if (input.StartsOn is { } s && input.EndsOn < s) errors.Add(nameof(input.EndsOn), "Tanggal selesai tidak boleh sebelum tanggal mulai.");

        DateTimeOffset? Instant(DateTime? value, string field)
        {
            if (value is { Year: < 2000 or > 2100 })
            {
                errors.Add(field, "Tanggal harus antara tahun 2000 dan 2100.");
                return null;
            }
            return EditionService.ToUtc(value);
        }
        var opens = Instant(input.VotingOpensAt, nameof(input.VotingOpensAt));
        var closes = Instant(input.VotingClosesAt, nameof(input.VotingClosesAt));
        if ((opens is null) != (closes is null) && !errors.Any)
        {
            var missing = opens is null ? nameof(input.VotingOpensAt) : nameof(input.VotingClosesAt);
            errors.Add(missing, "Isi waktu buka dan tutup pemungutan suara, atau kosongkan keduanya.");
        }
        if (opens is not null && closes is not null && closes <= opens)
            errors.Add(nameof(input.VotingClosesAt), "Pemungutan suara harus ditutup setelah dibuka.");
        var max = input.MaxVotesPerPerson ?? DefaultMaxVotes;
        if (max is < 1 or > MaxVotesLimit)
            errors.Add(nameof(input.MaxVotesPerPerson), Message.Format("Jumlah suara per orang harus antara {0} dan {1}.", 1, MaxVotesLimit));
        if (errors.Any) return errors;

        e.Name = name;
        e.Venue = venue;
        e.Description = description;
        e.StartsOn = input.StartsOn!.Value;
        e.EndsOn = input.EndsOn!.Value;
        e.VotingOpensAt = opens;
        e.VotingClosesAt = closes;
        e.MaxVotesPerPerson = max;
        e.Status = input.Published ? ExhibitionStatus.Published : ExhibitionStatus.Draft;
        return errors;
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        if (slug == "edisi") slug = "pameran";
        var taken = await db.Exhibitions.Where(e => e.Slug == slug || e.Slug.StartsWith(slug + "-")).Select(e => e.Slug).ToListAsync(ct);
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{slug}-{n}")) return $"{slug}-{n}";
    }
}
