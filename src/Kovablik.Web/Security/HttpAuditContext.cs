using System.Security.Claims;
using Kovablik.Data;

namespace Kovablik.Web.Security;

/// <summary>
/// Who is acting, for the audit log: the signed-in user of the current request, or, for background work,
/// the user who started it (set explicitly, since there is no request then).
/// </summary>
public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    private (string? Id, string? Name, string? Ip)? _actor;

    public void ActAs(string? userId, string? userName, string? ipAddress) => _actor = (userId, userName, ipAddress);

    public string? UserId => _actor is { } a ? a.Id : accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => _actor is { } a ? a.Name
        : accessor.HttpContext is { } ctx ? (ctx.User.Identity?.IsAuthenticated == true ? ctx.User.Identity.Name : "anonim") : "sistem";

    public string? IpAddress => _actor is { } a ? a.Ip : accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
