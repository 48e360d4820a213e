namespace Kovablik.Platform;

/// <summary>
/// Marks an entity whose every insert, update and delete goes to the append-only audit log under its type name,
/// so a new feature's entities are audited without editing the context's list.
/// </summary>
public interface IAudited;
