using Kovablik.Platform;
using Kovablik.Organisations;

namespace Kovablik.Innovations;

public enum InnovationStatus
{
    Draft = 0,
    Published = 1,
    Archived = 2,
}

public enum InnovationStage
{
    Ide = 1,
    UjiCoba = 2,
    Diterapkan = 3,
}

public enum InnovationKind
{
    Digital = 1,
    NonDigital = 2,
}

/// <summary>A public-service innovation in the JIPP registry.</summary>
public sealed class Innovation : IVersioned
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    public required string Name { get; set; }
    public string ShortDescription { get; set; } = "";

    // KIPP proposal sections (Markdown). Kept as columns, not rows: they are a fixed, well-known set
    // and every list/detail query wants several of them at once.
    public string Ringkasan { get; set; } = "";
    public string LatarBelakang { get; set; } = "";
    public string Kebaruan { get; set; } = "";
    public string Implementasi { get; set; } = "";
    public string Signifikansi { get; set; } = "";
    public string Adaptabilitas { get; set; } = "";
    public string SumberDaya { get; set; } = "";
    public string StrategiKeberlanjutan { get; set; } = "";

    public DateOnly? StartedOn { get; set; }
    public InnovationStage Stage { get; set; } = InnovationStage.Diterapkan;
    public InnovationKind Kind { get; set; } = InnovationKind.Digital;
    public InnovationStatus Status { get; set; } = InnovationStatus.Draft;

    public List<Category> Categories { get; set; } = [];
    public List<SdgGoal> SdgGoals { get; set; } = [];
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<TeamMember> Team { get; set; } = [];

    public string? SkNumber { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? VideoUrl { get; set; }
    public string? WebsiteUrl { get; set; }

    public List<Attachment> Attachments { get; set; } = [];

    /// <summary>Lower-cased name, description and organisation name: a portable case-insensitive filter.</summary>
    public string SearchText { get; set; } = "";

    public bool IsDemo { get; set; }

    /// <summary>Favourite votes received across all exhibitions, for the "most favoured" sort. Maintained by the
    /// vote writer in the same transaction as the votes (<see cref="Kovablik.Exhibitions.VoteBatcher"/>); never edited.</summary>
    public int FavouriteVotes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int VersionNumber { get; set; }
    public Guid Version { get; set; }
}

public sealed class TeamMember
{
    public required string Name { get; set; }
    public string? Position { get; set; }
}
