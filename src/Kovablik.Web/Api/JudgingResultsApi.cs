using System.Globalization;
using System.Text;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Results;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// Judging results (issue 4 §6, §9): Panitia publishes a frozen stage once; anyone reads published results as JSON or
/// CSV (open data, docs/open-data.md); a unit reads its own proposal's feedback; verified persons file objections
/// while the window is open; Panitia triages and publishes resolutions. No response carries a juror or a per-juror score.
/// </summary>
public static class JudgingResultsApi
{
    public static RouteGroupBuilder MapJudgingResultsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/judging/stages/{stageId:int}/results/publish", Publish).WithTags("Judging").RequireAuthorization(Policies.Organiser)
            .WithName("PublishStageResults").Produces<PublicStageResults>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Publish a frozen stage's results once (publication PassedOnly or FullRanking; objectionDays 1–30, default the stage's 5); opens the objection window and notifies the units");
        api.MapGet("/judging/stages/{stageId:int}/results", StageResults).WithTags("Judging").AllowAnonymous()
            .WithName("PublicStageResults").Produces<PublicStageResults>().ProducesProblem(404)
            .WithSummary("A published stage's results: names that passed (alphabetical) or the full ranking (rank, score to 2 decimals)");
        api.MapGet("/judging/stages/{stageId:int}/results.csv", StageCsv).WithTags("Judging").AllowAnonymous()
            .WithName("PublicStageResultsCsv").Produces(200, contentType: "text/csv").ProducesProblem(404)
            .WithSummary("The same as CSV (UTF-8 with BOM; columns in docs/open-data.md)");
        api.MapGet("/editions/{id:int}/judging/results", EditionResults).WithTags("Judging").AllowAnonymous()
            .WithName("PublicEditionJudgingResults").Produces<PublicEditionResults>().ProducesProblem(404)
            .WithSummary("Every published stage of an edition");
        api.MapGet("/editions/{id:int}/judging/results.csv", EditionCsv).WithTags("Judging").AllowAnonymous()
            .WithName("PublicEditionJudgingResultsCsv").Produces(200, contentType: "text/csv").ProducesProblem(404)
            .WithSummary("Every published stage of an edition as CSV (UTF-8 with BOM)");
        api.MapGet("/proposals/{id:int}/judging-feedback", Feedback).WithTags("Judging").RequireAuthorization(Policies.InnovationEditor)
            .WithName("ProposalJudgingFeedback").Produces<ProposalFeedback>().ProducesProblem(404)
            .WithSummary("The unit's feedback on its own proposal after publication: per criterion the mean, its rubric band and the jurors' comments, without juror identities");

        api.MapPost("/judging/stages/{stageId:int}/objections", SubmitObjection).WithTags("Judging").RequireAuthorization(Policies.VerifiedPerson)
            .RequireRateLimiting(WebSetup.FeedbackRateLimit).WithName("SubmitObjection")
            .Produces<ObjectionCreatedDto>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(429)
            .WithSummary("File an objection (sanggah) while the stage's window is open: name, text (20–4,000 characters), optional proposalId from the published list");
        api.MapGet("/judging/stages/{stageId:int}/objections", ListObjections).WithTags("Judging").RequireAuthorization(Policies.Organiser)
            .WithName("ListObjections").Produces<List<ObjectionView>>().ProducesProblem(404)
            .WithSummary("Every objection of a stage for triage, newest first");
        api.MapPost("/judging/objections/{id:int}/resolve", Resolve).WithTags("Judging").RequireAuthorization(Policies.Organiser)
            .WithName("ResolveObjection").Produces<ObjectionView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Accept or reject an objection with a required resolution (status Accepted or Rejected); allowed until published");
        api.MapPost("/judging/objections/{id:int}/publish", PublishResolution).WithTags("Judging").RequireAuthorization(Policies.Organiser)
            .WithName("PublishObjectionResolution").Produces<ObjectionView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Publish a resolved objection with its resolution on the public objection page; the submitter is notified");
        api.MapGet("/editions/{id:int}/judging/objections", PublishedObjections).WithTags("Judging").AllowAnonymous()
            .WithName("PublishedObjections").Produces<List<PublishedObjection>>().ProducesProblem(404)
            .WithSummary("Published objections with their resolutions (objection text and resolution; never the submitter)");
        return api;
    }

    private static async Task<IResult> Publish(int stageId, PublishRequest? request, JudgingResultsService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        ResultPublication? publication = null;
        if (request?.Publication is { Length: > 0 } text)
        {
            if (!Enum.TryParse<ResultPublication>(text, ignoreCase: true, out var p) || int.TryParse(text, out _))
                return ApiResults.Invalid("publication", "Pilih cara pengumuman hasil.", l);
            publication = p;
        }
        var result = await service.PublishAsync(stageId, new PublishInput(publication, request?.ObjectionDays, request?.Version), user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Ok(await service.PublicStageAsync(stageId, ct));
    }

    private static async Task<IResult> StageResults(int stageId, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await service.PublicStageAsync(stageId, ct) is { } stage ? TypedResults.Ok(stage) : ApiResults.NotFound(l);

    private static async Task<IResult> EditionResults(int id, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        await service.PublicResultsAsync(id, ct) is { } edition ? TypedResults.Ok(edition) : ApiResults.NotFound(l);

    private static async Task<IResult> StageCsv(int stageId, HttpContext http, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var stage = await service.PublicStageAsync(stageId, ct);
        if (stage is null) return ApiResults.NotFound(l);
        var edition = await service.EditionNameOfStageAsync(stageId, ct);
        return Csv(http, $"kovablik-hasil-tahap-{stageId}.csv", edition, [stage]);
    }

    private static async Task<IResult> EditionCsv(int id, HttpContext http, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var edition = await service.PublicResultsAsync(id, ct);
        if (edition is null) return ApiResults.NotFound(l);
        return Csv(http, $"kovablik-hasil-{edition.Slug}.csv", edition.EditionName, edition.Stages);
    }

    private static async Task<IResult> Feedback(int id, JudgingResultsService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.FeedbackAsync(id, await user.ScopeAsync(ct), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        if (!result.Value!.IsPublished)
            return TypedResults.Problem(statusCode: 404, title: l["Tidak ditemukan"], detail: l[JudgingResultsService.NotPublishedMessage]);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> SubmitObjection(int stageId, ObjectionRequest request, JudgingResultsService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.SubmitObjectionAsync(stageId, user.Id!, new ObjectionInput(request.ProposalId, request.Name, request.Text), ct);
        if (!result.Succeeded)
            return result.Errors.TryGetValue("", out var general) && general.Contains(JudgingResultsService.TooManyMessage)
                ? TypedResults.Problem(statusCode: 429, title: l["Terlalu banyak permintaan"], detail: l[JudgingResultsService.TooManyMessage])
                : ApiResults.Problem(result, l);
        var o = result.Value!;
        return TypedResults.Created($"/api/v1/judging/stages/{stageId}/objections/{o.Id}",
            new ObjectionCreatedDto(o.Id, o.StageId, o.ProposalId, o.Status.ToString(), o.SubmittedAt.ToUniversalTime(), l["Terima kasih. Sanggahan Anda sudah diterima dan akan ditinjau Panitia."]));
    }

    private static async Task<IResult> ListObjections(int stageId, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await service.StageAsync(stageId, ct) is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(await service.ObjectionsAsync(stageId, ct));
    }

    private static async Task<IResult> Resolve(int id, ResolveRequest request, JudgingResultsService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ResolveAsync(id, new ResolveInput(request.Status, request.Resolution, request.Version), user.Id, ct);
        return result.Succeeded ? TypedResults.Ok(await ViewAsync(service, result.Value!, ct)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> PublishResolution(int id, VersionRequest? request, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PublishResolutionAsync(id, request?.Version, ct);
        return result.Succeeded ? TypedResults.Ok(await ViewAsync(service, result.Value!, ct)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> PublishedObjections(int id, JudgingResultsService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await service.PublicResultsAsync(id, ct) is null) return ApiResults.NotFound(l);
        return TypedResults.Ok(await service.PublishedObjectionsAsync(id, ct));
    }

    private static async Task<ObjectionView> ViewAsync(JudgingResultsService service, Objection o, CancellationToken ct) =>
        (await service.ObjectionsAsync(o.StageId, ct)).Single(v => v.Id == o.Id);

    // ---------------------------------------------------------------- CSV

    public static readonly string[] CsvColumns = ["edition", "stage_order", "stage", "publication", "rank", "proposal_id", "proposal", "organisation", "kabupaten_kota", "score", "passed"];

    /// <summary>UTF-8 with a byte-order mark, so Excel opens Indonesian names correctly; RFC 4180 otherwise.</summary>
    public static IResult Csv(HttpContext http, string fileName, string edition, IEnumerable<PublicStageResults> stages)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', CsvColumns)).Append("\r\n");
        foreach (var s in stages)
            foreach (var r in s.Rows)
                sb.Append(string.Join(',', new[]
                {
                    edition, s.Order.ToString(CultureInfo.InvariantCulture), s.StageName, s.Publication.ToString(),
                    r.Rank?.ToString(CultureInfo.InvariantCulture), r.ProposalId.ToString(CultureInfo.InvariantCulture), r.Proposal, r.Organisation,
                    r.KabupatenKota, r.Score?.ToString("0.00", CultureInfo.InvariantCulture), r.Passed ? "true" : "false",
                }.Select(Cell))).Append("\r\n");
        http.Response.Headers.CacheControl = "public, max-age=60";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", fileName);
    }

    /// <summary>Cells a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

public sealed record PublishRequest(string? Publication, int? ObjectionDays, Guid? Version);

public sealed record ObjectionRequest(int? ProposalId, string? Name, string? Text);

public sealed record ResolveRequest(string? Status, string? Resolution, Guid? Version);

public sealed record VersionRequest(Guid? Version);

public sealed record ObjectionCreatedDto(int Id, int StageId, int? ProposalId, string Status, DateTimeOffset SubmittedAt, string Message);
