namespace Kovablik.Competitions.Judging;

/// <summary>
/// Conflicts of interest read from the organisation tree (materialised paths "/1/7/42/", docs/decisions/0003).
/// A juror affiliated with organisation P conflicts with a proposal from organisation Q when P is Q, an ancestor of Q or
/// a descendant of Q (the supervising line), or when P and Q share the second level of the path: in the registry the
/// root is the province and the second level is a kabupaten/kota or a provincial perangkat daerah, so two units of the
/// same kabupaten/kota (or of the same dinas) conflict. A juror without an affiliation (an academic) has no tree
/// conflict. Note that a juror affiliated with the root (the Pemerintah Provinsi itself) is an ancestor of every unit
/// and so conflicts with everything: affiliate jurors with their own unit (e.g. Biro Organisasi), not the root.
/// </summary>
public static class OrganisationConflicts
{
    public static bool Conflicts(string? jurorPath, string? proposalPath) =>
        Conflicts(Parse(jurorPath), Parse(proposalPath));

    /// <summary>The ids of a path, root first; empty for null, "" or "/".</summary>
    public static int[] Parse(string? path)
    {
        if (string.IsNullOrEmpty(path)) return [];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ids = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ids[i]))
                throw new FormatException($"Not an organisation path: '{path}'.");
        return ids;
    }

    public static bool Conflicts(ReadOnlySpan<int> juror, ReadOnlySpan<int> proposal)
    {
        if (juror.Length == 0 || proposal.Length == 0) return false;
        var shorter = Math.Min(juror.Length, proposal.Length);
        if (juror[..shorter].SequenceEqual(proposal[..shorter])) return true;
        return juror.Length >= 2 && proposal.Length >= 2 && juror[0] == proposal[0] && juror[1] == proposal[1];
    }
}
