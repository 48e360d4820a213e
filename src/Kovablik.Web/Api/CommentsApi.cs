using Kovablik.Feedback;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Pages.Inovasi;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// Public feedback: read an innovation's comments (anonymous), post comments and questions and report them
/// (verified persons), answer as the innovating unit (its operators and heads), and moderate (moderators).
/// Posting endpoints run under the per-address "feedback" rate limit; the per-account limit answers 429 too.
/// </summary>
public static class CommentsApi
{
    public static RouteGroupBuilder MapCommentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/innovations/{id:int}/comments", List).WithTags("Comments").AllowAnonymous().WithName("ListInnovationComments")
            .Produces<CommentPageDto>().ProducesProblem(404)
            .WithSummary("Published comments and questions of a published innovation with the unit's answers, newest first, 30 a page");
        api.MapPost("/innovations/{id:int}/comments", Post).WithTags("Comments").RequireAuthorization(Policies.VerifiedPerson)
            .RequireRateLimiting(WebSetup.FeedbackRateLimit).WithName("PostInnovationComment")
            .Produces<PostedCommentDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(429)
            .WithSummary("Post a comment or question (kind: Comment or Question; 3–2,000 characters). Spam or profanity is held for moderation (status Held)");
        api.MapPost("/comments/{id:long}/replies", Reply).WithTags("Comments").RequireAuthorization(Policies.InnovationEditor)
            .RequireRateLimiting(WebSetup.FeedbackRateLimit).WithName("ReplyToComment")
            .Produces<ReplyDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(429)
            .WithSummary("The innovating unit's official answer (operators and unit heads whose organisation holds the innovation)");
        api.MapPost("/comments/{id:long}/reports", Report).WithTags("Comments").RequireAuthorization(Policies.VerifiedPerson)
            .RequireRateLimiting(WebSetup.FeedbackRateLimit).WithName("ReportComment")
            .Produces<ReportResultDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Report a comment once (reason: Spam, Profanity, Harassment, PersonalData, OffTopic, Misinformation, Other); hidden automatically after enough distinct reports");

