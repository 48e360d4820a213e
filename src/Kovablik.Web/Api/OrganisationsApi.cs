using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public static class OrganisationsApi
{
    public static RouteGroupBuilder MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/organisations").WithTags("Organisations").AllowAnonymous();
        read.MapGet("/", List).WithName("ListOrganisations").Produces<PagedResult<OrganisationDto>>().ProducesValidationProblem().WithSummary("Browse or search the organisation tree");
        read.MapGet("/{id:int}", Get).WithName("GetOrganisation").Produces<OrganisationDto>().ProducesProblem(404);
        read.MapGet("/{id:int}/children", Children).WithName("ListOrganisationChildren").Produces<List<OrganisationDto>>().ProducesProblem(404);

        var write = api.MapGroup("/organisations").WithTags("Organisations").RequireAuthorization(Policies.RegistryManager);
        write.MapPost("/", Create).WithName("CreateOrganisation").Produces<OrganisationDto>(201).ProducesValidationProblem();
        write.MapPut("/{id:int}", Update).WithName("UpdateOrganisation").Produces<OrganisationDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/{id:int}/move", Move).WithName("MoveOrganisation").Produces<OrganisationDto>().ProducesValidationProblem().ProducesProblem(404);
        write.MapPost("/{id:int}/deactivate", (int id, OrganisationService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => SetActive(id, false, s, l, ct)).WithName("DeactivateOrganisation");
        write.MapPost("/{id:int}/activate", (int id, OrganisationService s, IStringLocalizer<SharedResource> l, CancellationToken ct) => SetActive(id, true, s, l, ct)).WithName("ActivateOrganisation");

        var regions = api.MapGroup("/regions").WithTags("Regions").AllowAnonymous();
        regions.MapGet("/", Regions).WithName("ListRegions").Produces<List<RegionDto>>().WithSummary("Kemendagri provinces and kabupaten/kota (ODbL)");
        return api;
    }

    private static async Task<IResult> List(KovablikDbContext db, IStringLocalizer<SharedResource> l, string? q, int? parentId, string? type, bool? active,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (page < 1 || page > 100_000) return ApiResults.Invalid("page", "Nomor halaman tidak valid.", l);
        if (pageSize is < 1 or > 200) return ApiResults.Invalid("pageSize", "Ukuran halaman harus antara 1 dan 200.", l);
        if (q is { Length: > 200 }) return ApiResults.Invalid("q", "Kata kunci terlalu panjang (maksimal 200 karakter).", l);
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!OrganisationTypeNames.TryParse(type, out var t)) return ApiResults.Invalid("type", "Jenis organisasi tidak dikenal.", l);
            query = query.Where(o => o.Type == t);
        }
        if (parentId is int pid) query = query.Where(o => o.ParentId == pid);
        else if (string.IsNullOrWhiteSpace(q)) query = query.Where(o => o.ParentId == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            query = query.Where(o => o.SearchText.Contains(term));
        }
        if (active is bool a) query = query.Where(o => o.IsActive == a);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Depth).ThenBy(o => o.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<OrganisationDto>(items.Select(o => o.AsDto()).ToList(), page, pageSize, total));
    }

    private static async Task<IResult> Get(int id, KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return org is null ? ApiResults.NotFound(l) : TypedResults.Ok(org.AsDto());
    }

    private static async Task<IResult> Children(int id, KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == id, ct)) return ApiResults.NotFound(l);
        var items = await db.Organisations.AsNoTracking().Where(o => o.ParentId == id).OrderBy(o => o.Name).ToListAsync(ct);
        return TypedResults.Ok(items.Select(o => o.AsDto()).ToList());
    }

    private static async Task<IResult> Create(OrganisationCreateRequest request, OrganisationService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!OrganisationTypeNames.TryParse(request.Type, out var type)) return ApiResults.Invalid("type", "Jenis organisasi tidak dikenal.", l);
        var result = await service.CreateAsync(new OrganisationInput(request.Code, request.Name ?? "", type, request.ParentId), ct);
        return result.Succeeded ? TypedResults.Created($"/api/v1/organisations/{result.Value!.Id}", result.Value.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Update(int id, OrganisationUpdateRequest request, OrganisationService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!OrganisationTypeNames.TryParse(request.Type, out var type)) return ApiResults.Invalid("type", "Jenis organisasi tidak dikenal.", l);
        var result = await service.UpdateAsync(id, request.Code, request.Name ?? "", type, request.Version, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Move(int id, OrganisationMoveRequest request, OrganisationService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (request.ParentId is not int parentId) return ApiResults.Invalid("parentId", "Organisasi induk wajib diisi.", l);
        var result = await service.MoveAsync(id, parentId, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.AsDto()) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> SetActive(int id, bool active, OrganisationService service, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var result = await service.SetActiveAsync(id, active, ct);
        return result.Succeeded ? TypedResults.Ok(new { affected = result.Value }) : ApiResults.Problem(result, l);
    }

    private static async Task<IResult> Regions(KovablikDbContext db, string? parentCode, CancellationToken ct)
    {
        var query = db.Regions.AsNoTracking();
        query = string.IsNullOrWhiteSpace(parentCode) ? query.Where(r => r.ParentCode == null) : query.Where(r => r.ParentCode == parentCode);
        var items = await query.OrderBy(r => r.Code).Select(r => new RegionDto(r.Code, r.Name, r.Level.ToString(), r.ParentCode)).ToListAsync(ct);
        return TypedResults.Ok(items);
    }

}
