using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// Panitia's side of the judging stages (issue 4 §1, §3, §4, §9): start judging, stage settings and rubric, open
/// scoring, ranking with the cut preview, plenary decisions, the freeze, panel statistics and the Excel export.
/// </summary>
public static class JudgingStagesApi
{
    public static RouteGroupBuilder MapJudgingStagesApi(this RouteGroupBuilder api)
    {
        var editions = api.MapGroup("/editions").WithTags("Judging").RequireAuthorization(Policies.Organiser);
        editions.MapGet("/{id:int}/judging/stages", List).WithName("JudgingStages").Produces<List<StageSummaryDto>>().ProducesProblem(404)
            .WithSummary("The edition's judging stages in order, with status and counts");
        editions.MapPost("/{id:int}/judging/start", Start).WithName("StartJudging").Produces<List<StageSummaryDto>>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Create the default stages (idempotent)");

        var stages = api.MapGroup("/judging/stages").WithTags("Judging").RequireAuthorization(Policies.Organiser);
        stages.MapGet("/{stageId:int}", Get).WithName("JudgingStage").Produces<StageDto>().ProducesProblem(404)
            .WithSummary("A stage with every setting");
        stages.MapPut("/{stageId:int}/settings", Update).WithName("UpdateJudgingStage").Produces<StageDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Replace the settings; refused once frozen, the rubric once a sheet is submitted");
        stages.MapPost("/{stageId:int}/open", Open).WithName("OpenJudgingStage").Produces<StageDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Setup → Scoring; a scored stage needs a valid rubric");
        stages.MapGet("/{stageId:int}/ranking", Ranking).WithName("JudgingStageRanking").Produces<StageRankingDto>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("The ranking with the cut preview: who passes and why");
        stages.MapPost("/{stageId:int}/freeze", Freeze).WithName("FreezeJudgingStage").Produces<StageDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Confirm the cut: write the results and make the stage read-only");
        stages.MapGet("/{stageId:int}/decisions", Decisions).WithName("PlenaryDecisions").Produces<List<StageDecisionDto>>().ProducesProblem(404)
            .WithSummary("Plenary decisions, revoked ones included");
        stages.MapPost("/{stageId:int}/decisions", Decide).WithName("AddPlenaryDecision").Produces<StageDecisionDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Pass, Fail or SetScore with a reason; replaces the earlier decision of its kind");
        stages.MapPost("/{stageId:int}/decisions/{decisionId:int}/revoke", Revoke).WithName("RevokePlenaryDecision").Produces<StageDecisionDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Revoke a decision; it stays as history");
        stages.MapGet("/{stageId:int}/statistics", Statistics).WithName("JudgingStageStatistics").Produces<StageStatisticsDto>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Progress, spread and outliers per proposal, calibration per juror, regional spread");
        stages.MapGet("/{stageId:int}/export.xlsx", Export).WithName("ExportJudgingStage").Produces(200, contentType: SelectionApi.XlsxType).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Sheets Peringkat and Nilai per Juri (Panitia only)");
        return api;
    }

