using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Judging.Awards;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Api;

public sealed record AwardTierRequest(string? Title, string? Tier, int? Places, string? GroupCode, int? Order);

public sealed record AwardTierDto(int Id, int Order, string Title, string Tier, int? Places, string? GroupCode);

public sealed record AwardAdjustmentRequest(int? TierId, int? ProposalId, string? Action, string? Reason);

public sealed record AwardEntryDto(int ProposalId, string ProposalTitle, int InnovationId, string InnovationName, string OrganisationName, string GroupCode,
    int? Rank, string Source, string? Reason, bool Confirmed, int? GrantId, string? CertificateCode);

public sealed record AwardBoardTierDto(AwardTierDto Tier, List<AwardEntryDto> Entries);

public sealed record AwardBoardDto(int EditionId, int? FinalStageId, string? FinalStageName, List<AwardBoardTierDto> Tiers);

public sealed record ConfirmAwardsDto(int Awarded, int Certificates);

public sealed record CertificateDto(string Code, string EditionName, string AwardTitle, string InnovationName, string RecipientName,
    DateTimeOffset IssuedAt, string Sha256, bool Revoked, DateTimeOffset? RevokedAt, string? RevokedReason, string VerificationUrl);

public sealed record RevokeCertificateRequest(string? Reason);

public sealed record WinnerDto(int InnovationId, string InnovationName, string? InnovationUrl, string OrganisationName, string? KabKota);

public sealed record WinnerTierDto(string Title, string Tier, List<WinnerDto> Winners);

public sealed record KippPackRequest(List<int>? GrantIds);

/// <summary>Awards of an edition (tiers, suggestion, confirmation), certificates and their public check, winners, the KIPP pack.</summary>
public static class JudgingAwardsApi
{
    public static RouteGroupBuilder MapJudgingAwardsApi(this RouteGroupBuilder api)
    {
        var organiser = api.MapGroup("/editions/{id:int}/judging/awards").WithTags("Judging").RequireAuthorization(Policies.Organiser);
        organiser.MapGet("/tiers", Tiers).WithName("ListAwardTiers").Produces<List<AwardTierDto>>().ProducesProblem(404);
        organiser.MapPost("/tiers", AddTier).WithName("AddAwardTier").Produces<AwardTierDto>(201).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("tier: finalist or top; places: how many from the final ranking (empty = by hand); groupCode: only that group");
        organiser.MapPost("/tiers/defaults", DefaultTiers).WithName("AddDefaultAwardTiers").Produces<List<AwardTierDto>>().ProducesProblem(404)
            .WithSummary("Adds the KOVABLIK default tiers to an edition that has none");
        organiser.MapPut("/tiers/{tierId:int}", UpdateTier).WithName("UpdateAwardTier").Produces<AwardTierDto>().ProducesValidationProblem().ProducesProblem(404);
        organiser.MapDelete("/tiers/{tierId:int}", DeleteTier).WithName("DeleteAwardTier").Produces(204).ProducesValidationProblem().ProducesProblem(404);
        organiser.MapGet("", Board).WithName("AwardSuggestion").Produces<AwardBoardDto>().ProducesProblem(404)
            .WithSummary("Each tier's proposals: the suggestion from the last frozen stage's ranking with Panitia's changes, and what is confirmed");
        organiser.MapPost("/adjustments", Adjust).WithName("AdjustAwards").Produces<AwardBoardDto>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("action: add or remove; a reason is required");
        organiser.MapPost("/confirm", Confirm).WithName("ConfirmAwards").Produces<ConfirmAwardsDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Writes the awards into the register with the edition's id, issues certificates and notifies the units");
        organiser.MapGet("/certificates", Certificates).WithName("ListCertificates").Produces<List<CertificateDto>>().ProducesProblem(404);
        organiser.MapPost("/kipp-pack", KippPackZip).WithName("KippNominationPack").Produces(200, contentType: "application/zip").ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("ZIP of the selected confirmed awards (grantIds; empty = all) laid out in KIPP's fields with documents and manifest.json");

        api.MapGet("/editions/{id:int}/judging/winners", Winners).WithTags("Judging").AllowAnonymous().WithName("EditionWinners")
            .Produces<List<WinnerTierDto>>().ProducesProblem(404).WithSummary("Confirmed awards of a published edition, by tier; empty before confirmation");

        var certificates = api.MapGroup("/certificates").WithTags("Judging");
        certificates.MapGet("/{code}", Lookup).AllowAnonymous().RequireRateLimiting(WebSetup.FeedbackRateLimit).WithName("VerifyCertificate")
            .Produces<CertificateDto>().ProducesProblem(404).WithSummary("Public check of a certificate code: details, SHA-256 of the issued PDF, revocation");
        certificates.MapGet("/{code}/pdf", Download).RequireAuthorization(Policies.SignedIn).WithName("DownloadCertificate")
            .Produces(200, contentType: "application/pdf").ProducesProblem(404).WithSummary("Panitia, or the awarded unit");
        certificates.MapPost("/{code}/revoke", Revoke).RequireAuthorization(Policies.Organiser).WithName("RevokeCertificate")
            .Produces<CertificateDto>().ProducesValidationProblem().ProducesProblem(404).WithSummary("A reason is required; the certificate then verifies as revoked");
        return api;
    }

