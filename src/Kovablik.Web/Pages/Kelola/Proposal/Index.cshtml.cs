using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Proposal;

/// <summary>The proposals of the account's scope with their status, and a form to start one from a published innovation.</summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class IndexModel(KovablikDbContext db, ProposalService proposals, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Competitions.Proposals.Proposal> Items { get; private set; } = [];
    public Dictionary<int, string> EditionNames { get; private set; } = [];
    public List<Edition> OpenEditions { get; private set; } = [];
    public List<Innovation> Innovations { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];

    [BindProperty] public int EditionId { get; set; }
    [BindProperty] public int InnovationId { get; set; }
    [BindProperty] public string GroupCode { get; set; } = "Umum";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await proposals.CreateAsync(new ProposalCreateInput(EditionId, InnovationId, GroupCode), await user.ScopeAsync(ct), ct);
        if (result.Succeeded) return Redirect($"/Kelola/Proposal/Ubah/{result.Value!.Id}");
        Errors.AddRange(result.Errors.Values.SelectMany(v => v).Select(l.Message));
        if (Errors.Count == 0) Errors.Add(l["Data yang diminta tidak ada."]);
        Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        Items = await proposals.InScope(scope).AsNoTracking().OrderByDescending(p => p.UpdatedAt).Take(200).ToListAsync(ct);
        var editions = await db.Editions.AsNoTracking().Where(e => e.Status == EditionStatus.Published).ToListAsync(ct);
        EditionNames = editions.ToDictionary(e => e.Id, e => e.Name);
        var now = db.Time.GetUtcNow();
        OpenEditions = editions.Where(e => e.RegistrationOpensAt <= now && now < e.RegistrationClosesAt).OrderBy(e => e.Name).ToList();
        Innovations = await InnovationFilter.InScope(db.Innovations.AsNoTracking(), scope)
            .Where(i => i.Status == InnovationStatus.Published).OrderBy(i => i.Name).Take(300).ToListAsync(ct);
    }
}
