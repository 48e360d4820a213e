using System.Globalization;
using Kovablik.Competitions.Judging.Results;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>The objection form's fields. <see cref="Target"/> is "s{stageId}" or "s{stageId}p{proposalId}".</summary>
public sealed class ObjectionFormInput
{
    public string? Target { get; set; }
    public string? Name { get; set; }
    public string? Text { get; set; }

    public static string TargetOf(int stageId, int? proposalId) =>
        proposalId is { } p ? FormattableString.Invariant($"s{stageId}p{p}") : FormattableString.Invariant($"s{stageId}");

    /// <summary>The stage and proposal named by <see cref="Target"/>, or null when it is not one of the form's values.</summary>
    public (int StageId, int? ProposalId)? ParseTarget()
    {
        var t = Target?.Trim();
        if (t is null || t.Length < 2 || t.Length > 30 || t[0] != 's') return null;
        var p = t.IndexOf('p', StringComparison.Ordinal);
        var stagePart = p < 0 ? t[1..] : t[1..p];
        if (!int.TryParse(stagePart, NumberStyles.None, CultureInfo.InvariantCulture, out var stage)) return null;
        if (p < 0) return (stage, null);
        return int.TryParse(t[(p + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var proposal) ? (stage, proposal) : null;
    }
}

/// <summary>What the objection form shows: the edition and its stages whose window is open, with their published lists.</summary>
public sealed record ObjectionFormView(string Slug, IReadOnlyList<PublicStageResults> OpenStages, ObjectionFormInput Input);

/// <summary>Loads an edition's objection page data (shared by the public page and the form's target).</summary>
public static class ObjectionPages
{
    public static async Task<(PublicEditionResults Edition, List<PublicStageResults> Open)?> LoadAsync(JudgingResultsService results, string slug, CancellationToken ct)
    {
        if (slug.Length > 200) return null;
        var edition = await results.PublicResultsAsync(slug, ct);
        if (edition is null) return null;
        return (edition, edition.Stages.Where(s => s.ObjectionsOpen).ToList());
    }
}
