namespace Kovablik.Platform;

/// <summary>
/// Append-only audit record. The context refuses to update or delete these rows, and on both
/// databases a trigger refuses it too, so not even raw SQL through the app's connection can rewrite history.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? IpAddress { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public string? ChangesJson { get; set; }
}
