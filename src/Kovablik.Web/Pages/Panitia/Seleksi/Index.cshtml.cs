using Kovablik.Competitions;
using Kovablik.Competitions.Selection;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Seleksi;

/// <summary>Panitia's administrative-selection queue of an edition (filter by group and state) and publishing the result.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class IndexModel(KovablikDbContext db, SelectionService selection, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public Edition Edition { get; private set; } = null!;
    public SelectionQueue Queue { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public DateTimeOffset Now => db.Time.GetUtcNow();

    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public SelectionState? State { get; set; }

    public async Task<IActionResult> OnGetAsync(int editionId, CancellationToken ct) =>
        await LoadAsync(editionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int editionId, CancellationToken ct)
    {
        var result = await selection.PublishAsync(editionId, user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = l.Message(Message.Format("Hasil seleksi administrasi diumumkan: {0} lolos, {1} tidak lolos.", result.Value!.Passed, result.Value.Failed));
            return Redirect($"/Panitia/Seleksi/{editionId}");
        }
        Group = null;
        State = null;
        if (!await LoadAsync(editionId, ct)) return NotFound();
        Errors.AddRange(result.Errors.Values.SelectMany(v => v).Select(l.Message));
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<bool> LoadAsync(int editionId, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return false;
        Edition = edition;
        Queue = (await selection.QueueAsync(editionId, Group, State, ct))!;
        return true;
    }
}
