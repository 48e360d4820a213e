using Kovablik.Feedback;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Moderasi;

/// <summary>One comment for a moderator: text, filter findings, reports, earlier decisions; approve or hide with a reason.</summary>
[Authorize(Policy = Policies.CommentModerator)]
public sealed class KomentarModel(FeedbackService feedback, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public ModerationCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct)
    {
        var result = await feedback.ApproveAsync(id, user.Id!, Input.Note, ct);
        return await AfterAsync(id, result, "Komentar disetujui dan tampil untuk publik.", ct);
    }

    public async Task<IActionResult> OnPostHideAsync(long id, CancellationToken ct)
    {
        var result = await feedback.HideAsync(id, user.Id!, new ModerationInput(Input.Reason, Input.Note), ct);
        return await AfterAsync(id, result, "Komentar disembunyikan; penulisnya diberi tahu alasannya.", ct);
    }

    private async Task<IActionResult> AfterAsync(long id, Result<Comment> result, string done, CancellationToken ct)
    {
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = l[done].Value;
            return RedirectToPage("Index");
        }
        ModelState.AddErrors(result.Errors, nameof(Input), l);
        Response.StatusCode = 400;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var found = await feedback.CaseAsync(id, ct);
        if (found is null) return false;
        Case = found;
        return true;
    }

    public sealed class DecisionForm
    {
        public string? Reason { get; set; }
        public string? Note { get; set; }
    }
}
