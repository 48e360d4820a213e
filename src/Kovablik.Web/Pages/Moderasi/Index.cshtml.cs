using Kovablik.Feedback;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Moderasi;

/// <summary>The moderators' queue: comments held by the filter and comments with reports nobody has reviewed yet.</summary>
[Authorize(Policy = Policies.CommentModerator)]
public sealed class IndexModel(FeedbackService feedback) : PageModel
{
    public List<QueueItem> Queue { get; private set; } = [];
    public List<QueueItem> Hidden { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Queue = await feedback.QueueAsync(ct: ct);
        Hidden = await feedback.HiddenAsync(ct: ct);
    }
}
