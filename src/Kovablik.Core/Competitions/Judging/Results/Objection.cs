using Kovablik.Platform;

namespace Kovablik.Competitions.Judging.Results;

public enum ObjectionStatus
{
    New = 0,
    Accepted = 1,
    Rejected = 2,
}

/// <summary>
/// A public objection (sanggah, uji publik) to a stage's published results, filed by an email-verified person while
/// the stage's objection window is open. Panitia accepts or rejects it with a resolution and then publishes it; the
/// public sees the objection text and the resolution, never the submitter.
/// </summary>
public sealed class Objection : IAudited, IVersioned
{
    public const int MaxNameLength = 200;
    public const int MinTextLength = 20;
    public const int MaxTextLength = 4000;
    public const int MaxResolutionLength = 4000;

    public int Id { get; set; }
    public int StageId { get; set; }

    /// <summary>The published result objected to; null for an objection to the stage's results as a whole.</summary>
    public int? ProposalId { get; set; }

    public required string SubmittedByUserId { get; set; }

    /// <summary>The name the submitter gave: shown to Panitia only.</summary>
    public required string SubmitterName { get; set; }

    /// <summary>Plain text as typed; encoded wherever it is shown.</summary>
    public required string Text { get; set; }

    /// <summary>What the spam and profanity filter found (<see cref="Kovablik.Feedback.FilterVerdict.Stored"/>), for triage.</summary>
    public string? FilterFindings { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
    public ObjectionStatus Status { get; set; }
    public string? Resolution { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedByUserId { get; set; }
    public DateTimeOffset? ResolutionPublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}
