using BenchmarkDotNet.Attributes;
using Kovablik.Competitions.Judging;

namespace Kovablik.Bench.Judging;

/// <summary>
/// Issue 4 targets: ranking an edition of 5,000 proposals × 5 jurors × 10 criteria with normalisation and tie-breaks
/// (≤ 100 ms); automatic assignment of 5,000 proposals to 200 jurors with conflicts and load limits (≤ 2 s).
/// Data is generated with fixed seeds so every run measures the same instance.
/// </summary>
[MemoryDiagnoser]
public class JudgingBenchmarks
{
    private const int ProposalCount = 5000;
    private const int JurorsPerProposal = 5;
    private const int CriterionCount = 10;
    private const int JurorCount = 200;

    private Rubric _rubric = null!;
    private ScoreSheet[] _sheets = null!;
    private Dictionary<int, (DateTimeOffset SubmittedAt, string Cluster)> _proposals = null!;
    private AssignmentRequest _assignment = null!;

    public AssignmentRequest Request => _assignment;

    private static readonly TieBreak[] TieBreaks = [new TieBreak.HigherCriterion("K0"), new TieBreak.HigherCriterion("K3"), new TieBreak.EarlierSubmission()];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _rubric = new Rubric(Enumerable.Range(0, CriterionCount).Select(i => new Criterion($"K{i}", $"Kriteria {i}", 10, 1, 10)).ToList());

        // Desk review: 5 jurors per proposal out of 200; integer scores 1–10, so equal totals (ties) are common.
        var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        _proposals = Enumerable.Range(1, ProposalCount).ToDictionary(
            id => id, id => (start.AddSeconds(rng.Next(0, 30 * 24 * 3600)), rng.Next(3) == 0 ? "OPD" : "Kabupaten/Kota"));
        var sheets = new List<ScoreSheet>(ProposalCount * JurorsPerProposal);
        var leniency = Enumerable.Range(0, JurorCount).Select(_ => rng.Next(-2, 3)).ToArray();
        foreach (var id in _proposals.Keys)
        {
            var quality = rng.Next(3, 9);
            foreach (var juror in Enumerable.Range(0, JurorCount).OrderBy(_ => rng.Next()).Take(JurorsPerProposal))
            {
                var scores = new Dictionary<string, double>(CriterionCount, StringComparer.Ordinal);
                foreach (var c in _rubric.Criteria) scores[c.Key] = Math.Clamp(quality + leniency[juror] + rng.Next(-1, 2), 1, 10);
                sheets.Add(new ScoreSheet(juror, id, scores));
            }
        }
        _sheets = [.. sheets];

