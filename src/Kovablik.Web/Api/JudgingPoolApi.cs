using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Pool;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// The jury pool of an edition, conflicts of interest (declared by jurors, units and Panitia; computed from the
/// organisation tree) and the assignment of a stage's proposals to jurors.
/// </summary>
public static class JudgingPoolApi
{
    public static RouteGroupBuilder MapJudgingPoolApi(this RouteGroupBuilder api)
    {
        var editions = api.MapGroup("/editions/{id:int}/judging").WithTags("Judging").RequireAuthorization(Policies.Organiser);
        editions.MapGet("/jurors", Jurors).WithName("ListJurors").Produces<List<JurorDto>>().ProducesProblem(404);
        editions.MapGet("/juror-candidates", Candidates).WithName("ListJurorCandidates").Produces<List<JurorCandidateDto>>().ProducesProblem(404)
            .WithSummary("Accounts with the Juri role, filtered by name or email (q)");
        editions.MapPost("/jurors", AddJuror).WithName("AddJuror").Produces<JurorDto>(201).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Add an account with the Juri role to the pool; warnings name an affiliation that conflicts with everything");
        editions.MapPut("/jurors/{jurorId:int}", UpdateJuror).WithName("UpdateJuror").Produces<JurorDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Replace a juror's settings (name, affiliation, load limit, panels, reading window, active)");
        editions.MapGet("/conflicts", Conflicts).WithName("ListConflicts").Produces<ConflictOverviewDto>().ProducesProblem(404)
            .WithSummary("Every declaration (withdrawn ones too) and the conflicts in force with their causes");
        editions.MapPost("/conflicts", DeclareAsPanitia).WithName("DeclareConflictAsPanitia").Produces<ConflictDeclarationDto>(201).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Record a conflict between a juror and a proposal or an organisation; removes the juror's affected assignments in unfrozen stages");
        editions.MapPost("/conflicts/{declarationId:int}/withdraw", Withdraw).WithName("WithdrawConflict").Produces<ConflictDeclarationDto>().ProducesValidationProblem().ProducesProblem(404);

        var stages = api.MapGroup("/judging/stages/{stageId:int}/assignments").WithTags("Judging").RequireAuthorization(Policies.Organiser);
        stages.MapGet("", Assignments).WithName("ListAssignments").Produces<List<AssignmentDto>>().ProducesProblem(404);
        stages.MapPost("/preview", Preview).WithName("PreviewAssignment").Produces<AssignmentPlanDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Run the automatic assignment without saving: loads per juror and shortfalls with reasons");
        stages.MapPost("/confirm", Confirm).WithName("ConfirmAssignment").Produces<AssignmentPlanDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Run and apply: replaces the automatic assignments without a score sheet; manual ones are kept; jurors are notified");
        stages.MapPost("", AddAssignment).WithName("AddAssignment").Produces<AssignmentDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Assign one juror by hand; refused when the juror is conflicted");
        stages.MapDelete("/{assignmentId:int}", RemoveAssignment).WithName("RemoveAssignment").Produces(204).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        var me = api.MapGroup("/judging/me/editions/{editionId:int}/declaration").WithTags("Judging").RequireAuthorization(Policies.Juror);
        me.MapGet("", MyDeclaration).WithName("MyConflictDeclaration").Produces<JurorDeclarationDto>().ProducesProblem(404)
            .WithSummary("The edition's judged proposals (title, organisation) and the conflicts the juror declared");
        me.MapPost("", Declare).WithName("DeclareMyConflicts").Produces<JurorDeclarationDto>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Declare conflicts (proposal and reason each) or confirm none; completes the mandatory declaration");

        var units = api.MapGroup("/proposals/{id:int}/judging").WithTags("Judging").RequireAuthorization(Policies.InnovationEditor);
        units.MapGet("/jurors", UnitJurors).WithName("ProposalJurorsForConflicts").Produces<UnitConflictsDto>().ProducesProblem(404)
            .WithSummary("The edition's jurors and the unit's declarations for its own proposal");
        units.MapPost("/conflicts", DeclareAsUnit).WithName("DeclareConflictAsUnit").Produces<ConflictDeclarationDto>(201).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("The unit declares that a juror of the edition has a conflict with its proposal");
        return api;
    }

    // ------------------------------------------------------------------ pool

