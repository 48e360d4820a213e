using Kovablik.Organisations;
using System.ComponentModel.DataAnnotations;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Admin.Akun;

[Authorize(Policy = Policies.RegistryManager)]
public sealed class UbahModel(KovablikDbContext db, UserManager<AppUser> users, AccountService accounts, OrganisationService organisations, CurrentUser current, IStringLocalizer<SharedResource> l) : PageModel
{
    public AppUser Account { get; private set; } = null!;

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Nama lengkap wajib diisi.")]
        [Display(Name = "Nama lengkap")]
        public string FullName { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        [Display(Name = "Kode atau ID organisasi")]
        public string? Organisation { get; set; }

        public bool IsActive { get; set; } = true;
    }

    public IEnumerable<string> RoleOptions => current.IsInRole(Kovablik.Accounts.Roles.Administrator) ? Kovablik.Accounts.Roles.All : Kovablik.Accounts.Roles.All.Where(r => r != Kovablik.Accounts.Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Account = user;
        Input = new AccountInput
        {
            FullName = user.FullName,
            Roles = (await users.GetRolesAsync(user)).ToList(),
            Organisation = user.OrganisationId is int oid ? await db.Organisations.Where(o => o.Id == oid).Select(o => o.Code ?? o.Id.ToString()).FirstOrDefaultAsync(ct) : null,
            IsActive = user.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Account = user;
        int? orgId = null;
        if (!string.IsNullOrWhiteSpace(Input.Organisation))
        {
            var org = await organisations.FindByCodeOrIdAsync(Input.Organisation, ct);
            if (org is null) ModelState.AddModelError("Input.Organisation", l["Organisasi tidak ditemukan."]);
            else orgId = org.Id;
        }
        if (!ModelState.IsValid) return Page();
        var result = await accounts.UpdateAsync(id, new AccountUpdate(Input.FullName, Input.Roles, orgId, Input.IsActive),
            current.IsInRole(Kovablik.Accounts.Roles.Administrator), current.Id, ct);
        if (result.Kind == ResultKind.Forbidden) return Forbid();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.ToDictionary(kv => kv.Key == "OrganisationId" ? "Organisation" : kv.Key, kv => kv.Value), nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = l["Perubahan disimpan."].Value;
        return RedirectToPage("/Admin/Pengguna");
    }
}
