namespace Kovablik.Platform;

public enum JobStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>
/// Progress of a long-running job (e.g. an organisation import). Kept in the database so any web
/// node can show the progress, whichever node runs the job.
/// </summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public JobStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public string? Message { get; set; }
    public string? ResultJson { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
