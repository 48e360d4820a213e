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

/// <summary>
/// The innovating unit's official answer to a comment. Only operators and heads whose organisation subtree holds
/// the innovation may answer (checked in <see cref="FeedbackService.ReplyAsync"/>); others get 403 with a message.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
[EnableRateLimiting(WebSetup.FeedbackRateLimit)]
public sealed class BalasModel(FeedbackService feedback, Kovablik.Data.KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ReplyForm Input { get; set; } = new();

    public CommentView? Comment { get; private set; }
    public string InnovationName { get; private set; } = "";
    public bool Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(long commentId, CancellationToken ct)
    {
        if (!await LoadAsync(commentId, ct)) return NotFound();
        if (!await feedback.CanReplyAsync(Comment!.InnovationId, await CommentsViewComponent.ReplyScopeAsync(user, ct), ct)) return Refuse();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long commentId, CancellationToken ct)
    {
        if (!await LoadAsync(commentId, ct)) return NotFound();
        var result = await feedback.ReplyAsync(commentId, user.Id!, await CommentsViewComponent.ReplyScopeAsync(user, ct), Input.Body, ct);
        switch (result.Kind)
        {
            case ResultKind.NotFound: return NotFound();
            case ResultKind.Forbidden: return Refuse();
            case ResultKind.Ok:
                TempData["Flash"] = l["Jawaban unit sudah tampil di bawah komentar."].Value;
                return Redirect(FeedbackService.Link(Comment!.InnovationId, commentId));
        }
        ModelState.AddErrors(result.Errors, nameof(Input), l);
        Response.StatusCode = result.Errors.TryGetValue("", out var general) && general.Contains(FeedbackService.TooManyMessage) ? 429 : 400;
        return Page();
    }

    private PageResult Refuse()
    {
        Refused = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<bool> LoadAsync(long commentId, CancellationToken ct)
    {
        Comment = await feedback.PublicCommentAsync(commentId, ct);
        if (Comment is null) return false;
        InnovationName = await db.Innovations.Where(i => i.Id == Comment.InnovationId).Select(i => i.Name).FirstAsync(ct);
        return true;
    }

    public sealed class ReplyForm
    {
        public string? Body { get; set; }
    }
}
