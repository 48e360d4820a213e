using System.Text;

namespace Kovablik.Competitions.Judging.Results;

/// <summary>
/// Pure helpers of the unit feedback: the level band a criterion mean falls in, and the order comments are shown in.
/// </summary>
public static class FeedbackMath
{
    /// <summary>
    /// The rubric band of a criterion mean. Means fall between the integer bands of a 1–10 criterion (6.5 lies between
    /// 4–6 and 7–8): then the nearest band counts, and a mean exactly halfway goes up, as rounding half up would.
    /// </summary>
    public static LevelDescriptor? Band(Criterion criterion, double mean)
    {
        if (criterion.Levels.Count == 0 || !double.IsFinite(mean)) return null;
        var inside = criterion.Levels.FirstOrDefault(l => mean >= l.From && mean <= l.To);
        if (inside is not null) return inside;
        return criterion.Levels
            .OrderBy(l => Math.Min(Math.Abs(mean - l.From), Math.Abs(mean - l.To)))
            .ThenByDescending(l => l.From)
            .First();
    }

    /// <summary>
    /// The items in an order fixed per stage, proposal and part (a criterion key, or "overall"): the same on every
    /// view, yet unrelated to the jurors' ids or the order they scored in. Each part is shuffled on its own, so a
    /// reader cannot line up one juror's comments across criteria by their position.
    /// </summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, int stageId, int proposalId, string part)
    {
        var list = items.ToList();
        // A seeded System.Random gives the same sequence on every run and platform (string.GetHashCode would not).
        var random = new Random(Seed(FormattableString.Invariant($"{stageId}:{proposalId}:{part}")));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes.</summary>
    internal static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return unchecked((int)hash);
    }
}
