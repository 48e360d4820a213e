using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Exhibitions;
using Kovablik.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Pengunjung;

/// <summary>Visitor sign-in, step 2: the code. A correct code creates the visitor account if needed and signs in.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.LoginRateLimit)]
public sealed class KodeModel(VisitorCodes codes, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l, ILogger<KodeModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Email wajib diisi.")]
    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [StringLength(256, ErrorMessage = "Email maksimal 256 karakter.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Kode wajib diisi.")]
    [Display(Name = "Kode")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool EmailKnown { get; private set; }

    public void OnGet()
    {
        if (TempData.Peek(MasukModel.EmailKey) is string address)
        {
            Email = address;
            EmailKnown = true;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        EmailKnown = !string.IsNullOrEmpty(Email);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            return Page();
        }
        var check = await codes.VerifyAsync(Email, Code, ct);
        if (check != CodeCheck.Valid)
        {
            ModelState.AddModelError(nameof(Code), l[check switch
            {
                CodeCheck.Expired => "Kode sudah kedaluwarsa. Minta kode baru.",
                CodeCheck.TooManyAttempts => "Terlalu banyak percobaan yang salah. Minta kode baru.",
                _ => "Kode salah atau sudah tidak berlaku.",
            }]);
            logger.LogInformation("Visitor code refused ({Check})", check);
            Response.StatusCode = 400;
            return Page();
        }
        var address = VisitorCodes.Normalise(Email);
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, FullName = "Pengunjung" };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) user = await users.FindByEmailAsync(address); // created by a parallel request
            if (user is null) return StatusCode(500);
            if (created.Succeeded) await users.AddToRoleAsync(user, Roles.Pengunjung);
        }
        // A staff account never signs in by email code, even if one was issued before it became staff.
        if (!user.IsActive || !await MasukModel.IsVisitorOnlyAsync(users, user))
        {
            ModelState.AddModelError(nameof(Code), l["Kode salah atau sudah tidak berlaku."]);
            Response.StatusCode = 400;
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        TempData.Remove(MasukModel.EmailKey);
        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Visitor {UserId} signed in by email code", user.Id);
        return LocalRedirect(Akun.MasukModel.SafeReturn(ReturnUrl));
    }
}
