using Kovablik.Competitions.Judging.Results;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>
/// The objection form's target: verified persons only, under the per-address feedback limit (the per-account limit is
/// counted in the database by the service). Success redirects to the objection page; errors show the form again with
/// the text kept and the messages next to the fields.
/// </summary>
[Authorize(Policy = Policies.VerifiedPerson)]
[EnableRateLimiting(WebSetup.FeedbackRateLimit)]
public sealed class KirimModel(JudgingResultsService results, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ObjectionFormInput Input { get; set; } = new();

    public PublicEditionResults Edition { get; private set; } = null!;
    public List<PublicStageResults> OpenStages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var target = Input.ParseTarget();
        // Only stages of this edition that were published; the service checks the window and the proposal.
        if (target is not { } t || !Edition.Stages.Any(s => s.StageId == t.StageId))
        {
            ModelState.AddModelError("Input.Target", l["Pilih hasil yang disanggah dari daftar hasil yang diumumkan."]);
            Response.StatusCode = 400;
            return Page();
        }
        var result = await results.SubmitObjectionAsync(t.StageId, user.Id!, new ObjectionInput(t.ProposalId, Input.Name, Input.Text), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors.ToDictionary(kv => kv.Key == nameof(ObjectionInput.ProposalId) ? nameof(ObjectionFormInput.Target) : kv.Key, kv => kv.Value),
                nameof(Input), l);
            Response.StatusCode = result.Errors.TryGetValue("", out var general) && general.Contains(JudgingResultsService.TooManyMessage) ? 429 : 400;
            return Page();
        }
        TempData["Flash"] = l["Terima kasih. Sanggahan Anda sudah diterima dan akan ditinjau Panitia."].Value;
        return Redirect("/Kompetisi/" + Uri.EscapeDataString(Edition.Slug) + "/Sanggah");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var loaded = await ObjectionPages.LoadAsync(results, slug, ct);
        if (loaded is null) return false;
        (Edition, OpenStages) = loaded.Value;
        return true;
    }
}
