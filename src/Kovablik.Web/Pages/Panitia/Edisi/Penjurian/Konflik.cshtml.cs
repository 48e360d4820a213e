using Kovablik.Competitions.Judging.Pool;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Edisi.Penjurian;

/// <summary>
/// Every conflict of the edition: declarations (by jurors, units and Panitia, withdrawn ones too, with the assignments
/// each removed) and the conflicts in force with their causes. Panitia records a conflict or withdraws one, with a reason.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class KonflikModel(KovablikDbContext db, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string WithdrawErrorKey = "WithdrawError";

    [BindProperty]
    public ConflictForm Input { get; set; } = new();

    public int EditionId { get; private set; }
    public string EditionName { get; private set; } = "";
    public ConflictOverview Overview { get; private set; } = null!;
    public List<(int Id, string Name)> Jurors { get; private set; } = [];
    public List<(int Id, string Title, string Organisation)> Proposals { get; private set; } = [];
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await conflicts.DeclareAsPanitiaAsync(id,
            new PanitiaConflictInput { JurorId = Input.JurorId, ProposalId = Input.ProposalId, OrganisationId = Input.OrganisationId, Reason = Input.Reason }, user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = 400;
            return Page();
        }
        TempData["Flash"] = result.Value!.RemovedAssignments > 0
            ? string.Format(l["Konflik dicatat; {0} penugasan juri ini dicabut."], result.Value.RemovedAssignments)
            : l["Konflik dicatat."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int declarationId, string? withdrawReason, CancellationToken ct)
    {
        var result = await conflicts.WithdrawAsync(id, declarationId, withdrawReason, user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
            TempData[WithdrawErrorKey + declarationId] = string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        else
            TempData["Flash"] = l["Deklarasi konflik dicabut."].Value;
        return RedirectToPage(null, null, new { id }, $"deklarasi-{declarationId}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var overview = await conflicts.OverviewAsync(id, ct);
        if (overview is null) return false;
        EditionId = id;
        EditionName = await db.Editions.AsNoTracking().Where(e => e.Id == id).Select(e => e.Name).FirstAsync(ct);
        Overview = overview;
        Jurors = (await db.Jurors.AsNoTracking().Where(j => j.EditionId == id).OrderBy(j => j.DisplayName).Select(j => new { j.Id, j.DisplayName }).ToListAsync(ct))
            .Select(j => (j.Id, j.DisplayName)).ToList();
        Proposals = (await conflicts.JudgedProposals(id).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.Organisation.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title, p.Name)).ToList();
        var orgIds = await conflicts.JudgedProposals(id).Select(p => p.OrganisationId).Distinct().ToListAsync(ct);
        Organisations = (await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        return true;
    }

    public sealed class ConflictForm
    {
        public int? JurorId { get; set; }
        public int? ProposalId { get; set; }
        public int? OrganisationId { get; set; }
        public string? Reason { get; set; }
    }
}
