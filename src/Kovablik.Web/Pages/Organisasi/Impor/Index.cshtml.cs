using Kovablik.Data;
using Kovablik.Organisations.Import;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Organisasi.Impor;

/// <summary>Upload a unit tree (CSV/XLSX), see every bad row, then import all or only the valid rows.</summary>
[Authorize(Policy = Policies.RegistryManager)]
[RequestSizeLimit(OrganisationImportParser.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = OrganisationImportParser.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(KovablikDbContext db, OrganisationImportJobs jobs, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public bool OnlyValid { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public OrganisationImportPlan? Plan { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Pilih berkas CSV atau XLSX yang akan diimpor."]);
            return Page();
        }
        FileName = file.FileName;
        await using var stream = file.OpenReadStream();
        var parsed = await OrganisationImportParser.ParseAsync(stream, file.FileName, ct);
        if (!parsed.Succeeded)
        {
            ModelState.AddModelError("file", l.Message(parsed.Error!));
            return Page();
        }
        Plan = await new OrganisationImportValidator(db).PlanAsync(parsed.Rows, ct);
        if (DryRun || (Plan.HasErrors && !OnlyValid)) return Page();
        var job = await jobs.StartAsync(parsed.Rows, OnlyValid, ct);
        return RedirectToPage("Status", new { id = job.Id });
    }
}
