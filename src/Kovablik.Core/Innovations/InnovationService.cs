using System.Text.Json;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Innovations;

/// <summary>
/// All writes to innovations go through here: validation, scope, lifecycle and the version history.
/// </summary>
public sealed class InnovationService(KovablikDbContext db, IAuditContext actor)
{
    public const string StaleMessage = "Inovasi ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.";

    public IQueryable<Innovation> WithDetails() => db.Innovations
        .Include(i => i.Organisation).Include(i => i.Categories).Include(i => i.SdgGoals)
        .Include(i => i.TargetGroups).Include(i => i.Attachments);

    public async Task<Result<Innovation>> CreateAsync(InnovationInput input, OrganisationScope scope, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == input.OrganisationId, ct);
        if (org is null) errors.Add(nameof(input.OrganisationId), "Organisasi tidak ditemukan.");
        else if (!scope.Covers(org)) return Result<Innovation>.Forbidden();
        else if (!org.IsActive) errors.Add(nameof(input.OrganisationId), "Organisasi sudah dinonaktifkan.");
        Validate(input, errors, db.Time);
        if (errors.Any) return errors.ToResult<Innovation>();

        var innovation = new Innovation { Name = input.Name.Trim(), OrganisationId = org!.Id, Organisation = org };
        var taxonomyErrors = await ApplyAsync(innovation, input, org, ct);
        if (taxonomyErrors.Any) return taxonomyErrors.ToResult<Innovation>();
        innovation.VersionNumber = 1;
        db.Innovations.Add(innovation);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        AddVersion(innovation, [new FieldChange("*", null, "Dibuat")], "Inovasi dibuat");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Innovation>.Ok(innovation);
    }

    public async Task<Result<Innovation>> UpdateAsync(int id, InnovationInput input, OrganisationScope scope, CancellationToken ct = default)
    {
        var innovation = await WithDetails().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (innovation is null) return Result<Innovation>.NotFound();
        if (!scope.Covers(innovation.Organisation)) return Result<Innovation>.Forbidden();
        if (input.ExpectedVersion is Guid v && v != innovation.Version) return Result<Innovation>.Conflict(StaleMessage);
        if (innovation.Status == InnovationStatus.Archived)
            return Result<Innovation>.Invalid("", "Inovasi yang diarsipkan tidak dapat diubah. Pulihkan dulu dari arsip.");

        var errors = new ErrorBag();
        var org = innovation.Organisation;
        if (input.OrganisationId != 0 && input.OrganisationId != innovation.OrganisationId)
        {
            var target = await db.Organisations.FirstOrDefaultAsync(o => o.Id == input.OrganisationId, ct);
            if (target is null) errors.Add(nameof(input.OrganisationId), "Organisasi tidak ditemukan.");
            else if (!scope.Covers(target)) return Result<Innovation>.Forbidden();
            else org = target;
        }
        Validate(input, errors, db.Time);
        if (errors.Any) return errors.ToResult<Innovation>();

        var before = Snapshot(innovation);
        var taxonomyErrors = await ApplyAsync(innovation, input, org, ct);
        if (taxonomyErrors.Any) return taxonomyErrors.ToResult<Innovation>();
        innovation.OrganisationId = org.Id;
        innovation.Organisation = org;
        var changes = Diff(before, Snapshot(innovation));
        if (changes.Count == 0) return Result<Innovation>.Ok(innovation);

        innovation.VersionNumber++;
        AddVersion(innovation, changes, "Diubah: " + string.Join(", ", changes.Select(c => c.Field)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Innovation>.Conflict(StaleMessage);
        }
        return Result<Innovation>.Ok(innovation);
    }

    public async Task<Result<Innovation>> ChangeStatusAsync(int id, InnovationStatus status, OrganisationScope scope, Guid? expectedVersion, CancellationToken ct = default)
    {
        var innovation = await WithDetails().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (innovation is null) return Result<Innovation>.NotFound();
        if (!scope.Covers(innovation.Organisation)) return Result<Innovation>.Forbidden();
        if (expectedVersion is Guid v && v != innovation.Version) return Result<Innovation>.Conflict(StaleMessage);
        if (innovation.Status == status) return Result<Innovation>.Ok(innovation);

        if (status == InnovationStatus.Published)
        {
            var errors = new ErrorBag();
            CheckPublishable(innovation, errors);
            if (errors.Any) return errors.ToResult<Innovation>();
            innovation.PublishedAt ??= db.Time.GetUtcNow();
        }
        var old = innovation.Status;
        innovation.Status = status;
        innovation.VersionNumber++;
        AddVersion(innovation, [new FieldChange(nameof(Innovation.Status), old.ToString(), status.ToString())], $"Status: {old} → {status}");
        await db.SaveChangesAsync(ct);
        return Result<Innovation>.Ok(innovation);
    }

    /// <summary>What the public registry needs before an innovation may be shown.</summary>
    public static void CheckPublishable(Innovation i, ErrorBag errors)
    {
        if (string.IsNullOrWhiteSpace(i.ShortDescription)) errors.Add(nameof(i.ShortDescription), "Deskripsi singkat wajib diisi sebelum dipublikasikan.");
        if (string.IsNullOrWhiteSpace(i.Ringkasan)) errors.Add(nameof(i.Ringkasan), "Ringkasan wajib diisi sebelum dipublikasikan.");
        if (i.StartedOn is null) errors.Add(nameof(i.StartedOn), "Tanggal mulai penerapan wajib diisi sebelum dipublikasikan.");
        if (i.Categories.Count == 0) errors.Add("CategoryIds", "Pilih minimal satu kategori sebelum dipublikasikan.");
    }

    private static void Validate(InnovationInput input, ErrorBag errors, TimeProvider time)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(nameof(input.Name), "Nama inovasi wajib diisi.");
        else if (name.Length > 200) errors.Add(nameof(input.Name), "Nama inovasi maksimal 200 karakter.");
        if (input.ShortDescription is { Length: > 1000 }) errors.Add(nameof(input.ShortDescription), "Deskripsi singkat maksimal 1.000 karakter.");
        foreach (var (field, title) in InnovationSections.All)
        {
            var text = input.Section(field);
            if (text is { Length: > InnovationSections.MaxSectionLength })
                errors.Add(field, Message.Format("Bagian {0} terlalu panjang (maksimal 20.000 karakter).", Message.Key(title)));
        }
        var today = Wib.Today(time);
        if (input.StartedOn is DateOnly d && (d > today || d.Year < 1945))
            errors.Add(nameof(input.StartedOn), "Tanggal mulai penerapan tidak boleh di masa depan.");
        if (!Enum.IsDefined(input.Stage)) errors.Add(nameof(input.Stage), "Tahap inovasi tidak dikenal.");
        if (!Enum.IsDefined(input.Kind)) errors.Add(nameof(input.Kind), "Jenis inovasi tidak dikenal.");
        CheckUrl(input.VideoUrl, nameof(input.VideoUrl), errors);
        CheckUrl(input.WebsiteUrl, nameof(input.WebsiteUrl), errors);
        if (input.ContactEmail is { Length: > 0 } email && (!email.Contains('@', StringComparison.Ordinal) || email.Length > 256))
            errors.Add(nameof(input.ContactEmail), "Alamat email kontak tidak valid.");
        if (input.ContactPhone is { Length: > 50 }) errors.Add(nameof(input.ContactPhone), "Nomor telepon terlalu panjang.");
        if (input.SkNumber is { Length: > 200 }) errors.Add(nameof(input.SkNumber), "Nomor SK terlalu panjang.");
        if (input.Team.Count > 50) errors.Add(nameof(input.Team), "Tim inovator maksimal 50 orang.");
        if (input.Team.Any(t => t.Name is { Length: > 200 } || t.Position is { Length: > 200 }))
            errors.Add(nameof(input.Team), "Nama atau jabatan anggota tim terlalu panjang.");
    }

    private static void CheckUrl(string? value, string field, ErrorBag errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (value.Length > 500 || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            errors.Add(field, "Tautan harus berupa alamat web lengkap (diawali https://).");
    }

    private async Task<ErrorBag> ApplyAsync(Innovation i, InnovationInput input, Organisation org, CancellationToken ct)
    {
        var errors = new ErrorBag();
        var categories = await db.Categories.Where(c => input.CategoryIds.Contains(c.Id)).ToListAsync(ct);
        var sdgs = await db.SdgGoals.Where(c => input.SdgGoalIds.Contains(c.Id)).ToListAsync(ct);
        var groups = await db.TargetGroups.Where(c => input.TargetGroupIds.Contains(c.Id)).ToListAsync(ct);
        if (categories.Count != input.CategoryIds.Distinct().Count()) errors.Add(nameof(input.CategoryIds), "Kategori tidak dikenal.");
        if (sdgs.Count != input.SdgGoalIds.Distinct().Count()) errors.Add(nameof(input.SdgGoalIds), "Tujuan SDG tidak dikenal.");
        if (groups.Count != input.TargetGroupIds.Distinct().Count()) errors.Add(nameof(input.TargetGroupIds), "Kelompok sasaran tidak dikenal.");
        if (errors.Any) return errors;

        i.Name = input.Name.Trim();
        i.ShortDescription = input.ShortDescription?.Trim() ?? "";
        i.Ringkasan = input.Ringkasan ?? "";
        i.LatarBelakang = input.LatarBelakang ?? "";
        i.Kebaruan = input.Kebaruan ?? "";
        i.Implementasi = input.Implementasi ?? "";
        i.Signifikansi = input.Signifikansi ?? "";
        i.Adaptabilitas = input.Adaptabilitas ?? "";
        i.SumberDaya = input.SumberDaya ?? "";
        i.StrategiKeberlanjutan = input.StrategiKeberlanjutan ?? "";
        i.StartedOn = input.StartedOn;
        i.Stage = input.Stage;
        i.Kind = input.Kind;
        i.Categories = categories;
        i.SdgGoals = sdgs;
        i.TargetGroups = groups;
        i.Team = input.Team.Where(t => !string.IsNullOrWhiteSpace(t.Name))
            .Select(t => new TeamMember { Name = t.Name!.Trim(), Position = string.IsNullOrWhiteSpace(t.Position) ? null : t.Position.Trim() }).ToList();
        i.SkNumber = Clean(input.SkNumber);
        i.ContactName = Clean(input.ContactName);
        i.ContactEmail = Clean(input.ContactEmail);
        i.ContactPhone = Clean(input.ContactPhone);
        i.VideoUrl = Clean(input.VideoUrl);
        i.WebsiteUrl = Clean(input.WebsiteUrl);
        i.SearchText = $"{i.Name} {i.ShortDescription} {org.Name}".ToLowerInvariant();
        return errors;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed record FieldChange(string Field, string? Old, string? New);

    private void AddVersion(Innovation i, List<FieldChange> changes, string summary)
    {
        db.InnovationVersions.Add(new InnovationVersion
        {
            InnovationId = i.Id,
            VersionNumber = i.VersionNumber,
            At = db.Time.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            ChangesJson = JsonSerializer.Serialize(changes),
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
        });
    }

    private static Dictionary<string, string?> Snapshot(Innovation i)
    {
        var d = new Dictionary<string, string?>
        {
            [nameof(i.Name)] = i.Name,
            [nameof(i.OrganisationId)] = i.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [nameof(i.ShortDescription)] = i.ShortDescription,
            [nameof(i.StartedOn)] = i.StartedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            [nameof(i.Stage)] = i.Stage.ToString(),
            [nameof(i.Kind)] = i.Kind.ToString(),
            ["Categories"] = string.Join(", ", i.Categories.Select(c => c.Name).Order()),
            ["SdgGoals"] = string.Join(", ", i.SdgGoals.Select(c => c.Id).Order()),
            ["TargetGroups"] = string.Join(", ", i.TargetGroups.Select(c => c.Name).Order()),
            ["Team"] = string.Join("; ", i.Team.Select(t => t.Position is null ? t.Name : $"{t.Name} ({t.Position})")),
            [nameof(i.SkNumber)] = i.SkNumber,
            [nameof(i.ContactName)] = i.ContactName,
            [nameof(i.ContactEmail)] = i.ContactEmail,
            [nameof(i.ContactPhone)] = i.ContactPhone,
            [nameof(i.VideoUrl)] = i.VideoUrl,
            [nameof(i.WebsiteUrl)] = i.WebsiteUrl,
        };
        foreach (var (field, _) in InnovationSections.All) d[field] = InnovationSections.Get(i, field);
        return d;
    }

    private static List<FieldChange> Diff(Dictionary<string, string?> before, Dictionary<string, string?> after)
    {
        static string? Short(string? s) => s is { Length: > 500 } ? s[..500] + "…" : s;
        return after.Where(kv => (before.GetValueOrDefault(kv.Key) ?? "") != (kv.Value ?? ""))
            .Select(kv => new FieldChange(kv.Key, Short(before.GetValueOrDefault(kv.Key)), Short(kv.Value))).ToList();
    }
}
