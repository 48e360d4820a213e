namespace Kovablik.Platform;

/// <summary>
/// An entity whose edits are timestamped and guarded by an optimistic-concurrency token. The DbContext stamps
/// all three on every save, so no service can forget to.
/// </summary>
public interface IVersioned
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    Guid Version { get; set; }
}
