using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Organisasi;

/// <summary>Edit an organisation's name, code and type, or move it (with its subtree) under another parent.</summary>
[Authorize(Policy = Policies.RegistryManager)]
public sealed class UbahModel(KovablikDbContext db, OrganisationService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TambahModel.OrganisationForm Input { get; set; } = new();

    [BindProperty]
    public string? NewParent { get; set; }

    public Organisation Organisation { get; private set; } = null!;
    public string? ParentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new TambahModel.OrganisationForm { Code = Organisation.Code, Name = Organisation.Name, Type = Organisation.Type, Parent = "-", Version = Organisation.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Remove("Input.Parent");
        ModelState.Remove(nameof(NewParent));
        if (!ModelState.IsValid) return Page();
        var result = await service.UpdateAsync(id, Input.Code, Input.Name, Input.Type, Input.Version, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = l["Perubahan disimpan."].Value;
        return RedirectToPage("Detail", new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new TambahModel.OrganisationForm { Code = Organisation.Code, Name = Organisation.Name, Type = Organisation.Type, Version = Organisation.Version };
        ModelState.Clear();
        var parent = await service.FindByCodeOrIdAsync(NewParent, ct);
        if (parent is null)
        {
            ModelState.AddModelError(nameof(NewParent), l["Organisasi induk tidak ditemukan."]);
            return Page();
        }
        var result = await service.MoveAsync(id, parent.Id, ct);
        if (!result.Succeeded)
        {
            foreach (var m in result.Errors.Values.SelectMany(v => v)) ModelState.AddModelError(nameof(NewParent), l.Message(m));
            return Page();
        }
        TempData["Flash"] = string.Format(l["Dipindahkan ke bawah {0}."], parent.Name);
        return RedirectToPage("Detail", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return false;
        Organisation = org;
        ParentName = org.ParentId is int p ? await db.Organisations.Where(o => o.Id == p).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        return true;
    }
}
