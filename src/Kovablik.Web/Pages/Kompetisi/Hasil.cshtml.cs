using Kovablik.Competitions.Judging.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>The published judging results of an edition, per stage, with CSV and JSON downloads.</summary>
[AllowAnonymous]
public sealed class HasilModel(JudgingResultsService results) : PageModel
{
    public PublicEditionResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (slug.Length > 200) return NotFound();
        var found = await results.PublicResultsAsync(slug, ct);
        if (found is null) return NotFound();
        Results = found;
        return Page();
    }
}
