using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Organisasi;

/// <summary>Deactivates (with its subtree) or reactivates an organisation; POST only, then back to its page.</summary>
[Authorize(Policy = Policies.RegistryManager)]
public sealed class StatusModel(OrganisationService service, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet(int id) => RedirectToPage("Detail", new { id });

    public async Task<IActionResult> OnPostAsync(int id, bool active, CancellationToken ct)
    {
        var result = await service.SetActiveAsync(id, active, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded
            ? (active ? l["Organisasi diaktifkan kembali."].Value : string.Format(l["{0} organisasi dinonaktifkan."], result.Value))
            : string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        return RedirectToPage("Detail", new { id });
    }
}
