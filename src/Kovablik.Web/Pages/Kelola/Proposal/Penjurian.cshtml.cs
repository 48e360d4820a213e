using Kovablik.Competitions.Proposals;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The unit's judging page for one of its proposals: a shell that renders the judging sections (schedule, conflict
/// declaration about jurors, feedback), each a partial that loads its own data. Organisation scope is checked here
/// and again by every section's service.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class PenjurianModel(ProposalService proposals, CurrentUser user) : PageModel
{
    public Kovablik.Competitions.Proposals.Proposal Proposal { get; private set; } = null!;
    public int Id => Proposal.Id;
    public string Title => Proposal.Title;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await proposals.GetAsync(id, await user.ScopeAsync(ct), ct);
        if (!result.Succeeded) return NotFound();
        Proposal = result.Value!;
        return Page();
    }
}
