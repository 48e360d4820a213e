namespace Kovablik.Competitions.Proposals.Pack;

/// <summary>Names and limits of the offline proposal pack (a ZIP with proposal.xlsx, proposal.pdf, dokumen/ and manifest.json).</summary>
public static class ProposalPack
{
    /// <summary>Raised when the layout of the pack changes in a way older readers cannot follow.</summary>
    public const int FormatVersion = 1;

    public const string WorkbookEntry = "proposal.xlsx";
    public const string PdfEntry = "proposal.pdf";
    public const string ManifestEntry = "manifest.json";
    public const string DocumentFolder = "dokumen/";

    /// <summary>The uploaded ZIP itself (documents make packs large; the web server's own request cap is 30 MB).</summary>
    public const long MaxPackBytes = 28 * 1024 * 1024;

    /// <summary>Sum of the uncompressed entries: a small ZIP that expands to gigabytes is refused.</summary>
    public const long MaxUncompressedBytes = 50 * 1024 * 1024;

    public const int MaxEntries = 200;

    public const string SheetProposal = "Proposal";
    public const string SheetGuide = "Petunjuk";
    public const string SheetReference = "Referensi";

    // Row keys in the hidden first column of the Proposal sheet.
    public const string KeyFormat = "#format";
    public const string KeyProposal = "#proposal";
    public const string KeyEdition = "#edisi";
    public const string KeyGroup = "#kelompok";
    public const string KeyOrganisation = "#organisasi";
    public const string KeyVersion = "#versi";
    public const string KeyExportedAt = "#diekspor";
    public const string KeyTitle = "judul";
    public const string KeyCategories = "kategori";
    public const string KeySdgs = "sdg";
    public const string SectionPrefix = "bagian:";

    // Columns of the Proposal sheet.
    public const int ColKey = 1;
    public const int ColLabel = 2;
    public const int ColLimit = 3;
    public const int ColRequired = 4;
    public const int ColText = 5;
    public const int ColWords = 6;
    public const int ColBase = 7;
}

/// <summary>One editable field as read from the pack: its value and the value it had at export (the base), when known.</summary>
public sealed record PackField(string Key, string Value, string? Base);

/// <summary>A document found in the pack's dokumen/ folder, hashed from its bytes (not taken from the manifest).</summary>
public sealed record PackFile(string Path, string Sha256, long Size);

/// <summary>What a pack says, read and checked for shape but not yet compared with the online proposal.</summary>
public sealed record PackContent
{
    public int FormatVersion { get; init; }
    public int ProposalId { get; init; }
    public Guid Version { get; init; }
    public List<PackField> Fields { get; init; } = [];
    public List<PackFile> Documents { get; init; } = [];
}

public enum PackFieldStatus
{
    /// <summary>Same in the pack and online.</summary>
    Unchanged = 0,

    /// <summary>Edited offline only: applied.</summary>
    ChangedInPack = 1,

    /// <summary>Edited online only since the export: the online text is kept.</summary>
    ChangedOnline = 2,

    /// <summary>Edited on both sides differently: nothing is applied until one side is given up.</summary>
    Conflict = 3,
}

/// <summary>How the unit settles a conflicting field.</summary>
public enum PackChoice
{
    /// <summary>"Pakai versi paket": the pack's text replaces the online one.</summary>
    Pack = 1,

    /// <summary>"Pakai versi daring": the online text stays.</summary>
    Online = 2,
}

/// <summary>One field of the comparison, with word counts and short excerpts around the first difference.</summary>
public sealed record PackFieldDiff(string Key, string Label, PackFieldStatus Status, int OnlineWords, int PackWords, string OnlineExcerpt, string PackExcerpt)
{
    /// <summary>The unit's choice for a <see cref="PackFieldStatus.Conflict"/>; null while it is unsettled.</summary>
    public PackChoice? Choice { get; init; }

    /// <summary>Whether applying writes the pack's value.</summary>
    public bool Takes => Status == PackFieldStatus.ChangedInPack || (Status == PackFieldStatus.Conflict && Choice == PackChoice.Pack);
}

/// <summary>The comparison of a pack with the online proposal; messages are <see cref="Platform.Message"/> strings.</summary>
public sealed record PackDiff(
    int ProposalId,
    Guid PackVersion,
    Guid OnlineVersion,
    IReadOnlyList<PackFieldDiff> Fields,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Documents,
    bool Applied,
    Guid? AppliedVersion)
{
    /// <summary>Conflicts the unit has not settled with a <see cref="PackChoice"/>.</summary>
    public bool HasConflicts => Fields.Any(f => f.Status == PackFieldStatus.Conflict && f.Choice is null);

    public int ChangeCount => Fields.Count(f => f.Takes);
}

/// <summary>The exported pack.</summary>
public sealed record PackExport(string FileName, byte[] Content);
