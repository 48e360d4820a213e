using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public sealed record AwardDto(int Id, int InnovationId, string InnovationName, string OrganisationName, int Year, string Competition,
    string Title, string Tier, int? EditionId, string? Source, DateTimeOffset RecordedAt);

public sealed record PublicAwardDto(int Year, string Competition, string Title, string Tier);

public sealed record AwardRequest(int? InnovationId, int? Year, string? Competition, string? Title, string? Tier, string? Source);

public sealed record AwardImportDto(bool Applied, int Added, int AlreadyKnown, List<AwardImportRowError> Rows);

/// <summary>The award register (Panitia) and each published innovation's awards (public).</summary>
public static class AwardsApi
{
    public static RouteGroupBuilder MapAwardsApi(this RouteGroupBuilder api)
    {
        var organiser = api.MapGroup("/awards").WithTags("Awards").RequireAuthorization(Policies.Organiser);
        organiser.MapGet("", List).WithName("ListAwards").Produces<List<AwardDto>>()
            .WithSummary("Recorded awards, newest year first; filter by innovationId, year, competition");
        organiser.MapPost("", Add).WithName("AddAward").Produces<AwardDto>(201).ProducesValidationProblem()
            .WithSummary("Record a past award. tier: finalist (e.g. Top 99) or top (e.g. Top 45)");
        organiser.MapDelete("/{id:int}", Remove).WithName("RemoveAward").Produces(204).ProducesValidationProblem().ProducesProblem(404);
        organiser.MapPost("/import", Import).WithName("ImportAwards").DisableAntiforgery().Produces<AwardImportDto>().ProducesProblem(400)
            .WithSummary("Multipart 'file': CSV UTF-8 with inovasi_id,tahun,kompetisi,penghargaan,tingkat[,sumber]. One bad row imports nothing");

        api.MapGet("/innovations/{id:int}/awards", PublicList).WithTags("Awards").AllowAnonymous().WithName("InnovationAwards")
            .Produces<List<PublicAwardDto>>().ProducesProblem(404).WithSummary("Awards of a published innovation");
        return api;
    }

    private static async Task<IResult> List(AwardService service, int? innovationId, int? year, string? competition, CancellationToken ct)
    {
        var rows = await service.List(innovationId, year, competition).Take(5000).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(AsDto).ToList());
    }

    private static async Task<IResult> Add(AwardRequest request, AwardService service, KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        AwardTier? tier = null;
        if (!string.IsNullOrWhiteSpace(request.Tier))
        {
            tier = AwardService.ParseTier(request.Tier);
            if (tier is null) return ApiResults.Invalid(nameof(request.Tier), "Tingkat harus \"finalis\" atau \"utama\".", l);
        }
        var result = await service.AddAsync(new AwardInput(request.InnovationId, request.Year, request.Competition, request.Title, tier, request.Source), user.Id, ct);
        if (!result.Succeeded) return ApiResults.Problem(result, l);
        var award = await service.List().FirstAsync(a => a.Id == result.Value!.Id, ct);
        return TypedResults.Created($"/api/v1/awards/{award.Id}", AsDto(award));
    }

    private static async Task<IResult> Remove(int id, AwardService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.RemoveAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Import(HttpRequest request, AwardService service, CurrentUser user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ApiResults.Invalid("file", "Kirim berkas sebagai multipart/form-data dengan kolom 'file'.", l);
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return ApiResults.Invalid("file", "Pilih berkas CSV yang akan diimpor.", l);
        await using var stream = file.OpenReadStream();
        var report = await service.ImportAsync(stream, user.Id, ct);
        if (report.FileError is not null) return ApiResults.Invalid("file", report.FileError, l);
        var rows = report.Errors.Select(e => e with { Message = l.Message(e.Message) }).ToList();
        if (!report.Applied)
        {
            return TypedResults.Problem(statusCode: 400, title: l["Berkas berisi baris bermasalah"],
                detail: l["Tidak ada penghargaan yang diimpor. Perbaiki baris yang disebutkan lalu kirim ulang."],
                extensions: new Dictionary<string, object?> { ["rows"] = rows });
        }
        return TypedResults.Ok(new AwardImportDto(true, report.Added, report.AlreadyKnown, rows));
    }

    private static async Task<IResult> PublicList(int id, KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await db.Innovations.AnyAsync(i => i.Id == id && i.Status == InnovationStatus.Published, ct)) return ApiResults.NotFound(l);
        var rows = await db.InnovationAwards.AsNoTracking().Where(a => a.InnovationId == id)
            .OrderByDescending(a => a.Year).ThenBy(a => a.Competition)
            .Select(a => new PublicAwardDto(a.Year, a.Competition, a.Title, a.Tier.ToString())).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static AwardDto AsDto(InnovationAward a) => new(a.Id, a.InnovationId, a.Innovation.Name, a.Innovation.Organisation.Name, a.Year,
        a.Competition, a.Title, a.Tier.ToString(), a.EditionId, a.Source, a.RecordedAt);
}
