namespace Kovablik.Accounts;

public sealed class Invitation
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string FullName { get; set; }
    public required string Role { get; set; }
    public int? OrganisationId { get; set; }

    /// <summary>SHA-256 of the token sent by email; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? InvitedByUserId { get; set; }
}
