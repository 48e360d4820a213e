using Kovablik.Feedback;
using Kovablik.Innovations;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>
/// Posting a comment or question on a published innovation. The innovation page's form posts here; success
/// redirects back to the comment (post-redirect-get), errors show this page with the text kept and the message
/// next to the field.
/// </summary>
[Authorize(Policy = Policies.VerifiedPerson)]
[EnableRateLimiting(WebSetup.FeedbackRateLimit)]
public sealed class KomentarModel(FeedbackService feedback, Kovablik.Data.KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The textarea's maxlength (browsers stop typing there; the server checks again for other clients).</summary>
    public const int MaxLengthAttribute = 2000;

    [BindProperty]
    public CommentForm Input { get; set; } = new();

    public int InnovationId { get; private set; }
    public string InnovationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await feedback.PostAsync(id, user.Id!, new CommentInput(Input.Kind, Input.Body), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = result.Errors.TryGetValue("", out var general) && general.Contains(FeedbackService.TooManyMessage) ? 429 : 400;
            return Page();
        }
        var comment = result.Value!;
        TempData["Flash"] = comment.Status == CommentStatus.Held
            ? l[FeedbackService.HeldMessage].Value
            : l["Terima kasih, komentar Anda sudah tampil."].Value;
        return Redirect(FeedbackService.Link(id, comment.Id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var name = await db.Innovations.AsNoTracking().Where(i => i.Id == id && i.Status == InnovationStatus.Published).Select(i => i.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        InnovationId = id;
        InnovationName = name;
        return true;
    }

    public sealed class CommentForm
    {
        public string? Kind { get; set; } = "Comment";
        public string? Body { get; set; }
    }
}
