using Kovablik.Competitions.Judging.Results;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>
/// Uji publik of an edition: the objection form while a stage's window is open (verified persons; others are sent to
/// the visitor sign-in) and every published resolution with the objection it answers (never the submitter).
/// </summary>
[AllowAnonymous]
public sealed class SanggahModel(JudgingResultsService results, IAuthorizationService authorization, CurrentUser user) : PageModel
{
    public PublicEditionResults Edition { get; private set; } = null!;
    public List<PublicStageResults> OpenStages { get; private set; } = [];
    public List<PublishedObjection> Published { get; private set; } = [];
    public bool CanSubmit { get; private set; }
    public bool SignedIn => user.IsSignedIn;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var loaded = await ObjectionPages.LoadAsync(results, slug, ct);
        if (loaded is null) return NotFound();
        (Edition, OpenStages) = loaded.Value;
        Published = await results.PublishedObjectionsAsync(Edition.EditionId, ct);
        CanSubmit = user.IsSignedIn && (await authorization.AuthorizeAsync(User, Policies.VerifiedPerson)).Succeeded;
        return Page();
    }
}
