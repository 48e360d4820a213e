using Kovablik.Competitions;
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

/// <summary>The edition's jury pool: add Juri accounts, change their settings (?edit=id), deactivate or reactivate.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class JuriModel(KovablikDbContext db, JuryPoolService pool, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public JurorForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    public int EditionId { get; private set; }
    public string EditionName { get; private set; } = "";
    public List<PoolMember> Members { get; private set; } = [];
    public List<JurorCandidate> Candidates { get; private set; } = [];
    public List<(int Id, string Name, bool Root)> Organisations { get; private set; } = [];
    public List<string> Panels { get; private set; } = [];
    public string? Warning { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Edit is { } jurorId)
        {
            var m = Members.FirstOrDefault(x => x.Juror.Id == jurorId);
            if (m is null) return NotFound();
            var j = m.Juror;
            Input = new JurorForm
            {
                JurorId = j.Id,
                DisplayName = j.DisplayName,
                OrganisationId = j.OrganisationId,
                LoadLimit = j.LoadLimit,
                Panels = j.Panels,
                ReadingFrom = j.ReadingFrom is { } f ? DateOnly.FromDateTime(Wib.ToWib(f).DateTime) : null,
                ReadingUntil = j.ReadingUntil is { } u ? DateOnly.FromDateTime(Wib.ToWib(u).DateTime) : null,
                ExpectedVersion = j.Version,
            };
        }
        Warning = TempData["PoolWarning"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = 400;
            return Page();
        }
        var input = new JurorInput
        {
            UserId = Input.UserId,
            DisplayName = Input.DisplayName,
            OrganisationId = Input.OrganisationId,
            LoadLimit = Input.LoadLimit,
            Panels = Input.Panels,
            ReadingFrom = Input.ReadingFrom is { } f ? EditionService.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null,
            // The window includes its last day, up to midnight WIB.
            ReadingUntil = Input.ReadingUntil is { } u ? EditionService.ToUtc(u.ToDateTime(new TimeOnly(23, 59, 59))) : null,
            ExpectedVersion = Input.ExpectedVersion,
        };
        var result = Input.JurorId is { } jurorId
            ? await pool.UpdateAsync(id, jurorId, input with { UserId = null, DisplayName = Input.DisplayName ?? "" }, ct)
            : await pool.AddAsync(id, input, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
            return Page();
        }
        TempData["Flash"] = string.Format(Input.JurorId is null ? l["{0} ditambahkan ke kelompok juri."] : l["Data juri {0} disimpan."], result.Value!.DisplayName);
        if (await pool.AffiliationWarningAsync(result.Value.OrganisationId, ct) is { } warning) TempData["PoolWarning"] = l[warning].Value;
        return RedirectToPage(new { id, q = (string?)null, edit = (int?)null });
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, int jurorId, bool active, CancellationToken ct)
    {
        var result = await pool.SetActiveAsync(id, jurorId, active, ct);
        if (!result.Succeeded) return NotFound();
        TempData["Flash"] = string.Format(active ? l["{0} diaktifkan kembali."] : l["{0} dinonaktifkan; ia tidak mendapat penugasan baru."], result.Value!.DisplayName);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(ct);
        if (edition is null) return false;
        EditionId = edition.Id;
        EditionName = edition.Name;
        Members = await pool.ListAsync(id, ct);
        Candidates = await pool.CandidatesAsync(id, Q, 100, ct);
        Panels = await pool.PanelNamesAsync(id, ct);
        Organisations = (await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Depth).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.ParentId }).ToListAsync(ct)).Select(o => (o.Id, o.Name, o.ParentId == null)).ToList();
        return true;
    }

    public sealed class JurorForm
    {
        public int? JurorId { get; set; }
        public string? UserId { get; set; }
        public string? DisplayName { get; set; }
        public int? OrganisationId { get; set; }
        public int? LoadLimit { get; set; }
        public List<string> Panels { get; set; } = [];

        /// <summary>WIB dates.</summary>
        public DateOnly? ReadingFrom { get; set; }

        public DateOnly? ReadingUntil { get; set; }
        public Guid? ExpectedVersion { get; set; }
    }
}
