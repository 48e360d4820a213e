namespace Kovablik.Organisations.Import;

/// <summary>One data row of an import file, as written (trimmed), before any validation.</summary>
/// <param name="RowNumber">1-based row number as a spreadsheet shows it (the header is row 1).</param>
public sealed record OrganisationImportRow(int RowNumber, string Code, string Name, string Type, string ParentCode);

/// <summary>Outcome of reading a file: either its rows or one file-level error (Indonesian).</summary>
public sealed class OrganisationImportFile
{
    private OrganisationImportFile(IReadOnlyList<OrganisationImportRow> rows, string? error, string format)
    {
        Rows = rows;
        Error = error;
        Format = format;
    }

    public IReadOnlyList<OrganisationImportRow> Rows { get; }
    public string? Error { get; }
    public bool Succeeded => Error is null;

    /// <summary>"CSV" or "XLSX" once recognised; empty when the file could not be recognised.</summary>
    public string Format { get; }

    internal static OrganisationImportFile Ok(IReadOnlyList<OrganisationImportRow> rows, string format) => new(rows, null, format);
    internal static OrganisationImportFile Fail(string error, string format = "") => new([], error, format);
}

public enum ImportAction
{
    Create,
    Update,
    Unchanged,
    Error,
}

public sealed record ImportRowError(int RowNumber, string? Code, string Reason);

/// <summary>What the import would do with one row, decided against the database at planning time.</summary>
public sealed class OrganisationImportPlanRow
{
    private readonly List<string> _errors = [];
    private readonly List<string> _changes = [];

    internal OrganisationImportPlanRow(int index, OrganisationImportRow row)
    {
        Index = index;
        Row = row;
    }

    public OrganisationImportRow Row { get; }
    public ImportAction Action { get; internal set; }

    /// <summary>Reasons this row is invalid (empty unless <see cref="Action"/> is Error).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>
    /// Set on a valid row that still cannot be imported because a row it hangs from is not imported
    /// (only relevant when importing valid rows only).
    /// </summary>
    public string? SkipReason { get; internal set; }

    /// <summary>For updates: which fields change ("nama", "jenis", "induk").</summary>
    public IReadOnlyList<string> Changes => _changes;

    public bool WillApply => Action is ImportAction.Create or ImportAction.Update && SkipReason is null;

    internal int Index { get; }
    internal string Code => Row.Code;
    internal string Name { get; set; } = "";
    internal OrganisationType Type { get; set; }
    internal int? ExistingId { get; set; }

    /// <summary>Index of the row in the same file that is this row's parent, if the parent is in the file.</summary>
    internal int? ParentRowIndex { get; set; }

    /// <summary>Node key of the parent: a database id (positive) or a new file row (negative, -(index+1)).</summary>
    internal int? ParentKey { get; set; }

    internal void AddError(string message) => _errors.Add(message);
    internal void AddChange(string field) => _changes.Add(field);
}

public sealed class OrganisationImportPlan
{
    internal OrganisationImportPlan(IReadOnlyList<OrganisationImportPlanRow> rows) => Rows = rows;

    public IReadOnlyList<OrganisationImportPlanRow> Rows { get; }

    public int CreateCount => Rows.Count(r => r.Action == ImportAction.Create);
    public int UpdateCount => Rows.Count(r => r.Action == ImportAction.Update);
    public int UnchangedCount => Rows.Count(r => r.Action == ImportAction.Unchanged);
    public int ErrorCount => Rows.Count(r => r.Action == ImportAction.Error);

    /// <summary>Valid rows that would be skipped with "only valid rows" because they depend on a row that is not imported.</summary>
    public int BlockedCount => Rows.Count(r => r.Action != ImportAction.Error && r.SkipReason is not null);

    public bool HasErrors => Rows.Any(r => r.Action == ImportAction.Error);

    /// <summary>One entry per problem of an invalid row.</summary>
    public IReadOnlyList<ImportRowError> Errors =>
        [.. Rows.Where(r => r.Action == ImportAction.Error).SelectMany(r => r.Errors.Select(e => new ImportRowError(r.Row.RowNumber, NullIfEmpty(r.Row.Code), e)))];

    /// <summary>Valid rows that depend on a row that is not imported, with the reason.</summary>
    public IReadOnlyList<ImportRowError> Blocked =>
        [.. Rows.Where(r => r.Action != ImportAction.Error && r.SkipReason is not null).Select(r => new ImportRowError(r.Row.RowNumber, NullIfEmpty(r.Row.Code), r.SkipReason!))];

    internal static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}

public sealed class ImportReport
{
    /// <summary>False when nothing was written (errors without "only valid rows", or the database refused the changes).</summary>
    public bool Applied { get; init; }

    public int Created { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }

    /// <summary>Rows not imported: invalid rows and rows depending on them (all rows when nothing was applied).</summary>
    public int Skipped { get; init; }

    /// <summary>Invalid rows' problems, then rows skipped because they depend on a row that was not imported.</summary>
    public IReadOnlyList<ImportRowError> Errors { get; init; } = [];

    /// <summary>Indonesian summary of why nothing was applied; null on success.</summary>
    public string? Message { get; init; }
}
