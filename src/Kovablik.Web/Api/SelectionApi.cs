using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Selection;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// Administrative selection for organisers: the queue of approved proposals, a decision per proposal (pass, fail,
/// or repair with a deadline), publishing the result, and the Excel export of every proposal.
/// </summary>
public static class SelectionApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapSelectionApi(this RouteGroupBuilder api)
    {
        var editions = api.MapGroup("/editions").WithTags("Selection").RequireAuthorization(Policies.Organiser);
        editions.MapGet("/{id:int}/selection", Queue).WithName("SelectionQueue").Produces<SelectionQueueDto>().ProducesProblem(404)
            .WithSummary("Approved proposals (and those awaiting the unit head or under repair) with their selection outcome; filter by group and state");
        editions.MapPost("/{id:int}/selection/publish", Publish).WithName("PublishSelection").Produces<SelectionPublicationDto>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Announce the result: refused while a proposal is undecided or under an open repair");
        editions.MapGet("/{id:int}/proposals.xlsx", Export).WithName("ExportProposals").Produces(200, contentType: XlsxType).ProducesProblem(404)
            .WithSummary("Every proposal of the edition as an Excel workbook");

        var proposals = api.MapGroup("/proposals").WithTags("Selection").RequireAuthorization(Policies.Organiser);
        proposals.MapPost("/{id:int}/selection", Decide).WithName("DecideSelection").Produces<SelectionItemDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Passed, Failed (reason codes or a note) or RepairRequested (reason codes and a deadline within 30 days)");
        return api;
    }

    private static async Task<IResult> Queue(int id, string? group, SelectionState? state, SelectionService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var queue = await service.QueueAsync(id, group, state, ct);
        if (queue is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(new SelectionQueueDto(queue.Total,
            queue.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value),
            queue.Items.Select(i => new SelectionItemDto(i.Id, i.Title, i.OrganisationId, i.OrganisationName, i.GroupCode, i.Status.ToString(),
                i.State.ToString(), i.Selection.ToString(), Reasons(i.Reasons, l), i.Note, i.RepairUntil, i.SubmittedAt, i.ApprovedAt, i.DecidedAt,
                i.PublishedAt, i.Version)).ToList()));
    }

    private static async Task<IResult> Decide(int id, SelectionDecisionInput request, SelectionService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DecideAsync(id, request, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var p = result.Value!;
        return TypedResults.Ok(new SelectionItemDto(p.Id, p.Title, p.OrganisationId, p.Organisation.Name, p.GroupCode, p.Status.ToString(),
            SelectionService.StateOf(p.Status, p.Selection).ToString(), p.Selection.ToString(), Reasons(p.SelectionReasons, l), p.SelectionNote,
            p.RepairUntil, p.SubmittedAt, p.ApprovedAt, p.SelectionDecidedAt, p.SelectionPublishedAt, p.Version));
    }

    private static async Task<IResult> Publish(int id, SelectionService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PublishAsync(id, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var p = result.Value!;
        return TypedResults.Ok(new SelectionPublicationDto(p.Announcement.Id, p.Announcement.Title, p.Announcement.Body, p.Published, p.Passed, p.Failed));
    }

    private static async Task<IResult> Export(int id, ProposalExport export, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        if (!await export.WriteAsync(id, buffer, m => l.Message(m), ct)) return ApiResults.NotFound(l);
        return TypedResults.File(buffer.ToArray(), XlsxType, $"proposal-edisi-{id}.xlsx");
    }

    public static List<SelectionReasonDto> Reasons(IEnumerable<string> codes, IStringLocalizer l) =>
        codes.Select(c => new SelectionReasonDto(c, l.Message(SelectionService.ReasonText(c)))).ToList();
}

public sealed record SelectionReasonDto(string Code, string Text);

public sealed record SelectionItemDto(
    int Id, string Title, int OrganisationId, string OrganisationName, string GroupCode, string Status, string State, string Outcome,
    List<SelectionReasonDto> Reasons, string? Note, DateTimeOffset? RepairUntil, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt,
    DateTimeOffset? DecidedAt, DateTimeOffset? PublishedAt, Guid Version);

public sealed record SelectionQueueDto(int Total, Dictionary<string, int> Counts, List<SelectionItemDto> Items);

public sealed record SelectionPublicationDto(int AnnouncementId, string Title, string Body, int Published, int Passed, int Failed);
