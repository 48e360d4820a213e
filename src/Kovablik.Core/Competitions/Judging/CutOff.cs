using Kovablik.Platform;

namespace Kovablik.Competitions.Judging;

/// <summary>
/// Seats for one cluster (e.g. "Kabupaten/Kota" vs "Perangkat Daerah Provinsi"). A quota is Minimum = Maximum.
/// </summary>
public sealed record ClusterMix(string Cluster, int? Minimum, int? Maximum);

/// <summary>A stage's cut: top N and/or a passing grade, optionally with a cluster mix. All parts are optional.</summary>
public sealed record CutOffSettings(int? TopN, double? PassingGrade, IReadOnlyList<ClusterMix> Clusters)
{
    public CutOffSettings(int? topN = null, double? passingGrade = null) : this(topN, passingGrade, []) { }
}

public enum CutOutcome
{
    /// <summary>Passes on its rank alone.</summary>
    PassedByRank,
    /// <summary>Passes because its cluster's minimum reserved a seat: without the minimums it would be cut.</summary>
    PassedByClusterMinimum,
    /// <summary>Cut: below the passing grade.</summary>
    BelowPassingGrade,
    /// <summary>Cut: its cluster already has its maximum number of passing proposals.</summary>
    ClusterMaximumReached,
    /// <summary>Cut: the top N seats are taken.</summary>
    OutsideTopN,
}

public sealed record CutLine(RankedProposal Proposal, CutOutcome Outcome)
{
    public bool Passed => Outcome is CutOutcome.PassedByRank or CutOutcome.PassedByClusterMinimum;
}

/// <summary>A cluster whose minimum could not be met: it has fewer proposals at or above the passing grade.</summary>
public sealed record ClusterShortfall(string Cluster, int Minimum, int Available);

/// <summary>What a cut would do, for Panitia to read before confirming it: every proposal in rank order with its outcome.</summary>
public sealed record CutPreview(IReadOnlyList<CutLine> Lines, IReadOnlyList<ClusterShortfall> Shortfalls)
{
    public IEnumerable<CutLine> Passed => Lines.Where(l => l.Passed);
    public IEnumerable<CutLine> Cut => Lines.Where(l => !l.Passed);
}

