using Kovablik.Platform;
using Kovablik.Innovations;
using Kovablik.Organisations;

namespace Kovablik.Competitions;

public enum EditionStatus
{
    Draft = 0,
    Published = 1,
    Closed = 2,
}

/// <summary>
/// One yearly call of the competition (e.g. "KOVABLIK 2026"): its timeline, structure (groups with their form
/// rules and document slots, categories, clusters) and eligibility. Instants are stored in UTC and shown in WIB.
/// </summary>
public sealed class Edition : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }

    /// <summary>URL name derived from the name at creation ("kovablik-2026"); unique and stable afterwards.</summary>
    public required string Slug { get; set; }

    public string Description { get; set; } = "";
    public EditionStatus Status { get; set; }

    public DateTimeOffset? RegistrationOpensAt { get; set; }
    public DateTimeOffset? RegistrationClosesAt { get; set; }

    /// <summary>The stages after registration, in order.</summary>
    public List<EditionStage> Stages { get; set; } = [];

    public List<EditionGroup> Groups { get; set; } = [];
    public List<EditionCluster> Clusters { get; set; } = [];
    public List<Category> Categories { get; set; } = [];
    public EditionEligibility Eligibility { get; set; } = new();

    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    /// <summary>Registration open and close set, and every stage with a start and an end.</summary>
    public bool HasCompleteTimeline =>
        RegistrationOpensAt is not null && RegistrationClosesAt is not null && Stages.Count > 0
        && Stages.All(s => s.StartsAt is not null && s.EndsAt is not null);

    public EditionGroup? Group(string code) => Groups.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase));
}

public sealed class EditionStage
{
    public required string Name { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
}

/// <summary>A group (kelompok) with its own proposal form: sections with word limits and required documents.</summary>
public sealed class EditionGroup
{
    /// <summary>Umum, Replikasi, Khusus, or a custom code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public List<FormRule> Sections { get; set; } = [];
    public List<DocumentSlot> Documents { get; set; } = [];

    /// <summary>Only innovations that already won a top award may enter (KIPP's Kelompok Khusus).</summary>
    public bool RequiresTopAward { get; set; }

    /// <summary>No innovation that already won a top award may enter (KIPP's Kelompok Umum).</summary>
    public bool ForbidsTopAward { get; set; }

    /// <summary>How many times an innovation may have been a finalist before (Kelompok Umum: once); null = no limit.</summary>
    public int? MaxFinalistAwards { get; set; }
}

/// <summary>One section of a group's proposal form.</summary>
public sealed class FormRule
{
    public required string Key { get; set; }
    public required string Title { get; set; }
    public bool Required { get; set; }
    public int WordLimit { get; set; }

    /// <summary>The guiding question printed above the section; also what the validator's "copies the prompt" flag compares with.</summary>
    public string Prompt { get; set; } = "";
}

/// <summary>A typed upload slot with a size cap.</summary>
public sealed class DocumentSlot
{
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>Allowed MIME types, comma-separated (e.g. "application/pdf").</summary>
    public string AllowedTypes { get; set; } = "application/pdf";

    public long MaxBytes { get; set; }
    public bool Required { get; set; }

    public IReadOnlyList<string> AllowedTypeList =>
        AllowedTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A cluster results are announced in (provincial OPD, kabupaten/kota, BUMD, UPT...).</summary>
public sealed class EditionCluster
{
    public required string Name { get; set; }
}

public sealed class EditionEligibility
{
    /// <summary>Minimum time the innovation has been implemented, counted to the registration close date.</summary>
    public int MinimumImplementationMonths { get; set; } = 12;

    public List<AllowedOrganisationType> AllowedOrganisationTypes { get; set; } = [];
    public int DefaultQuota { get; set; } = 3;
    public List<QuotaOverride> QuotaOverrides { get; set; } = [];

    public bool Allows(OrganisationType type) => AllowedOrganisationTypes.Any(a => a.Type == type);

    /// <summary>Proposals one organisation of this type may submit in the edition.</summary>
    public int QuotaFor(OrganisationType type) => QuotaOverrides.FirstOrDefault(q => q.Type == type)?.Quota ?? DefaultQuota;
}

public sealed class AllowedOrganisationType
{
    public OrganisationType Type { get; set; }
}

public sealed class QuotaOverride
{
    public OrganisationType Type { get; set; }
    public int Quota { get; set; }
}
