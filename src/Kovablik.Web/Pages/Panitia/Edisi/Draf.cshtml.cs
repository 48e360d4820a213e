using Kovablik.Competitions.Deadlines;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Panitia.Edisi;

/// <summary>Proposals not yet submitted, per agency, with what each still misses: who to call before the deadline.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class DrafModel(DraftsBoardService service) : PageModel
{
    public DraftsBoard Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var board = await service.BuildAsync(id, ct);
        if (board is null) return NotFound();
        Board = board;
        return Page();
    }
}