    private static async Task<IResult> Jurors(int id, JuryPoolService pool, Kovablik.Data.KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await EditionExistsAsync(db, id, ct)) return ApiResults.NotFound(l);
        return TypedResults.Ok((await pool.ListAsync(id, ct)).Select(m => Dto(m.Juror, m.AffiliatedWithRoot ? [l[JuryPoolService.RootWarning].Value] : [])).ToList());
    }

    private static async Task<IResult> Candidates(int id, string? q, JuryPoolService pool, Kovablik.Data.KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await EditionExistsAsync(db, id, ct)) return ApiResults.NotFound(l);
        return TypedResults.Ok((await pool.CandidatesAsync(id, q, 100, ct)).Select(c => new JurorCandidateDto(c.UserId, c.FullName, c.Email, c.OrganisationId, c.InPool)).ToList());
    }

    private static async Task<IResult> AddJuror(int id, JurorRequest request, JuryPoolService pool, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await pool.AddAsync(id, request.ToInput(), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var warning = await pool.AffiliationWarningAsync(result.Value!.OrganisationId, ct);
        return TypedResults.Created($"/api/v1/editions/{id}/judging/jurors/{result.Value.Id}", Dto(result.Value, warning is null ? [] : [l[warning].Value]));
    }

    private static async Task<IResult> UpdateJuror(int id, int jurorId, JurorRequest request, JuryPoolService pool, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await pool.UpdateAsync(id, jurorId, request.ToInput() with { UserId = null }, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var warning = await pool.AffiliationWarningAsync(result.Value!.OrganisationId, ct);
        return TypedResults.Ok(Dto(result.Value, warning is null ? [] : [l[warning].Value]));
    }

    // ------------------------------------------------------------------ conflicts

    private static async Task<IResult> Conflicts(int id, ConflictService conflicts, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var overview = await conflicts.OverviewAsync(id, ct);
        if (overview is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(new ConflictOverviewDto(
            overview.Declarations.Select(d => Dto(d.Declaration, d.JurorName, d.ProposalTitle, d.OrganisationName)).ToList(),
            overview.Conflicts.Select(c => new ConflictDto(c.JurorId, c.JurorName, c.ProposalId, c.ProposalTitle, c.OrganisationName, c.FromOrganisationTree, c.DeclarationIds)).ToList(),
            overview.ConflictCount));
    }

    private static async Task<IResult> DeclareAsPanitia(int id, PanitiaConflictInput request, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await conflicts.DeclareAsPanitiaAsync(id, request, user.Id, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/editions/{id}/judging/conflicts", Dto(result.Value!))
            : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Withdraw(int id, int declarationId, WithdrawRequest request, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await conflicts.WithdrawAsync(id, declarationId, request.Reason, user.Id, ct);
        return result.Succeeded ? TypedResults.Ok(Dto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> MyDeclaration(int editionId, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await conflicts.JurorViewAsync(editionId, user.Id ?? "", ct);
        return view is null ? ApiResults.NotFound(l) : TypedResults.Ok(Dto(view));
    }

    private static async Task<IResult> Declare(int editionId, JurorDeclarationInput request, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await conflicts.DeclareAsJurorAsync(editionId, user.Id ?? "", request, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Ok(Dto((await conflicts.JurorViewAsync(editionId, user.Id!, ct))!));
    }

    private static async Task<IResult> UnitJurors(int id, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await conflicts.UnitViewAsync(id, await user.ScopeAsync(ct), ct);
        if (view is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(new UnitConflictsDto(view.Proposal.Id,
            view.Jurors.Select(j => new UnitJurorDto(j.Id, j.DisplayName, j.OrganisationName)).ToList(),
            view.Declarations.Select(d => Dto(d)).ToList()));
    }

    private static async Task<IResult> DeclareAsUnit(int id, UnitConflictRequest request, ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await conflicts.DeclareAsUnitAsync(id, request.JurorId, request.Reason, await user.ScopeAsync(ct), user.Id, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/proposals/{id}/judging/jurors", Dto(result.Value!))
            : ApiResults.Problem(result, l);
    }

    // ------------------------------------------------------------------ assignment

    private static async Task<IResult> Assignments(int stageId, AssignmentService assignments, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var list = await assignments.ListAsync(stageId, ct);
        if (list is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(list.Rows.Select(r => new AssignmentDto(r.Id, stageId, r.JurorId, r.JurorName, r.ProposalId, r.ProposalTitle, r.Source.ToString(), r.HasScoreSheet)).ToList());
    }

    private static async Task<IResult> Preview(int stageId, AssignmentService assignments, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await assignments.PreviewAsync(stageId, ct);
        return result.Succeeded ? TypedResults.Ok(Dto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Confirm(int stageId, AssignmentService assignments, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await assignments.ConfirmAsync(stageId, user.Id, ct);
        return result.Succeeded ? TypedResults.Ok(Dto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> AddAssignment(int stageId, ManualAssignmentRequest request, AssignmentService assignments, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await assignments.AddAsync(stageId, request.JurorId, request.ProposalId, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var a = result.Value!;
        return TypedResults.Created($"/api/v1/judging/stages/{stageId}/assignments/{a.Id}",
            new AssignmentDto(a.Id, stageId, a.JurorId, null, a.ProposalId, null, a.Source.ToString(), false));
    }

    private static async Task<IResult> RemoveAssignment(int stageId, int assignmentId, AssignmentService assignments, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await assignments.RemoveAsync(stageId, assignmentId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    // ------------------------------------------------------------------ mapping

    private static async Task<bool> EditionExistsAsync(Kovablik.Data.KovablikDbContext db, int id, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Editions, e => e.Id == id, ct);

    private static JurorDto Dto(Juror j, List<string> warnings) =>
        new(j.Id, j.EditionId, j.UserId, j.DisplayName, j.OrganisationId, j.LoadLimit, j.Panels, j.ReadingFrom?.ToUniversalTime(), j.ReadingUntil?.ToUniversalTime(),
            j.DeclarationCompletedAt?.ToUniversalTime(), j.Active, j.Version, warnings);

    private static ConflictDeclarationDto Dto(ConflictDeclaration d, string? jurorName = null, string? proposalTitle = null, string? organisationName = null) =>
        new(d.Id, d.EditionId, d.JurorId, jurorName, d.ProposalId, proposalTitle, d.OrganisationId, organisationName, d.Source.ToString(), d.Reason,
            d.DeclaredAt.ToUniversalTime(), d.WithdrawnAt?.ToUniversalTime(), d.WithdrawalReason, d.RemovedAssignments);

    private static JurorDeclarationDto Dto(JurorDeclarationView v) =>
        new(v.Juror.EditionId, v.EditionName, v.Juror.Id, v.Juror.DeclarationCompletedAt?.ToUniversalTime(),
            v.Proposals.Select(p => new DeclarableProposalDto(p.Id, p.Title, p.OrganisationName, p.Declared, p.Reason)).ToList());

    private static AssignmentPlanDto Dto(AssignmentPlan p) =>
        new(p.Stage.Id, p.ProposalCount, p.JurorCount, p.Stage.JurorsPerProposal, p.ToAdd, p.ToRemove, p.Kept, p.Pinned, p.JurorsWithoutDeclaration,
            p.Loads.Select(x => new JurorLoadDto(x.JurorId, x.DisplayName, x.Load, x.LoadLimit, x.Current, x.Declared)).ToList(),
            p.Shortfalls.Select(s => new ShortfallDto(s.ProposalId, s.Title, s.Assigned, s.Needed, s.EligibleJurors, s.Reason.ToString())).ToList());
}

public sealed record JurorRequest(string? UserId, string? DisplayName, int? OrganisationId, int? LoadLimit, List<string>? Panels,
    DateTimeOffset? ReadingFrom, DateTimeOffset? ReadingUntil, bool? Active, Guid? ExpectedVersion)
{
    public JurorInput ToInput() => new()
    {
        UserId = UserId,
        DisplayName = DisplayName,
        OrganisationId = OrganisationId,
        LoadLimit = LoadLimit,
        Panels = Panels,
        ReadingFrom = ReadingFrom,
        ReadingUntil = ReadingUntil,
        Active = Active,
        ExpectedVersion = ExpectedVersion,
    };
}

public sealed record JurorDto(int Id, int EditionId, string UserId, string DisplayName, int? OrganisationId, int? LoadLimit, List<string> Panels,
    DateTimeOffset? ReadingFrom, DateTimeOffset? ReadingUntil, DateTimeOffset? DeclarationCompletedAt, bool Active, Guid Version, List<string> Warnings);

public sealed record JurorCandidateDto(string UserId, string FullName, string? Email, int? OrganisationId, bool InPool);

public sealed record WithdrawRequest(string? Reason);

public sealed record UnitConflictRequest(int? JurorId, string? Reason);

public sealed record ManualAssignmentRequest(int? JurorId, int? ProposalId);

public sealed record ConflictDeclarationDto(int Id, int EditionId, int JurorId, string? JurorName, int? ProposalId, string? ProposalTitle, int? OrganisationId,
    string? OrganisationName, string Source, string Reason, DateTimeOffset DeclaredAt, DateTimeOffset? WithdrawnAt, string? WithdrawalReason, int RemovedAssignments);

public sealed record ConflictDto(int JurorId, string JurorName, int ProposalId, string ProposalTitle, string OrganisationName, bool FromOrganisationTree, List<int> DeclarationIds);

public sealed record ConflictOverviewDto(List<ConflictDeclarationDto> Declarations, List<ConflictDto> Conflicts, int ConflictCount);

public sealed record DeclarableProposalDto(int Id, string Title, string OrganisationName, bool Declared, string? Reason);

public sealed record JurorDeclarationDto(int EditionId, string EditionName, int JurorId, DateTimeOffset? CompletedAt, List<DeclarableProposalDto> Proposals);

public sealed record UnitJurorDto(int Id, string DisplayName, string? OrganisationName);

public sealed record UnitConflictsDto(int ProposalId, List<UnitJurorDto> Jurors, List<ConflictDeclarationDto> Declarations);

public sealed record AssignmentDto(int Id, int StageId, int JurorId, string? JurorName, int ProposalId, string? ProposalTitle, string Source, bool HasScoreSheet);

public sealed record JurorLoadDto(int JurorId, string DisplayName, int Load, int? LoadLimit, int Current, bool Declared);

public sealed record ShortfallDto(int ProposalId, string Title, int Assigned, int Needed, int EligibleJurors, string Reason);

public sealed record AssignmentPlanDto(int StageId, int Proposals, int Jurors, int JurorsPerProposal, int ToAdd, int ToRemove, int Kept, int Pinned,
    int JurorsWithoutDeclaration, List<JurorLoadDto> Loads, List<ShortfallDto> Shortfalls);
