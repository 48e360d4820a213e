namespace Kovablik.Competitions.Proposals;

/// <summary>
/// A file uploaded into one of the group's document slots. Stored server-side under a generated key with its
/// SHA-256, so evidence cannot die the way a shared-drive link does.
/// </summary>
public sealed class ProposalDocument
{
    public Guid Id { get; set; }
    public int ProposalId { get; set; }

    /// <summary>The <see cref="DocumentSlot.Key"/> of the proposal's group.</summary>
    public required string SlotKey { get; set; }

    public required string OriginalFileName { get; set; }

    /// <summary>Generated storage key; never derived from user input.</summary>
    public required string StorageKey { get; set; }

    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
}

public enum LinkKind
{
    Video = 1,
    Website = 2,
}

public enum LinkCheckStatus
{
    Unchecked = 0,
    Ok = 1,

    /// <summary>DNS failure, timeout, refused, or a 4xx/5xx answer.</summary>
    Unreachable = 2,

    /// <summary>Answers, but only to someone signed in (a private video, a sign-in page, 401/403).</summary>
    NotPublic = 3,
}

/// <summary>An external link (a YouTube video, a website) offered as evidence, with the result of its last automatic check.</summary>
public sealed class ProposalLink
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public LinkKind Kind { get; set; }
    public required string Url { get; set; }
    public string? Label { get; set; }

    /// <summary>For videos: what the unit says about its length (the edition caps it, e.g. "maksimal 3 menit").</summary>
    public string? DurationNote { get; set; }

    public LinkCheckStatus CheckStatus { get; set; }
    public int? HttpStatus { get; set; }

    /// <summary>Why the link failed, as a <see cref="Platform.Message"/>.</summary>
    public string? CheckMessage { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
