using Kovablik.Exhibitions;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Pameran;

/// <summary>
/// The vote form's target (antiforgery-checked like every page POST). Anonymous visitors are sent to the email-code
/// sign-in and back to the booth; the outcome is shown on the booth page (post-redirect-get).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.VoteRateLimit)]
public sealed class PilihModel(ExhibitionVoting voting, IAuthorizationService authorization, VoteRateLimiter addressLimit, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet(string slug) => Redirect("/Pameran/" + Uri.EscapeDataString(slug));

    public async Task<IActionResult> OnPostAsync(string slug, [FromForm] string? stan, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(stan) || stan.Length > 20 || slug.Length > 100) return NotFound();
        var booth = ExhibitionView.BoothPath(slug, stan);
        if (!user.IsSignedIn) return Redirect("/Pengunjung/Masuk?ReturnUrl=" + Uri.EscapeDataString(booth));
        if (!(await authorization.AuthorizeAsync(User, Policies.VerifiedPerson)).Succeeded) return Forbid();
        if (!addressLimit.TryAcquire(HttpContext)) return StatusCode(StatusCodes.Status429TooManyRequests);
        var outcome = await voting.VoteAsync(slug, stan, user.Id!, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome.Status == VoteStatus.NotFound) return NotFound();
        TempData["VoteMessage"] = l.Message(outcome.Message);
        TempData["VoteOk"] = outcome.Status == VoteStatus.Counted;
        return Redirect(booth);
    }
}
