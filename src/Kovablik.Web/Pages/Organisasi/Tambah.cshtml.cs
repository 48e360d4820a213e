using System.ComponentModel.DataAnnotations;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Organisasi;

[Authorize(Policy = Policies.RegistryManager)]
public sealed class TambahModel(KovablikDbContext db, OrganisationService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public OrganisationForm Input { get; set; } = new();

    public Organisation? Parent { get; private set; }

    public sealed class OrganisationForm
    {
        [Display(Name = "Kode")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Nama wajib diisi.")]
        [Display(Name = "Nama")]
        public string Name { get; set; } = "";

        [Display(Name = "Jenis")]
        public OrganisationType Type { get; set; } = OrganisationType.Upp;

        [Required(ErrorMessage = "Organisasi induk wajib diisi.")]
        [Display(Name = "Kode atau ID organisasi induk")]
        public string? Parent { get; set; }

        public Guid? Version { get; set; }
    }

    public async Task OnGetAsync(int? parentId, CancellationToken ct)
    {
        if (parentId is int pid)
        {
            Parent = await db.Organisations.FirstOrDefaultAsync(o => o.Id == pid, ct);
            Input.Parent = Parent?.Code ?? Parent?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parent = await service.FindByCodeOrIdAsync(Input.Parent, ct);
        if (parent is null && !string.IsNullOrWhiteSpace(Input.Parent))
            ModelState.AddModelError("Input.Parent", l["Organisasi induk tidak ditemukan."]);
        if (!ModelState.IsValid) return Page();
        var result = await service.CreateAsync(new OrganisationInput(Input.Code, Input.Name, Input.Type, parent?.Id), ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.ToDictionary(kv => kv.Key == "ParentId" ? "Parent" : kv.Key, kv => kv.Value), nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = string.Format(l["Organisasi {0} ditambahkan."], result.Value!.Name);
        return RedirectToPage("Detail", new { id = result.Value.Id });
    }
}
