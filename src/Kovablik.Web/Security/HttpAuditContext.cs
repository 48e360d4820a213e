using System.Security.Claims;
using Kovablik.Data;

namespace Kovablik.Web.Security;

public sealed class HttpAuditContext(IHttpContextAccessor accessor) : IAuditContext
{
    public string? UserId => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => accessor.HttpContext?.User.Identity?.IsAuthenticated == true ? accessor.HttpContext.User.Identity.Name : "anonim";
    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
