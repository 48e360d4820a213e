using Kovablik.Accounts;
using Kovablik.Feedback;
using Kovablik.Organisations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>What the comments section of an innovation page shows to the current reader.</summary>
public sealed record CommentsPanel(CommentThread Thread, bool SignedIn, bool CanPost, bool CanReport, bool CanReply, bool CanModerate);

/// <summary>
/// The comments section of an innovation page (<c>@await Component.InvokeAsync("Comments", new { innovationId })</c>):
/// loads its own data so the detail page model needs no change. Renders nothing for unpublished innovations.
/// Older comments page through <c>?komentar=N</c>.
/// </summary>
public sealed class CommentsViewComponent(FeedbackService feedback, CurrentUser user, IAuthorizationService authorization) : ViewComponent
{
    /// <param name="published">Passed by the innovation page, which has just read the status; otherwise read here.</param>
    /// <param name="publishedComments">Passed by the innovation page, which counted them with its lists.</param>
    public async Task<IViewComponentResult> InvokeAsync(int innovationId, bool? published = null, int? publishedComments = null)
    {
        var ct = HttpContext.RequestAborted;
        _ = int.TryParse(Request.Query["komentar"], out var page);
        page = Math.Clamp(page, 1, 10_000);
        // Most pages have no comments yet; an anonymous reader (the crowd) has no pending ones of their own either.
        var thread = published == true && publishedComments == 0 && page == 1 && !user.IsSignedIn
            ? new CommentThread(innovationId, 0, 1, false, [])
            : published is { } known ? await feedback.ThreadAsync(innovationId, user.Id, page, known, ct) : await feedback.ThreadAsync(innovationId, user.Id, page, ct);
        if (thread is null) return Content("");
        var verified = user.IsSignedIn && (await authorization.AuthorizeAsync(user.Principal, Policies.VerifiedPerson)).Succeeded;
        var canReply = false;
        if (thread.Comments.Count > 0 && (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.PimpinanUnit)))
            canReply = await feedback.CanReplyAsync(innovationId, await user.ScopeAsync(ct), ct);
        var moderator = user.IsSignedIn && (await authorization.AuthorizeAsync(user.Principal, Policies.CommentModerator)).Succeeded;
        return View("~/Pages/Inovasi/_Comments.cshtml", new CommentsPanel(thread, user.IsSignedIn, verified, verified, canReply, moderator));
    }

    /// <summary>The scope a reply is checked against: only unit operators and heads answer for a unit.</summary>
    public static async Task<OrganisationScope> ReplyScopeAsync(CurrentUser user, CancellationToken ct) =>
        user.IsInRole(Roles.Operator) || user.IsInRole(Roles.PimpinanUnit) ? await user.ScopeAsync(ct) : OrganisationScope.Nothing;
}
