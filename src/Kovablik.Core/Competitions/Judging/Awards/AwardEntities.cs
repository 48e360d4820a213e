using Kovablik.Competitions.Validation;
using Kovablik.Platform;

namespace Kovablik.Competitions.Judging.Awards;

/// <summary>
/// An award tier of an edition ("Top 30", "Top 45", "Terbaik Kategori Replikasi"...). Tiers without a group form the
/// ladder, filled from the final ranking in <see cref="Order"/>: a tier with <see cref="Places"/> = N takes the first N
/// of the ranking that no earlier ladder tier took (so "Top 30" then "Top 45" gives ranks 1–30 and 31–45). A tier with
/// a <see cref="GroupCode"/> takes the best N of that group, whatever the ladder gave them. No places: by hand only.
/// </summary>
public sealed class EditionAwardTier : IAudited
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public AwardTier Tier { get; set; }
    public int? Places { get; set; }
    public string? GroupCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum AwardAdjustmentAction
{
    Add = 0,
    Remove = 1,
}

/// <summary>
/// A Panitia change to the suggestion before the awards are confirmed: a proposal added to or removed from a tier,
/// always with a reason. The latest row per (tier, proposal) decides; earlier rows stay as history.
/// </summary>
public sealed class EditionAwardAdjustment : IAudited
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int TierId { get; set; }
    public int ProposalId { get; set; }
    public AwardAdjustmentAction Action { get; set; }
    public required string Reason { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>
/// A confirmed award of an edition: links the register row (<see cref="InnovationAward"/>, which the public innovation
/// page and eligibility read) to the tier and proposal it came from, with the reason when it departs from the ranking.
/// </summary>
public sealed class EditionAwardGrant : IAudited
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int TierId { get; set; }
    public int ProposalId { get; set; }
    public int InnovationAwardId { get; set; }

    /// <summary>The proposal's rank in the final ranking; null when Panitia added it from outside the ranking.</summary>
    public int? Rank { get; set; }

    /// <summary>Set when Panitia added the proposal to the tier by hand rather than the ranking placing it there.</summary>
    public string? Reason { get; set; }

    public string? DecidedByUserId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>
/// A certificate issued for a confirmed award. The details are a snapshot taken at issue (a later rename of the unit
/// does not change a printed certificate); the issued PDF is stored and its SHA-256 shown on the verification page,
/// so a printed or forwarded copy can be compared. Revoking keeps the row, so a revoked code still says "revoked".
/// </summary>
public sealed class Certificate : IAudited
{
    public int Id { get; set; }

    /// <summary>Random, URL-safe, unguessable: the public verification address.</summary>
    public required string Code { get; set; }

    public int InnovationAwardId { get; set; }
    public int EditionId { get; set; }
    public int ProposalId { get; set; }
    public int OrganisationId { get; set; }
    public required string RecipientName { get; set; }
    public required string InnovationName { get; set; }
    public required string AwardTitle { get; set; }
    public required string EditionName { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string? IssuedByUserId { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? RevokedByUserId { get; set; }
}
