using System.Runtime.CompilerServices;
using Kovablik.Data;
using Kovablik.Innovations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Search;

/// <summary>One condition of a query: the word's stem, its prefix as typed (as-you-type), or either.</summary>
public sealed record SearchClause(string? Stem, string? Prefix);

/// <summary>A parsed search: every clause must match (AND). Only letters and digits reach the SQL.</summary>
public sealed class SearchQuery
{
    public const int MinPrefixLength = 3;

    public IReadOnlyList<SearchClause> Clauses { get; }

    private SearchQuery(IReadOnlyList<SearchClause> clauses) => Clauses = clauses;

    /// <summary>
    /// Stems each word (stop words dropped); the last word, unless followed by a space, also matches as a prefix
    /// so "pelay" finds "pelayanan". Null when nothing searchable is left.
    /// </summary>
    public static SearchQuery? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tokens = IndonesianText.Tokens(text);
        if (tokens.Count == 0) return null;
        var last = tokens[^1];
        var typing = last.Start + last.Length == text.Length;
        var clauses = new List<SearchClause>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Folded;
            var stop = IndonesianText.IsStopWord(word);
            var prefix = i == tokens.Count - 1 && typing && word.Length >= MinPrefixLength ? word : null;
            // A stop word being typed ("dan" → "dana") only counts when it is all there is: "layanan dan" is about layanan.
            if (stop && (prefix is null || tokens.Any(t => !IndonesianText.IsStopWord(t.Folded)))) continue;
            var clause = new SearchClause(stop ? null : IndonesianText.StemOf(word), prefix);
            if (!clauses.Contains(clause)) clauses.Add(clause);
        }
        return clauses.Count == 0 ? null : new SearchQuery(clauses);
    }

    /// <summary>FTS5 MATCH expression, e.g. <c>"layan" AND ("izin" OR "izin"*)</c>.</summary>
    public string ToFts5() => string.Join(" AND ", Clauses.Select(c => (c.Stem, c.Prefix) switch
    {
        ({ } s, null) => Quote(s),
        (null, { } p) => Quote(p) + "*",
        var (s, p) => $"({Quote(s!)} OR {Quote(p!)}*)",
    }));

    /// <summary>to_tsquery expression, e.g. <c>layan &amp; (izin | izin:*)</c>.</summary>
    public string ToTsQuery() => string.Join(" & ", Clauses.Select(c => (c.Stem, c.Prefix) switch
    {
        ({ } s, null) => s,
        (null, { } p) => p + ":*",
        var (s, p) => $"({s} | {p}:*)",
    }));

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Whether a word of a result (folded) is one the query matched, for highlighting.</summary>
    public bool Matches(string folded)
    {
        if (IndonesianText.IsStopWord(folded)) return Clauses.Any(c => c.Prefix is { } p && folded.StartsWith(p, StringComparison.Ordinal));
        var stem = IndonesianText.StemOf(folded);
        foreach (var c in Clauses)
        {
            if (c.Stem is { } s && s == stem) return true;
            if (c.Prefix is { } p && (folded.StartsWith(p, StringComparison.Ordinal) || stem.StartsWith(p, StringComparison.Ordinal))) return true;
        }
        return false;
    }
}

/// <summary>An innovation id the index matched, with its relevance (higher is better).</summary>
public sealed class SearchHit
{
    public int InnovationId { get; set; }
    public double Rank { get; set; }
}

public sealed record CatalogueItem(int Id, string Name, string ShortDescription, string Ringkasan, int OrganisationId, string OrganisationName,
    InnovationStage Stage, InnovationKind Kind, DateOnly? StartedOn, DateTimeOffset? PublishedAt, bool IsDemo);

public sealed class CatalogueResult
{
    public Dictionary<string, string[]> Errors { get; init; } = [];
    public bool PageNotFound { get; init; }
    public List<CatalogueItem> Items { get; init; } = [];
    public int Total { get; init; }
    public int Pages { get; init; } = 1;
    public SearchQuery? Query { get; init; }
    public string Sort { get; init; } = InnovationFilter.SortNewest;
}

public sealed record Suggestion(int Id, string Name);

/// <summary>
/// The public catalogue and its search: the query is stemmed by our code, matched by the database's full-text
/// index, joined with the catalogue filters and ranked, in one statement (plus the count).
/// </summary>
public sealed class InnovationSearch(KovablikDbContext db, SearchResultCache? results = null)
{
    public const int MaxSuggestions = 8;

