namespace Kovablik.Competitions.Validation;

// The validator's own inputs, mapped from the edition and proposal entities by the caller, so these rules stay
// pure (no database, no clock) and can run on every keystroke, in the offline pack import and in Seleksi Administrasi.

/// <summary>A proposal as the unit has it now: possibly incomplete.</summary>
public sealed record ProposalDraft
{
    public string Title { get; init; } = "";

    /// <summary>The registry innovation this proposal enters, when it is linked to one.</summary>
    public Guid? InnovationId { get; init; }

    /// <summary>Section key → Markdown text.</summary>
    public IReadOnlyDictionary<string, string> Sections { get; init; } = new Dictionary<string, string>();

    /// <summary>The day the innovation went into implementation (a calendar date, as written in the SK).</summary>
    public DateOnly? StartedOn { get; init; }

    public IReadOnlyCollection<int> CategoryIds { get; init; } = [];
    public IReadOnlyCollection<int> SdgIds { get; init; } = [];
    public IReadOnlyList<AttachedDocument> Documents { get; init; } = [];
    public Guid OrganisationId { get; init; }
    public string OrganisationType { get; init; } = "";
}

public sealed record AttachedDocument(string SlotKey, string FileName, string ContentType, long Bytes);

/// <summary>A form section of the proposal's group; the title is what the unit sees (organiser-defined).</summary>
public sealed record SectionRule(string Key, string Title, bool Required, int? WordLimit);

public sealed record DocumentSlotRule(string Key, string Title, bool Required, IReadOnlyList<string> AllowedContentTypes, long MaxBytes);

/// <summary>How far an innovation got in an earlier competition (KIPP, KOVABLIK).</summary>
public enum AwardTier
{
    /// <summary>A shortlist such as KIPP Top 99.</summary>
    Finalist,

    /// <summary>A top award such as KIPP Top 45 or KOVABLIK Top 30.</summary>
    Top,
}

public sealed record PastAward(int Year, string Competition, AwardTier Tier);

/// <summary>
/// Past-award rules of a group. KIPP's Kelompok Umum: never a Top winner and a finalist fewer than twice
/// (<c>ForbidsTopAward</c>, <c>MaxFinalistAwards = 1</c>); Kelompok Khusus: only earlier Top winners (<c>RequiresTopAward</c>).
/// </summary>
public sealed record PastAwardRule(bool RequiresTopAward = false, bool ForbidsTopAward = false, int? MaxFinalistAwards = null);

/// <summary>The edition's and the group's rules that apply to this proposal.</summary>
public sealed record ValidationRules
{
    public string GroupName { get; init; } = "";
    public IReadOnlyList<SectionRule> Sections { get; init; } = [];
    public IReadOnlyList<DocumentSlotRule> Documents { get; init; } = [];
    public int MinimumImplementationMonths { get; init; } = 12;
    public DateTimeOffset RegistrationClosesAt { get; init; }
    public bool RequiresCategory { get; init; } = true;
    public bool RequiresSdg { get; init; } = true;
    public PastAwardRule PastAwards { get; init; } = new();

    /// <summary>Empty: every organisation type may enter.</summary>
    public IReadOnlyCollection<string> AllowedOrganisationTypes { get; init; } = [];

    public int DefaultQuota { get; init; } = 3;
    public IReadOnlyDictionary<string, int> QuotaByOrganisationType { get; init; } = new Dictionary<string, int>();

    public int QuotaFor(string organisationType) =>
        QuotaByOrganisationType.TryGetValue(organisationType, out var quota) ? quota : DefaultQuota;
}

/// <summary>
/// A title already taken: in this edition or among past entries. <c>Source</c> says where (e.g. "KOVABLIK 2025").
/// <c>InnovationId</c> lets an innovation re-enter under its own title (Kelompok Khusus is exactly that).
/// </summary>
public sealed record KnownTitle(string Title, string Source, Guid? InnovationId = null);

/// <summary>Another proposal's text, for verbatim-reuse detection. <c>Label</c> is for Panitia only.</summary>
public sealed record OtherProposal(string Label, IReadOnlyDictionary<string, string> Sections);

/// <summary>What the validator needs to know about everything else.</summary>
public sealed record ValidationContext
{
    /// <summary>Other proposals' titles in the edition and past entries; never this proposal's own.</summary>
    public IReadOnlyList<KnownTitle> OtherTitles { get; init; } = [];

    /// <summary>Other proposals of the edition (and past ones, if the caller wants); never this one, or it copies itself.</summary>
    public IReadOnlyList<OtherProposal> OtherProposals { get; init; } = [];

    /// <summary>Section key → the question printed above it in the form.</summary>
    public IReadOnlyDictionary<string, string> Prompts { get; init; } = new Dictionary<string, string>();

    /// <summary>The innovation's earlier awards, from the registry.</summary>
    public IReadOnlyList<PastAward> PastAwards { get; init; } = [];

    /// <summary>The organisation's proposals already submitted in this edition, not counting this one.</summary>
    public int SubmittedByOrganisation { get; init; }

    /// <summary>
    /// Skip the filler-answer flags (all warnings, and most of the validator's work): for boards and reminders that
    /// list only what blocks submission, over thousands of proposals at once.
    /// </summary>
    public bool BlockingOnly { get; init; }
}

public sealed record ValidationFinding(ReasonCode Reason, Severity Severity, string? SectionKey, string Message, string? Detail)
{
    public string Code => ReasonCodes.Code(Reason);
}