    public static AwardTierDto AsDto(EditionAwardTier t) => new(t.Id, t.Order, t.Title, TierName(t.Tier), t.Places, t.GroupCode);

    public static string TierName(Kovablik.Competitions.Validation.AwardTier tier) => tier == Kovablik.Competitions.Validation.AwardTier.Top ? "top" : "finalist";

    public static CertificateDto AsDto(Certificate c, string baseUrl) => new(c.Code, c.EditionName, c.AwardTitle, c.InnovationName, c.RecipientName, c.IssuedAt,
        c.Sha256, c.RevokedAt is not null, c.RevokedAt, c.RevokedReason, CertificatePdf.VerificationUrl(baseUrl, c.Code));

    private static async Task<IResult> Tiers(int id, EditionAwardService service, Kovablik.Data.KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await EditionExistsAsync(db, id, ct)) return ApiResults.NotFound(l);
        return TypedResults.Ok((await service.TiersAsync(id, ct)).Select(AsDto).ToList());
    }

    private static async Task<bool> EditionExistsAsync(Kovablik.Data.KovablikDbContext db, int id, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Editions, e => e.Id == id, ct);

    private static TierInput? Input(AwardTierRequest r, out bool badTier)
    {
        badTier = false;
        Kovablik.Competitions.Validation.AwardTier? tier = null;
        if (!string.IsNullOrWhiteSpace(r.Tier))
        {
            tier = AwardService.ParseTier(r.Tier);
            badTier = tier is null;
        }
        return new TierInput(r.Title, tier, r.Places, r.GroupCode, r.Order);
    }

    private static async Task<IResult> AddTier(int id, AwardTierRequest request, EditionAwardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var input = Input(request, out var bad);
        if (bad) return ApiResults.Invalid(nameof(request.Tier), "Tingkat harus \"finalis\" atau \"utama\".", l);
        var result = await service.AddTierAsync(id, input!, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/editions/{id}/judging/awards/tiers/{result.Value!.Id}", AsDto(result.Value)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> UpdateTier(int id, int tierId, AwardTierRequest request, EditionAwardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var input = Input(request, out var bad);
        if (bad) return ApiResults.Invalid(nameof(request.Tier), "Tingkat harus \"finalis\" atau \"utama\".", l);
        var result = await service.UpdateTierAsync(id, tierId, input!, ct);
        return result.Succeeded ? TypedResults.Ok(AsDto(result.Value!)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DeleteTier(int id, int tierId, EditionAwardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.DeleteTierAsync(id, tierId, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> DefaultTiers(int id, EditionAwardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.AddDefaultTiersAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(AsDto).ToList()) : ApiResults.Problem(result, l);
    }

    private static AwardBoardDto AsDto(AwardBoard b) => new(b.Edition.Id, b.FinalStage?.Id, b.FinalStage?.Name,
        b.Tiers.Select(t => new AwardBoardTierDto(AsDto(t.Tier), t.Entries.Select(e => new AwardEntryDto(e.ProposalId, e.ProposalTitle, e.InnovationId, e.InnovationName,
            e.OrganisationName, e.GroupCode, e.Rank, e.Source == AwardEntrySource.Ranking ? "ranking" : "added", e.Reason, e.Confirmed, e.GrantId, e.CertificateCode)).ToList())).ToList());

    private static async Task<IResult> Board(int id, EditionAwardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var board = await service.BoardAsync(id, ct);
        return board is null ? ApiResults.NotFound(l) : TypedResults.Ok(AsDto(board));
    }

    public static AwardAdjustmentAction? ParseAction(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "add" or "tambah" => AwardAdjustmentAction.Add,
        "remove" or "hapus" => AwardAdjustmentAction.Remove,
        _ => null,
    };

    private static async Task<IResult> Adjust(int id, AwardAdjustmentRequest request, EditionAwardService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var action = ParseAction(request.Action);
        if (action is null && !string.IsNullOrWhiteSpace(request.Action)) return ApiResults.Invalid(nameof(request.Action), "Pilih tambah atau hapus.", l);
        var result = await service.AdjustAsync(id, new AdjustmentInput(request.TierId, request.ProposalId, action, request.Reason), user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        return TypedResults.Ok(AsDto((await service.BoardAsync(id, ct))!));
    }

    private static async Task<IResult> Confirm(int id, HttpRequest http, EditionAwardService service, CurrentUser user, IOptions<KovablikOptions> options,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.ConfirmAsync(id, user.Id, AccountsApi.BaseUrl(http, options.Value), ct);
        return result.Succeeded ? TypedResults.Ok(new ConfirmAwardsDto(result.Value!.Awarded, result.Value.Certificates)) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Certificates(int id, HttpRequest http, EditionAwardService service, Kovablik.Data.KovablikDbContext db, IOptions<KovablikOptions> options,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await EditionExistsAsync(db, id, ct)) return ApiResults.NotFound(l);
        var baseUrl = AccountsApi.BaseUrl(http, options.Value);
        return TypedResults.Ok((await service.CertificatesAsync(id, ct)).Select(c => AsDto(c, baseUrl)).ToList());
    }

    private static async Task<IResult> KippPackZip(int id, KippPackRequest? request, KippPack pack, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await pack.BuildAsync(id, request?.GrantIds, ct);
        return result.Succeeded ? TypedResults.File(result.Value!.Zip, "application/zip", result.Value.FileName) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Winners(int id, EditionAwardService service, Kovablik.Data.KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var published = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Editions,
            e => e.Id == id && e.Status != Kovablik.Competitions.EditionStatus.Draft, ct);
        if (!published) return ApiResults.NotFound(l);
        var tiers = await service.WinnersAsync(id, ct);
        return TypedResults.Ok(tiers.Select(t => new WinnerTierDto(t.Title, TierName(t.Tier),
            t.Winners.Select(w => new WinnerDto(w.InnovationId, w.InnovationName, w.InnovationPublic ? $"/Inovasi/{w.InnovationId}" : null, w.OrganisationName, w.KabKota)).ToList())).ToList());
    }

    private static async Task<IResult> Lookup(string code, HttpRequest http, EditionAwardService service, IOptions<KovablikOptions> options, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var view = await service.FindAsync(code, ct);
        return view is null ? ApiResults.NotFound(l) : TypedResults.Ok(AsDto(view.Certificate, AccountsApi.BaseUrl(http, options.Value)));
    }

    private static async Task<IResult> Download(string code, EditionAwardService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.PdfAsync(code, await user.ScopeAsync(ct), ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var (certificate, pdf) = result.Value;
        return TypedResults.File(pdf, "application/pdf", $"sertifikat-{certificate.Code}.pdf");
    }

    private static async Task<IResult> Revoke(string code, RevokeCertificateRequest request, HttpRequest http, EditionAwardService service, CurrentUser user,
        IOptions<KovablikOptions> options, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.RevokeAsync(code, request.Reason, user.Id, ct);
        return result.Succeeded ? TypedResults.Ok(AsDto(result.Value!, AccountsApi.BaseUrl(http, options.Value))) : ApiResults.Problem(result, l);
    }
}
