namespace Kovablik.Web.Infrastructure;

/// <summary>
/// Per-client limits (by account, or by IP address for anonymous clients). Defaults suit people and ordinary
/// integrations; raise them behind a trusted gateway or for load tests ("RateLimiting" section).
/// </summary>
public sealed class RateLimitOptions
{
    public int SignInPerMinute { get; set; } = 20;
    public int ApiPerSecond { get; set; } = 50;
    public int ApiBurst { get; set; } = 200;

    /// <summary>Votes (page and API) per account: a person has a handful of votes, so this only stops replay loops.</summary>
    public int VotesPerAccountPerMinute { get; set; } = 30;
    public int VotesPerAccountBurst { get; set; } = 30;

    /// <summary>Votes per client address. Generous: a whole hall may share one Wi-Fi address; the velocity flags
    /// show organisers what an address did instead.</summary>
    public int VotesPerIpPerMinute { get; set; } = 600;
}
