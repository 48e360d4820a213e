using Kovablik.Feedback;
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

/// <summary>Reporting a published comment: one report per person, a reason from the list and an optional note.</summary>
[Authorize(Policy = Policies.VerifiedPerson)]
[EnableRateLimiting(WebSetup.FeedbackRateLimit)]
public sealed class LaporModel(FeedbackService feedback, Kovablik.Data.KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ReportForm Input { get; set; } = new();

    public CommentView? Comment { get; private set; }
    public string InnovationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long commentId, CancellationToken ct) =>
        await LoadAsync(commentId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long commentId, CancellationToken ct)
    {
        if (!await LoadAsync(commentId, ct)) return NotFound();
        var result = await feedback.ReportAsync(commentId, user.Id!, new ReportInput(Input.Reason, Input.Note), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
            return Page();
        }
        TempData["Flash"] = l["Terima kasih, laporan Anda diterima dan akan ditinjau moderator."].Value;
        return Redirect(result.Value!.AutoHidden ? $"/Inovasi/{Comment!.InnovationId}#komentar" : FeedbackService.Link(Comment!.InnovationId, commentId));
    }

    private async Task<bool> LoadAsync(long commentId, CancellationToken ct)
    {
        Comment = await feedback.PublicCommentAsync(commentId, ct);
        if (Comment is null) return false;
        InnovationName = await db.Innovations.Where(i => i.Id == Comment.InnovationId).Select(i => i.Name).FirstAsync(ct);
        return true;
    }

    public sealed class ReportForm
    {
        public string? Reason { get; set; }
        public string? Note { get; set; }
    }
}
