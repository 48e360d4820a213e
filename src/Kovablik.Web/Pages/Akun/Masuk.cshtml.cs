using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kovablik.Web.Pages.Akun;

[AllowAnonymous]
[EnableRateLimiting(Infrastructure.WebSetup.LoginRateLimit)]
public sealed class MasukModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Email wajib diisi.")]
        [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError("", l["Akun ini dinonaktifkan. Hubungi administrator."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user?.UserName ?? Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturn(ReturnUrl));
        if (result.RequiresTwoFactor) return RedirectToPage("MasukDuaFaktor", new { ReturnUrl });
        if (result.IsLockedOut) return RedirectToPage("Terkunci");
        // Same message for unknown email and wrong password: do not reveal which accounts exist.
        ModelState.AddModelError("", l["Email atau kata sandi salah."]);
        return Page();
    }

    public static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
