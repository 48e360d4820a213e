using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kovablik.Web.Api;

public sealed record PresentationSlotDto(int Id, int StageId, int ProposalId, string ProposalTitle, string OrganisationName,
    DateTimeOffset StartsAt, DateTimeOffset InterviewStartsAt, DateTimeOffset EndsAt, int PresentationMinutes, int InterviewMinutes,
    string? MeetingUrl, string? FallbackVenue, DateTimeOffset? ConfirmedAt, DateTimeOffset ConfirmBy, Guid Version);

public sealed record FieldVisitPhotoDto(Guid Id, string OriginalFileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string Url);

public sealed record FieldVisitDto(int Id, int StageId, int ProposalId, string ProposalTitle, string OrganisationName, DateTimeOffset ScheduledAt,
    string Address, string? Report, DateTimeOffset? ReportedAt, List<FieldVisitPhotoDto> Photos, Guid Version);

public sealed record StageScheduleDto(int StageId, string StageName, string Kind, List<PresentationSlotDto> Slots, List<FieldVisitDto> Visits,
    List<int> UnscheduledProposalIds);

/// <summary>
/// Presentation slots and field visits of the judging stages (issue 4 §5). Panitia schedules; the unit confirms its own
/// proposal's slot; the panel (assigned jurors) and Panitia write the visit report and upload its photos. Every rule is
/// in <see cref="JudgingScheduleService"/>; a refused request changes nothing and answers with ProblemDetails.
/// </summary>
public static class JudgingScheduleApi
{
    public const string MultipartMessage = "Kirim berkas sebagai multipart/form-data dengan kolom 'file'.";

