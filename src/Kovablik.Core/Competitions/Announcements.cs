namespace Kovablik.Competitions;

public enum AnnouncementKind
{
    General = 0,
    DeadlineChange = 1,
    SelectionResult = 2,
}

/// <summary>A public notice of an edition (pengumuman): deadline changes, selection results. Published once, never edited.</summary>
public sealed class Announcement
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public AnnouncementKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown.</summary>
    public required string Body { get; set; }

    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedByUserId { get; set; }
}

/// <summary>A change of the registration deadline: only with a reason, logged, and announced to every participant.</summary>
public sealed class DeadlineExtension
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public DateTimeOffset? PreviousClosesAt { get; set; }
    public DateTimeOffset NewClosesAt { get; set; }
    public required string Reason { get; set; }
    public int? AnnouncementId { get; set; }
    public string? ByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A deadline reminder sent to one organisation. Keyed by the close time it counted down to, so a reminder is sent
/// once per deadline, and an extended deadline gets its own D-7/D-3/D-1.
/// </summary>
public sealed class ReminderDispatch
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>"D-7", "D-3" or "D-1".</summary>
    public required string Kind { get; set; }

    public DateTimeOffset ClosesAt { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
