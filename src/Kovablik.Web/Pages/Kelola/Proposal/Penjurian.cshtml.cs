using Kovablik.Data;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The unit's judging page for a proposal: a shell that renders the judging sections (conflicts, schedule, feedback),
/// each a partial that loads its own data. Organisation scope is checked here and again by every section's service.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class PenjurianModel(KovablikDbContext db, CurrentUser user) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Title, p.Organisation.Path }).FirstOrDefaultAsync(ct);
        if (proposal is null || !(await user.ScopeAsync(ct)).Covers(proposal.Path)) return NotFound();
        Id = proposal.Id;
        Title = proposal.Title;
        return Page();
    }
}