    private static async Task<IResult> List(int id, StageService service, Kovablik.Data.KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await db.Editions.FindAsync([id], ct) is null) return ApiResults.NotFound(l);
        return TypedResults.Ok((await service.OverviewAsync(id, ct)).Select(Summary).ToList());
    }

    private static async Task<IResult> Start(int id, JudgingSetupService setup, StageService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await setup.StartAsync(id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Ok((await service.OverviewAsync(id, ct)).Select(Summary).ToList());
    }

    private static async Task<IResult> Get(int stageId, StageService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await service.GetAsync(stageId, ct) is { } stage ? TypedResults.Ok(Dto(stage)) : ApiResults.NotFound(l);

    private static async Task<IResult> Update(int stageId, StageSettingsInput input, StageService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.UpdateSettingsAsync(stageId, input, ct);
        return result.Succeeded ? TypedResults.Ok(Dto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Open(int stageId, StageActionInput? input, StageService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.OpenScoringAsync(stageId, input?.ExpectedVersion, ct);
        return result.Succeeded ? TypedResults.Ok(Dto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Freeze(int stageId, StageActionInput? input, StageService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.FreezeAsync(stageId, input?.ExpectedVersion, user.Id, ct);
        return result.Succeeded ? TypedResults.Ok(Dto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Ranking(int stageId, StageRankingService ranking, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await ranking.ViewAsync(stageId, ct);
        if (!view.Succeeded) return ApiResults.Problem(view, l);
        var v = view.Value!;
        return TypedResults.Ok(new StageRankingDto(v.Stage.Id, v.Stage.Status.ToString(), v.Stage.Version,
            v.Ranking.Lines.Select(x => Line(v, x, l)).ToList(),
            v.Ranking.Shortfalls.Select(s => new StageShortfallDto(s.Cluster, s.Minimum, s.Available)).ToList(),
            ApiResults.Localise(v.Ranking.SheetErrors, l)));
    }

    private static async Task<IResult> Decisions(int stageId, StageService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await service.GetAsync(stageId, ct) is null) return ApiResults.NotFound(l);
        return TypedResults.Ok((await service.DecisionsAsync(stageId, ct)).Select(Decision).ToList());
    }

    private static async Task<IResult> Decide(int stageId, PlenaryInput input, StageService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.AddDecisionAsync(stageId, input, user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Created($"/api/v1/judging/stages/{stageId}/decisions", Decision(result.Value!));
    }

    private static async Task<IResult> Revoke(int stageId, int decisionId, StageActionInput? input, StageService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.RevokeDecisionAsync(stageId, decisionId, input?.ExpectedVersion, ct);
        return result.Succeeded ? TypedResults.Ok(Decision(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Statistics(int stageId, StageRankingService ranking, StageReports reports, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await ranking.ViewAsync(stageId, ct);
        if (!view.Succeeded) return ApiResults.Problem(view, l);
        var s = await reports.StatisticsAsync(view.Value!, ct);
        return TypedResults.Ok(new StageStatisticsDto(
            new StageProgressDto(s.Progress.Assigned, s.Progress.Submitted, s.Progress.Jurors.Select(j => new StageJurorProgressDto(j.JurorId, j.Name, j.Assigned, j.Submitted)).ToList()),
            s.Spread.Select(x => new StageSpreadDto(x.ProposalId, x.Count, x.Min, x.Max, x.Mean, x.Sd, s.Outliers.Count(o => o.ProposalId == x.ProposalId))).ToList(),
            s.Outliers.Select(o => new StageOutlierDto(o.JurorId, o.ProposalId, o.Score, o.OthersMean, o.Deviation, o.BySd, o.ByPoints)).ToList(),
            s.Calibration.Select(c => new StageCalibrationDto(c.JurorId, view.Value!.JurorNames.GetValueOrDefault(c.JurorId), c.Count, c.Mean, c.Sd,
                Finite(c.PanelMean), Finite(c.PanelSd), Finite(c.MeanDifference))).ToList(),
            s.Regions.Select(r => new StageRegionDto(r.RegionId, r.Region, r.Entrants, r.Passed, r.NewFaces, r.PastWinners)).ToList()));
    }

    private static async Task<IResult> Export(int stageId, StageRankingService ranking, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await ranking.ViewAsync(stageId, ct);
        if (!view.Succeeded) return ApiResults.Problem(view, l);
        var buffer = new MemoryStream();
        StageExport.Write(view.Value!, buffer, m => l.Message(m));
        return TypedResults.File(buffer.ToArray(), SelectionApi.XlsxType, $"penjurian-tahap-{stageId}.xlsx");
    }

    // ------------------------------------------------------------------ mapping

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    public static StageSummaryDto Summary(StageSummary s) => new(s.Stage.Id, s.Stage.EditionId, s.Stage.Order, s.Stage.Name, s.Stage.Kind.ToString(),
        s.Stage.Status.ToString(), s.Entrants, s.Assigned, s.Submitted, s.Passed, s.Stage.FrozenAt, s.Stage.Version);

    public static StageDto Dto(JudgingStage s) => new(s.Id, s.EditionId, s.Order, s.Status.ToString(), s.FrozenAt, s.FrozenByUserId, s.Version,
        StageSettingsInput.From(s));

    private static StageRankingLineDto Line(StageView v, StageRankingLine x, IStringLocalizer l)
    {
        var e = v.Entrants[x.ProposalId];
        var decision = x.OutcomeDecision ?? x.ScoreDecision;
        return new StageRankingLineDto(x.Rank, x.ProposalId, e.Title, e.OrganisationName, e.RegionName, x.Cluster, Round(x.Score), Round(x.MethodScore),
            Round(x.PreviousScore), Round(x.RawMean), x.JurorCount, x.Passed, x.Outcome.ToString(), l.Message(StageRanker.Describe(x.Outcome, x.Passed)),
            x.DecidedBy?.ToString(), x.DecidingCriterion, x.ScoreDecision?.Score, decision?.Reason);
    }

    private static double? Round(double? x) => x is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static StageDecisionDto Decision(PlenaryDecision d) =>
        new(d.Id, d.StageId, d.ProposalId, d.Action.ToString(), d.Score, d.Reason, d.DecidedByUserId, d.DecidedAt, d.RevokedAt);
}

public sealed record StageSummaryDto(int Id, int EditionId, int Order, string Name, string Kind, string Status, int Entrants, int Assigned, int Submitted,
    int Passed, DateTimeOffset? FrozenAt, Guid Version);

public sealed record StageDto(int Id, int EditionId, int Order, string Status, DateTimeOffset? FrozenAt, string? FrozenByUserId, Guid Version, StageSettingsInput Settings);

public sealed record StageRankingLineDto(int? Rank, int ProposalId, string Title, string Organisation, string Region, string? Cluster, double? Score, double? MethodScore,
    double? PreviousScore, double? RawMean, int Jurors, bool Passed, string Outcome, string OutcomeText, string? DecidedBy, string? DecidingCriterion,
    double? PlenaryScore, string? PlenaryReason);

public sealed record StageShortfallDto(string Cluster, int Minimum, int Available);

public sealed record StageRankingDto(int StageId, string Status, Guid Version, List<StageRankingLineDto> Lines, List<StageShortfallDto> Shortfalls, Dictionary<string, string[]> SheetErrors);

public sealed record StageDecisionDto(int Id, int StageId, int ProposalId, string Action, double? Score, string Reason, string? DecidedByUserId, DateTimeOffset DecidedAt,
    DateTimeOffset? RevokedAt);

public sealed record StageJurorProgressDto(int JurorId, string Name, int Assigned, int Submitted);

public sealed record StageProgressDto(int Assigned, int Submitted, List<StageJurorProgressDto> Jurors);

public sealed record StageSpreadDto(int ProposalId, int Count, double Min, double Max, double Mean, double Sd, int Outliers);

public sealed record StageOutlierDto(int JurorId, int ProposalId, double Score, double OthersMean, double Deviation, bool BySd, bool ByPoints);

public sealed record StageCalibrationDto(int JurorId, string? Name, int Count, double Mean, double Sd, double? PanelMean, double? PanelSd, double? MeanDifference);

public sealed record StageRegionDto(int RegionId, string Region, int Entrants, int Passed, int NewFaces, int PastWinners);

public sealed record StageStatisticsDto(StageProgressDto Progress, List<StageSpreadDto> Spread, List<StageOutlierDto> Outliers, List<StageCalibrationDto> Calibration, List<StageRegionDto> Regions);
