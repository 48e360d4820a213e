using System.Text.Json;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Selection;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Seleksi;

/// <summary>
/// One proposal in administrative selection: its sections (read-only), the frozen snapshot, the validator's
/// checklist, and the decision form with reason codes pre-ticked from the blocking findings. Plain form posts.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class PeriksaModel(KovablikDbContext db, SelectionService selection, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public Competitions.Proposals.Proposal Proposal { get; private set; } = null!;
    public Edition Edition { get; private set; } = null!;
    public ProposalChecklist Checklist { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    public int? SnapshotVersion { get; private set; }
    public HashSet<string> Ticked { get; private set; } = [];

    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public List<string> ReasonCodes { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateTime? RepairUntil { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int proposalId, CancellationToken ct)
    {
        if (!await LoadAsync(proposalId, ct)) return NotFound();
        Ticked = Proposal.SelectionReasons.Count > 0 ? [.. Proposal.SelectionReasons] : [.. SelectionService.SuggestedReasons(Checklist)];
        Note = Proposal.SelectionNote;
        RepairUntil = EditionService.ToWibLocal(Proposal.RepairUntil);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int proposalId, CancellationToken ct)
    {
        // A value the browser could not parse as a date reaches here as a binding error: say so next to the field.
        if (ModelState[nameof(RepairUntil)]?.Errors.Count > 0)
        {
            ModelState.Remove(nameof(RepairUntil));
            ModelState.AddModelError(nameof(RepairUntil), l["Tanggal dan jam tidak valid."]);
        }
        else
        {
            ModelState.Clear();
            var result = await selection.DecideAsync(proposalId, new SelectionDecisionInput
            {
                Outcome = Outcome, ReasonCodes = ReasonCodes, Note = Note, RepairUntil = EditionService.ToUtc(RepairUntil), ExpectedVersion = Version,
            }, user.Id, ct);
            if (result.Kind == ResultKind.NotFound) return NotFound();
            if (result.Succeeded)
            {
                var p = result.Value!;
                TempData["Flash"] = l.Message(Message.Format("Keputusan untuk “{0}” disimpan: {1}.", p.Title, Message.Key(SelectionLabels.Display(p.Selection))));
                return Redirect($"/Panitia/Seleksi/{p.EditionId}");
            }
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages) ModelState.AddModelError(field, l.Message(m));
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(proposalId, ct)) return NotFound();
        if (Response.StatusCode == 200) Response.StatusCode = 400;
        Ticked = [.. ReasonCodes];
        return Page();
    }

    private async Task<bool> LoadAsync(int proposalId, CancellationToken ct)
    {
        var found = await selection.ExamineAsync(proposalId, ct);
        if (found is null) return false;
        (Proposal, Checklist) = found.Value;
        Edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == Proposal.EditionId, ct);
        CanDecide = SelectionService.IsDecidable(Proposal.Status, Proposal.Selection, Proposal.RepairUntil, Proposal.SelectionPublishedAt, db.Time.GetUtcNow());
        if (Proposal.SnapshotJson is { } json)
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("VersionNumber", out var v) && v.TryGetInt32(out var n)) SnapshotVersion = n;
        }
        return true;
    }
}
