namespace Kovablik.Notifications;

public enum EmailState
{
    /// <summary>In-app only (the account has no email, or the notice is not worth an email).</summary>
    None = 0,
    Pending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// An in-app notice to one account, and the outbox row of its email: written in the same transaction as the change
/// it reports, then mailed by a background sender, so a slow SMTP server never slows or fails a submission.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>A <see cref="Platform.Message"/>: localised when shown.</summary>
    public required string Title { get; set; }

    /// <summary>A <see cref="Platform.Message"/>: localised when shown.</summary>
    public string Body { get; set; } = "";

    /// <summary>A local path ("/Kelola/Proposal/Ubah/12") the notice opens.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public EmailState EmailState { get; set; }
    public string? EmailTo { get; set; }
    public int EmailAttempts { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
}
