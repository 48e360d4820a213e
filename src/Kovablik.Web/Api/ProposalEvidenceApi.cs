using Kovablik.Competitions.Proposals;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kovablik.Web.Api;

/// <summary>
/// A proposal's evidence: files in the group's document slots (one per slot, replaced on a new upload) and external
/// links accepted only after an automatic check, re-checkable by the unit head and organisers before review.
/// </summary>
public static class ProposalEvidenceApi
{
    public const string MultipartMessage = "Kirim berkas sebagai multipart/form-data dengan kolom 'slot' dan 'file'.";

    public static RouteGroupBuilder MapProposalEvidenceApi(this RouteGroupBuilder api)
    {
        var edit = api.MapGroup("/proposals/{id:int}").WithTags("Proposal evidence").RequireAuthorization(Policies.InnovationEditor);
        edit.MapGet("/documents", Documents).WithName("ListProposalDocuments").Produces<ProposalEvidenceDto>().ProducesProblem(404)
            .WithSummary("The group's document slots, the file in each, and the proposal's links");
        edit.MapPost("/documents", Upload).WithName("UploadProposalDocument").Produces<ProposalDocumentDto>(201).ProducesValidationProblem().ProducesProblem(404).DisableAntiforgery()
            .WithSummary("Multipart upload: fields 'slot' (a slot key) and 'file'; replaces the slot's current file");
        edit.MapDelete("/documents/{docId:guid}", DeleteDocument).WithName("DeleteProposalDocument").Produces(204).ProducesValidationProblem().ProducesProblem(404);
        edit.MapGet("/documents/{docId:guid}/file", Download).WithName("DownloadProposalDocument").ProducesProblem(404)
            .WithSummary("The stored file, as an attachment");
        edit.MapGet("/links", Links).WithName("ListProposalLinks").Produces<List<ProposalLinkDto>>().ProducesProblem(404);
        edit.MapPost("/links", AddLink).WithName("AddProposalLink").Produces<ProposalLinkDto>(201).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Adds a video or website link after checking it opens publicly; a dead or private link is refused");
        edit.MapDelete("/links/{linkId:int}", DeleteLink).WithName("DeleteProposalLink").Produces(204).ProducesValidationProblem().ProducesProblem(404);

        // InnovationEditor already holds every role of ProposalApprover and Organiser (unit staff, unit head, Panitia, admin).
        edit.MapPost("/links/recheck", Recheck).WithName("RecheckProposalLinks").Produces<List<ProposalLinkDto>>().ProducesProblem(404)
            .WithSummary("Checks every link of the proposal again now (e.g. before review)");
        return api;
    }

    private static async Task<IResult> Documents(int id, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.GetAsync(id, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.AsDto(l)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Upload(int id, HttpRequest request, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        // Stamped when the request arrived, before the body: an upload that began before the deadline may finish after it.
        var startedAt = Infrastructure.RequestStart.Of(request.HttpContext);
        if (!request.HasFormContentType) return ApiResults.Invalid("file", MultipartMessage, l);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return ApiResults.Invalid("file", MultipartMessage, l);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return ApiResults.Invalid("file", "Pilih berkas yang akan diunggah.", l);
        await using var stream = file.OpenReadStream();
        var result = await service.UploadAsync(id, form["slot"].ToString(), file.FileName, stream, startedAt, await user.ScopeAsync(ct), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/proposals/{id}/documents/{result.Value!.Id}/file", result.Value.AsDto())
            : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DeleteDocument(int id, Guid docId, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DeleteDocumentAsync(id, docId, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Download(int id, Guid docId, HttpContext http, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.OpenAsync(id, docId, await user.ScopeAsync(ct), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var (document, content) = result.Value;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // A file name makes Results.File answer with Content-Disposition: attachment, so a browser never renders an upload.
        return TypedResults.File(content, document.ContentType, document.OriginalFileName);
    }

    private static async Task<IResult> Links(int id, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.GetAsync(id, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Links.Select(x => x.AsDto(l)).ToList()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> AddLink(int id, ProposalLinkInput request, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.AddLinkAsync(id, request, await user.ScopeAsync(ct), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/proposals/{id}/links", result.Value!.AsDto(l))
            : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DeleteLink(int id, int linkId, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DeleteLinkAsync(id, linkId, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Recheck(int id, ProposalEvidenceService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.RecheckAsync(id, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(x => x.AsDto(l)).ToList()) : ApiResults.Problem(result, l);
    }

    public static ProposalDocumentDto AsDto(this ProposalDocument d) =>
        new(d.Id, d.SlotKey, d.OriginalFileName, d.ContentType, d.Size, d.Sha256, d.UploadedAt, $"/api/v1/proposals/{d.ProposalId}/documents/{d.Id}/file");

    public static ProposalLinkDto AsDto(this ProposalLink x, IStringLocalizer l) =>
        new(x.Id, x.Kind.ToString(), x.Url, x.Label, x.DurationNote, x.CheckStatus.ToString(), x.HttpStatus,
            x.CheckMessage is null ? null : l.Message(x.CheckMessage), x.CheckedAt);

    public static ProposalEvidenceDto AsDto(this ProposalEvidence e, IStringLocalizer l) => new(
        e.CanEdit,
        e.Slots.Select(s => new EvidenceSlotDto(s.Key, s.Name, s.AllowedTypeList.ToList(), s.MaxBytes, s.Required,
            e.Documents.Where(d => d.SlotKey == s.Key).Select(d => d.AsDto()).FirstOrDefault())).ToList(),
        e.Links.Select(x => x.AsDto(l)).ToList());
}

public sealed record ProposalDocumentDto(Guid Id, string Slot, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string Download);

public sealed record EvidenceSlotDto(string Key, string Name, List<string> AllowedTypes, long MaxBytes, bool Required, ProposalDocumentDto? Document);

public sealed record ProposalLinkDto(int Id, string Kind, string Url, string? Label, string? DurationNote, string CheckStatus, int? HttpStatus, string? CheckMessage, DateTimeOffset? CheckedAt);

public sealed record ProposalEvidenceDto(bool CanEdit, List<EvidenceSlotDto> Slots, List<ProposalLinkDto> Links);
