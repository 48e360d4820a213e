using Kovablik.Competitions.Judging.Results;
using Kovablik.Competitions.Proposals;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// The unit's judging page for one of its proposals (organisation scope checked in the services: another unit's
/// proposal is not found). Sections: conflict declarations about jurors, presentation slot or visit, and the
/// feedback after results are published.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class PenjurianModel(ProposalService proposals, JudgingResultsService results, CurrentUser user) : PageModel
{
    public Competitions.Proposals.Proposal Proposal { get; private set; } = null!;
    public ProposalFeedback Feedback { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        var proposal = await proposals.GetAsync(id, scope, ct);
        if (!proposal.Succeeded) return NotFound();
        var feedback = await results.FeedbackAsync(id, scope, ct);
        if (!feedback.Succeeded) return NotFound();
        Proposal = proposal.Value!;
        Feedback = feedback.Value!;
        return Page();
    }
}
