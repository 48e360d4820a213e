namespace Kovablik.Competitions.Judging.Stages;

public sealed record LevelInput(double From, double To, string? Text);

public sealed record CriterionInput(string? Key, string? Title, double Weight, double Min, double Max, List<LevelInput>? Levels = null);

public sealed record ClusterMixInput(string? Cluster, int? Minimum, int? Maximum);

/// <summary>
/// Every setting of a stage, replaced whole. Field names match the validators' error keys (Criteria[i].Weight,
/// TopN, Clusters[i]...) so errors land next to the field in the page and under the same key in the API.
/// Times are instants (the page converts from WIB).
/// </summary>
public sealed record StageSettingsInput
{
    public string? Name { get; init; }
    public JudgingStageKind Kind { get; init; }
    public List<CriterionInput> Criteria { get; init; } = [];
    public double TotalMin { get; init; }
    public double TotalMax { get; init; } = 100;
    public StageMethod Method { get; init; }
    public int TrimPerSide { get; init; } = 1;
    public double PreviousStageWeight { get; init; }
    public int JurorsPerProposal { get; init; } = JudgingDefaults.JurorsPerProposal;
    public bool PeerScoresVisibleAfterSubmit { get; init; }
    public DateTimeOffset? ScoringOpensAt { get; init; }
    public DateTimeOffset? ScoringDeadline { get; init; }

    /// <summary>Criterion keys and <see cref="JudgingStage.SubmissionTieBreak"/>, in order.</summary>
    public List<string> TieBreaks { get; init; } = [];

    public int? TopN { get; init; }
    public double? PassingGrade { get; init; }
    public List<ClusterMixInput> Clusters { get; init; } = [];
    public ResultPublication Publication { get; init; }
    public int ObjectionDays { get; init; } = 5;
    public int PresentationMinutes { get; init; } = 7;
    public int InterviewMinutes { get; init; } = 13;
    public Guid? ExpectedVersion { get; init; }

    public static StageSettingsInput From(JudgingStage s)
    {
        var rubric = s.GetRubric();
        return new StageSettingsInput
        {
            Name = s.Name,
            Kind = s.Kind,
            Criteria = rubric?.Criteria.Select(c => new CriterionInput(c.Key, c.Title, c.Weight, c.Min, c.Max,
                c.Levels.Select(l => new LevelInput(l.From, l.To, l.Text)).ToList())).ToList() ?? [],
            TotalMin = rubric?.TotalMin ?? 0,
            TotalMax = rubric?.TotalMax ?? 100,
            Method = s.Method,
            TrimPerSide = s.TrimPerSide,
            PreviousStageWeight = s.PreviousStageWeight,
            JurorsPerProposal = s.JurorsPerProposal,
            PeerScoresVisibleAfterSubmit = s.PeerScoresVisibleAfterSubmit,
            ScoringOpensAt = s.ScoringOpensAt,
            ScoringDeadline = s.ScoringDeadline,
            TieBreaks = s.GetTieBreaks().Select(t => t is TieBreak.HigherCriterion h ? h.CriterionKey : JudgingStage.SubmissionTieBreak).ToList(),
            TopN = s.CutTopN,
            PassingGrade = s.CutPassingGrade,
            Clusters = s.GetClusterMix().Select(c => new ClusterMixInput(c.Cluster, c.Minimum, c.Maximum)).ToList(),
            Publication = s.Publication,
            ObjectionDays = s.ObjectionDays,
            PresentationMinutes = s.PresentationMinutes,
            InterviewMinutes = s.InterviewMinutes,
            ExpectedVersion = s.Version,
        };
    }
}

public sealed record PlenaryInput(int ProposalId, PlenaryAction Action, double? Score, string? Reason, Guid? ExpectedVersion = null);

public sealed record StageActionInput(Guid? ExpectedVersion = null);
