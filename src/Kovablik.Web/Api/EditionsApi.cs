using System.Security.Claims;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

/// <summary>
/// Competition editions (calls). Anyone may read published editions; organisers (Administrator, Panitia) see drafts
/// and change everything. Times in requests are WIB wall-clock times ("2026-06-30T12:00"); responses carry UTC instants.
/// </summary>
public static class EditionsApi
{
    public static RouteGroupBuilder MapEditionsApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/editions").WithTags("Editions").AllowAnonymous();
        read.MapGet("/", List).WithName("ListEditions").Produces<List<EditionDto>>()
            .WithSummary("Published editions; organisers see drafts too with ?all=true");
        read.MapGet("/{id:int}", Get).WithName("GetEdition").Produces<EditionDto>().ProducesProblem(404);

        var write = api.MapGroup("/editions").WithTags("Editions").RequireAuthorization(Policies.Organiser);
        write.MapPost("/", Create).WithName("CreateEdition").Produces<EditionDto>(201).ProducesValidationProblem()
            .WithSummary("A draft edition with the provincial defaults");
        write.MapPut("/{id:int}", Update).WithName("UpdateEdition").Produces<EditionDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Name, description and timeline (times in WIB)");
        write.MapPut("/{id:int}/groups/{code}", UpdateGroup).WithName("UpdateEditionGroup").Produces<EditionDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("A group's sections, word limits and document slots");
        write.MapPut("/{id:int}/eligibility", UpdateEligibility).WithName("UpdateEditionEligibility").Produces<EditionDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/{id:int}/publish", Publish).WithName("PublishEdition").Produces<EditionDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    public static bool IsOrganiser(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Panitia);

    private static async Task<IResult> List(KovablikDbContext db, ClaimsPrincipal user, bool? all, CancellationToken ct)
    {
        var query = db.Editions.AsNoTracking().Include(e => e.Categories).AsQueryable();
        if (all != true || !IsOrganiser(user)) query = query.Where(e => e.Status == EditionStatus.Published);
        var items = await query.OrderByDescending(e => e.Year).ThenBy(e => e.Name).ToListAsync(ct);
        return TypedResults.Ok(items.Select(e => e.AsDto()).ToList());
    }

    private static async Task<IResult> Get(int id, KovablikDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Categories).FirstOrDefaultAsync(e => e.Id == id, ct);
        // Drafts do not exist for the public.
        if (edition is null || (edition.Status == EditionStatus.Draft && !IsOrganiser(user))) return ApiResults.NotFound(l);
        return TypedResults.Ok(edition.AsDto());
    }

    private static async Task<IResult> Create(EditionCreateInput request, EditionService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.CreateAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/editions/{result.Value!.Id}", result.Value.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Update(int id, EditionUpdateInput request, EditionService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.UpdateAsync(id, request, ct), l);

    private static async Task<IResult> UpdateGroup(int id, string code, EditionGroupInput request, EditionService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.UpdateGroupAsync(id, code, request, ct), l);

    private static async Task<IResult> UpdateEligibility(int id, EditionEligibilityInput request, EditionService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.UpdateEligibilityAsync(id, request, ct), l);

    private static async Task<IResult> Publish(int id, EditionPublishRequest? request, EditionService service, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        Answer(await service.PublishAsync(id, request?.ExpectedVersion, ct), l);

    private static IResult Answer(Result<Edition> result, IStringLocalizer l) =>
        result.Succeeded ? TypedResults.Ok(result.Value!.AsDto()) : ApiResults.Problem(result, l);

    public static EditionDto AsDto(this Edition e) => new(
        e.Id, e.Name, e.Year, e.Slug, e.Description, e.Status.ToString(),
        e.RegistrationOpensAt?.ToUniversalTime(), e.RegistrationClosesAt?.ToUniversalTime(),
        e.Stages.Select(s => new EditionStageDto(s.Name, s.StartsAt?.ToUniversalTime(), s.EndsAt?.ToUniversalTime())).ToList(),
        e.Groups.Select(g => new EditionGroupDto(g.Code, g.Name,
            g.Sections.Select(s => new FormRuleDto(s.Key, s.Title, s.Required, s.WordLimit)).ToList(),
            g.Documents.Select(d => new DocumentSlotDto(d.Key, d.Name, d.AllowedTypeList.ToList(), d.MaxBytes, d.Required)).ToList(),
            g.RequiresTopAward, g.ForbidsTopAward, g.MaxFinalistAwards)).ToList(),
        e.Clusters.Select(c => c.Name).ToList(),
        e.Categories.OrderBy(c => c.Id).Select(c => c.Name).ToList(),
        new EditionEligibilityDto(e.Eligibility.MinimumImplementationMonths,
            e.Eligibility.AllowedOrganisationTypes.Select(a => a.Type.ToString()).ToList(),
            e.Eligibility.DefaultQuota,
            e.Eligibility.QuotaOverrides.ToDictionary(q => q.Type.ToString(), q => q.Quota)),
        e.PublishedAt, e.Version);
}

public sealed record EditionPublishRequest(Guid? ExpectedVersion);

public sealed record EditionDto(
    int Id, string Name, int Year, string Slug, string Description, string Status,
    DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt,
    List<EditionStageDto> Stages, List<EditionGroupDto> Groups, List<string> Clusters, List<string> Categories,
    EditionEligibilityDto Eligibility, DateTimeOffset? PublishedAt, Guid Version);

public sealed record EditionStageDto(string Name, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

public sealed record EditionGroupDto(string Code, string Name, List<FormRuleDto> Sections, List<DocumentSlotDto> Documents,
    bool RequiresTopAward, bool ForbidsTopAward, int? MaxFinalistAwards);

public sealed record FormRuleDto(string Key, string Title, bool Required, int WordLimit);

public sealed record DocumentSlotDto(string Key, string Name, List<string> AllowedTypes, long MaxBytes, bool Required);

public sealed record EditionEligibilityDto(int MinimumImplementationMonths, List<string> AllowedOrganisationTypes, int DefaultQuota, Dictionary<string, int> QuotaOverrides);
