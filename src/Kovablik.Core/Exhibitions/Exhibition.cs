using Kovablik.Innovations;
using Kovablik.Platform;

namespace Kovablik.Exhibitions;

public enum ExhibitionStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>A public exhibition (Pameran): dates in WIB, a venue, booths of published innovations and a favourite vote.</summary>
public sealed class Exhibition : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string Venue { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset? VotingOpensAt { get; set; }
    public DateTimeOffset? VotingClosesAt { get; set; }
    public int MaxVotesPerPerson { get; set; } = ExhibitionService.DefaultMaxVotes;
    public ExhibitionStatus Status { get; set; }

    /// <summary>Random per exhibition: voters' IP addresses are stored only as a salted hash (see ExhibitionVote.IpHash).</summary>
    public string IpSalt { get; set; } = "";

    public List<ExhibitionBooth> Booths { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public bool VotingOpen(DateTimeOffset now) =>
        Status == ExhibitionStatus.Published && VotingOpensAt is { } o && VotingClosesAt is { } c && now >= o && now < c;
}

/// <summary>A booth: one published innovation at a numbered stand in a hall. Number unique per exhibition.</summary>
public sealed class ExhibitionBooth
{
    public int Id { get; set; }
    public int ExhibitionId { get; set; }
    public Exhibition Exhibition { get; set; } = null!;
    public int InnovationId { get; set; }
    public Innovation Innovation { get; set; } = null!;
    public required string Number { get; set; }
    public string Hall { get; set; } = "";
}

/// <summary>QR visits of a booth per WIB day: one counter row, incremented by a single upsert.</summary>
public sealed class ExhibitionBoothVisit
{
    public int BoothId { get; set; }
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// One favourite vote. The row is its own record (who, what, when, from where); it is not copied to audit_log,
/// which would double the writes of the busiest endpoint. UNIQUE (ExhibitionId, InnovationId, UserId).
/// </summary>
public sealed class ExhibitionVote
{
    public long Id { get; set; }
    public int ExhibitionId { get; set; }
    public int BoothId { get; set; }
    public int InnovationId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CastAt { get; set; }

    /// <summary>First 16 hex digits of SHA-256(exhibition salt + IP): enough to group votes by address for the
    /// velocity flags, without keeping the address itself (personal data, UU PDP).</summary>
    public string IpHash { get; set; } = "";
}

/// <summary>A one-time email code for visitor sign-in: hashed, 10 minutes, 5 attempts, single use.</summary>
public sealed class VisitorCode
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public required string Salt { get; set; }
    public required string CodeHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string IpHash { get; set; } = "";
}
