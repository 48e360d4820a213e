using Kovablik.Platform;
using Kovablik.Organisations;

namespace Kovablik.Competitions.Proposals;

public enum ProposalStatus
{
    Draft = 0,
    Submitted = 1,
    Returned = 2,
    Approved = 3,
    Withdrawn = 4,

    /// <summary>Panitia asked for a repair in administrative selection: editable again until <see cref="Proposal.RepairUntil"/>.</summary>
    Repair = 5,
}

/// <summary>Panitia's decision in administrative selection (Seleksi Administrasi).</summary>
public enum SelectionOutcome
{
    Pending = 0,
    Passed = 1,
    Failed = 2,

    /// <summary>Not yet: the unit may fix the listed reasons and resubmit until the repair deadline.</summary>
    RepairRequested = 3,
}

/// <summary>
/// An organisation's entry in an edition, prepared from a published registry innovation. Sections are the group's
/// form; once submitted, <see cref="SnapshotJson"/> freezes the innovation as it was, so later registry edits do not
/// change what was entered.
/// </summary>
public sealed class Proposal : IVersioned
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public required string GroupCode { get; set; }
    public int InnovationId { get; set; }

    /// <summary>Copied from the innovation at creation: the proposal stays with the unit that entered it.</summary>
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;

    public required string Title { get; set; }

    /// <summary>Section key → Markdown text, in the group's form order.</summary>
    public List<ProposalSection> Sections { get; set; } = [];

    public List<int> CategoryIds { get; set; } = [];
    public List<int> SdgIds { get; set; } = [];

    public ProposalStatus Status { get; set; }
    public string? ReturnComment { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    public SelectionOutcome Selection { get; set; }

    /// <summary>Reason codes (<see cref="Validation.ReasonCodes.Code"/>) of the selection decision.</summary>
    public List<string> SelectionReasons { get; set; } = [];

    public string? SelectionNote { get; set; }
    public DateTimeOffset? SelectionDecidedAt { get; set; }
    public string? SelectionDecidedByUserId { get; set; }

    /// <summary>When the result was announced; until then the unit sees "Pending" (a repair request is sent at once).</summary>
    public DateTimeOffset? SelectionPublishedAt { get; set; }

    /// <summary>End of the repair window when <see cref="Selection"/> is <see cref="SelectionOutcome.RepairRequested"/>.</summary>
    public DateTimeOffset? RepairUntil { get; set; }

    public List<ProposalDocument> Documents { get; set; } = [];
    public List<ProposalLink> Links { get; set; } = [];

    /// <summary>The innovation as it was at submission (JSON), frozen.</summary>
    public string? SnapshotJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    public bool IsEditable => Status is ProposalStatus.Draft or ProposalStatus.Returned or ProposalStatus.Repair;

    public string Section(string key) => Sections.FirstOrDefault(s => s.Key == key)?.Text ?? "";
}

public sealed class ProposalSection
{
    public required string Key { get; set; }
    public string Text { get; set; } = "";
}

public sealed record ProposalCreateInput(int EditionId, int InnovationId, string GroupCode);

public sealed record ProposalDraftInput
{
    public string? Title { get; init; }

    /// <summary>Sections to change (key → text); keys not named keep their text.</summary>
    public Dictionary<string, string?> Sections { get; init; } = [];

    public List<int>? CategoryIds { get; init; }
    public List<int>? SdgIds { get; init; }
    public Guid? ExpectedVersion { get; init; }
}

public sealed record ProposalReturnInput(string? Comment, Guid? ExpectedVersion = null);

public sealed record ProposalActionInput(Guid? ExpectedVersion = null);
