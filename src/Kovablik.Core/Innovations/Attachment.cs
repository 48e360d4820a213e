namespace Kovablik.Innovations;

public enum AttachmentKind
{
    Evidence = 1,
    SkDecree = 2,
    Image = 3,
}

public sealed class Attachment
{
    public Guid Id { get; set; }
    public int InnovationId { get; set; }
    public AttachmentKind Kind { get; set; }
    public required string OriginalFileName { get; set; }

    /// <summary>Generated storage key; never derived from user input.</summary>
    public required string StorageKey { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public string? ThumbnailKey { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
}
