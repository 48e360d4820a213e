using Kovablik.Competitions.Proposals;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// Proposals: drafted by unit staff from a published innovation (autosaved), checked against the edition's rules,
/// submitted within the quota and before the deadline, then returned or approved by the unit head or organisers.
/// </summary>
public static class ProposalsApi
{
    public static RouteGroupBuilder MapProposalsApi(this RouteGroupBuilder api)
    {
        var edit = api.MapGroup("/proposals").WithTags("Proposals").RequireAuthorization(Policies.InnovationEditor);
        edit.MapGet("/", List).WithName("ListProposals").Produces<List<ProposalDto>>().WithSummary("Proposals within your scope, optionally of one edition");
        edit.MapPost("/", Create).WithName("CreateProposal").Produces<ProposalDto>(201).ProducesValidationProblem()
            .WithSummary("A draft proposal from a published innovation of your scope");
        edit.MapGet("/{id:int}", Get).WithName("GetProposal").Produces<ProposalDto>().ProducesProblem(404);
        edit.MapPut("/{id:int}/draft", SaveDraft).WithName("SaveProposalDraft").Produces<ProposalDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Autosave: title, sections (only those sent), categories and SDGs");
        edit.MapGet("/{id:int}/checklist", Checklist).WithName("ProposalChecklist").Produces<ProposalChecklistDto>().ProducesProblem(404)
            .WithSummary("The pre-submit validator's findings, word counters and quota left");
        edit.MapPost("/{id:int}/submit", Submit).WithName("SubmitProposal").Produces<ProposalDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        edit.MapPost("/{id:int}/withdraw", Withdraw).WithName("WithdrawProposal").Produces<ProposalDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var review = api.MapGroup("/proposals").WithTags("Proposals").RequireAuthorization(Policies.ProposalApprover);
        review.MapPost("/{id:int}/return", Return).WithName("ReturnProposal").Produces<ProposalDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Back to the unit for revision, with a comment");
        review.MapPost("/{id:int}/approve", Approve).WithName("ApproveProposal").Produces<ProposalDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<IResult> List(int? editionId, ProposalService service, CurrentUser user, CancellationToken ct)
    {
        var query = service.InScope(await user.ScopeAsync(ct)).AsNoTracking();
        if (editionId is int e) query = query.Where(p => p.EditionId == e);
        var items = await query.OrderByDescending(p => p.Id).Take(500).ToListAsync(ct);
        return TypedResults.Ok(items.Select(p => p.AsDto()).ToList());
    }

    private static async Task<IResult> Create(ProposalCreateInput request, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, await user.ScopeAsync(ct), ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/proposals/{result.Value!.Id}", result.Value.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Get(int id, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.GetAsync(id, await user.ScopeAsync(ct), ct), l);

    private static async Task<IResult> SaveDraft(int id, ProposalDraftInput request, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.SaveDraftAsync(id, request, await user.ScopeAsync(ct), ct), l);

    private static async Task<IResult> Checklist(int id, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var found = await service.GetAsync(id, await user.ScopeAsync(ct), ct);
        if (!found.Succeeded) return ApiResults.Problem(found, l);
        var c = await service.ChecklistAsync(found.Value!, ct);
        return TypedResults.Ok(new ProposalChecklistDto(c.CanSubmit, c.Quota, c.QuotaLeft, l.Message(c.QuotaMessage),
            c.Findings.Select(f => new ProposalFindingDto(f.Code, f.Severity.ToString(), f.SectionKey, l.Message(f.Message))).ToList(),
            c.Sections.Select(s => new SectionCountDto(s.Key, s.Title, s.Required, s.WordLimit, s.Words)).ToList()));
    }

    private static async Task<IResult> Submit(int id, ProposalActionInput? request, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.SubmitAsync(id, request?.ExpectedVersion, await user.ScopeAsync(ct), ct), l);

    private static async Task<IResult> Withdraw(int id, ProposalActionInput? request, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.WithdrawAsync(id, request?.ExpectedVersion, await user.ScopeAsync(ct), ct), l);

    private static async Task<IResult> Return(int id, ProposalReturnInput request, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.ReturnAsync(id, request.Comment, request.ExpectedVersion, await user.ScopeAsync(ct), ct), l);

    private static async Task<IResult> Approve(int id, ProposalActionInput? request, ProposalService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.ApproveAsync(id, request?.ExpectedVersion, await user.ScopeAsync(ct), ct), l);

    private static IResult Answer(Result<Proposal> result, IStringLocalizer l) =>
        result.Succeeded ? TypedResults.Ok(result.Value!.AsDto(l)) : ApiResults.Problem(result, l);

    /// <summary>The selection outcome only once the unit may see it (announced, or a repair request).</summary>
    public static ProposalDto AsDto(this Proposal p, IStringLocalizer? l = null)
    {
        var visible = Kovablik.Competitions.Selection.SelectionService.VisibleToUnit(p);
        return new(
            p.Id, p.EditionId, p.GroupCode, p.InnovationId, p.OrganisationId, p.Organisation?.Name ?? "", p.Title,
            p.Sections.ToDictionary(s => s.Key, s => s.Text), p.CategoryIds, p.SdgIds, p.Status.ToString(), p.ReturnComment,
            p.SubmittedAt, p.ApprovedAt, p.SnapshotJson is not null, p.Version,
            visible ? p.Selection.ToString() : null,
            visible ? p.SelectionReasons.Select(c => new SelectionReasonDto(c, Kovablik.Competitions.Selection.SelectionService.ReasonText(c) is var t && l is not null ? l.Message(t) : t)).ToList() : [],
            visible ? p.SelectionNote : null, visible ? p.RepairUntil : null);
    }
}

public sealed record ProposalDto(
    int Id, int EditionId, string GroupCode, int InnovationId, int OrganisationId, string OrganisationName, string Title,
    Dictionary<string, string> Sections, List<int> CategoryIds, List<int> SdgIds, string Status, string? ReturnComment,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, bool HasSnapshot, Guid Version,
    string? SelectionOutcome = null, List<SelectionReasonDto>? SelectionReasons = null, string? SelectionNote = null, DateTimeOffset? RepairUntil = null);

public sealed record ProposalChecklistDto(bool CanSubmit, int Quota, int QuotaLeft, string QuotaMessage, List<ProposalFindingDto> Findings, List<SectionCountDto> Sections);

public sealed record ProposalFindingDto(string Code, string Severity, string? SectionKey, string Message);

public sealed record SectionCountDto(string Key, string Title, bool Required, int WordLimit, int Words);
