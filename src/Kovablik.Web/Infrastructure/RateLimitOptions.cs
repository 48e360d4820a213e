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
}
