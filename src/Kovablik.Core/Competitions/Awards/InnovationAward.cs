using Kovablik.Competitions.Validation;
using Kovablik.Innovations;

namespace Kovablik.Competitions.Awards;

/// <summary>
/// An award an innovation received: imported for past KIPP/KOVABLIK years, or written by the judging of an edition.
/// Group eligibility (Kelompok Umum/Khusus) is decided from these rows, and the public catalogue shows them.
/// </summary>
public sealed class InnovationAward
{
    public int Id { get; set; }
    public int InnovationId { get; set; }
    public Innovation Innovation { get; set; } = null!;

    public int Year { get; set; }

    /// <summary>"KIPP", "KOVABLIK" or another competition's short name.</summary>
    public required string Competition { get; set; }

    /// <summary>The award as announced: "Top 45", "Top 99", "Top Inovasi Terpuji"...</summary>
    public required string Title { get; set; }

    public AwardTier Tier { get; set; }

    /// <summary>Set when the award came from an edition judged in Kovablik; such awards never count against that same edition.</summary>
    public int? EditionId { get; set; }

    /// <summary>Where the award is documented (decree number or address).</summary>
    public string? Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedByUserId { get; set; }
}
