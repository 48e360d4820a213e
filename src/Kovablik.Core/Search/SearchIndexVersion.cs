namespace Kovablik.Search;

/// <summary>
/// The one row counting changes to <c>innovation_search</c>, bumped by database triggers (<see cref="SearchSql"/>) on
/// every insert, update and delete of it, whichever node, tool or migration made the change. A node that kept a
/// keyword's ranking reads this number (one row by key) to learn whether the ranking can still be used, instead of
/// ranking the keyword again on a timer.
/// </summary>
public sealed class SearchIndexVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
