using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penghargaan;

/// <summary>
/// The award register: past KIPP/KOVABLIK awards, entered one by one (after finding the innovation by name) or
/// imported from CSV. Group eligibility in every edition is decided from it.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class IndexModel(KovablikDbContext db, AwardService service, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty]
    public AwardForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Tahun { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kompetisi { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? InovasiId { get; set; }

    public List<InnovationAward> Items { get; private set; } = [];
    public int Total { get; private set; }
    public List<(int Id, string Name, string Organisation)> Found { get; private set; } = [];
    public string? ChosenName { get; private set; }
    public AwardImportReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.InnovationId = InovasiId;
        Input.Year ??= Wib.Today(db.Time).Year - 1;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var tier = string.IsNullOrEmpty(Input.Tier) ? null : AwardService.ParseTier(Input.Tier);
        var result = await service.AddAsync(new AwardInput(Input.InnovationId, Input.Year, Input.Competition, Input.Title, tier, Input.Source), user.Id, ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            InovasiId = Input.InnovationId;
            Response.StatusCode = 400;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = l["Penghargaan dicatat."].Value;
        return RedirectToPage(new { Tahun, Kompetisi });
    }

    public async Task<IActionResult> OnPostHapusAsync(int awardId, CancellationToken ct)
    {
        var result = await service.RemoveAsync(awardId, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors, "", l);
            Response.StatusCode = 400;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = l["Penghargaan dihapus."].Value;
        return RedirectToPage(new { Tahun, Kompetisi });
    }

    public async Task<IActionResult> OnPostImporAsync(IFormFile? berkas, CancellationToken ct)
    {
        ModelState.Clear();
        string? error = null;
        if (berkas is null || berkas.Length == 0) error = "Pilih berkas CSV yang akan diimpor.";
        else
        {
            await using var stream = berkas.OpenReadStream();
            Report = await service.ImportAsync(stream, user.Id, ct);
            error = Report.FileError;
        }
        if (error is not null) ModelState.AddModelError("berkas", l.Message(error));
        if (error is not null || Report is { Applied: false })
        {
            Response.StatusCode = 400;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture,
            l["Impor selesai: {0} penghargaan ditambahkan, {1} sudah tercatat."].Value, Report!.Added, Report.AlreadyKnown);
        return RedirectToPage(new { Tahun, Kompetisi });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Tahun is < 2000 or > 2100) Tahun = null;
        if (Kompetisi is { Length: > 60 }) Kompetisi = null;
        var query = service.List(year: Tahun, competition: Kompetisi);
        Total = await query.CountAsync(ct);
        Items = await query.Take(PageSize).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(Cari) && Cari.Length <= 200)
        {
            var term = Cari.Trim().ToLowerInvariant();
            Found = (await db.Innovations.AsNoTracking().Where(i => i.SearchText.Contains(term))
                .OrderBy(i => i.Name).Take(20).Select(i => new { i.Id, i.Name, Org = i.Organisation.Name }).ToListAsync(ct))
                .Select(i => (i.Id, i.Name, i.Org)).ToList();
        }
        var chosen = Input.InnovationId ?? InovasiId;
        if (chosen is int id)
            ChosenName = await db.Innovations.Where(i => i.Id == id).Select(i => i.Name + " — " + i.Organisation.Name).FirstOrDefaultAsync(ct);
    }

    public static string TierText(AwardTier tier) => tier == AwardTier.Top ? "Utama" : "Finalis";

    public sealed class AwardForm
    {
        public int? InnovationId { get; set; }
        public int? Year { get; set; }
        public string? Competition { get; set; } = "KIPP";
        public string? Title { get; set; }
        public string? Tier { get; set; }
        public string? Source { get; set; }
    }
}
