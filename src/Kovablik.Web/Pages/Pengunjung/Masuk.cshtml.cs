using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Exhibitions;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Pengunjung;

/// <summary>
/// Visitor sign-in, step 1: an email address receives a six-digit code. The page answers the same whether or not
/// the address has an account; staff addresses get an email pointing to the password sign-in instead of a code
/// (a code must never replace a password and second factor).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.LoginRateLimit)]
public sealed class MasukModel(VisitorCodes codes, UserManager<AppUser> users, IEmailSender email, IStringLocalizer<SharedResource> l, ILogger<MasukModel> logger) : PageModel
{
    public const string EmailKey = "VisitorEmail";

    [BindProperty]
    [Required(ErrorMessage = "Email wajib diisi.")]
    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [StringLength(256, ErrorMessage = "Email maksimal 256 karakter.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            return Page();
        }
        var address = VisitorCodes.Normalise(Email);
        var ipHash = VisitorCodes.HashIp(HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!await codes.MaySendAsync(address, ipHash, ct))
        {
            ModelState.AddModelError("", l[VisitorCodes.TooManyRequestsMessage]);
            Response.StatusCode = 429;
            return Page();
        }
        var user = await users.FindByEmailAsync(address);
        if (user is null || (user.IsActive && await IsVisitorOnlyAsync(users, user)))
        {
            var code = await codes.CreateAsync(address, ipHash, ct);
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, """
                Kode verifikasi Kovablik Anda:

                {0}

                Masukkan kode ini di halaman verifikasi dalam 10 menit. Kode hanya dapat dipakai sekali.
                Jika Anda tidak memintanya, abaikan email ini.
                """, code);
            await email.SendAsync(address, "Kode verifikasi Kovablik", text, ct: ct);
        }
        else
        {
            // Counted like a code request, so the limits reveal nothing about which addresses exist.
            await codes.RecordRequestAsync(address, ipHash, ct);
            if (user.IsActive)
                await email.SendAsync(address, "Kode verifikasi Kovablik", textBody: """
                    Ada permintaan kode verifikasi pengunjung untuk alamat ini. Alamat ini terdaftar sebagai akun staf Kovablik,
                    jadi masuklah dengan kata sandi (dan verifikasi dua langkah) di halaman Masuk, bukan dengan kode.
                    Jika Anda tidak memintanya, abaikan email ini.
                    """, ct: ct);
            logger.LogInformation("Visitor code requested for staff or inactive account {UserId}; no code issued", user.Id);
        }
        TempData[EmailKey] = address;
        return RedirectToPage("Kode", new { ReturnUrl = Akun.MasukModel.SafeReturn(ReturnUrl) });
    }

    /// <summary>An account that is nothing but a visitor: no password and no role besides Pengunjung.</summary>
    public static async Task<bool> IsVisitorOnlyAsync(UserManager<AppUser> users, AppUser user) =>
        user.PasswordHash is null && (await users.GetRolesAsync(user)) is { Count: 1 } roles && roles[0] == Roles.Pengunjung;
}
