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
    /// <summary>SDG goal number (1–17).</summary>
    public int? SdgGoalId { get; set; }
    public int? TargetGroupId { get; set; }
    /// <summary>Digital or non-digital.</summary>
    public InnovationKind? Kind { get; set; }
    /// <summary>Innovations with a recorded award of at least this tier (Finalist: any award; Top: top awards).</summary>
    public Kovablik.Competitions.Validation.AwardTier? Award { get; set; }
    /// <summary>relevance (default with a keyword), newest (default without) or favoured (most favourite votes across
    /// exhibitions first). Public catalogue only.</summary>
    public string? Sort { get; set; }
    public InnovationStatus? Status { get; set; }
    // Nullable so a query string may omit them; read through CurrentPage and Size.
    public int? Page { get; set; }
    public int? PageSize { get; set; }
    public const string SortRelevance = "relevance", SortNewest = "newest", SortFavoured = "favoured";
    public static readonly string[] SortValues = [SortRelevance, SortNewest, SortFavoured];

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
        if (Kind is { } k && !Enum.IsDefined(k)) e[nameof(Kind)] = ["Jenis inovasi tidak dikenal."];
        if (Award is { } a && !Enum.IsDefined(a)) e[nameof(Award)] = ["Jenis penghargaan tidak dikenal."];
        if (Q is { Length: > 200 }) e[nameof(Q)] = ["Kata kunci terlalu panjang (maksimal 200 karakter)."];
        if (Sort is { Length: > 0 } sort && !SortValues.Contains(sort, StringComparer.OrdinalIgnoreCase)) e[nameof(Sort)] = ["Urutan tidak dikenal."];
        return e;
    }

    /// <summary><see cref="Validate"/> plus the ids that must exist: an unknown category, SDG, target group or
    /// organisation is an error, not a silently empty list.</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(KovablikDbContext db, CancellationToken ct = default)
    {
        var e = Validate();
        if (CategoryId is int c && !await db.Categories.AnyAsync(x => x.Id == c, ct)) e[nameof(CategoryId)] = ["Kategori tidak dikenal."];
        if (SdgGoalId is int s && !await db.SdgGoals.AnyAsync(x => x.Id == s, ct)) e[nameof(SdgGoalId)] = ["Tujuan SDG tidak dikenal."];
        if (TargetGroupId is int t && !await db.TargetGroups.AnyAsync(x => x.Id == t, ct)) e[nameof(TargetGroupId)] = ["Kelompok sasaran tidak dikenal."];
        if (OrganisationId is int o && !await db.Organisations.AnyAsync(x => x.Id == o, ct)) e[nameof(OrganisationId)] = ["Organisasi tidak ditemukan."];
        if (KabKotaId is int kk && !await db.Organisations.AnyAsync(x => x.Id == kk && x.Type == OrganisationType.KabupatenKota, ct))
            e[nameof(KabKotaId)] = ["Kabupaten/kota tidak dikenal."];
        return e;
    }

    /// <summary>The sort in force: relevance needs a keyword, so without one the list is newest first.</summary>
    public string EffectiveSort(bool hasKeyword) =>
        Sort is not null && Sort.Equals(SortFavoured, StringComparison.OrdinalIgnoreCase) ? SortFavoured
        : hasKeyword && (Sort is null or "" || Sort.Equals(SortRelevance, StringComparison.OrdinalIgnoreCase)) ? SortRelevance : SortNewest;

    /// <summary>Whether anything besides the keyword, the status, the sort and paging narrows the list.</summary>
    public bool HasFilters => OrganisationId is not null || KabKotaId is not null || Year is not null || Stage is not null
        || CategoryId is not null || SdgGoalId is not null || TargetGroupId is not null || Kind is not null || Award is not null;

    public Task<IQueryable<Innovation>> ApplyAsync(KovablikDbContext db, IQueryable<Innovation> query, CancellationToken ct = default) =>
        ApplyAsync(db, query, textByIndex: false, ct);

    /// <param name="textByIndex">True when the caller matches <see cref="Q"/> through the search index itself
    /// (the public catalogue, <see cref="Kovablik.Search.InnovationSearch"/>); otherwise Q is a substring filter.</param>
    public async Task<IQueryable<Innovation>> ApplyAsync(KovablikDbContext db, IQueryable<Innovation> query, bool textByIndex, CancellationToken ct = default)
    {
        if (!textByIndex && !string.IsNullOrWhiteSpace(Q))
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
        if (SdgGoalId is int sdg) query = query.Where(i => i.SdgGoals.Any(x => x.Id == sdg));
        if (TargetGroupId is int tg) query = query.Where(i => i.TargetGroups.Any(x => x.Id == tg));
        if (Kind is { } kind) query = query.Where(i => i.Kind == kind);
        if (Award is { } tier) query = query.Where(i => db.InnovationAwards.Any(a => a.InnovationId == i.Id && a.Tier >= tier));
        return query;
    }

    public static IQueryable<Innovation> InScope(IQueryable<Innovation> query, OrganisationScope scope) =>
        scope.IsGlobal ? query : scope.Path is null ? query.Where(_ => false) : query.Where(i => i.Organisation.Path.StartsWith(scope.Path));
}
