using Kovablik.Competitions;
using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// An edition's deadline changes (organisers, only with a reason), its public announcements, and the organisers'
/// board of proposals not yet submitted.
/// </summary>
public static class DeadlinesApi
{
    public static RouteGroupBuilder MapDeadlinesApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/editions").WithTags("Announcements").AllowAnonymous();
        read.MapGet("/{id:int}/announcements", Announcements).WithName("ListEditionAnnouncements").Produces<List<AnnouncementDto>>().ProducesProblem(404)
            .WithSummary("Announcements of a published edition, newest first (body as Markdown and as sanitised HTML)");

        var organiser = api.MapGroup("/editions").WithTags("Deadlines").RequireAuthorization(Policies.Organiser);
        organiser.MapPost("/{id:int}/deadline", ChangeDeadline).WithName("ChangeEditionDeadline").Produces<DeadlineChangeResultDto>()
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change the registration deadline with a reason; announced and notified to every participant. closesAt: WIB wall-clock time or with an offset");
        organiser.MapGet("/{id:int}/deadline-changes", DeadlineChanges).WithName("ListEditionDeadlineChanges").Produces<List<DeadlineChangeDto>>().ProducesProblem(404);
        organiser.MapPost("/{id:int}/announcements", PostAnnouncement).WithName("PostEditionAnnouncement").WithTags("Announcements")
            .Produces<AnnouncementDto>(201).ProducesValidationProblem().ProducesProblem(404);
        organiser.MapGet("/{id:int}/drafts-board", DraftsBoard).WithName("EditionDraftsBoard").Produces<DraftsBoardDto>().ProducesProblem(404)
            .WithSummary("Proposals not yet submitted, per agency, with their missing items");
        return api;
    }

    private static async Task<IResult> ChangeDeadline(int id, DeadlineChangeRequest request, DeadlineService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        DateTimeOffset? closes = null;
        if (!string.IsNullOrWhiteSpace(request.ClosesAt))
        {
            closes = DeadlineService.ParseInstant(request.ClosesAt);
            if (closes is null)
                return ApiResults.Invalid("ClosesAt", "Tanggal penutupan baru tidak dapat dibaca; gunakan format 2026-12-30T12:00 (WIB) atau sertakan zona waktunya.", l);
        }
        var result = await service.ChangeAsync(id, new DeadlineChangeInput(closes, request.Reason, request.ExpectedVersion), user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var version = await service.EditionVersionAsync(id, ct);
        return TypedResults.Ok(new DeadlineChangeResultDto(result.Value!.AsDto(), version));
    }

    private static async Task<IResult> DeadlineChanges(int id, KovablikDbContext db, DeadlineService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await db.Editions.AnyAsync(e => e.Id == id, ct)) return ApiResults.NotFound(l);
        return TypedResults.Ok((await service.HistoryAsync(id, ct)).Select(x => x.AsDto()).ToList());
    }

    private static async Task<IResult> Announcements(int id, KovablikDbContext db, AnnouncementService service, System.Security.Claims.ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var status = await db.Editions.Where(e => e.Id == id).Select(e => (EditionStatus?)e.Status).FirstOrDefaultAsync(ct);
        if (status is null || (status == EditionStatus.Draft && !EditionsApi.IsOrganiser(user))) return ApiResults.NotFound(l);
        return TypedResults.Ok((await service.ListAsync(id, ct)).Select(a => a.AsDto()).ToList());
    }

    private static async Task<IResult> PostAnnouncement(int id, AnnouncementRequest request, AnnouncementService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PostGeneralAsync(id, new AnnouncementInput(request.Title, request.Body), user.Id, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/editions/{id}/announcements", result.Value!.AsDto())
            : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DraftsBoard(int id, DraftsBoardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var board = await service.BuildAsync(id, ct);
        if (board is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(new DraftsBoardDto(board.EditionId, board.EditionName, board.ClosesAt?.ToUniversalTime(), board.Unsubmitted, board.Submitted,
            board.Agencies.Select(a => new AgencyDraftsDto(a.AgencyId, a.AgencyName, a.Unsubmitted, a.Submitted,
                a.Drafts.Select(d => new DraftItemDto(d.ProposalId, d.Title, d.OrganisationId, d.OrganisationName, d.Status.ToString(),
                    d.Missing.Select(m => new MissingItemDto(m.Code, l.Message(m.Message))).ToList())).ToList())).ToList()));
    }

    public static DeadlineChangeDto AsDto(this DeadlineExtension x) =>
        new(x.Id, x.EditionId, x.PreviousClosesAt?.ToUniversalTime(), x.NewClosesAt.ToUniversalTime(), x.Reason, x.AnnouncementId, x.ByUserId, x.CreatedAt.ToUniversalTime());

    public static AnnouncementDto AsDto(this Announcement a) =>
        new(a.Id, a.EditionId, a.Kind.ToString(), a.Title, a.Body, MarkdownRenderer.ToSafeHtml(a.Body), a.PublishedAt.ToUniversalTime());
}

public sealed record DeadlineChangeRequest(string? ClosesAt, string? Reason, Guid? ExpectedVersion);

public sealed record DeadlineChangeDto(int Id, int EditionId, DateTimeOffset? PreviousClosesAt, DateTimeOffset NewClosesAt, string Reason, int? AnnouncementId, string? ByUserId, DateTimeOffset CreatedAt);

public sealed record DeadlineChangeResultDto(DeadlineChangeDto Change, Guid EditionVersion);

public sealed record AnnouncementRequest(string? Title, string? Body);

public sealed record AnnouncementDto(int Id, int EditionId, string Kind, string Title, string Body, string BodyHtml, DateTimeOffset PublishedAt);

public sealed record DraftsBoardDto(int EditionId, string EditionName, DateTimeOffset? RegistrationClosesAt, int Unsubmitted, int Submitted, List<AgencyDraftsDto> Agencies);

public sealed record AgencyDraftsDto(int AgencyId, string AgencyName, int Unsubmitted, int Submitted, List<DraftItemDto> Drafts);

public sealed record DraftItemDto(int ProposalId, string Title, int OrganisationId, string OrganisationName, string Status, List<MissingItemDto> Missing);

public sealed record MissingItemDto(string Code, string Message);