    /// <summary>
    /// How many of a keyword's best matches are kept in memory (the first pages), and how often the index's change
    /// count (<see cref="SearchIndexVersion"/>) is read again before using them. A common word ranks every matching
    /// row (77 ms for a word in all 51,000 rows on SQLite, about 1 s of CPU on PostgreSQL), and a crowd asks the same
    /// few words again and again. A change saved on this node is seen at once; one saved on another node within this
    /// time, at most twice it while a busy keyword is being ranked again (<see cref="SearchResultCache.GetOrComputeAsync"/>).
    /// Node-local: each node fills its own.
    /// </summary>
    public const int CachedHits = 200;

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);


    /// <summary>Innovations whose index row matches, as a composable query (a subquery of the caller's SQL).</summary>
    public IQueryable<SearchHit> Hits(SearchQuery query) => db is PostgresKovablikDbContext
        ? db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(SearchSql.PostgresHits, query.ToTsQuery()))
        : db.Database.SqlQuery<SearchHit>(FormattableStringFactory.Create(SearchSql.SqliteHits, query.ToFts5()));

    /// <summary>How many published innovations the index matches (no ranking, no join).</summary>
    public Task<int> CountHitsAsync(SearchQuery query, CancellationToken ct) => (db is PostgresKovablikDbContext
            ? db.Database.SqlQuery<int>(FormattableStringFactory.Create(SearchSql.PostgresCount, query.ToTsQuery()))
            : db.Database.SqlQuery<int>(FormattableStringFactory.Create(SearchSql.SqliteCount, query.ToFts5())))
        .SingleAsync(ct);

    /// <summary>Published innovations matching the filter, one page, ranked, newest or most favoured first.</summary>
    public async Task<CatalogueResult> CatalogueAsync(InnovationFilter filter, CancellationToken ct = default)
    {
        filter.Status = InnovationStatus.Published;
        var errors = await filter.ValidateAsync(db, ct);
        if (errors.Count > 0) return new CatalogueResult { Errors = errors };

        var query = SearchQuery.Parse(filter.Q);
        var sort = filter.EffectiveSort(query is not null);
        var source = await filter.ApplyAsync(db, db.Innovations.AsNoTracking().Where(i => i.Status == InnovationStatus.Published), textByIndex: true, ct);
        // A keyword of only stop words or punctuation ("yang", "*") asked for something; it matches nothing.
        if (query is null && !string.IsNullOrWhiteSpace(filter.Q)) source = source.Where(_ => false);

        IQueryable<Innovation> ordered;
        int total;
        if (query is null)
        {
            total = await source.CountAsync(ct);
            ordered = sort == InnovationFilter.SortFavoured
                ? source.OrderByDescending(i => i.FavouriteVotes).ThenByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
                : source.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id);
        }
        else if (!filter.HasFilters && sort == InnovationFilter.SortRelevance)
        {
            return await RankedByIndexAsync(filter, query, ct);
        }
        else
        {
            var joined = source.Join(Hits(query), i => i.Id, h => h.InnovationId, (i, h) => new { i, h.Rank });
            total = await joined.CountAsync(ct);
            ordered = sort switch
            {
                InnovationFilter.SortRelevance => joined.OrderByDescending(x => x.Rank).ThenByDescending(x => x.i.PublishedAt).ThenByDescending(x => x.i.Id).Select(x => x.i),
                InnovationFilter.SortFavoured => joined.Select(x => x.i).OrderByDescending(i => i.FavouriteVotes).ThenByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id),
                _ => joined.OrderByDescending(x => x.i.PublishedAt).ThenByDescending(x => x.i.Id).Select(x => x.i),
            };
        }
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)filter.Size));
        if (filter.CurrentPage > pages) return new CatalogueResult { PageNotFound = true, Total = total, Pages = pages, Query = query, Sort = sort };

        var items = await ordered.Skip((filter.CurrentPage - 1) * filter.Size).Take(filter.Size)
            .Select(i => new CatalogueItem(i.Id, i.Name, i.ShortDescription, i.Ringkasan, i.OrganisationId, i.Organisation.Name,
                i.Stage, i.Kind, i.StartedOn, i.PublishedAt, i.IsDemo))
            .ToListAsync(ct);
        return new CatalogueResult { Items = items, Total = total, Pages = pages, Query = query, Sort = sort };
    }

    /// <summary>
    /// A keyword's matches in the catalogue's full order (rank, then newest, then id), ids and ranks only. The index
    /// holds exactly the published innovations; the join reads only the tie-breaking columns of each match.
    /// </summary>
    private IQueryable<SearchHit> Ordered(SearchQuery query) =>
        from h in Hits(query)
        join i in db.Innovations on h.InnovationId equals i.Id
        orderby h.Rank descending, i.PublishedAt descending, i.Id descending
        select new SearchHit { InnovationId = h.InnovationId, Rank = h.Rank };

    /// <summary>
    /// A keyword alone, ranked (the common case, and the expensive one for common words). The index counts the matches
    /// by itself, and the first <see cref="CachedHits"/> in the full order are kept per keyword, so a page inside
    /// them reads only its own rows by key. The order is total (rank, newest, id) when it is computed: an earlier
    /// version kept ranks only and, when a rank at the edge of the page was shared by matches beyond it, asked the index
    /// again for every match of that rank; PostgreSQL's ts_rank gives many equal ranks, so nearly every search ranked
    /// all matches again (26 searches/s at 51,000 innovations; docs/performance.md).
    /// </summary>
    private async Task<CatalogueResult> RankedByIndexAsync(InnovationFilter filter, SearchQuery query, CancellationToken ct)
    {
        var sort = InnovationFilter.SortRelevance;
        var key = "search-top\n" + SearchResultCache.Generation + "\n" + (db is PostgresKovablikDbContext ? query.ToTsQuery() : query.ToFts5());
        async Task<TopHits> Rank(CancellationToken token)
        {
            // Read before ranking: a change committed in between makes the kept result look older than it is, never newer.
            var version = results is null ? 0 : await IndexVersionAsync(token);
            var counted = await CountHitsAsync(query, token);
            var first = await Ordered(query).Take(CachedHits).ToListAsync(token);
            return new TopHits(counted, first, version);
        }
        // Not cancelled with this request: other requests for the same keyword may be waiting for this ranking.
        var top = results is null ? await Rank(ct)
            : await results.GetOrComputeAsync(key, () => Rank(CancellationToken.None), () => IndexVersionAsync(CancellationToken.None));
        var total = top.Total;
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)filter.Size));
        if (filter.CurrentPage > pages) return new CatalogueResult { PageNotFound = true, Total = total, Pages = pages, Query = query, Sort = sort };
        // The kept matches answer a page inside them; a page further on asks the index.
        var skip = (filter.CurrentPage - 1) * filter.Size;
        var hits = skip + filter.Size <= top.Best.Count || top.Best.Count >= total
            ? top.Best.Skip(skip).Take(filter.Size).ToList()
            : await Ordered(query).Skip(skip).Take(filter.Size).ToListAsync(ct);
        var ids = hits.Select(h => h.InnovationId).ToList();
        // Rows by key only: with the status in the WHERE clause SQLite's planner walked the (Status, OrganisationId)
        // index over every published row instead of looking these up by key, 10 ms a search at 51,000 innovations; the
        // ids go inline for the same reason (a json_each() parameter hides their number from the planner). The status
        // is checked here instead: a match kept in memory may have been withdrawn since.
        var rows = (await db.Innovations.AsNoTracking().Where(i => EF.Constant(ids).Contains(i.Id))
            .Select(i => new
            {
                i.Status,
                Item = new CatalogueItem(i.Id, i.Name, i.ShortDescription, i.Ringkasan, i.OrganisationId, i.Organisation.Name,
                    i.Stage, i.Kind, i.StartedOn, i.PublishedAt, i.IsDemo),
            })
            .ToListAsync(ct))
            .Where(r => r.Status == InnovationStatus.Published).ToDictionary(r => r.Item.Id, r => r.Item);
        var items = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        return new CatalogueResult { Items = items, Total = total, Pages = pages, Query = query, Sort = sort };
    }

    private Task<long> IndexVersionAsync(CancellationToken ct) =>
        db.SearchIndexVersions.AsNoTracking().Where(v => v.Id == SearchIndexVersion.SingletonId).Select(v => v.Version).SingleAsync(ct);

    /// <summary>Names of the best-matching published innovations for as-you-type suggestions.</summary>
    public async Task<List<Suggestion>> SuggestAsync(string? text, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(text);
        if (query is null) return [];
        return await db.Innovations.AsNoTracking().Where(i => i.Status == InnovationStatus.Published)
            .Join(Hits(query), i => i.Id, h => h.InnovationId, (i, h) => new { i.Id, i.Name, i.PublishedAt, h.Rank })
            .OrderByDescending(x => x.Rank).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Take(MaxSuggestions).Select(x => new Suggestion(x.Id, x.Name)).ToListAsync(ct);
    }
}