public static class CutOff
{
    public static Result<CutOffSettings> Validate(CutOffSettings settings)
    {
        var errors = new ErrorBag();
        if (settings.TopN is < 1)
            errors.Add(nameof(CutOffSettings.TopN), "Jumlah peringkat teratas yang lolos harus paling sedikit 1.");
        if (settings.PassingGrade is { } g && !double.IsFinite(g))
            errors.Add(nameof(CutOffSettings.PassingGrade), "Nilai batas lulus harus berupa angka.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.Clusters.Count; i++)
        {
            var c = settings.Clusters[i];
            var field = $"Clusters[{i}]";
            if (!seen.Add(c.Cluster))
                errors.Add(field, Message.Format("Klaster {0} disebut lebih dari sekali.", c.Cluster));
            if (c.Minimum is < 0 || c.Maximum is < 0)
                errors.Add(field, Message.Format("Batas klaster {0} tidak boleh negatif.", c.Cluster));
            else if (c.Minimum > c.Maximum)
                errors.Add(field, Message.Format("Batas minimum klaster {0} melebihi batas maksimumnya.", c.Cluster));
        }
        var minimums = settings.Clusters.Sum(c => c.Minimum ?? 0);
        if (settings.TopN is { } n && minimums > n)
            errors.Add(nameof(CutOffSettings.Clusters), Message.Format("Jumlah batas minimum klaster ({0}) melebihi jumlah yang lolos ({1}).", minimums, n));
        return errors.Any ? errors.ToResult<CutOffSettings>() : Result<CutOffSettings>.Ok(settings);
    }

    /// <summary>
    /// The cut over a ranking (best first). Order of rules: the passing grade is absolute (a cluster minimum never
    /// lifts a proposal below it; the shortfall is reported instead); then each cluster's minimum reserves seats for
    /// its best proposals; then the remaining seats go down the ranking, skipping clusters at their maximum.
    /// The grade is compared with the rounded score Panitia sees.
    /// </summary>
    public static Result<CutPreview> Preview(IReadOnlyList<RankedProposal> ranking, CutOffSettings settings)
    {
        var valid = Validate(settings);
        if (!valid.Succeeded) return Result<CutPreview>.Invalid(valid.Errors);

        var (outcome, shortfalls) = Fill(ranking, settings, withMinimums: true);
        var hasMinimums = settings.Clusters.Any(c => c.Minimum > 0);
        var withoutMinimums = hasMinimums ? Fill(ranking, settings, withMinimums: false).Outcome : outcome;

        // A seat is credited to a cluster minimum only when the proposal would not pass without the minimums.
        var lines = new CutLine[ranking.Count];
        for (var i = 0; i < ranking.Count; i++)
        {
            var o = outcome[i];
            if (o == CutOutcome.PassedByRank && withoutMinimums[i] != CutOutcome.PassedByRank) o = CutOutcome.PassedByClusterMinimum;
            lines[i] = new CutLine(ranking[i], o);
        }
        return Result<CutPreview>.Ok(new CutPreview(lines, shortfalls));
    }

    private static (CutOutcome[] Outcome, List<ClusterShortfall> Shortfalls) Fill(IReadOnlyList<RankedProposal> ranking, CutOffSettings settings, bool withMinimums)
    {
        var mix = settings.Clusters.ToDictionary(c => c.Cluster, StringComparer.Ordinal);
        var outcome = new CutOutcome?[ranking.Count];
        var passedPerCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        var seats = settings.TopN ?? int.MaxValue;
        var taken = 0;

        bool IsEligible(int i) => settings.PassingGrade is not { } grade || ranking[i].RoundedScore >= grade;
        string ClusterOf(int i) => ranking[i].Cluster ?? "";
        int PassedIn(string cluster) => passedPerCluster.GetValueOrDefault(cluster);
        bool AtMaximum(string cluster) => mix.TryGetValue(cluster, out var m) && m.Maximum is { } max && PassedIn(cluster) >= max;
        void Pass(int i)
        {
            outcome[i] = CutOutcome.PassedByRank;
            passedPerCluster[ClusterOf(i)] = PassedIn(ClusterOf(i)) + 1;
            taken++;
        }

        for (var i = 0; i < ranking.Count; i++)
            if (!IsEligible(i)) outcome[i] = CutOutcome.BelowPassingGrade;

        var shortfalls = new List<ClusterShortfall>();
        foreach (var c in withMinimums ? settings.Clusters : [])
        {
            if (c.Minimum is not { } min || min == 0) continue;
            var available = 0;
            for (var i = 0; i < ranking.Count; i++)
            {
                if (outcome[i] is not null || ClusterOf(i) != c.Cluster) continue;
                available++;
                if (PassedIn(c.Cluster) < min) Pass(i);
            }
            if (available < min) shortfalls.Add(new ClusterShortfall(c.Cluster, min, available));
        }

        // The more specific reason first: a proposal whose cluster is full is cut for that, whatever the seats.
        for (var i = 0; i < ranking.Count; i++)
        {
            if (outcome[i] is not null) continue;
            if (AtMaximum(ClusterOf(i))) outcome[i] = CutOutcome.ClusterMaximumReached;
            else if (taken >= seats) outcome[i] = CutOutcome.OutsideTopN;
            else Pass(i);
        }
        return (outcome.Select(o => o!.Value).ToArray(), shortfalls);
    }

    /// <summary>The Indonesian sentence for an outcome (a resource key), for the preview table and the unit's feedback.</summary>
    public static string Describe(CutOutcome outcome) => outcome switch
    {
        CutOutcome.PassedByRank => Message.Format("Lolos berdasarkan peringkat."),
        CutOutcome.PassedByClusterMinimum => Message.Format("Lolos melalui kuota minimum klaster."),
        CutOutcome.BelowPassingGrade => Message.Format("Tidak lolos: nilai di bawah nilai batas lulus."),
        CutOutcome.ClusterMaximumReached => Message.Format("Tidak lolos: kuota maksimum klaster sudah terpenuhi."),
        CutOutcome.OutsideTopN => Message.Format("Tidak lolos: di luar jumlah peringkat teratas yang lolos."),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
