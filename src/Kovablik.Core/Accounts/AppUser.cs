using Microsoft.AspNetCore.Identity;
using Kovablik.Organisations;

namespace Kovablik.Accounts;

public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>The unit this account works for. Operators and unit heads are scoped to it and its descendants.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
