using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Pages.Akun;

/// <summary>Forgotten password: emails a one-time reset link. The answer is the same whether or not the address exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.LoginRateLimit)]
public sealed class LupaSandiModel(UserManager<AppUser> users, IEmailSender email, IOptions<KovablikOptions> options, ILogger<LupaSandiModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Email wajib diisi.")]
    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { IsActive: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{Api.AccountsApi.BaseUrl(Request, options.Value)}/Akun/AturUlangSandi?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
            var text = $"""
                Yth. {user.FullName},

                Ada permintaan untuk mengatur ulang kata sandi akun Kovablik Anda. Buka tautan berikut untuk membuat kata sandi baru:

                {link}

                Tautan ini hanya dapat dipakai sekali. Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.
                """;
            await email.SendAsync(user.Email!, "Atur ulang kata sandi Kovablik", text, ct: ct);
            logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
        }
        Sent = true;
        return Page();
    }
}
