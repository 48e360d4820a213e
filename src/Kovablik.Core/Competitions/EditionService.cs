using System.Globalization;
using System.Text;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions;

/// <summary>All writes to editions: validation (Indonesian messages), lifecycle and optimistic concurrency.</summary>
public sealed class EditionService(KovablikDbContext db)
{
    public const string StaleMessage = "Edisi ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.";
    public const string DeadlineViaChangeMessage = "Tenggat pendaftaran edisi yang sudah dipublikasikan hanya dapat diubah melalui halaman Ubah tenggat pendaftaran, dengan alasan.";
    public const int MaxWordLimit = 5000;
    public const int MaxQuota = 50;
    public const int MaxMonths = 120;
    public const long MaxDocumentBytes = 100L * 1024 * 1024;

    public IQueryable<Edition> WithDetails() => db.Editions.Include(e => e.Categories);

    public async Task<Result<Edition>> CreateAsync(EditionCreateInput input, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        if (input.Year is < 2000 or > 2100) errors.Add(nameof(input.Year), "Tahun harus antara 2000 dan 2100.");
        var name = string.IsNullOrWhiteSpace(input.Name) ? $"KOVABLIK {input.Year}" : input.Name.Trim();
        CheckText(name, input.Description, errors);
        if (errors.Any) return errors.ToResult<Edition>();

        var edition = EditionDefaults.Create(input.Year, db.Time);
        edition.Name = name;
        edition.Description = input.Description?.Trim() ?? "";
        edition.Slug = await UniqueSlugAsync(Slugify(name), ct);
        // Rules are data: every category takes part unless the organiser narrows it.
        edition.Categories = await db.Categories.ToListAsync(ct);
        db.Editions.Add(edition);
        await db.SaveChangesAsync(ct);
        return Result<Edition>.Ok(edition);
    }

    public async Task<Result<Edition>> UpdateAsync(int id, EditionUpdateInput input, CancellationToken ct = default)
    {
        var (edition, problem) = await LoadAsync(id, input.ExpectedVersion, ct);
        if (problem is not null) return problem;
        var errors = new ErrorBag();
        var name = input.Name?.Trim() ?? "";
        CheckText(name, input.Description, errors);
        // A date far outside any edition (a typo such as year 0001) would overflow the WIB→UTC conversion.
        DateTimeOffset? Checked(DateTime? value, string field)
        {
            if (value is { Year: < 2000 or > 2100 })
            {
                errors.Add(field, "Tanggal harus antara tahun 2000 dan 2100.");
                return null;
            }
            return ToUtc(value);
        }
        var opens = Checked(input.RegistrationOpensAt, nameof(input.RegistrationOpensAt));
        var closes = Checked(input.RegistrationClosesAt, nameof(input.RegistrationClosesAt));
        if (opens is not null && closes is not null && closes <= opens)
            errors.Add(nameof(input.RegistrationClosesAt), "Pendaftaran harus ditutup setelah dibuka.");
        if (input.Stages.Count == 0) errors.Add(nameof(input.Stages), "Minimal satu tahap.");
        if (input.Stages.Count > 20) errors.Add(nameof(input.Stages), "Maksimal 20 tahap.");
        var stages = new List<EditionStage>();
        DateTimeOffset? previousStart = null;
        for (var i = 0; i < input.Stages.Count; i++)
        {
            var s = input.Stages[i];
            var row = new RowErrors(errors, $"{nameof(input.Stages)}[{i}].");
            var stageName = s.Name?.Trim() ?? "";
            if (stageName.Length == 0) row.Add(nameof(s.Name), "Nama tahap wajib diisi.");
            else if (stageName.Length > 100) row.Add(nameof(s.Name), "Nama tahap maksimal 100 karakter.");
            var starts = Checked(s.StartsAt, $"{nameof(input.Stages)}[{i}].{nameof(s.StartsAt)}");
            var ends = Checked(s.EndsAt, $"{nameof(input.Stages)}[{i}].{nameof(s.EndsAt)}");
            if (starts is not null && ends is not null && ends < starts)
                row.Add(nameof(s.EndsAt), "Tahap harus berakhir setelah dimulai.");
            if (starts is not null && opens is not null && starts < opens)
                row.Add(nameof(s.StartsAt), "Tahap tidak boleh dimulai sebelum pendaftaran dibuka.");
            if (starts is not null && previousStart is not null && starts < previousStart)
                row.Add(nameof(s.StartsAt), "Tahap harus berurutan: tahap ini dimulai sebelum tahap sebelumnya.");
            if (starts is not null) previousStart = starts;
            stages.Add(new EditionStage { Name = stageName, StartsAt = starts, EndsAt = ends });
        }
        // Once published, the deadline moves only through DeadlineService: with a reason, logged and announced.
        // The form posts whole minutes, so a sub-minute difference is the same deadline.
        if (edition!.Status != EditionStatus.Draft && closes is not null && edition.RegistrationClosesAt is { } current)
        {
            if ((closes.Value - current).Duration() >= TimeSpan.FromMinutes(1))
                errors.Add(nameof(input.RegistrationClosesAt), DeadlineViaChangeMessage);
            else closes = current;
        }
        if (edition.Status != EditionStatus.Draft && (opens is null || closes is null || stages.Any(s => s.StartsAt is null || s.EndsAt is null)))
            errors.Add("", "Edisi yang sudah dipublikasikan harus tetap memiliki jadwal lengkap.");
        if (errors.Any) return errors.ToResult<Edition>();

        edition.Name = name;
        edition.Description = input.Description?.Trim() ?? "";
        edition.RegistrationOpensAt = opens;
        edition.RegistrationClosesAt = closes;
        edition.Stages = stages;
        return await SaveAsync(edition, ct);
    }

