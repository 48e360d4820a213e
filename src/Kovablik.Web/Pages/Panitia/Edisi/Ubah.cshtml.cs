using Kovablik.Competitions;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Edisi;

/// <summary>An edition's name, description and timeline (typed in WIB), links to its groups and eligibility, publishing.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class UbahModel(EditionService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditionUpdateInput Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new EditionUpdateInput
        {
            Name = Edition.Name,
            Description = Edition.Description,
            RegistrationOpensAt = EditionService.ToWibLocal(Edition.RegistrationOpensAt),
            RegistrationClosesAt = EditionService.ToWibLocal(Edition.RegistrationClosesAt),
            Stages = Edition.Stages.Select(s => new EditionStageInput
            {
                Name = s.Name, StartsAt = EditionService.ToWibLocal(s.StartsAt), EndsAt = EditionService.ToWibLocal(s.EndsAt),
            }).ToList(),
            ExpectedVersion = Edition.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await service.UpdateAsync(id, Input, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = l["Perubahan disimpan."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var result = await service.PublishAsync(id, Input.ExpectedVersion, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.Clear();
            if (!await LoadAsync(id, ct)) return NotFound();
            await OnGetAsync(id, ct);
            foreach (var m in result.Errors.Values.SelectMany(v => v)) ModelState.AddModelError("", l.Message(m));
            return Page();
        }
        TempData["Flash"] = l["Edisi dipublikasikan."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await service.WithDetails().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (edition is null) return false;
        Edition = edition;
        return true;
    }
}
