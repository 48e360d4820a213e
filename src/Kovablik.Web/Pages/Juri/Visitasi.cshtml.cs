using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kovablik.Web.Pages.Juri;

/// <summary>
/// A field visit for its panel: the visit report (Markdown) and photos, written by a juror assigned to the proposal in
/// the Visit stage or by Panitia; the visit score itself is the juror's score sheet of that stage (linked). Anyone
/// else, a conflicted juror included, gets 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class VisitasiModel(JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public VisitView View { get; private set; } = null!;
    public JudgingStage Stage { get; private set; } = null!;

    [BindProperty]
    public ReportForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int visitId, CancellationToken ct)
    {
        if (!await LoadAsync(visitId, ct)) return NotFound();
        Input = new ReportForm { Report = View.Visit.Report, ExpectedVersion = View.Visit.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(int visitId, CancellationToken ct)
    {
        var result = await service.ReportVisitAsync(visitId, new VisitReportInput(Input.Report, Input.ExpectedVersion), user.Id, user.IsGlobal, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(visitId, ct)) return NotFound();
            ModelState.Clear();
            ModelState.AddErrors(result.Errors, nameof(Input), l);
            Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
            return Page();
        }
        TempData["Flash"] = l["Laporan visitasi disimpan."].Value;
        return RedirectToPage(new { visitId });
    }

    public async Task<IActionResult> OnPostPhotoAsync(int visitId, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            TempData["PhotoError"] = l["Pilih berkas yang akan diunggah."].Value;
            return RedirectToPage(new { visitId });
        }
        await using var stream = file.OpenReadStream();
        var result = await service.UploadPhotoAsync(visitId, file.FileName, stream, user.Id, user.IsGlobal, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded) TempData["Flash"] = l["Foto diunggah."].Value;
        else TempData["PhotoError"] = string.Join(" ", result.Errors.Values.SelectMany(v => v).Select(l.Message));
        return RedirectToPage(new { visitId });
    }

    public async Task<IActionResult> OnGetPhotoAsync(int visitId, Guid photoId, CancellationToken ct)
    {
        var result = await service.OpenPhotoAsync(visitId, photoId, user.Id, user.IsGlobal, ct);
        if (!result.Succeeded) return NotFound();
        var (photo, content) = result.Value;
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(content, photo.ContentType, photo.OriginalFileName);
    }

    private async Task<bool> LoadAsync(int visitId, CancellationToken ct)
    {
        var result = await service.PanelVisitAsync(visitId, user.Id, user.IsGlobal, ct);
        if (!result.Succeeded) return false;
        (View, Stage) = result.Value;
        return true;
    }

    public sealed class ReportForm
    {
        public string? Report { get; set; }
        public Guid? ExpectedVersion { get; set; }
    }
}
