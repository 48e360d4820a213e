namespace Kovablik.Innovations;

/// <summary>One entry of an innovation's history: who changed what, when.</summary>
public sealed class InnovationVersion
{
    public long Id { get; set; }
    public int InnovationId { get; set; }
    public int VersionNumber { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public required string ChangesJson { get; set; }
    public required string Summary { get; set; }
}
