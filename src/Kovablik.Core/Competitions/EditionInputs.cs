using Kovablik.Organisations;

namespace Kovablik.Competitions;

public sealed record EditionCreateInput(string? Name, int Year, string? Description = null);

/// <summary>Times are WIB wall-clock times (what a person types into a datetime-local field), stored as UTC.</summary>
public sealed class EditionUpdateInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DateTime? RegistrationOpensAt { get; set; }
    public DateTime? RegistrationClosesAt { get; set; }
    public List<EditionStageInput> Stages { get; set; } = [];
    public Guid? ExpectedVersion { get; set; }
}

public sealed class EditionStageInput
{
    public string? Name { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
}

public sealed class EditionGroupInput
{
    public string? Name { get; set; }
    public List<FormRuleInput> Sections { get; set; } = [];
    public List<DocumentSlotInput> Documents { get; set; } = [];
    public bool RequiresTopAward { get; set; }
    public bool ForbidsTopAward { get; set; }
    public int? MaxFinalistAwards { get; set; }
    public Guid? ExpectedVersion { get; set; }
}

public sealed class FormRuleInput
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public bool Required { get; set; }
    public int WordLimit { get; set; }
}

public sealed class DocumentSlotInput
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? AllowedTypes { get; set; }
    public long MaxBytes { get; set; }
    public bool Required { get; set; }
}

public sealed class EditionEligibilityInput
{
    public int MinimumImplementationMonths { get; set; }
    public List<OrganisationType> AllowedOrganisationTypes { get; set; } = [];
    public int DefaultQuota { get; set; }
    public Dictionary<OrganisationType, int> QuotaOverrides { get; set; } = [];
    public Guid? ExpectedVersion { get; set; }
}