        var moderation = api.MapGroup("/moderation/comments").WithTags("Moderation").RequireAuthorization(Policies.CommentModerator);
        moderation.MapGet("/", Queue).WithName("ModerationQueue").Produces<List<ModerationItemDto>>()
            .WithSummary("Comments held by the filter or with unreviewed reports, oldest first");
        moderation.MapPost("/{id:long}/approve", Approve).WithName("ApproveComment").Produces<ModerationResultDto>().ProducesValidationProblem().ProducesProblem(404);
        moderation.MapPost("/{id:long}/hide", Hide).WithName("HideComment").Produces<ModerationResultDto>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Hide with a reason (required; a note is required for Other); the author is notified");
        return api;
    }

    private static async Task<IResult> List(int id, int? page, FeedbackService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (page is < 1) return ApiResults.Invalid("page", "Nomor halaman harus 1 atau lebih.", l);
        var thread = await service.ThreadAsync(id, null, page ?? 1, ct);
        if (thread is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(new CommentPageDto(thread.InnovationId, thread.PublishedCount, thread.Page, thread.HasMore,
            thread.Comments.Select(c => new CommentDto(c.Id, c.Kind.ToString(), c.Body, c.AuthorName, c.CreatedAt.ToUniversalTime(),
                c.Replies.Select(r => r.AsDto()).ToList())).ToList()));
    }

    private static async Task<IResult> Post(int id, CommentRequest request, FeedbackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PostAsync(id, user.Id!, new CommentInput(request.Kind, request.Body), ct);
        if (!result.Succeeded) return Problem(result, l);
        var c = result.Value!;
        var held = c.Status == CommentStatus.Held;
        return TypedResults.Created($"/api/v1/innovations/{id}/comments",
            new PostedCommentDto(c.Id, c.Kind.ToString(), c.Status.ToString(),
                held ? l[FeedbackService.HeldMessage].Value : l["Terima kasih, komentar Anda sudah tampil."].Value));
    }

    private static async Task<IResult> Reply(long id, ReplyRequest request, FeedbackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ReplyAsync(id, user.Id!, await CommentsViewComponent.ReplyScopeAsync(user, ct), request.Body, ct);
        if (result.Kind == ResultKind.Forbidden)
            return TypedResults.Problem(statusCode: 403, title: l["Akses ditolak"], detail: l["Hanya operator atau pimpinan unit pemilik inovasi ini yang dapat menjawab atas nama unit."]);
        if (!result.Succeeded) return Problem(result, l);
        var r = result.Value!;
        return TypedResults.Created($"/api/v1/comments/{id}", new ReplyDto(r.Id, r.Body, r.OrganisationId, "", "", r.CreatedAt.ToUniversalTime()));
    }

    private static async Task<IResult> Report(long id, ReportRequest request, FeedbackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ReportAsync(id, user.Id!, new ReportInput(request.Reason, request.Note), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Created($"/api/v1/comments/{id}", new ReportResultDto(id, result.Value!.AutoHidden));
    }

    private static async Task<IResult> Queue(FeedbackService service, CancellationToken ct) =>
        TypedResults.Ok((await service.QueueAsync(ct: ct)).Select(q => new ModerationItemDto(q.Id, q.InnovationId, q.InnovationName, q.Kind.ToString(), q.Body,
            q.Status.ToString(), q.AuthorName, q.ReportCount, q.NewReports, FilterVerdict.Parse(q.FilterFindings).Select(f => f.ToString()).ToList(),
            q.CreatedAt.ToUniversalTime())).ToList());

    private static async Task<IResult> Approve(long id, ModerationRequest? request, FeedbackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ApproveAsync(id, user.Id!, request?.Note, ct);
        return result.Succeeded ? TypedResults.Ok(new ModerationResultDto(id, result.Value!.Status.ToString(), null)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Hide(long id, ModerationRequest request, FeedbackService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.HideAsync(id, user.Id!, new ModerationInput(request.Reason, request.Note), ct);
        return result.Succeeded ? TypedResults.Ok(new ModerationResultDto(id, result.Value!.Status.ToString(), result.Value.HiddenReason?.ToString())) : ApiResults.Problem(result, l);
    }

    /// <summary>The per-account limit is a domain refusal; the API answers it like the address limit, 429.</summary>
    private static IResult Problem<T>(Result<T> result, IStringLocalizer l) =>
        result.Errors.TryGetValue("", out var general) && general.Contains(FeedbackService.TooManyMessage)
            ? TypedResults.Problem(statusCode: 429, title: l["Terlalu banyak permintaan"], detail: l[FeedbackService.TooManyMessage])
            : ApiResults.Problem(result, l);

    private static ReplyDto AsDto(this ReplyView r) => new(r.Id, r.Body, r.OrganisationId, r.OrganisationName, r.AuthorName, r.CreatedAt.ToUniversalTime());
}

public sealed record CommentRequest(string? Kind, string? Body);

public sealed record ReplyRequest(string? Body);

public sealed record ReportRequest(string? Reason, string? Note);

public sealed record ModerationRequest(string? Reason, string? Note);

public sealed record CommentPageDto(int InnovationId, int PublishedCount, int Page, bool HasMore, List<CommentDto> Items);

/// <summary>A published comment; <c>Body</c> is plain text (encode it when you show it as HTML).</summary>
public sealed record CommentDto(long Id, string Kind, string Body, string AuthorName, DateTimeOffset CreatedAt, List<ReplyDto> Replies);

/// <summary>An official answer of the innovating unit.</summary>
public sealed record ReplyDto(long Id, string Body, int OrganisationId, string OrganisationName, string AuthorName, DateTimeOffset CreatedAt);

public sealed record PostedCommentDto(long Id, string Kind, string Status, string Message);

public sealed record ReportResultDto(long CommentId, bool AutoHidden);

public sealed record ModerationItemDto(long Id, int InnovationId, string InnovationName, string Kind, string Body, string Status, string AuthorName,
    int ReportCount, int NewReports, List<string> FilterFindings, DateTimeOffset CreatedAt);

public sealed record ModerationResultDto(long Id, string Status, string? HiddenReason);