        // Assignment: units spread over 38 kabupaten/kota and 50 provincial perangkat daerah (second level of the path);
        // 40% of jurors are academics without affiliation; 30 jurors capped at 100; 1% declared conflicts.
        string Unit() => $"/1/{rng.Next(2, 90)}/{rng.Next(100, 2000)}/";
        var proposals = Enumerable.Range(1, ProposalCount).Select(id => new AssignmentProposal(id, Unit())).ToArray();
        var jurors = Enumerable.Range(1, JurorCount).Select(id => new AssignmentJuror(
            id,
            rng.Next(10) < 4 ? null : (rng.Next(2) == 0 ? $"/1/{rng.Next(2, 90)}/" : Unit()),
            id <= 30 ? 100 : null)).ToArray();
        var declared = new HashSet<JurorProposal>();
        while (declared.Count < ProposalCount * JurorCount / 100)
            declared.Add(new JurorProposal(rng.Next(1, JurorCount + 1), rng.Next(1, ProposalCount + 1)));
        _assignment = new AssignmentRequest
        {
            Proposals = proposals,
            Jurors = jurors,
            JurorsPerProposal = JurorsPerProposal,
            DeclaredConflicts = declared,
            Seed = 7,
        };
        SetupStage();
    }

    /// <summary>Score sheets → validated totals → normalised stage scores → criterion means → ranking with tie-breaks → cut preview.</summary>
    [Benchmark]
    public int RankEdition()
    {
        var totals = ScoreMath.Totals(_rubric, _sheets).Value!;
        var stage = StageResults.Compute(totals, _rubric, new StageSettings(StageMethod.NormalisedMean));
        var means = Ranking.CriterionMeans(_sheets, Ranking.CriterionKeys(TieBreaks));
        var ranking = Ranking.Rank(
            stage.Select(s => new RankingCandidate(s.ProposalId, s.Score, _proposals[s.ProposalId].SubmittedAt, _proposals[s.ProposalId].Cluster, means[s.ProposalId])),
            TieBreaks);
        var preview = CutOff.Preview(ranking, new CutOffSettings(45, 60, [new ClusterMix("Kabupaten/Kota", 20, null), new ClusterMix("OPD", null, 25)]));
        return preview.Value!.Lines.Count;
    }

    public void RankEditionProfiled()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var totals = ScoreMath.Totals(_rubric, _sheets).Value!;
        var t1 = sw.Elapsed.TotalMilliseconds;
        var stage = StageResults.Compute(totals, _rubric, new StageSettings(StageMethod.NormalisedMean));
        var t2 = sw.Elapsed.TotalMilliseconds;
        var means = Ranking.CriterionMeans(_sheets, Ranking.CriterionKeys(TieBreaks));
        var t3 = sw.Elapsed.TotalMilliseconds;
        var ranking = Ranking.Rank(
            stage.Select(s => new RankingCandidate(s.ProposalId, s.Score, _proposals[s.ProposalId].SubmittedAt, _proposals[s.ProposalId].Cluster, means[s.ProposalId])),
            TieBreaks);
        var t4 = sw.Elapsed.TotalMilliseconds;
        CutOff.Preview(ranking, new CutOffSettings(45, 60, [new ClusterMix("Kabupaten/Kota", 20, null), new ClusterMix("OPD", null, 25)]));
        var t5 = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  totals {t1:F1}, stage {t2 - t1:F1}, means {t3 - t2:F1}, rank {t4 - t3:F1}, cut {t5 - t4:F1} ms");
    }

    /// <summary>
    /// The same edition through the stage service's in-memory core (<see cref="Kovablik.Competitions.Judging.Stages.StageRanker"/>),
    /// i.e. what the dashboard, the ranking API and the freeze run after the database read: entrants, sheets, blend with
    /// a previous stage (weight 0.3), 20 plenary decisions, ranking with tie-breaks and the cut with a cluster mix.
    /// </summary>
    [Benchmark]
    public int RankStage() => Kovablik.Competitions.Judging.Stages.StageRanker.Rank(_stageInput).Value!.Lines.Count;

    private Kovablik.Competitions.Judging.Stages.StageRankingInput _stageInput = null!;

    private void SetupStage()
    {
        var rng = new Random(11);
        var previous = _proposals.Keys.ToDictionary(id => id, id => new Kovablik.Competitions.Judging.Stages.PreviousResult(id, 40 + rng.NextDouble() * 60, 70, 5));
        var decisions = Enumerable.Range(0, 20).Select(i => new Kovablik.Competitions.Judging.Stages.ActiveDecision(
            1 + i * 97, (PlenaryAction)(i % 3), i % 3 == 2 ? 90 : null, "Keputusan pleno")).ToList();
        _stageInput = new Kovablik.Competitions.Judging.Stages.StageRankingInput(
            JudgingStageKind.Presentation, _rubric, new StageSettings(StageMethod.NormalisedMean), 0.3, TieBreaks,
            new CutOffSettings(45, 60, [new ClusterMix("Kabupaten/Kota", 20, null), new ClusterMix("OPD", null, 25)]),
            _proposals.Select(kv => new Kovablik.Competitions.Judging.Stages.StageEntrant(kv.Key, kv.Value.SubmittedAt, kv.Value.Cluster)).ToList(),
            _sheets, previous, decisions);
    }

    [Benchmark]
    public int AssignJury() => JuryAssignment.Assign(_assignment).Assignments.Count;
}

/// <summary>
/// `dotnet run -c Release --project bench/Kovablik.Bench -- judging`: what the benchmark instances produce (so the
/// figures measure a correct result): assignment completeness and load spread, and the head of the ranking.
/// </summary>
public static class JudgingCheck
{
    public static int Run()
    {
        var b = new JudgingBenchmarks();
        b.Setup();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = JuryAssignment.Assign(b.Request);
        var elapsed = sw.Elapsed;
        var free = result.Loads.Where(kv => kv.Key > 30).Select(kv => kv.Value).ToList();
        Console.WriteLine($"assignment: {result.Assignments.Count} pairs, {result.Shortfalls.Count} short proposals, " +
            $"capped jurors {string.Join("/", result.Loads.Where(kv => kv.Key <= 30).Select(kv => kv.Value).Distinct())}, " +
            $"other loads {free.Min()}–{free.Max()}, first run {elapsed.TotalMilliseconds:F0} ms");
        for (var i = 0; i < 8; i++)
        {
            b.RankEditionProfiled();
            sw.Restart();
            var lines = b.RankEdition();
            Console.WriteLine($"ranking: {lines} lines, run {i + 1}: {sw.Elapsed.TotalMilliseconds:F0} ms");
        }
        for (var i = 0; i < 8; i++)
        {
            sw.Restart();
            var lines = b.RankStage();
            Console.WriteLine($"stage service core: {lines} lines, run {i + 1}: {sw.Elapsed.TotalMilliseconds:F0} ms");
        }
        return 0;
    }
}
