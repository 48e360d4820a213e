namespace Kovablik.Feedback;

/// <summary>Settings of public feedback ("Kovablik:Feedback" section).</summary>
public sealed class FeedbackOptions
{
    /// <summary>Distinct reports (since a moderator last looked) that hide a comment until a moderator decides.</summary>
    public int AutoHideReports { get; set; } = 3;

    /// <summary>Comments and replies one account may post per minute (counted in the database, so across nodes).</summary>
    public int PerAccountPerMinute { get; set; } = 5;

    /// <summary>Posts (comments, replies, reports) per client address per minute, before the app is asked at all.</summary>
    public int PerIpPerMinute { get; set; } = 30;

    public int MinLength { get; set; } = 3;
    public int MaxLength { get; set; } = 2000;
    public int MaxNoteLength { get; set; } = 500;
}