    public static RouteGroupBuilder MapJudgingScheduleApi(this RouteGroupBuilder api)
    {
        var organiser = api.MapGroup("/judging").WithTags("Judging").RequireAuthorization(Policies.Organiser);
        organiser.MapGet("/stages/{stageId:int}/schedule", Schedule).WithName("GetJudgingSchedule").Produces<StageScheduleDto>().ProducesProblem(404)
            .WithSummary("The stage's presentation slots or field visits, and the proposals without one");
        organiser.MapPost("/stages/{stageId:int}/slots", CreateSlot).WithName("CreatePresentationSlot").Produces<PresentationSlotDto>(201)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        organiser.MapPost("/stages/{stageId:int}/slots/generate", Generate).WithName("GeneratePresentationSlots").Produces<List<PresentationSlotDto>>(201)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Consecutive slots from a start time for every proposal of the stage without one (all or nothing)");
        organiser.MapPut("/slots/{slotId:int}", UpdateSlot).WithName("UpdatePresentationSlot").Produces<PresentationSlotDto>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        organiser.MapDelete("/slots/{slotId:int}", DeleteSlot).WithName("DeletePresentationSlot").Produces(204).ProducesProblem(404).ProducesProblem(409);
        organiser.MapPost("/stages/{stageId:int}/visits", CreateVisit).WithName("CreateFieldVisit").Produces<FieldVisitDto>(201)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        organiser.MapPut("/visits/{visitId:int}", UpdateVisit).WithName("UpdateFieldVisit").Produces<FieldVisitDto>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        organiser.MapDelete("/visits/{visitId:int}", DeleteVisit).WithName("DeleteFieldVisit").Produces(204).ProducesProblem(404).ProducesProblem(409);

        // The panel: jurors assigned to the proposal in the stage, and Panitia. Who may is decided by JudgingAccess in the
        // service; everyone else gets 404, so a conflicted juror does not learn that the slot or visit exists.
        var panel = api.MapGroup("/judging").WithTags("Judging").RequireAuthorization(Policies.SignedIn);
        panel.MapGet("/slots/{slotId:int}", PanelSlot).WithName("GetPresentationSlot").Produces<PresentationSlotDto>().ProducesProblem(404);
        panel.MapGet("/visits/{visitId:int}", PanelVisit).WithName("GetFieldVisit").Produces<FieldVisitDto>().ProducesProblem(404);
        panel.MapPut("/visits/{visitId:int}/report", Report).WithName("ReportFieldVisit").Produces<FieldVisitDto>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).WithSummary("The visit report (Markdown)");
        panel.MapPost("/visits/{visitId:int}/photos", UploadPhoto).WithName("UploadFieldVisitPhoto").Produces<FieldVisitPhotoDto>(201)
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).DisableAntiforgery()
            .WithSummary("Multipart upload, field 'file': an image (checked by its content, not its name)");
        panel.MapGet("/visits/{visitId:int}/photos/{photoId:guid}", DownloadPhoto).WithName("DownloadFieldVisitPhoto").ProducesProblem(404);

        var unit = api.MapGroup("").WithTags("Judging").RequireAuthorization(Policies.InnovationEditor);
        unit.MapGet("/proposals/{id:int}/judging/schedule", UnitSchedule).WithName("GetProposalJudgingSchedule").Produces<UnitSchedule>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("The proposal's presentation slots (with link and venue) and field visits (date and place)");
        unit.MapPost("/judging/slots/{slotId:int}/confirm", Confirm).WithName("ConfirmPresentationSlot").Produces<PresentationSlotDto>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The unit confirms its presentation, at the latest 24 hours before it starts");
        return api;
    }

    private static async Task<IResult> Schedule(int stageId, JudgingScheduleService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.StageAsync(stageId, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var s = result.Value!;
        var scheduled = s.Slots.Select(x => x.Slot.ProposalId).Concat(s.Visits.Select(v => v.Visit.ProposalId)).ToHashSet();
        return TypedResults.Ok(new StageScheduleDto(s.Stage.Id, s.Stage.Name, s.Stage.Kind.ToString(),
            s.Slots.Select(AsDto).ToList(), s.Visits.Select(AsDto).ToList(),
            s.Proposals.Where(p => !scheduled.Contains(p.Id)).Select(p => p.Id).ToList()));
    }

    private static async Task<IResult> CreateSlot(int stageId, SlotInput input, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.CreateSlotAsync(stageId, input, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Created($"/api/v1/judging/slots/{result.Value!.Id}", await SlotDtoAsync(service, result.Value.Id, ct));
    }

    private static async Task<IResult> Generate(int stageId, GenerateSlotsInput input, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.GenerateSlotsAsync(stageId, input, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var ids = result.Value!.Select(s => s.Id).ToHashSet();
        var schedule = (await service.StageAsync(stageId, ct)).Value!;
        return TypedResults.Created($"/api/v1/judging/stages/{stageId}/schedule",
            schedule.Slots.Where(s => ids.Contains(s.Slot.Id)).Select(AsDto).ToList());
    }

    private static async Task<IResult> UpdateSlot(int slotId, SlotInput input, JudgingScheduleService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.UpdateSlotAsync(slotId, input, ct);
        return result.Succeeded ? TypedResults.Ok(await SlotDtoAsync(service, slotId, ct)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DeleteSlot(int slotId, JudgingScheduleService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DeleteSlotAsync(slotId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> CreateVisit(int stageId, VisitInput input, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.CreateVisitAsync(stageId, input, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Created($"/api/v1/judging/visits/{result.Value!.Id}", await VisitDtoAsync(service, result.Value.Id, ct));
    }

    private static async Task<IResult> UpdateVisit(int visitId, VisitInput input, JudgingScheduleService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.UpdateVisitAsync(visitId, input, ct);
        return result.Succeeded ? TypedResults.Ok(await VisitDtoAsync(service, visitId, ct)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DeleteVisit(int visitId, JudgingScheduleService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DeleteVisitAsync(visitId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> PanelSlot(int slotId, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PanelSlotAsync(slotId, user.Id, user.IsGlobal, ct);
        return result.Succeeded ? TypedResults.Ok(AsDto(result.Value.Slot)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> PanelVisit(int visitId, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PanelVisitAsync(visitId, user.Id, user.IsGlobal, ct);
        return result.Succeeded ? TypedResults.Ok(AsDto(result.Value.Visit)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Report(int visitId, VisitReportInput input, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ReportVisitAsync(visitId, input, user.Id, user.IsGlobal, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var view = await service.PanelVisitAsync(visitId, user.Id, user.IsGlobal, ct);
        return TypedResults.Ok(AsDto(view.Value.Visit));
    }

    private static async Task<IResult> UploadPhoto(int visitId, HttpRequest request, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ApiResults.Invalid("file", MultipartMessage, l);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            // A broken multipart body (wrong boundary, cut off) is the client's error, not ours.
            return ApiResults.Invalid("file", MultipartMessage, l);
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return ApiResults.Invalid("file", "Pilih berkas yang akan diunggah.", l);
        await using var stream = file.OpenReadStream();
        var result = await service.UploadPhotoAsync(visitId, file.FileName, stream, user.Id, user.IsGlobal, ct);
        return result.Succeeded
            ? TypedResults.Created(PhotoUrl(visitId, result.Value!.Id), AsDto(result.Value))
            : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DownloadPhoto(int visitId, Guid photoId, HttpContext http, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.OpenPhotoAsync(visitId, photoId, user.Id, user.IsGlobal, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var (photo, content) = result.Value;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        // A file name makes the answer an attachment, so a browser never renders an upload in the site's origin.
        return TypedResults.File(content, photo.ContentType, photo.OriginalFileName);
    }

    private static async Task<IResult> UnitSchedule(int id, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ForUnitAsync(id, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Confirm(int slotId, JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ConfirmSlotAsync(slotId, await user.ScopeAsync(ct), user.Id, ct);
        return result.Succeeded ? TypedResults.Ok(await SlotDtoAsync(service, slotId, ct)) : ApiResults.Problem(result, l);
    }

    private static async Task<PresentationSlotDto> SlotDtoAsync(JudgingScheduleService service, int slotId, CancellationToken ct) =>
        AsDto((await service.PanelSlotAsync(slotId, null, organiser: true, ct)).Value.Slot);

    private static async Task<FieldVisitDto> VisitDtoAsync(JudgingScheduleService service, int visitId, CancellationToken ct) =>
        AsDto((await service.PanelVisitAsync(visitId, null, organiser: true, ct)).Value.Visit);

    public static string PhotoUrl(int visitId, Guid photoId) => $"/api/v1/judging/visits/{visitId}/photos/{photoId}";

    private static PresentationSlotDto AsDto(SlotView v) => new(v.Slot.Id, v.Slot.StageId, v.Slot.ProposalId, v.Proposal.Title, v.Proposal.OrganisationName,
        v.Slot.StartsAt, v.Slot.InterviewStartsAt, v.Slot.EndsAt, v.Slot.PresentationMinutes, v.Slot.InterviewMinutes, v.Slot.MeetingUrl, v.Slot.FallbackVenue,
        v.Slot.ConfirmedAt, v.Slot.ConfirmBy, v.Slot.Version);

    private static FieldVisitDto AsDto(VisitView v) => new(v.Visit.Id, v.Visit.StageId, v.Visit.ProposalId, v.Proposal.Title, v.Proposal.OrganisationName,
        v.Visit.ScheduledAt, v.Visit.Address, v.Visit.Report, v.Visit.ReportedAt, v.Photos.Select(AsDto).ToList(), v.Visit.Version);

    private static FieldVisitPhotoDto AsDto(FieldVisitPhoto p) => new(p.Id, p.OriginalFileName, p.ContentType, p.Size, p.Sha256, p.UploadedAt, PhotoUrl(p.VisitId, p.Id));
}
