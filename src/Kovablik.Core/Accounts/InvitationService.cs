using System.Security.Cryptography;
using System.Text;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Accounts;

public sealed class InvitationOptions
{
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}

public sealed record InvitationRequest(string Email, string FullName, string Role, int? OrganisationId);

public sealed class InvitationService(
    KovablikDbContext db, UserManager<AppUser> users, IEmailSender email, InvitationOptions options)
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates an invitation and emails its link. Returns the invitation (the token only travels in the email).</summary>
    public async Task<Result<Invitation>> InviteAsync(InvitationRequest request, string? invitedBy, string acceptUrlBase, CancellationToken ct = default)
    {
        var errors = new ErrorBag();
        var address = request.Email?.Trim() ?? "";
        if (address.Length == 0 || address.Length > 256 || !MimeKit.MailboxAddress.TryParse(address, out _) || !address.Contains('@', StringComparison.Ordinal))
            errors.Add(nameof(request.Email), "Alamat email tidak valid.");
        var name = request.FullName?.Trim() ?? "";
        if (name.Length == 0) errors.Add(nameof(request.FullName), "Nama lengkap wajib diisi.");
        else if (name.Length > 200) errors.Add(nameof(request.FullName), "Nama lengkap maksimal 200 karakter.");
        if (!Roles.All.Contains(request.Role)) errors.Add(nameof(request.Role), "Peran tidak dikenal.");
        Organisation? org = null;
        if (request.OrganisationId is int oid)
        {
            org = await db.Organisations.FirstOrDefaultAsync(o => o.Id == oid, ct);
            if (org is null) errors.Add(nameof(request.OrganisationId), "Organisasi tidak ditemukan.");
            else if (!org.IsActive) errors.Add(nameof(request.OrganisationId), "Organisasi sudah dinonaktifkan.");
        }
        else if (Roles.Scoped.Contains(request.Role))
        {
            errors.Add(nameof(request.OrganisationId), "Peran Operator dan Pimpinan Unit wajib terikat pada satu organisasi.");
        }
        if (!errors.Any && await users.FindByEmailAsync(address) is not null)
            errors.Add(nameof(request.Email), "Sudah ada akun dengan email ini.");
        if (errors.Any) return errors.ToResult<Invitation>();

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = db.Time.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = address,
            FullName = name,
            Role = request.Role,
            OrganisationId = org?.Id,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Lifetime,
            InvitedByUserId = invitedBy,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(ct);

        var link = $"{acceptUrlBase.TrimEnd('/')}/Akun/Undangan?token={Uri.EscapeDataString(token)}";
        var until = Wib.ToWib(invitation.ExpiresAt).ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        var text = $"""
            Yth. {name},

            Anda diundang bergabung ke Kovablik sebagai {Roles.Display(request.Role)}{(org is null ? "" : $" di {org.Name}")}.
            Buka tautan berikut untuk membuat kata sandi dan mengaktifkan akun Anda:

            {link}

            Tautan ini berlaku sampai {until} WIB dan hanya dapat dipakai sekali.
            Jika Anda tidak merasa diundang, abaikan email ini.
            """;
        await email.SendAsync(address, "Undangan bergabung ke Kovablik", text, ct: ct);
        return Result<Invitation>.Ok(invitation);
    }

    /// <summary>Finds an invitation that can still be accepted; null when unknown, used, revoked or expired.</summary>
    public async Task<Invitation?> FindUsableAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = Hash(token);
        var inv = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (inv is null || inv.AcceptedAt is not null || inv.RevokedAt is not null || inv.ExpiresAt <= db.Time.GetUtcNow()) return null;
        return inv;
    }

    public async Task<Result<AppUser>> AcceptAsync(string? token, string password, CancellationToken ct = default)
    {
        var inv = await FindUsableAsync(token, ct);
        if (inv is null) return Result<AppUser>.Invalid("", "Undangan tidak ditemukan, sudah dipakai, atau sudah kedaluwarsa. Minta undangan baru kepada administrator.");
        var user = new AppUser
        {
            UserName = inv.Email,
            Email = inv.Email,
            EmailConfirmed = true,
            FullName = inv.FullName,
            OrganisationId = inv.OrganisationId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Result<AppUser>.Invalid(IdentityErrors.ToDictionary(created, "Password"));
        var role = await users.AddToRoleAsync(user, inv.Role);
        if (!role.Succeeded) return Result<AppUser>.Invalid(IdentityErrors.ToDictionary(role, ""));
        inv.AcceptedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<AppUser>.Ok(user);
    }
}

public static class IdentityErrors
{
    public static Dictionary<string, string[]> ToDictionary(IdentityResult result, string field) =>
        new() { [field] = result.Errors.Select(e => e.Description).ToArray() };
}
