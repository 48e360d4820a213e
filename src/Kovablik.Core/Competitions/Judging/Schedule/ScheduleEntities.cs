using Kovablik.Platform;

namespace Kovablik.Competitions.Judging.Schedule;

/// <summary>
/// A proposal's presentation and interview slot in a Presentation stage. The unit confirms it at least 24 hours
/// ahead; moving the slot clears the confirmation (the unit must confirm the new time).
/// </summary>
public sealed class PresentationSlot : IVersioned, IAudited
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int ProposalId { get; set; }

    /// <summary>UTC; shown in WIB.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public int PresentationMinutes { get; set; } = 7;
    public int InterviewMinutes { get; set; } = 13;

    /// <summary>Video-conference link (https only).</summary>
    public string? MeetingUrl { get; set; }

    /// <summary>The room used when the video conference fails.</summary>
    public string? FallbackVenue { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedByUserId { get; set; }

    /// <summary>When the one 48-hour reminder to confirm went out; cleared when the slot moves.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    public string? ScheduledByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public int TotalMinutes => PresentationMinutes + InterviewMinutes;
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(TotalMinutes);
    public DateTimeOffset InterviewStartsAt => StartsAt.AddMinutes(PresentationMinutes);

    /// <summary>The last moment the unit may confirm.</summary>
    public DateTimeOffset ConfirmBy => StartsAt - JudgingScheduleService.ConfirmationLead;
}

/// <summary>A field visit (visitasi) to a proposal in a Visit stage, with the visitors' report and photos.</summary>
public sealed class FieldVisit : IVersioned, IAudited
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int ProposalId { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>Address or venue of the visit; shown to the unit.</summary>
    public required string Address { get; set; }

    /// <summary>The visit report, Markdown; rendered through <see cref="MarkdownRenderer.ToSafeHtml"/>.</summary>
    public string? Report { get; set; }

    public DateTimeOffset? ReportedAt { get; set; }
    public string? ReportedByUserId { get; set; }
    public string? ScheduledByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A photo of a field visit: stored under a generated key, checked to be an image by its magic bytes.</summary>
public sealed class FieldVisitPhoto : IAudited
{
    public Guid Id { get; set; }
    public int VisitId { get; set; }
    public required string StorageKey { get; set; }
    public required string OriginalFileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
}
