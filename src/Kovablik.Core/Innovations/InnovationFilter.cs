using Kovablik.Data;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Innovations;

/// <summary>The registry's list filters, shared by the pages and the API so both answer the same.</summary>
public sealed class InnovationFilter
{
    public const int MaxPageSize = 100;

    public string? Q { get; set; }
    public int? OrganisationId { get; set; }
    /// <summary>Kabupaten/kota organisation id: matches every unit below it.</summary>
    public int? KabKotaId { get; set; }
    public int? Year { get; set; }
    public InnovationStage? Stage { get; set; }
    public int? CategoryId { get; set; }
    public InnovationStatus? Status { get; set; }
    // Nullable so a query string may omit them; read through CurrentPage and Size.
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public int CurrentPage => Page ?? 1;
    public int Size => PageSize ?? 20;

    /// <summary>Checks paging and filter values; returns field errors (Indonesian keys) or none.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var e = new Dictionary<string, string[]>();
        if (CurrentPage < 1 || CurrentPage > 100_000) e[nameof(Page)] = ["Nomor halaman tidak valid."];
        if (Size < 1 || Size > MaxPageSize) e[nameof(PageSize)] = ["Ukuran halaman harus antara 1 dan 100."];
        if (Year is < 1945 or > 2100) e[nameof(Year)] = ["Tahun tidak valid."];
        if (Stage is { } s && !Enum.IsDefined(s)) e[nameof(Stage)] = ["Tahap inovasi tidak dikenal."];
        if (Status is { } st && !Enum.IsDefined(st)) e[nameof(Status)] = ["Status tidak dikenal."];
        if (Q is { Length: > 200 }) e[nameof(Q)] = ["Kata kunci terlalu panjang (maksimal 200 karakter)."];
        return e;
    }

    public async Task<IQueryable<Innovation>> ApplyAsync(KovablikDbContext db, IQueryable<Innovation> query, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
            query = query.Where(i => i.SearchText.Contains(term));
        }
        foreach (var id in new[] { OrganisationId, KabKotaId }.Where(x => x is not null))
        {
            var path = await db.Organisations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(_ => false) : query.Where(i => i.Organisation.Path.StartsWith(path));
        }
        if (Year is int y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y, 12, 31);
            query = query.Where(i => i.StartedOn >= from && i.StartedOn <= to);
        }
        if (Stage is { } stage) query = query.Where(i => i.Stage == stage);
        if (Status is { } status) query = query.Where(i => i.Status == status);
        if (CategoryId is int c) query = query.Where(i => i.Categories.Any(x => x.Id == c));
        return query;
    }

    public static IQueryable<Innovation> InScope(IQueryable<Innovation> query, OrganisationScope scope) =>
        scope.IsGlobal ? query : scope.Path is null ? query.Where(_ => false) : query.Where(i => i.Organisation.Path.StartsWith(scope.Path));
}