    public async Task<Result<Edition>> UpdateGroupAsync(int id, string code, EditionGroupInput input, CancellationToken ct = default)
    {
        var (edition, problem) = await LoadAsync(id, input.ExpectedVersion, ct);
        if (problem is not null) return problem;
        var index = edition!.Groups.FindIndex(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase));
        if (index < 0) return Result<Edition>.NotFound();

        var errors = new ErrorBag();
        var groupName = input.Name?.Trim() ?? "";
        if (groupName.Length == 0) errors.Add(nameof(input.Name), "Nama kelompok wajib diisi.");
        else if (groupName.Length > 100) errors.Add(nameof(input.Name), "Nama kelompok maksimal 100 karakter.");

        var sections = new List<FormRule>();
        if (input.Sections.Count > 40) errors.Add(nameof(input.Sections), "Maksimal 40 bagian.");
        for (var i = 0; i < input.Sections.Count; i++)
        {
            var s = input.Sections[i];
            var row = new RowErrors(errors, $"{nameof(input.Sections)}[{i}].");
            var title = s.Title?.Trim() ?? "";
            if (title.Length == 0) row.Add(nameof(s.Title), "Judul bagian wajib diisi.");
            else if (title.Length > 200) row.Add(nameof(s.Title), "Judul bagian maksimal 200 karakter.");
            if (s.WordLimit is < 1 or > MaxWordLimit)
                row.Add(nameof(s.WordLimit), Message.Format("Batas kata harus antara {0} dan {1:N0}.", 1, MaxWordLimit));
            var key = string.IsNullOrWhiteSpace(s.Key) ? KeyOf(title) : s.Key.Trim();
            if (key.Length is 0 or > 100) row.Add(nameof(s.Key), "Kunci bagian tidak valid.");
            else if (sections.Any(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)))
                row.Add(nameof(s.Key), "Kunci bagian sudah dipakai bagian lain.");
            sections.Add(new FormRule { Key = key, Title = title, Required = s.Required, WordLimit = s.WordLimit });
        }
        if (!sections.Any(s => s.Required)) errors.Add(nameof(input.Sections), "Minimal satu bagian wajib diisi.");

        var documents = new List<DocumentSlot>();
        if (input.Documents.Count > 20) errors.Add(nameof(input.Documents), "Maksimal 20 dokumen.");
        for (var i = 0; i < input.Documents.Count; i++)
        {
            var d = input.Documents[i];
            var row = new RowErrors(errors, $"{nameof(input.Documents)}[{i}].");
            var docName = d.Name?.Trim() ?? "";
            if (docName.Length == 0) row.Add(nameof(d.Name), "Nama dokumen wajib diisi.");
            else if (docName.Length > 200) row.Add(nameof(d.Name), "Nama dokumen maksimal 200 karakter.");
            if (d.MaxBytes < 1024 || d.MaxBytes > MaxDocumentBytes)
                row.Add(nameof(d.MaxBytes), Message.Format("Ukuran maksimal dokumen harus antara 1 KB dan {0} MB.", MaxDocumentBytes / EditionDefaults.Megabyte));
            var types = (d.AllowedTypes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToLowerInvariant()).Distinct().ToList();
            if (types.Count == 0 || types.Any(t => t.Length > 100 || t.Count(c => c == '/') != 1 || t.Any(char.IsWhiteSpace)))
                row.Add(nameof(d.AllowedTypes), "Jenis berkas harus berupa tipe MIME, dipisah koma (mis. application/pdf).");
            var key = string.IsNullOrWhiteSpace(d.Key) ? KeyOf(docName) : d.Key.Trim();
            if (key.Length is 0 or > 100) row.Add(nameof(d.Key), "Kunci dokumen tidak valid.");
            else if (documents.Any(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)))
                row.Add(nameof(d.Key), "Kunci dokumen sudah dipakai dokumen lain.");
            documents.Add(new DocumentSlot { Key = key, Name = docName, AllowedTypes = string.Join(",", types), MaxBytes = d.MaxBytes, Required = d.Required });
        }
        if (input.RequiresTopAward && input.ForbidsTopAward)
            errors.Add(nameof(input.RequiresTopAward), "Kelompok tidak dapat sekaligus mewajibkan dan melarang peraih penghargaan utama.");
        if (input.MaxFinalistAwards is < 0 or > 50)
            errors.Add(nameof(input.MaxFinalistAwards), Message.Format("Batas jumlah menjadi finalis harus antara {0} dan {1}.", 0, 50));
        if (errors.Any) return errors.ToResult<Edition>();

        var groups = edition.Groups.ToList();
        groups[index] = new EditionGroup
        {
            Code = groups[index].Code, Name = groupName, Sections = sections, Documents = documents,
            RequiresTopAward = input.RequiresTopAward, ForbidsTopAward = input.ForbidsTopAward, MaxFinalistAwards = input.MaxFinalistAwards,
        };
        edition.Groups = groups;
        return await SaveAsync(edition, ct);
    }

    public async Task<Result<Edition>> UpdateEligibilityAsync(int id, EditionEligibilityInput input, CancellationToken ct = default)
    {
        var (edition, problem) = await LoadAsync(id, input.ExpectedVersion, ct);
        if (problem is not null) return problem;
        var errors = new ErrorBag();
        if (input.MinimumImplementationMonths is < 0 or > MaxMonths)
            errors.Add(nameof(input.MinimumImplementationMonths), Message.Format("Lama penerapan minimal harus antara {0} dan {1} bulan.", 0, MaxMonths));
        if (input.DefaultQuota is < 1 or > MaxQuota)
            errors.Add(nameof(input.DefaultQuota), Message.Format("Kuota harus antara {0} dan {1}.", 1, MaxQuota));
        if (input.AllowedOrganisationTypes.Count == 0)
            errors.Add(nameof(input.AllowedOrganisationTypes), "Pilih minimal satu jenis organisasi peserta.");
        if (input.AllowedOrganisationTypes.Any(t => !Enum.IsDefined(t)))
            errors.Add(nameof(input.AllowedOrganisationTypes), "Jenis organisasi tidak dikenal.");
        foreach (var (type, quota) in input.QuotaOverrides)
        {
            if (!Enum.IsDefined(type)) errors.Add(nameof(input.QuotaOverrides), "Jenis organisasi tidak dikenal.");
            else if (quota is < 1 or > MaxQuota)
                errors.Add($"{nameof(input.QuotaOverrides)}[{OrganisationTypeNames.Code(type)}]", Message.Format("Kuota harus antara {0} dan {1}.", 1, MaxQuota));
        }
        if (errors.Any) return errors.ToResult<Edition>();

        edition!.Eligibility = new EditionEligibility
        {
            MinimumImplementationMonths = input.MinimumImplementationMonths,
            AllowedOrganisationTypes = input.AllowedOrganisationTypes.Distinct().Order().Select(t => new AllowedOrganisationType { Type = t }).ToList(),
            DefaultQuota = input.DefaultQuota,
            QuotaOverrides = input.QuotaOverrides.OrderBy(kv => kv.Key).Select(kv => new QuotaOverride { Type = kv.Key, Quota = kv.Value }).ToList(),
        };
        return await SaveAsync(edition, ct);
    }

    public async Task<Result<Edition>> PublishAsync(int id, Guid? expectedVersion, CancellationToken ct = default)
    {
        var (edition, problem) = await LoadAsync(id, expectedVersion, ct);
        if (problem is not null) return problem;
        if (edition!.Status == EditionStatus.Published) return Result<Edition>.Ok(edition);
        if (edition.Status == EditionStatus.Closed) return Result<Edition>.Invalid("", "Edisi yang sudah ditutup tidak dapat dipublikasikan lagi.");
        var errors = new ErrorBag();
        if (edition.RegistrationOpensAt is null) errors.Add(nameof(Edition.RegistrationOpensAt), "Tanggal pembukaan pendaftaran wajib diisi sebelum dipublikasikan.");
        if (edition.RegistrationClosesAt is null) errors.Add(nameof(Edition.RegistrationClosesAt), "Tanggal penutupan pendaftaran wajib diisi sebelum dipublikasikan.");
        if (edition.Stages.Count == 0 || edition.Stages.Any(s => s.StartsAt is null || s.EndsAt is null))
            errors.Add(nameof(Edition.Stages), "Setiap tahap wajib memiliki tanggal mulai dan selesai sebelum dipublikasikan.");
        if (edition.Groups.Count == 0) errors.Add(nameof(Edition.Groups), "Minimal satu kelompok sebelum dipublikasikan.");
        if (errors.Any) return errors.ToResult<Edition>();
        edition.Status = EditionStatus.Published;
        edition.PublishedAt = db.Time.GetUtcNow();
        return await SaveAsync(edition, ct);
    }

    /// <summary>A WIB wall-clock time (datetime-local input) as a UTC instant; a UTC-kind value is taken as is.</summary>
    public static DateTimeOffset? ToUtc(DateTime? wib) => wib switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc, TimeSpan.Zero),
        var local => new DateTimeOffset(DateTime.SpecifyKind(local.Value, DateTimeKind.Unspecified), Wib.Zone.GetUtcOffset(local.Value)).ToUniversalTime(),
    };

    /// <summary>The UTC instant as a WIB wall-clock time, for datetime-local inputs.</summary>
    public static DateTime? ToWibLocal(DateTimeOffset? utc) => utc is null ? null : Wib.ToWib(utc.Value).DateTime;

    public static string Slugify(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 80) slug = slug[..80].Trim('-');
        return slug.Length == 0 ? "edisi" : slug;
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        var taken = await db.Editions.Where(e => e.Slug == slug || e.Slug.StartsWith(slug + "-")).Select(e => e.Slug).ToListAsync(ct);
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{slug}-{n}")) return $"{slug}-{n}";
    }

    private static string KeyOf(string title)
    {
        var parts = Slugify(title).Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static void CheckText(string name, string? description, ErrorBag errors)
    {
        if (name.Length == 0) errors.Add("Name", "Nama edisi wajib diisi.");
        else if (name.Length > 200) errors.Add("Name", "Nama edisi maksimal 200 karakter.");
        if (description is { Length: > 4000 }) errors.Add("Description", "Deskripsi maksimal 4.000 karakter.");
    }

    private async Task<(Edition? Edition, Result<Edition>? Problem)> LoadAsync(int id, Guid? expectedVersion, CancellationToken ct)
    {
        var edition = await WithDetails().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (edition is null) return (null, Result<Edition>.NotFound());
        if (expectedVersion is Guid v && v != edition.Version) return (null, Result<Edition>.Conflict(StaleMessage));
        return (edition, null);
    }

    private async Task<Result<Edition>> SaveAsync(Edition edition, CancellationToken ct)
    {
        // Owned JSON changes alone would leave the owner row unchanged: touch it so Version and audit follow.
        edition.UpdatedAt = db.Time.GetUtcNow();
        db.Entry(edition).Property(e => e.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Edition>.Conflict(StaleMessage);
        }
        return Result<Edition>.Ok(edition);
    }

    /// <summary>Errors of one row of a list ("Stages[2].StartsAt").</summary>
    private sealed class RowErrors(ErrorBag errors, string prefix)
    {
        public void Add(string field, string message) => errors.Add(prefix + field, message);
    }
}
