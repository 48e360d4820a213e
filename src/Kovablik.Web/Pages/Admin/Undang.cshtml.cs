using Kovablik.Organisations;
using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Pages.Admin;

[Authorize(Policy = Policies.RegistryManager)]
public sealed class UndangModel(InvitationService invitations, OrganisationService organisations, CurrentUser user, IOptions<KovablikOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Email wajib diisi.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Nama lengkap wajib diisi.")]
        [Display(Name = "Nama lengkap")]
        public string FullName { get; set; } = "";

        [Display(Name = "Peran")]
        public string Role { get; set; } = Roles.Operator;

        [Display(Name = "Kode atau ID organisasi")]
        public string? Organisation { get; set; }
    }

    public IEnumerable<string> RoleOptions => user.IsInRole(Roles.Administrator) ? Roles.All : Roles.All.Where(r => r != Roles.Administrator);

    public void OnGet(int? organisationId)
    {
        if (organisationId is int id) Input.Organisation = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!RoleOptions.Contains(Input.Role)) ModelState.AddModelError("Input.Role", l["Anda tidak berwenang memberikan peran ini."]);
        int? orgId = null;
        if (!string.IsNullOrWhiteSpace(Input.Organisation))
        {
            var org = await organisations.FindByCodeOrIdAsync(Input.Organisation, ct);
            if (org is null) ModelState.AddModelError("Input.Organisation", l["Organisasi tidak ditemukan."]);
            else orgId = org.Id;
        }
        if (!ModelState.IsValid) return Page();
        var result = await invitations.InviteAsync(new InvitationRequest(Input.Email, Input.FullName, Input.Role, orgId), user.Id,
            AccountsApi.BaseUrl(Request, options.Value), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.ToDictionary(kv => kv.Key == "OrganisationId" ? "Organisation" : kv.Key, kv => kv.Value), nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = string.Format(l["Undangan dikirim ke {0}."], result.Value!.Email);
        return RedirectToPage("Pengguna");
    }
}
