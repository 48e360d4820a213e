using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Akun;

[AllowAnonymous]
[EnableRateLimiting(WebSetup.LoginRateLimit)]
public sealed class AturUlangSandiModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public UndanganModel.AcceptInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        if (user is null || !user.IsActive || string.IsNullOrWhiteSpace(Token))
        {
            ModelState.AddModelError("", l["Tautan tidak valid atau sudah kedaluwarsa. Minta tautan baru."]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "InvalidToken" ? "" : "Input.Password", e.Code == "InvalidToken" ? l["Tautan tidak valid atau sudah kedaluwarsa. Minta tautan baru."] : l.Message(e.Description));
            return Page();
        }
        // A failed-attempt lockout should not outlive a proven reset.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = l["Kata sandi sudah diganti. Silakan masuk dengan kata sandi baru."].Value;
        return RedirectToPage("Masuk");
    }
}
