using Kovablik.Competitions.Judging.Scoring;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kovablik.Web.Pages.Juri;

/// <summary>The juror's queue: per edition and stage in scoring, the declaration to complete first, then what is left to score.</summary>
[Authorize(Policy = Policies.Juror)]
public sealed class IndexModel(ScoringService scoring, CurrentUser user) : PageModel
{
    public IReadOnlyList<QueueStage> Queue { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Queue = await scoring.QueueAsync(user.Id!, ct);
        Now = scoring.Now;
        return Page();
    }

    /// <summary>"2 hari 5 jam lagi" as a message, or that the deadline has passed.</summary>
    public static string TimeLeft(DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (deadline is not { } d) return Message.Format("Tenggat belum ditentukan");
        var left = d - now;
        if (left <= TimeSpan.Zero) return Message.Format("Tenggat sudah lewat");
        if (left.TotalHours < 1) return Message.Format("Kurang dari 1 jam lagi");
        if (left.TotalDays < 1) return Message.Format("{0} jam lagi", (int)left.TotalHours);
        return Message.Format("{0} hari {1} jam lagi", (int)left.TotalDays, left.Hours);
    }

    public static string StatusLabel(QueueItemStatus status) => status switch
    {
        QueueItemStatus.Submitted => "Terkirim",
        QueueItemStatus.Draft => "Draf",
        _ => "Belum dimulai",
    };
}
