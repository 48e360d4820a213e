using Kovablik.Innovations;

namespace Kovablik.Search;

/// <summary>
/// The search index row of a published innovation: its words already stemmed by <see cref="IndonesianStemmer"/>,
/// so SQLite's FTS5 table and PostgreSQL's tsvector (both built over these columns, see <see cref="SearchSql"/>)
/// only split on spaces and match the same tokens. Kept by <see cref="InnovationSearchIndex"/> in the same
/// SaveChanges as the innovation; there is no row for drafts or archived innovations.
/// </summary>
public sealed class InnovationSearchEntry
{
    public int InnovationId { get; set; }
    public Innovation? Innovation { get; set; }

    /// <summary>Stems of the name, in order, then the name's words whose stem differs (for prefix matching).</summary>
    public string NameTerms { get; set; } = "";

    /// <summary>The same for the short description and the KIPP sections.</summary>
    public string BodyTerms { get; set; } = "";

    /// <summary><see cref="IndonesianStemmer.Version"/> the terms were made with; older rows are rebuilt at migration.</summary>
    public int StemmerVersion { get; set; }
}
