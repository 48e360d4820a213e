using System.Threading.RateLimiting;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// The per-client-address limit of the vote endpoints. ASP.NET Core's named policies take one partition key, and
/// the "vote" policy uses the account; this second limiter partitions by address, checked by the page and the API.
/// </summary>
public sealed class VoteRateLimiter(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetSlidingWindowLimiter(ip, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.VotesPerIpPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
        }));

    public bool TryAcquire(HttpContext context)
    {
        using var lease = _byAddress.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _byAddress.Dispose();
}
