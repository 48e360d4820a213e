using System.Reflection;
using Kovablik.Platform;
using Microsoft.AspNetCore.Identity;

namespace Kovablik.Accounts;

/// <summary>
/// ASVS 5 password rules: length only (8 to 128), no composition rules, and no password from a list of
/// common or breached passwords (see Reference/Data/NOTICE-common-passwords.md).
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Kovablik.Reference.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) if (line.Length > 0) set.Add(line);
        return set;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        password ??= "";
        if (password.Length > MaxLength)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = "Kata sandi maksimal 128 karakter." }));
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = "Kata sandi ini terlalu umum atau pernah bocor. Pilih kata sandi lain, misalnya gabungan beberapa kata." }));
        return Task.FromResult(IdentityResult.Success);
    }
}

/// <summary>Identity's built-in messages in Indonesian, the default UI language.</summary>
public sealed class IndonesianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Message.Format("Kata sandi minimal {0} karakter.", length) };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Sudah ada akun dengan email ini." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Sudah ada akun dengan nama pengguna ini." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "Alamat email tidak valid." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Kata sandi salah." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Token tidak valid atau sudah kedaluwarsa." };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = Message.Format("Akun sudah memiliki peran {0}.", Message.Key(Roles.Display(role))) };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Data akun baru saja diubah. Muat ulang lalu coba lagi." };
}
