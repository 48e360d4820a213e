using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Inovasi;

/// <summary>Create or edit an innovation, manage its attachments and move it through Draft → Published → Archived.</summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class UbahModel(KovablikDbContext db, InnovationService innovations, AttachmentService attachments, OrganisationService organisations, CurrentUser user,
    AttachmentOptions attachmentOptions, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int MaxOrganisationOptions = 300;

    [BindProperty]
    public InnovationInput Input { get; set; } = new();

    /// <summary>Organisation chosen by code or id when the scope is too large for a list.</summary>
    [BindProperty]
    public string? OrganisationRef { get; set; }

    public Innovation? Innovation { get; private set; }
    public List<Organisation> OrganisationOptions { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public List<SdgGoal> Sdgs { get; private set; } = [];
    public List<TargetGroup> TargetGroups { get; private set; } = [];
    public long MaxUploadBytes => attachmentOptions.MaxBytes;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is int existing)
        {
            var found = await LoadInnovationAsync(existing, ct);
            if (found is not null) return found;
            Input = InnovationInput.From(Innovation!);
        }
        await LoadOptionsAsync(ct);
        if (id is null)
        {
            var scope = await user.ScopeAsync(ct);
            if (scope.OrganisationId is int own) Input.OrganisationId = own;
        }
        PadTeam();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        // MVC treats the non-nullable Name as implicitly required, in English; InnovationService checks it in Indonesian.
        ModelState.Remove("Input.Name");
        var scope = await user.ScopeAsync(ct);
        if (!string.IsNullOrWhiteSpace(OrganisationRef))
        {
            var org = await organisations.FindByCodeOrIdAsync(OrganisationRef, ct);
            if (org is null) ModelState.AddModelError(nameof(OrganisationRef), l["Organisasi tidak ditemukan."]);
            else Input.OrganisationId = org.Id;
        }
        Input.Team = Input.Team.Where(t => !string.IsNullOrWhiteSpace(t.Name) || !string.IsNullOrWhiteSpace(t.Position)).ToList();
        if (Input.Team.Any(t => string.IsNullOrWhiteSpace(t.Name)))
            ModelState.AddModelError("Input.Team", l["Isi nama setiap anggota tim, atau kosongkan barisnya."]);
        if (ModelState.IsValid)
        {
            var result = id is int existing
                ? await innovations.UpdateAsync(existing, Input, scope, ct)
                : await innovations.CreateAsync(Input, scope, ct);
            if (result.Kind == ResultKind.Forbidden) return Forbid();
            if (result.Kind == ResultKind.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = l["Inovasi disimpan."].Value;
                return RedirectToPage(new { id = result.Value!.Id });
            }
            ModelState.AddErrors(result.Errors, nameof(Input), l);
        }
        if (id is int again)
        {
            var found = await LoadInnovationAsync(again, ct);
            if (found is not null) return found;
        }
        await LoadOptionsAsync(ct);
        PadTeam();
        return Page();
    }

    public Task<IActionResult> OnPostPublishAsync(int id, Guid? version, CancellationToken ct) => ChangeStatusAsync(id, InnovationStatus.Published, version, "Inovasi diterbitkan dan tampil di registri publik.", ct);

    public Task<IActionResult> OnPostArchiveAsync(int id, Guid? version, CancellationToken ct) => ChangeStatusAsync(id, InnovationStatus.Archived, version, "Inovasi diarsipkan.", ct);

    public Task<IActionResult> OnPostRestoreAsync(int id, Guid? version, CancellationToken ct) => ChangeStatusAsync(id, InnovationStatus.Draft, version, "Inovasi dikembalikan ke draf.", ct);

    private async Task<IActionResult> ChangeStatusAsync(int id, InnovationStatus status, Guid? version, string done, CancellationToken ct)
    {
        var result = await innovations.ChangeStatusAsync(id, status, await user.ScopeAsync(ct), version, ct);
        if (result.Kind == ResultKind.Forbidden) return Forbid();
        if (result.Kind == ResultKind.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded ? l[done].Value
            : l["Belum dapat diproses:"] + " " + string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, AttachmentKind kind, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Flash"] = l["Pilih berkas yang akan diunggah."].Value;
            return RedirectToPage(new { id });
        }
        await using var stream = file.OpenReadStream();
        var result = await attachments.UploadAsync(id, kind, file.FileName, stream, await user.ScopeAsync(ct), ct);
        if (result.Kind == ResultKind.Forbidden) return Forbid();
        if (result.Kind == ResultKind.NotFound) return NotFound();
        TempData["Flash"] = result.Succeeded ? string.Format(l["Lampiran {0} diunggah."], result.Value!.OriginalFileName)
            : l["Berkas ditolak:"] + " " + string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(int id, Guid attachmentId, CancellationToken ct)
    {
        var result = await attachments.DeleteAsync(attachmentId, await user.ScopeAsync(ct), ct);
        if (result.Kind == ResultKind.Forbidden) return Forbid();
        TempData["Flash"] = result.Succeeded ? l["Lampiran dihapus."].Value : l["Lampiran tidak ditemukan."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadInnovationAsync(int id, CancellationToken ct)
    {
        Innovation = await innovations.WithDetails().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (Innovation is null) return NotFound();
        // Outside the scope it does not exist, as in the API.
        if (!(await user.ScopeAsync(ct)).Covers(Innovation.Organisation)) return NotFound();
        return null;
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        var orgs = scope.Apply(db.Organisations.AsNoTracking()).Where(o => o.IsActive);
        if (await orgs.CountAsync(ct) <= MaxOrganisationOptions)
            OrganisationOptions = await orgs.OrderBy(o => o.Depth).ThenBy(o => o.Name).ToListAsync(ct);
        else if (Input.OrganisationId != 0 && OrganisationRef is null)
            OrganisationRef = await db.Organisations.Where(o => o.Id == Input.OrganisationId).Select(o => o.Code ?? o.Id.ToString()).FirstOrDefaultAsync(ct);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        Sdgs = await db.SdgGoals.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        TargetGroups = await db.TargetGroups.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
    }

    private void PadTeam()
    {
        while (Input.Team.Count < 3 || !Input.Team.Any(t => string.IsNullOrWhiteSpace(t.Name))) Input.Team.Add(new TeamMemberInput());
    }

    public static string Accept => FileInspector.AcceptAttribute;
}
