using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Scoring;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Kovablik.Web.Api;

/// <summary>
/// The juror's side of scoring: the queue, the score sheet of one proposal (read, save a draft, submit) and the
/// proposal's documents. Whatever <see cref="JudgingAccess"/> refuses (not assigned, conflicted, declaration not done)
/// is a plain 404, so a juror never learns that a proposal they may not see exists.
/// </summary>
public static class JudgingScoringApi
{
    public static RouteGroupBuilder MapJudgingScoringApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/judging").WithTags("Judging").RequireAuthorization(Policies.Juror);
        me.MapGet("/me/queue", Queue).WithName("JurorQueue").Produces<List<QueueStageDto>>()
            .WithSummary("What is left for me: per edition and stage in scoring, the declaration to complete or the assigned proposals with progress and deadline");
        var sheet = me.MapGroup("/stages/{stageId:int}/proposals/{proposalId:int}");
        sheet.MapGet("/sheet", Get).WithName("GetScoreSheet").Produces<ScoreSheetDto>().ProducesProblem(404)
            .WithSummary("The proposal (read-only), the stage rubric, my sheet and its version, and the other jurors' scores when the stage allows it after I submitted");
        sheet.MapPut("/sheet/draft", SaveDraft).WithName("SaveScoreDraft").Produces<ScoreSheetDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Saves what is filled (each filled score in range); send the sheet's version in 'version' or If-Match (none for a new sheet)");
        sheet.MapPost("/sheet/submit", Submit).WithName("SubmitScoreSheet").Produces<ScoreSheetDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Submits every criterion (in range) and stores the weighted total; a submitted sheet may be changed this way until the stage is frozen");
        sheet.MapGet("/documents/{docId:guid}/file", Download).WithName("JurorDownloadProposalDocument").ProducesProblem(404)
            .WithSummary("A document of a proposal assigned to me, as an attachment");
        return api;
    }

    private static async Task<IResult> Queue(ScoringService scoring, CurrentUser user, CancellationToken ct)
    {
        var queue = await scoring.QueueAsync(user.Id!, ct);
        var now = scoring.Now;
        return TypedResults.Ok(queue.Select(s => s.AsDto(now)).ToList());
    }

    private static async Task<IResult> Get(int stageId, int proposalId, ScoringService scoring, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await scoring.SheetAsync(user.Id!, stageId, proposalId, ct);
        return view is null ? ApiResults.NotFound(l) : TypedResults.Ok(view.AsDto(l));
    }

    private static Task<IResult> SaveDraft(int stageId, int proposalId, ScoreSheetRequest request, HttpRequest http, ScoringService scoring, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        SaveAsync(stageId, proposalId, request, http, scoring, user, l, submit: false, ct);

    private static Task<IResult> Submit(int stageId, int proposalId, ScoreSheetRequest request, HttpRequest http, ScoringService scoring, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        SaveAsync(stageId, proposalId, request, http, scoring, user, l, submit: true, ct);

    private static async Task<IResult> SaveAsync(int stageId, int proposalId, ScoreSheetRequest request, HttpRequest http, ScoringService scoring, CurrentUser user,
        IStringLocalizer<SharedResource> l, bool submit, CancellationToken ct)
    {
        var input = new ScoreSheetInput
        {
            Scores = request.Scores ?? [],
            Comments = request.Comments ?? [],
            OverallComment = request.OverallComment,
            ExpectedVersion = request.Version ?? IfMatch(http),
        };
        var result = submit
            ? await scoring.SubmitAsync(user.Id!, stageId, proposalId, input, ct)
            : await scoring.SaveDraftAsync(user.Id!, stageId, proposalId, input, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var view = await scoring.SheetAsync(user.Id!, stageId, proposalId, ct);
        return view is null ? ApiResults.NotFound(l) : TypedResults.Ok(view.AsDto(l));
    }

    /// <summary>The version from an If-Match header ("guid" or W/"guid"); null when absent or not a version.</summary>
    private static Guid? IfMatch(HttpRequest http)
    {
        var value = http.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return Guid.TryParse(value.Trim('"'), out var v) ? v : null;
    }

    private static async Task<IResult> Download(int stageId, int proposalId, Guid docId, HttpContext http, ScoringService scoring, IFileStore store, CurrentUser user,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var document = await scoring.DocumentAsync(user.Id!, stageId, proposalId, docId, ct);
        if (document is null) return ApiResults.NotFound(l);
        var content = await store.OpenAsync(document.StorageKey, ct);
        if (content is null) return ApiResults.NotFound(l);
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        // A file name makes the answer an attachment, so a browser never renders an upload.
        return TypedResults.File(content, document.ContentType, document.OriginalFileName);
    }

    public static string DocumentUrl(int stageId, int proposalId, Guid documentId) =>
        $"/api/v1/judging/stages/{stageId}/proposals/{proposalId}/documents/{documentId}/file";

    public static QueueStageDto AsDto(this QueueStage s, DateTimeOffset now) => new(
        s.EditionId, s.EditionName, s.StageId, s.StageName, s.DeclarationDone,
        s.DeclarationDone ? null : $"/Juri/Deklarasi/{s.EditionId}",
        s.ScoringOpensAt, s.ScoringDeadline, s.ScoringDeadline is null ? null : WibText.Format(s.ScoringDeadline),
        s.ScoringDeadline is { } d ? Math.Max(0, (long)(d - now).TotalMinutes) : null,
        s.ReadingFrom, s.ReadingUntil, s.Submitted, s.Items.Count,
        s.Items.Select(i => new QueueItemDto(i.ProposalId, i.Title, i.OrganisationName, i.Status.ToString(), i.Total,
            $"/Juri/Nilai/{s.StageId}/{i.ProposalId}")).ToList());

    public static ScoreSheetDto AsDto(this SheetView v, IStringLocalizer l)
    {
        var p = v.Proposal;
        var stage = v.Grant.Stage;
        var titles = v.Edition.Group(p.GroupCode)?.Sections.ToDictionary(s => s.Key, s => s.Title) ?? [];
        return new ScoreSheetDto(
            stage.Id, stage.Name, stage.Status.ToString(), stage.ScoringOpensAt, stage.ScoringDeadline,
            p.Id, p.Title, v.OrganisationName, p.GroupCode,
            p.Sections.Select(s => new ProposalSectionDto(s.Key, titles.GetValueOrDefault(s.Key) ?? s.Key, MarkdownRenderer.ToSafeHtml(s.Text))).ToList(),
            p.Documents.OrderBy(d => d.SlotKey).Select(d => new JurorDocumentDto(d.Id, d.SlotKey, d.OriginalFileName, d.ContentType, d.Size,
                DocumentUrl(stage.Id, p.Id, d.Id))).ToList(),
            p.Links.OrderBy(x => x.Id).Select(x => new JurorLinkDto(x.Kind.ToString(), x.Url, x.Label, x.DurationNote)).ToList(),
            new RubricDto(v.Rubric.TotalMin, v.Rubric.TotalMax, v.Rubric.Criteria.Select(c => new CriterionDto(c.Key, c.Title, c.Weight, c.Min, c.Max,
                c.Levels.Select(x => new LevelDto(x.From, x.To, x.Text)).ToList())).ToList()),
            v.Sheet is { } s
                ? new OwnSheetDto(s.Status.ToString(), s.GetScores(), s.GetComments(), s.OverallComment, s.Total, s.SubmittedAt, s.Version)
                : null,
            v.Sheet?.Version,
            v.WriteProblem is null,
            v.WriteProblem is null ? null : l.Message(v.WriteProblem),
            v.Peers?.Select(x => new PeerSheetDto(x.Label, x.Total, x.Scores)).ToList());
    }
}

public sealed record ScoreSheetRequest(Dictionary<string, double?>? Scores, Dictionary<string, string?>? Comments, string? OverallComment, Guid? Version);

public sealed record QueueItemDto(int ProposalId, string Title, string Organisation, string Status, double? Total, string Url);

public sealed record QueueStageDto(int EditionId, string Edition, int? StageId, string? Stage, bool DeclarationDone, string? DeclarationUrl,
    DateTimeOffset? ScoringOpensAt, DateTimeOffset? ScoringDeadline, string? ScoringDeadlineWib, long? MinutesLeft,
    DateTimeOffset? ReadingFrom, DateTimeOffset? ReadingUntil, int Submitted, int Assigned, List<QueueItemDto> Items);

public sealed record ProposalSectionDto(string Key, string Title, string Html);

public sealed record JurorDocumentDto(Guid Id, string Slot, string FileName, string ContentType, long Size, string Download);

public sealed record JurorLinkDto(string Kind, string Url, string? Label, string? DurationNote);

public sealed record LevelDto(double From, double To, string Text);

public sealed record CriterionDto(string Key, string Title, double Weight, double Min, double Max, List<LevelDto> Levels);

public sealed record RubricDto(double TotalMin, double TotalMax, List<CriterionDto> Criteria);

public sealed record OwnSheetDto(string Status, Dictionary<string, double> Scores, Dictionary<string, string> Comments, string? OverallComment,
    double? Total, DateTimeOffset? SubmittedAt, Guid Version);

public sealed record PeerSheetDto(string Label, double? Total, IReadOnlyDictionary<string, double> Scores);

public sealed record ScoreSheetDto(int StageId, string Stage, string StageStatus, DateTimeOffset? ScoringOpensAt, DateTimeOffset? ScoringDeadline,
    int ProposalId, string Title, string Organisation, string Group, List<ProposalSectionDto> Sections, List<JurorDocumentDto> Documents,
    List<JurorLinkDto> Links, RubricDto Rubric, OwnSheetDto? Sheet, Guid? Version, bool CanScore, string? ScoringClosedReason, List<PeerSheetDto>? Peers);
