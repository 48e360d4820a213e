namespace Kovablik.Feedback;

public enum CommentKind
{
    Comment = 1,
    Question = 2,
}

public enum CommentStatus
{
    /// <summary>Visible on the innovation's public page.</summary>
    Published = 1,

    /// <summary>Stopped by the spam/profanity filter: waits for a moderator, visible only to its author.</summary>
    Held = 2,

    /// <summary>Hidden by a moderator or by enough reports: visible only to its author (with the reason) and moderators.</summary>
    Hidden = 3,
}

/// <summary>Why a comment was reported or hidden. Stable numbers: they are stored.</summary>
public enum ModerationReason
{
    Spam = 1,
    Profanity = 2,
    Harassment = 3,
    PersonalData = 4,
    OffTopic = 5,
    Misinformation = 6,
    Other = 99,
}

public enum ModerationAction
{
    Approve = 1,
    Hide = 2,

    /// <summary>Hidden by the system after enough distinct reports; no moderator involved.</summary>
    AutoHide = 3,
}

/// <summary>
/// A visitor's comment or question on a published innovation. The body is plain text exactly as written (only line
/// endings normalised and the ends trimmed); it is never turned into HTML, so the page encodes it like any text.
/// </summary>
public sealed class Comment
{
    public long Id { get; set; }
    public int InnovationId { get; set; }
    public required string AuthorId { get; set; }
    public CommentKind Kind { get; set; }
    public required string Body { get; set; }
    public CommentStatus Status { get; set; }

    /// <summary>What the filter found ("Profanity: anjing; Shouting"), for moderators; null when clean.</summary>
    public string? FilterFindings { get; set; }

    /// <summary>Distinct persons who reported it (one report each).</summary>
    public int ReportCount { get; set; }

    /// <summary>Reports a moderator has already seen: the queue and auto-hide look at the ones after.</summary>
    public int ReviewedReportCount { get; set; }

    /// <summary>The reason shown to the author while the comment is hidden.</summary>
    public ModerationReason? HiddenReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }

    public List<CommentReply> Replies { get; set; } = [];
}

/// <summary>The innovating unit's official answer to a comment, written by one of its operators or heads.</summary>
public sealed class CommentReply
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public required string AuthorId { get; set; }

    /// <summary>The unit the answer speaks for (the innovation's organisation at the time).</summary>
    public int OrganisationId { get; set; }

    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One person's report of one comment (unique per comment and reporter).</summary>
public sealed class CommentReport
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public required string ReporterId { get; set; }
    public ModerationReason Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A decision on a comment: a moderator's approval or hiding, or the automatic hiding after reports.</summary>
public sealed class ModerationDecision
{
    public long Id { get; set; }
    public long CommentId { get; set; }

    /// <summary>Null for <see cref="ModerationAction.AutoHide"/>.</summary>
    public string? ModeratorId { get; set; }

    public ModerationAction Action { get; set; }
    public ModerationReason? Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
