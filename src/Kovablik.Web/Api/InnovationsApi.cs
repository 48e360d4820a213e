using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public static class InnovationsApi
{
    public static RouteGroupBuilder MapInnovationsApi(this RouteGroupBuilder api)
    {
        var pub = api.MapGroup("/innovations").WithTags("Innovations").AllowAnonymous();
        // Anonymous answers share the public pages' output cache (60 s, evicted on any save they show), like /Inovasi?Q=.
        pub.MapGet("/", ListPublished).CacheOutput(Infrastructure.PublicPageCache.Policy).WithName("ListInnovations").Produces<PagedResult<InnovationSummaryDto>>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Published innovations (the public catalogue): Q searches in Indonesian; Sort = relevance | newest | favoured (most favourite votes across exhibitions)");
        pub.MapGet("/{id:int}", Get).WithName("GetInnovation").Produces<InnovationDto>().ProducesProblem(404).WithSummary("An innovation: public when published, otherwise only within your scope");

        var edit = api.MapGroup("/innovations").WithTags("Innovations").RequireAuthorization(Policies.InnovationEditor);
        edit.MapGet("/manage", ListManaged).WithName("ListManagedInnovations").Produces<PagedResult<InnovationSummaryDto>>().ProducesValidationProblem().WithSummary("Innovations of your organisation scope, any status");
        edit.MapPost("/", Create).WithName("CreateInnovation").Produces<InnovationDto>(201).ProducesValidationProblem().ProducesProblem(403);
        edit.MapPut("/{id:int}", Update).WithName("UpdateInnovation").Produces<InnovationDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        edit.MapPost("/{id:int}/publish", (int id, Guid? version, InnovationService s, CurrentUser u, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ChangeStatus(id, InnovationStatus.Published, version, s, u, l, ct)).WithName("PublishInnovation");
        edit.MapPost("/{id:int}/archive", (int id, Guid? version, InnovationService s, CurrentUser u, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ChangeStatus(id, InnovationStatus.Archived, version, s, u, l, ct)).WithName("ArchiveInnovation");
        edit.MapPost("/{id:int}/restore", (int id, Guid? version, InnovationService s, CurrentUser u, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ChangeStatus(id, InnovationStatus.Draft, version, s, u, l, ct)).WithName("RestoreInnovation").WithSummary("Back to draft (from published or archived)");
        edit.MapGet("/{id:int}/versions", Versions).WithName("ListInnovationVersions").Produces<List<InnovationVersionDto>>().ProducesProblem(403).ProducesProblem(404);
        edit.MapPost("/{id:int}/attachments", Upload).WithName("UploadAttachment").Produces<AttachmentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).DisableAntiforgery()
            .WithSummary("Multipart upload: field 'file' and optional 'kind' (Evidence, SkDecree, Image)");
        edit.MapDelete("/attachments/{attachmentId:guid}", DeleteAttachment).WithName("DeleteAttachment");
        return api;
    }

    private static async Task<IResult> ListPublished([AsParameters] InnovationFilter filter, Kovablik.Search.InnovationSearch search, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // The public catalogue: Q goes through the Indonesian search index and ranks by relevance.
        var result = await search.CatalogueAsync(filter, ct);
        if (result.Errors.Count > 0) return TypedResults.ValidationProblem(ApiResults.Localise(result.Errors, l), title: l["Data tidak valid"]);
        if (result.PageNotFound) return TypedResults.Problem(statusCode: 404, title: l["Tidak ditemukan"], detail: l["Halaman tersebut tidak ada."]);
        var items = result.Items.Select(i => new InnovationSummaryDto(i.Id, i.Name, i.ShortDescription, i.OrganisationId, i.OrganisationName,
            nameof(InnovationStatus.Published), i.Stage.ToString(), i.Kind.ToString(), i.StartedOn, i.PublishedAt, i.IsDemo)).ToList();
        return TypedResults.Ok(new PagedResult<InnovationSummaryDto>(items, filter.CurrentPage, filter.Size, result.Total));
    }

    private static async Task<IResult> ListManaged([AsParameters] InnovationFilter filter, KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var scope = await user.ScopeAsync(ct);
        return await Page(InnovationFilter.InScope(db.Innovations.AsNoTracking(), scope), filter, db, l, ct);
    }

    private static async Task<IResult> Page(IQueryable<Innovation> source, InnovationFilter filter, KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = filter.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(ApiResults.Localise(errors, l), title: l["Data tidak valid"]);
        var query = await filter.ApplyAsync(db, source, ct);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Skip((filter.CurrentPage - 1) * filter.Size).Take(filter.Size)
            .Select(i => new InnovationSummaryDto(i.Id, i.Name, i.ShortDescription, i.OrganisationId, i.Organisation.Name, i.Status.ToString(),
                i.Stage.ToString(), i.Kind.ToString(), i.StartedOn, i.PublishedAt, i.IsDemo))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<InnovationSummaryDto>(items, filter.CurrentPage, filter.Size, total));
    }

    private static async Task<IResult> Get(int id, InnovationService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var innovation = await service.WithDetails().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (innovation is null) return ApiResults.NotFound(l);
        if (innovation.Status != InnovationStatus.Published)
        {
            // Drafts and archived entries are invisible outside the owning scope: answer as if they did not exist.
            var scope = await user.ScopeAsync(ct);
            if (!scope.Covers(innovation.Organisation)) return ApiResults.NotFound(l);
        }
        return TypedResults.Ok(innovation.AsDto());
    }

    private static async Task<IResult> Create(InnovationInput input, InnovationService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.CreateAsync(input, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/innovations/{result.Value!.Id}", result.Value.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Update(int id, InnovationInput input, InnovationService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.UpdateAsync(id, input, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> ChangeStatus(int id, InnovationStatus status, Guid? version, InnovationService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ChangeStatusAsync(id, status, await user.ScopeAsync(ct), version, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Versions(int id, KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var path = await db.Innovations.Where(i => i.Id == id).Select(i => i.Organisation.Path).FirstOrDefaultAsync(ct);
        if (path is null) return ApiResults.NotFound(l);
        if (!(await user.ScopeAsync(ct)).Covers(path)) return ApiResults.Forbidden(l);
        var items = await db.InnovationVersions.AsNoTracking().Where(v => v.InnovationId == id).OrderByDescending(v => v.VersionNumber)
            .Select(v => new InnovationVersionDto(v.VersionNumber, v.At, v.UserName, v.Summary, v.ChangesJson)).ToListAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> Upload(int id, HttpRequest request, AttachmentService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ApiResults.Invalid("file", "Kirim berkas sebagai multipart/form-data dengan kolom 'file'.", l);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            // A broken multipart body (wrong boundary, cut off) is the client's error, not ours.
            return ApiResults.Invalid("file", "Kirim berkas sebagai multipart/form-data dengan kolom 'file'.", l);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return ApiResults.Invalid("file", "Pilih berkas yang akan diunggah.", l);
        var kindText = form["kind"].ToString();
        var kind = AttachmentKind.Evidence;
        if (kindText.Length > 0 && (!Enum.TryParse(kindText, true, out kind) || !Enum.IsDefined(kind)))
            return ApiResults.Invalid("kind", "Jenis lampiran tidak dikenal.", l);
        await using var stream = file.OpenReadStream();
        var result = await service.UploadAsync(id, kind, file.FileName, stream, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Created($"/berkas/{result.Value!.Id}", result.Value.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DeleteAttachment(Guid attachmentId, AttachmentService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DeleteAsync(attachmentId, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }
}
