using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Accounts;

public sealed record AccountUpdate(string FullName, IReadOnlyCollection<string> Roles, int? OrganisationId, bool IsActive);

/// <summary>Changes an account's roles, organisation and active flag; every change is audited by the context.</summary>
public sealed class AccountService(KovablikDbContext db, UserManager<AppUser> users)
{
    public async Task<Result<AppUser>> UpdateAsync(string id, AccountUpdate update, bool actorIsAdministrator, string? actorId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Result<AppUser>.NotFound();
        var current = await users.GetRolesAsync(user);
        var errors = new ErrorBag();
        var name = update.FullName?.Trim() ?? "";
        if (name.Length == 0) errors.Add(nameof(update.FullName), "Nama lengkap wajib diisi.");
        else if (name.Length > 200) errors.Add(nameof(update.FullName), "Nama lengkap maksimal 200 karakter.");
        var unknown = update.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) errors.Add(nameof(update.Roles), "Peran tidak dikenal.");
        if (update.Roles.Count == 0) errors.Add(nameof(update.Roles), "Pilih minimal satu peran.");
        // Only an Administrator may grant or take away the Administrator role, or edit another administrator.
        var touchesAdmin = current.Contains(Roles.Administrator) || update.Roles.Contains(Roles.Administrator);
        if (touchesAdmin && !actorIsAdministrator) return Result<AppUser>.Forbidden();
        if (id == actorId && (!update.IsActive || (current.Contains(Roles.Administrator) && !update.Roles.Contains(Roles.Administrator))))
            errors.Add(nameof(update.IsActive), "Anda tidak dapat menonaktifkan akun sendiri atau mencabut peran Administrator Anda sendiri.");
        if (update.OrganisationId is int oid && !await db.Organisations.AnyAsync(o => o.Id == oid && o.IsActive, ct))
            errors.Add(nameof(update.OrganisationId), "Organisasi tidak ditemukan.");
        if (update.OrganisationId is null && update.Roles.Any(r => Roles.Scoped.Contains(r)))
            errors.Add(nameof(update.OrganisationId), "Peran Operator dan Pimpinan Unit wajib terikat pada satu organisasi.");
        if (errors.Any) return errors.ToResult<AppUser>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.FullName = name;
        user.OrganisationId = update.OrganisationId;
        var wasActive = user.IsActive;
        user.IsActive = update.IsActive;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return Result<AppUser>.Invalid(IdentityErrors.ToDictionary(result, ""));
        var remove = current.Except(update.Roles).ToList();
        var add = update.Roles.Except(current).Distinct().ToList();
        if (remove.Count > 0) await users.RemoveFromRolesAsync(user, remove);
        if (add.Count > 0) await users.AddToRolesAsync(user, add);
        // A new security stamp signs the account out everywhere at the next validation (roles or access changed).
        if (remove.Count > 0 || add.Count > 0 || wasActive != update.IsActive) await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        return Result<AppUser>.Ok(user);
    }
}