/// <summary>
/// A keyword's match count and best-ranked matches, as <see cref="InnovationSearch"/> keeps them, with the index's
/// change count (<see cref="SearchIndexVersion"/>) read before they were ranked.
/// </summary>
public sealed record TopHits(int Total, List<SearchHit> Best, long IndexVersion = 0);

/// <summary>
/// The search's own bounded cache (one per process): at most <see cref="MaxEntries"/> keywords, each for
/// <see cref="InnovationSearch.CacheFor"/>, so a flood of distinct keywords cannot grow it without limit.
/// </summary>
public sealed class SearchResultCache(TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const int MaxEntries = 10_000;

    private static long _generation;

    /// <summary>Bumped whenever a published innovation's searchable text or status changes in this process.</summary>
    public static long Generation => Interlocked.Read(ref _generation);

    public static void CatalogueChanged() => Interlocked.Increment(ref _generation);

    private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _cache = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<TopHits>>> _running = new(StringComparer.Ordinal);

    /// <summary>A kept result, when it stops being fresh and when it may no longer be served at all.</summary>
    private sealed record Kept(TopHits Hits, DateTimeOffset FreshUntil, DateTimeOffset ServedUntil);

    public TopHits? Get(string key) => _cache.TryGetValue(key, out Kept? kept) && kept is not null && _time.GetUtcNow() < kept.ServedUntil ? kept.Hits : null;

    /// <summary>
    /// The kept result, or the one being computed: a burst of requests for a keyword not kept yet ranks it once
    /// and waits for that (a common word takes seconds to rank on PostgreSQL; 64 of them at once took them all).
    /// A result older than <see cref="InnovationSearch.CacheFor"/> is checked by the one request that finds it so:
    /// when the index's change count (<paramref name="indexVersion"/>) is the one it was ranked at, it is kept for
    /// another period without ranking; otherwise it is ranked again. One keyword at a time, while the others keep
    /// getting their kept results for up to as long again. Before the count, every kept keyword was ranked again on a
    /// timer, all together a minute after a burst (PostgreSQL, uncached search API: 769 req/s with p99 1.61 s in that
    /// window, against 1,420–1,790 and 70–144 ms around it), although nothing had changed.
    /// A save in this process still changes the key (the generation) and so is seen at once.
    /// </summary>
    public async Task<TopHits> GetOrComputeAsync(string key, Func<Task<TopHits>> compute, Func<Task<long>>? indexVersion = null)
    {
        if (_cache.TryGetValue(key, out Kept? kept) && kept is not null && _time.GetUtcNow() is var now && now < kept.ServedUntil)
        {
            if (now < kept.FreshUntil || _running.ContainsKey(key)) return kept.Hits;
            // Stale: checked (and ranked again if the index changed) one keyword at a time in this process, so the kept
            // keywords of a burst, all stale together, do not all rank at once and starve the requests they would serve.
            if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0) return kept.Hits;
            try
            {
                if (indexVersion is not null && await indexVersion() == kept.Hits.IndexVersion)
                {
                    Set(key, kept.Hits);
                    return kept.Hits;
                }
                return await RunAsync(key, compute);
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        }
        return await RunAsync(key, compute);
    }

    private int _refreshing;

    private async Task<TopHits> RunAsync(string key, Func<Task<TopHits>> compute)
    {
        var running = _running.GetOrAdd(key, k => new Lazy<Task<TopHits>>(async () =>
        {
            try
            {
                var hits = await compute();
                Set(k, hits);
                return hits;
            }
            finally
            {
                _running.TryRemove(k, out _);
            }
        }));
        return await running.Value;
    }

    public void Set(string key, TopHits hits)
    {
        using var entry = _cache.CreateEntry(key);
        var now = _time.GetUtcNow();
        entry.Value = new Kept(hits, now + InnovationSearch.CacheFor, now + 2 * InnovationSearch.CacheFor);
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = 2 * InnovationSearch.CacheFor;   // frees memory; the clock above decides
    }

    public void Dispose() => _cache.Dispose();
}
