using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penjurian;

/// <summary>An edition's judging: start it (default stages), then every stage with its status, counts and pages.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class IkhtisarModel(KovablikDbContext db, JudgingSetupService setup, StageService stages, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public List<StageSummary> Stages { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken ct)
    {
        var result = await setup.StartAsync(id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = l["Penjurian dimulai dengan tahap bawaan."].Value;
            return Redirect($"/Panitia/Edisi/{id}/Penjurian");
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.AddRange(result.Errors.Values.SelectMany(v => v).Select(l.Message));
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (edition is null) return false;
        Edition = edition;
        Stages = await stages.OverviewAsync(id, ct);
        return true;
    }
}
