using Kovablik.Data;
using Kovablik.Organisations.Import;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public sealed record ImportPlanDto(int Create, int Update, int Unchanged, int Errors, IReadOnlyList<ImportRowError> Rows);

public sealed record JobDto(Guid Id, string Kind, string Status, int Done, int Total, string? Message, ImportReport? Report);

public static class OrganisationImportApi
{
    public static RouteGroupBuilder MapOrganisationImportApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("Organisations").RequireAuthorization(Policies.RegistryManager);
        g.MapPost("/organisations/import", Import).WithName("ImportOrganisations").DisableAntiforgery()
            .WithSummary("Multipart 'file' (CSV or XLSX: code,name,type,parent_code). 400 lists bad rows; 202 starts the import; ?dryRun=true only checks.");
        g.MapGet("/jobs/{id:guid}", Job).WithName("GetJob").WithSummary("Progress and result of a background job");
        return api;
    }

    private static async Task<IResult> Import(HttpRequest request, KovablikDbContext db, OrganisationImportJobs jobs, IStringLocalizer<SharedResource> l,
        bool onlyValid = false, bool dryRun = false, CancellationToken ct = default)
    {
        if (!request.HasFormContentType) return ApiResults.Invalid("file", "Kirim berkas sebagai multipart/form-data dengan kolom 'file'.", l);
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return ApiResults.Invalid("file", "Pilih berkas CSV atau XLSX yang akan diimpor.", l);
        await using var stream = file.OpenReadStream();
        var parsed = await OrganisationImportParser.ParseAsync(stream, file.FileName, ct);
        if (!parsed.Succeeded) return ApiResults.Invalid("file", parsed.Error!, l);
        var plan = await new OrganisationImportValidator(db).PlanAsync(parsed.Rows, ct);
        var dto = new ImportPlanDto(plan.CreateCount, plan.UpdateCount, plan.UnchangedCount, plan.ErrorCount, Localise([.. plan.Errors, .. plan.Blocked], l));
        if (plan.HasErrors && !onlyValid && !dryRun)
        {
            return TypedResults.Problem(statusCode: 400, title: l["Berkas berisi baris bermasalah"],
                detail: l["Tidak ada yang diimpor. Perbaiki baris yang disebutkan, atau kirim ulang dengan onlyValid=true."],
                extensions: new Dictionary<string, object?> { ["rows"] = dto.Rows });
        }
        if (dryRun) return TypedResults.Ok(dto);
        var job = await jobs.StartAsync(parsed.Rows, onlyValid, ct);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", new JobDto(job.Id, job.Kind, job.Status.ToString(), 0, job.Total, null, null));
    }

    private static async Task<IResult> Job(Guid id, KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var job = await db.BackgroundJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return ApiResults.NotFound(l);
        var finished = job.Status is JobStatus.Succeeded or JobStatus.Failed;
        var done = finished ? job.Total : OrganisationImportJobs.LiveProgress(id)?.Done ?? job.Done;
        return TypedResults.Ok(new JobDto(job.Id, job.Kind, job.Status.ToString(), done, job.Total,
            job.Message is { } m ? l.Message(m) : null, Localise(OrganisationImportJobs.Report(job), l)));
    }

    private static List<ImportRowError> Localise(IEnumerable<ImportRowError> rows, IStringLocalizer l) =>
        [.. rows.Select(e => e with { Reason = l.Message(e.Reason) })];

    private static ImportReport? Localise(ImportReport? report, IStringLocalizer l) => report is null ? null : new()
    {
        Applied = report.Applied,
        Created = report.Created,
        Updated = report.Updated,
        Unchanged = report.Unchanged,
        Skipped = report.Skipped,
        Errors = Localise(report.Errors, l),
        Message = report.Message is { } m ? l.Message(m) : null,
    };
}
