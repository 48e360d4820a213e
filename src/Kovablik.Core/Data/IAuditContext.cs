namespace Kovablik.Data;

/// <summary>Who is acting, for the audit log. The web host fills it from the request; the CLI names itself.</summary>
public interface IAuditContext
{
    string? UserId { get; }
    string? UserName { get; }
    string? IpAddress { get; }
}

public sealed class SystemAuditContext(string name = "system") : IAuditContext
{
    public static readonly SystemAuditContext Instance = new();
    public string? UserId => null;
    public string? UserName { get; } = name;
    public string? IpAddress => null;
}
