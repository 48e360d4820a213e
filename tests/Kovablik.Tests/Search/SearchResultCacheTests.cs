using Kovablik.Search;
using Microsoft.Extensions.Time.Testing;

namespace Kovablik.Tests.Search;

public sealed class SearchResultCacheTests
{
    private static TopHits Hits(int id, long version = 0) => new(1, [new SearchHit { InnovationId = id, Rank = 1 }], version);

    [Fact]
    public async Task A_stale_keyword_is_kept_without_ranking_while_the_index_has_not_changed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        using var cache = new SearchResultCache(time);
        long version = 7;
        var checks = 0;
        Task<long> Version()
        {
            checks++;
            return Task.FromResult(version);
        }
        await cache.GetOrComputeAsync("k", () => Task.FromResult(Hits(1, 7)), Version);
        Assert.Equal(0, checks);   // a fresh result is not checked

        time.Advance(InnovationSearch.CacheFor + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await cache.GetOrComputeAsync("k", () => throw new InvalidOperationException("ranked although unchanged"), Version)).Best[0].InnovationId);
        Assert.Equal(1, checks);
        // Kept for another period from the check: fresh again, and still served past twice the time since it was ranked.
        Assert.Equal(1, (await cache.GetOrComputeAsync("k", () => throw new InvalidOperationException("checked twice"), Version)).Best[0].InnovationId);
        Assert.Equal(1, checks);
        time.Advance(InnovationSearch.CacheFor);
        Assert.NotNull(cache.Get("k"));

        // A change anywhere moves the count: the next check ranks again.
        version = 8;
        Assert.Equal(2, (await cache.GetOrComputeAsync("k", () => Task.FromResult(Hits(2, 8)), Version)).Best[0].InnovationId);
        Assert.Equal(2, checks);
        Assert.Equal(2, (await cache.GetOrComputeAsync("k", () => throw new InvalidOperationException("ranked twice"), Version)).Best[0].InnovationId);
    }

    [Fact]
    public async Task A_stale_keyword_is_ranked_again_by_one_request_while_the_others_get_the_kept_result()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        using var cache = new SearchResultCache(time);
        var computed = 0;
        Assert.Equal(1, (await cache.GetOrComputeAsync("k", () => { computed++; return Task.FromResult(Hits(1)); })).Best[0].InnovationId);
        await cache.GetOrComputeAsync("j", () => Task.FromResult(Hits(10)));

        time.Advance(InnovationSearch.CacheFor - TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await cache.GetOrComputeAsync("k", () => { computed++; return Task.FromResult(Hits(99)); })).Best[0].InnovationId);
        Assert.Equal(1, computed);

        // Stale: the first request ranks again; while it does, another is answered at once with the kept result.
        time.Advance(TimeSpan.FromSeconds(2));
        var ranking = new TaskCompletionSource<TopHits>();
        var refreshing = cache.GetOrComputeAsync("k", () => { computed++; return ranking.Task; });
        Assert.False(refreshing.IsCompleted);
        var meanwhile = cache.GetOrComputeAsync("k", () => throw new InvalidOperationException("ranked twice"));
        Assert.True(meanwhile.IsCompletedSuccessfully);
        Assert.Equal(1, (await meanwhile).Best[0].InnovationId);
        // Another stale keyword waits its turn: kept result, no second ranking at the same time.
        var other = cache.GetOrComputeAsync("j", () => throw new InvalidOperationException("two rankings at once"));
        Assert.Equal(10, (await other).Best[0].InnovationId);
        ranking.SetResult(Hits(2));
        Assert.Equal(2, (await refreshing).Best[0].InnovationId);
        Assert.Equal(2, (await cache.GetOrComputeAsync("k", () => throw new InvalidOperationException("fresh again"))).Best[0].InnovationId);
        Assert.Equal(2, computed);
        Assert.Equal(11, (await cache.GetOrComputeAsync("j", () => Task.FromResult(Hits(11)))).Best[0].InnovationId);   // its turn now
    }

    [Fact]
    public async Task A_result_is_never_served_past_twice_the_cache_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        using var cache = new SearchResultCache(time);
        await cache.GetOrComputeAsync("k", () => Task.FromResult(Hits(1)));
        var ranking = new TaskCompletionSource<TopHits>();
        time.Advance(InnovationSearch.CacheFor + TimeSpan.FromSeconds(1));
        var refreshing = cache.GetOrComputeAsync("k", () => ranking.Task);   // a ranking that takes very long

        time.Advance(InnovationSearch.CacheFor);
        Assert.Null(cache.Get("k"));
        var waiting = cache.GetOrComputeAsync("k", () => throw new InvalidOperationException("ranked twice"));
        Assert.False(waiting.IsCompleted);   // too old to serve: it waits for the ranking under way
        ranking.SetResult(Hits(3));
        Assert.Equal(3, (await waiting).Best[0].InnovationId);
        Assert.Equal(3, (await refreshing).Best[0].InnovationId);
    }
}
