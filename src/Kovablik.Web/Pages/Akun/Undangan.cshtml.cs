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

/// <summary>Accept an invitation: the invited person chooses a password and the account is created.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.LoginRateLimit)]
public sealed class UndanganModel(InvitationService invitations, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public Invitation? Invitation { get; private set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public sealed class AcceptInput
    {
        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [StringLength(128, MinimumLength = 8, ErrorMessage = "Kata sandi 8 sampai 128 karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi baru")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "Konfirmasi kata sandi tidak sama.")]
        [DataType(DataType.Password)]
        [Display(Name = "Ulangi kata sandi")]
        public string Confirm { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => Invitation = await invitations.FindUsableAsync(Token, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Invitation = await invitations.FindUsableAsync(Token, ct);
        if (Invitation is null) return Page();
        if (!ModelState.IsValid) return Page();
        var result = await invitations.AcceptAsync(Token, Input.Password, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            return Page();
        }
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        TempData["Flash"] = l["Selamat datang di Kovablik. Akun Anda sudah aktif."].Value;
        return Roles.RequireTwoFactor.Contains(Invitation.Role) ? RedirectToPage("DuaFaktor") : LocalRedirect("/");
    }
}
