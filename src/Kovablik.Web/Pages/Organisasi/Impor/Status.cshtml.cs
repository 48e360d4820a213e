using Kovablik.Data;
using Kovablik.Organisations.Import;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Organisasi.Impor;

/// <summary>Progress and result of an import. Refreshes itself: meta refresh without JavaScript, htmx polling with it.</summary>
[Authorize(Policy = Policies.RegistryManager)]
public sealed class StatusModel(KovablikDbContext db) : PageModel
{
    public BackgroundJob Job { get; private set; } = null!;
    public ImportReport? Report { get; private set; }
    public int Done { get; private set; }
    public int Percent => Job.Total == 0 ? 100 : Math.Clamp(Done * 100 / Job.Total, 0, 100);
    public bool Finished => Job.Status is JobStatus.Succeeded or JobStatus.Failed;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFragmentAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Partial("_ImportProgress", this) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var job = await db.BackgroundJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Kind == OrganisationImportJobs.Kind, ct);
        if (job is null) return false;
        Job = job;
        Report = OrganisationImportJobs.Report(job);
        Done = Finished ? job.Total : OrganisationImportJobs.LiveProgress(id)?.Done ?? job.Done;
        return true;
    }
}
