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
public sealed class MasukDuaFaktorModel(SignInManager<AppUser> signIn, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Kode wajib diisi.")]
    [StringLength(11, MinimumLength = 6, ErrorMessage = "Kode terdiri dari 6 angka, atau kode pemulihan.")]
    [Display(Name = "Kode autentikator atau kode pemulihan")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Masuk");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Masuk");
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded) return LocalRedirect(MasukModel.SafeReturn(ReturnUrl));
        if (result.IsLockedOut) return RedirectToPage("Terkunci");
        ModelState.AddModelError(nameof(Code), l["Kode salah atau sudah kedaluwarsa."]);
        return Page();
    }
}
