using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Organisations;

public sealed record OrganisationInput(string? Code, string Name, OrganisationType Type, int? ParentId, string? RegionCode = null);

/// <summary>Create, edit, move and deactivate organisations while keeping the materialised paths right.</summary>
public sealed class OrganisationService(KovablikDbContext db)
{
    public const int MaxNameLength = 300;
    public const int MaxCodeLength = 64;

    public static string MakeSearchText(string? code, string name) => $"{code} {name}".Trim().ToLowerInvariant();

    /// <summary>People type official codes ("35.78") more often than ids, so forms accept both; the code wins.</summary>
    public async Task<Organisation?> FindByCodeOrIdAsync(string? value, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        var byCode = await db.Organisations.FirstOrDefaultAsync(o => o.Code == value, ct);
        if (byCode is not null) return byCode;
        return int.TryParse(value, out var id) ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct) : null;
    }

    public async Task<Result<Organisation>> CreateAsync(OrganisationInput input, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        var code = Normalise(input.Code);
        var name = input.Name?.Trim() ?? "";
        ValidateBasics(code, name, input.Type, errors);
        Organisation? parent = null;
        if (input.ParentId is int pid)
        {
            parent = await db.Organisations.FirstOrDefaultAsync(o => o.Id == pid, ct);
            if (parent is null) errors.Add(nameof(input.ParentId), "Organisasi induk tidak ditemukan.");
            else if (!parent.IsActive) errors.Add(nameof(input.ParentId), "Organisasi induk sudah dinonaktifkan.");
        }
        else if (input.Type != OrganisationType.Provinsi)
        {
            errors.Add(nameof(input.ParentId), "Organisasi induk wajib diisi.");
        }
        if (code is not null && await db.Organisations.AnyAsync(o => o.Code == code, ct))
            errors.Add(nameof(input.Code), "Kode sudah dipakai organisasi lain.");
        if (errors.Any) return errors.ToResult<Organisation>();

        var org = new Organisation
        {
            Code = code,
            Name = name,
            Type = input.Type,
            ParentId = parent?.Id,
            RegionCode = Normalise(input.RegionCode),
            SearchText = MakeSearchText(code, name),
            Depth = parent is null ? 0 : parent.Depth + 1,
        };
        db.Organisations.Add(org);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        org.Path = $"{parent?.Path ?? "/"}{org.Id}/";
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return Result<Organisation>.Ok(org);
    }

    public async Task<Result<Organisation>> UpdateAsync(int id, string? code, string name, OrganisationType type, Guid? expectedVersion, CancellationToken ct = default)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return Result<Organisation>.NotFound();
        if (expectedVersion is Guid v && v != org.Version)
            return Result<Organisation>.Conflict("Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");

        var errors = new ErrorBag();
        code = Normalise(code);
        name = name?.Trim() ?? "";
        ValidateBasics(code, name, type, errors);
        if (code is not null && await db.Organisations.AnyAsync(o => o.Code == code && o.Id != id, ct))
            errors.Add("Code", "Kode sudah dipakai organisasi lain.");
        if (type == OrganisationType.Provinsi && org.ParentId is not null)
            errors.Add("Type", "Hanya organisasi puncak yang dapat bertipe Provinsi.");
        if (errors.Any) return errors.ToResult<Organisation>();

        org.Code = code;
        org.Name = name;
        org.Type = type;
        org.SearchText = MakeSearchText(code, name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Organisation>.Conflict("Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda.");
        }
        return Result<Organisation>.Ok(org);
    }

    /// <summary>Moves a subtree under a new parent; refuses cycles (moving a node under its own descendant).</summary>
    public async Task<Result<Organisation>> MoveAsync(int id, int newParentId, CancellationToken ct = default)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return Result<Organisation>.NotFound();
        var parent = await db.Organisations.FirstOrDefaultAsync(o => o.Id == newParentId, ct);
        if (parent is null) return Result<Organisation>.Invalid("ParentId", "Organisasi induk tidak ditemukan.");
        if (parent.Path.StartsWith(org.Path, StringComparison.Ordinal))
            return Result<Organisation>.Invalid("ParentId", "Organisasi tidak dapat dipindahkan ke bawah dirinya sendiri atau turunannya.");
        if (!parent.IsActive) return Result<Organisation>.Invalid("ParentId", "Organisasi induk sudah dinonaktifkan.");
        if (org.Type == OrganisationType.Provinsi) return Result<Organisation>.Invalid("ParentId", "Organisasi Provinsi tidak dapat dipindahkan.");
        if (org.ParentId == parent.Id) return Result<Organisation>.Ok(org);

        var oldPath = org.Path;
        var newPath = $"{parent.Path}{org.Id}/";
        var depthDelta = parent.Depth + 1 - org.Depth;
        var subtree = await db.Organisations.Where(o => o.Path.StartsWith(oldPath)).ToListAsync(ct);
        foreach (var node in subtree)
        {
            node.Path = string.Concat(newPath, node.Path.AsSpan(oldPath.Length));
            node.Depth += depthDelta;
        }
        org.ParentId = parent.Id;
        await db.SaveChangesAsync(ct);
        return Result<Organisation>.Ok(org);
    }

    /// <summary>Deactivates an organisation and its whole subtree (history is kept; nothing is deleted).</summary>
    public async Task<Result<int>> SetActiveAsync(int id, bool active, CancellationToken ct = default)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return Result<int>.NotFound();
        if (active && org.ParentId is int pid && !await db.Organisations.AnyAsync(o => o.Id == pid && o.IsActive, ct))
            return Result<int>.Invalid("IsActive", "Aktifkan dulu organisasi induknya.");
        var nodes = active
            ? [org]
            : await db.Organisations.Where(o => o.Path.StartsWith(org.Path) && o.IsActive).ToListAsync(ct);
        foreach (var n in nodes) n.IsActive = active;
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(nodes.Count);
    }

    private static void ValidateBasics(string? code, string name, OrganisationType type, ErrorBag errors)
    {
        if (name.Length == 0) errors.Add("Name", "Nama wajib diisi.");
        else if (name.Length > MaxNameLength) errors.Add("Name", "Nama terlalu panjang (maksimal 300 karakter).");
        if (code is { Length: > MaxCodeLength }) errors.Add("Code", "Kode terlalu panjang (maksimal 64 karakter).");
        if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/'))
            errors.Add("Code", "Kode hanya boleh berisi huruf, angka, titik, garis bawah, garis miring dan tanda hubung.");
        if (!Enum.IsDefined(type)) errors.Add("Type", "Jenis organisasi tidak dikenal.");
    }

    private static string? Normalise(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();
}
