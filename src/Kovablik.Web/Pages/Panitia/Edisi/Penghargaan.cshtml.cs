using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Judging.Awards;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Pages.Panitia.Edisi;

/// <summary>Awards of an edition: tiers, the suggestion from the final ranking and Panitia's changes, confirmation, certificates, the KIPP pack.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class PenghargaanModel(KovablikDbContext db, EditionAwardService service, KippPack kipp, CurrentUser user, IOptions<KovablikOptions> options,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardBoard Board { get; private set; } = null!;
    public List<Certificate> Certificates { get; private set; } = [];

    /// <summary>Proposals Panitia may add to a tier: those that passed administrative selection, with their final rank if any.</summary>
    public List<(int Id, string Label)> Candidates { get; private set; } = [];

    [BindProperty] public TierForm Tier { get; set; } = new();
    [BindProperty] public AdjustForm Adjust { get; set; } = new();
    [BindProperty] public RevokeForm Revoke { get; set; } = new();
    [BindProperty] public List<int> GrantIds { get; set; } = [];

    public int Pending => Board.Tiers.Sum(t => t.Entries.Count(e => !e.Confirmed));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDefaultsAsync(int id, CancellationToken ct)
    {
        var result = await service.AddDefaultTiersAsync(id, ct);
        if (!result.Succeeded) return NotFound();
        TempData["Flash"] = l["Tingkat penghargaan bawaan ditambahkan."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTierAsync(int id, CancellationToken ct)
    {
        Kovablik.Competitions.Validation.AwardTier? tier = string.IsNullOrWhiteSpace(Tier.Tier) ? null : AwardService.ParseTier(Tier.Tier);
        var result = await service.AddTierAsync(id, new TierInput(Tier.Title, tier, Tier.Places, Tier.GroupCode, Tier.Order), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ErrorsAsync(id, result.Errors, nameof(Tier), ct);
        TempData["Flash"] = l["Tingkat penghargaan ditambahkan."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteTierAsync(int id, int tierId, CancellationToken ct)
    {
        var result = await service.DeleteTierAsync(id, tierId, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ErrorsAsync(id, result.Errors, nameof(Tier), ct);
        TempData["Flash"] = l["Tingkat penghargaan dihapus."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAdjustAsync(int id, CancellationToken ct)
    {
        var action = JudgingAwardsApi.ParseAction(Adjust.Action);
        var result = await service.AdjustAsync(id, new AdjustmentInput(Adjust.TierId, Adjust.ProposalId, action, Adjust.Reason), user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ErrorsAsync(id, result.Errors, nameof(Adjust), ct);
        TempData["Flash"] = l["Usulan penghargaan diubah."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        var result = await service.ConfirmAsync(id, user.Id, AccountsApi.BaseUrl(Request, options.Value), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ErrorsAsync(id, result.Errors, "", ct, result.Kind == ResultKind.Conflict ? 409 : 400);
        TempData["Flash"] = l.Message(Message.Format("{0} penghargaan ditetapkan, sertifikat diterbitkan, dan unit diberi tahu.", result.Value!.Awarded));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == Revoke.Code && c.EditionId == id, ct);
        if (certificate is null) return NotFound();
        var result = await service.RevokeAsync(certificate.Code, Revoke.Reason, user.Id, ct);
        if (!result.Succeeded) return await ErrorsAsync(id, result.Errors, nameof(Revoke), ct);
        TempData["Flash"] = l["Sertifikat dicabut."].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostKippAsync(int id, CancellationToken ct)
    {
        if (GrantIds.Count == 0)
        {
            ModelState.AddModelError(nameof(GrantIds), l["Pilih minimal satu pemenang yang penghargaannya sudah ditetapkan."]);
            return await ErrorsAsync(id, new Dictionary<string, string[]>(), "", ct);
        }
        var result = await kipp.BuildAsync(id, GrantIds, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ErrorsAsync(id, result.Errors.ToDictionary(kv => kv.Key == "GrantIds" ? nameof(GrantIds) : kv.Key, kv => kv.Value), "", ct);
        return File(result.Value!.Zip, "application/zip", result.Value.FileName);
    }

    private async Task<IActionResult> ErrorsAsync(int id, IReadOnlyDictionary<string, string[]> errors, string prefix, CancellationToken ct, int status = 400)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        foreach (var (field, messages) in errors)
            foreach (var m in messages)
                ModelState.AddModelError(field.Length == 0 ? "" : prefix.Length == 0 ? field : $"{prefix}.{field}", l.Message(m));
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var board = await service.BoardAsync(id, ct);
        if (board is null) return false;
        Board = board;
        Certificates = await service.CertificatesAsync(id, ct);
        var ranks = board.Ranking.ToDictionary(r => r.ProposalId, r => r.Rank);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.EditionId == id && p.Selection == SelectionOutcome.Passed)
            .Select(p => new { p.Id, p.Title, Org = p.Organisation.Name }).ToListAsync(ct);
        Candidates = proposals.OrderBy(p => ranks.TryGetValue(p.Id, out var r) ? r : int.MaxValue).ThenBy(p => p.Title, StringComparer.Ordinal)
            .Select(p => (p.Id, (ranks.TryGetValue(p.Id, out var r) ? $"#{r} · " : "") + $"{p.Title} — {p.Org}")).ToList();
        return true;
    }

    public sealed class TierForm
    {
        public string? Title { get; set; }
        public string? Tier { get; set; }
        public int? Places { get; set; }
        public string? GroupCode { get; set; }
        public int? Order { get; set; }
    }

    public sealed class AdjustForm
    {
        public int? TierId { get; set; }
        public int? ProposalId { get; set; }
        public string? Action { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class RevokeForm
    {
        public string? Code { get; set; }
        public string? Reason { get; set; }
    }
}
