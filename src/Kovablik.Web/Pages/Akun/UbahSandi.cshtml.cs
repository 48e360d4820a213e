using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Akun;

/// <summary>Change one's own password (the current one is required); other sessions are signed out.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class UbahSandiModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Kata sandi saat ini wajib diisi.")]
    [DataType(DataType.Password)]
    [Display(Name = "Kata sandi saat ini")]
    public string Current { get; set; } = "";

    [BindProperty]
    public UndanganModel.AcceptInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(Current) : "Input.Password", l.Message(e.Description));
            return Page();
        }
        // ChangePassword renews the security stamp: refresh this session, the others end at their next check.
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = l["Kata sandi sudah diganti."].Value;
        return RedirectToPage("DuaFaktor");
    }
}
