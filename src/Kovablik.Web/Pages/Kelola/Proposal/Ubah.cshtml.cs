using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>
/// Write a proposal's sections with the checklist beside them, submit it, and (unit head, organisers) return or
/// approve it. Plain form posts: works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class UbahModel(KovablikDbContext db, ProposalService proposals, ProposalEvidenceService evidence, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly string[] VersionInputs = ["version-save", "version-submit", "version-withdraw"];

    public Competitions.Proposals.Proposal Proposal { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public ProposalChecklist Checklist { get; private set; } = null!;
    public ProposalEvidence Evidence { get; private set; } = null!;
    public List<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }

    public bool CanReview => user.IsInRole(Roles.PimpinanUnit) || user.IsGlobal;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public Dictionary<string, string?> Sections { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (TempData["Notice"] is string notice) Notice = l[notice];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        await Act(id, "Tersimpan", async scope => await proposals.SaveDraftAsync(id, new ProposalDraftInput { Title = Title, Sections = Sections, ExpectedVersion = Version }, scope, ct), ct);

    /// <summary>htmx autosave of the form: answers with the save status and the new version for every form on the page.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id, CancellationToken ct)
    {
        var result = await proposals.SaveDraftAsync(id, new ProposalDraftInput { Title = Title, Sections = Sections, ExpectedVersion = Version }, await user.ScopeAsync(ct), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        if (!result.Succeeded)
            return Content("<span class=\"text-danger\">" + encoder.Encode(string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message))) + "</span>", "text/html");
        var version = result.Value!.Version.ToString();
        var html = encoder.Encode(l["Tersimpan"]) + string.Concat(VersionInputs.Select(v => $"<input type=\"hidden\" id=\"{v}\" name=\"Version\" value=\"{version}\" hx-swap-oob=\"true\" />"));
        return Content(html, "text/html");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await Act(id, "Proposal diajukan.", async scope => await proposals.SubmitAsync(id, Version, scope, ct), ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        await Act(id, "Proposal ditarik.", async scope => await proposals.WithdrawAsync(id, Version, scope, ct), ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        !CanReview ? Forbid() : await Act(id, "Proposal dikembalikan ke unit.", async scope => await proposals.ReturnAsync(id, Comment, Version, scope, ct), ct);

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        !CanReview ? Forbid() : await Act(id, "Proposal disetujui.", async scope => await proposals.ApproveAsync(id, Version, scope, ct), ct);

    private async Task<IActionResult> Act(int id, string notice, Func<Organisations.OrganisationScope, Task<Result<Competitions.Proposals.Proposal>>> action, CancellationToken ct)
    {
        var result = await action(await user.ScopeAsync(ct));
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect($"/Kelola/Proposal/Ubah/{id}");
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Errors.AddRange(result.Errors.Values.SelectMany(v => v).Select(l.Message));
        Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await proposals.GetAsync(id, await user.ScopeAsync(ct), ct);
        if (!found.Succeeded) return false;
        Proposal = found.Value!;
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == Proposal.EditionId, ct);
        Checklist = await proposals.ChecklistAsync(Proposal, ct);
        Evidence = (await evidence.GetAsync(id, await user.ScopeAsync(ct), ct)).Value!;
        return true;
    }
}
