using System.Text.Json;
using Kovablik.Platform;

namespace Kovablik.Competitions.Judging;

public enum JudgingStageKind
{
    /// <summary>Penilaian Proposal: jurors read and score the written proposal.</summary>
    Desk = 0,

    /// <summary>Presentasi &amp; Wawancara: scored in scheduled slots.</summary>
    Presentation = 1,

    /// <summary>Visitasi: field verification with a visit report and a visit score.</summary>
    Visit = 2,

    /// <summary>Penetapan: Panitia/TPI decide; nothing is scored.</summary>
    Decision = 3,
}

public enum JudgingStageStatus
{
    /// <summary>Rubric, jurors and assignments are being prepared; jurors cannot score yet.</summary>
    Setup = 0,
    Scoring = 1,

    /// <summary>The cut was confirmed: results are written and every score of the stage is read-only.</summary>
    Frozen = 2,
}

public enum ResultPublication
{
    /// <summary>Only the names that passed, in alphabetical order.</summary>
    PassedOnly = 0,
    FullRanking = 1,
}

/// <summary>
/// A judging stage of an edition, created from <see cref="JudgingDefaults.Stages"/> when Panitia starts judging and
/// edited per edition. Settings that are lists (rubric, tie-breaks, cluster mix) are stored as JSON text: they are
/// read and written whole, never queried.
/// </summary>
public sealed class JudgingStage : IVersioned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Id { get; set; }
    public int EditionId { get; set; }

    /// <summary>1-based position; stage n only sees the proposals that passed stage n − 1.</summary>
    public int Order { get; set; }

    public required string Name { get; set; }
    public JudgingStageKind Kind { get; set; }
    public JudgingStageStatus Status { get; set; }

    /// <summary><see cref="Rubric"/> as JSON; null for a decision stage.</summary>
    public string? RubricJson { get; set; }

    public StageMethod Method { get; set; } = StageMethod.NormalisedMean;
    public int TrimPerSide { get; set; } = 1;

    /// <summary>Share (0–1) of the previous stage's result in this stage's result; 0 = not blended.</summary>
    public double PreviousStageWeight { get; set; }

    public int JurorsPerProposal { get; set; } = JudgingDefaults.JurorsPerProposal;

    /// <summary>Jurors may see the other jurors' scores of a proposal after submitting their own.</summary>
    public bool PeerScoresVisibleAfterSubmit { get; set; }

    public DateTimeOffset? ScoringOpensAt { get; set; }
    public DateTimeOffset? ScoringDeadline { get; set; }

    /// <summary>Tie-break rules in order: criterion keys, and "@submission" for the earlier submission.</summary>
    public string TieBreaksJson { get; set; } = "[]";

    public int? CutTopN { get; set; }
    public double? CutPassingGrade { get; set; }

    /// <summary><see cref="ClusterMix"/> list as JSON.</summary>
    public string ClusterMixJson { get; set; } = "[]";

    public DateTimeOffset? FrozenAt { get; set; }
    public string? FrozenByUserId { get; set; }

    public ResultPublication Publication { get; set; }
    public DateTimeOffset? ResultsPublishedAt { get; set; }

    /// <summary>Length of the public objection window (sanggah / uji publik) opened by publishing the results.</summary>
    public int ObjectionDays { get; set; } = 5;

    public DateTimeOffset? ObjectionsCloseAt { get; set; }

    /// <summary>Presentation slot parts (KOVABLIK practice: 7 minutes of presentation, 13 of interview).</summary>
    public int PresentationMinutes { get; set; } = 7;

    public int InterviewMinutes { get; set; } = 13;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsScored => Kind != JudgingStageKind.Decision;
    public bool IsFrozen => Status == JudgingStageStatus.Frozen;

    public Rubric? GetRubric()
    {
        if (RubricJson is null) return null;
        var dto = JsonSerializer.Deserialize<RubricDocument>(RubricJson, Json)!;
        return new Rubric(
            dto.Criteria.Select(c => new Criterion(c.Key, c.Title, c.Weight, c.Min, c.Max, c.Levels ?? [])).ToList(),
            dto.TotalMin, dto.TotalMax);
    }

    public void SetRubric(Rubric? rubric) => RubricJson = rubric is null ? null : JsonSerializer.Serialize(
        new RubricDocument(
            rubric.Criteria.Select(c => new CriterionDocument(c.Key, c.Title, c.Weight, c.Min, c.Max, c.Levels.ToList())).ToList(),
            rubric.TotalMin, rubric.TotalMax), Json);

    // Criterion has two constructors, which System.Text.Json cannot choose between: store a plain document shape.
    private sealed record RubricDocument(List<CriterionDocument> Criteria, double TotalMin, double TotalMax);

    private sealed record CriterionDocument(string Key, string Title, double Weight, double Min, double Max, List<LevelDescriptor>? Levels);

    public IReadOnlyList<TieBreak> GetTieBreaks() =>
        (JsonSerializer.Deserialize<List<string>>(TieBreaksJson, Json) ?? [])
            .Select(k => k == SubmissionTieBreak ? (TieBreak)new TieBreak.EarlierSubmission() : new TieBreak.HigherCriterion(k))
            .ToList();

    public void SetTieBreaks(IEnumerable<TieBreak> rules) =>
        TieBreaksJson = JsonSerializer.Serialize(
            rules.Select(r => r switch
            {
                TieBreak.HigherCriterion c => c.CriterionKey,
                _ => SubmissionTieBreak,
            }).ToList(), Json);

    public const string SubmissionTieBreak = "@submission";

    public IReadOnlyList<ClusterMix> GetClusterMix() => JsonSerializer.Deserialize<List<ClusterMix>>(ClusterMixJson, Json) ?? [];

    public void SetClusterMix(IEnumerable<ClusterMix> mix) => ClusterMixJson = JsonSerializer.Serialize(mix.ToList(), Json);

    public CutOffSettings CutSettings() => new(CutTopN, CutPassingGrade, GetClusterMix());

    public StageSettings Settings() => new(Method, TrimPerSide);
}

/// <summary>
/// A member of an edition's jury pool: an account with the Juri role, its affiliation (for conflicts from the
/// organisation tree), panels it reads for, its load limit and its reading window.
/// </summary>
public sealed class Juror : IVersioned
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public required string UserId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>The organisation the juror works for, if any; conflicts with it, its ancestors and descendants.</summary>
    public int? OrganisationId { get; set; }

    public int? LoadLimit { get; set; }

    /// <summary>Panel names (categories or clusters) the juror reads for; empty = any panel.</summary>
    public List<string> Panels { get; set; } = [];

    public DateTimeOffset? ReadingFrom { get; set; }
    public DateTimeOffset? ReadingUntil { get; set; }

    /// <summary>When the juror completed the mandatory conflict declaration; no queue before it.</summary>
    public DateTimeOffset? DeclarationCompletedAt { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

public enum ConflictSource
{
    Juror = 0,
    Unit = 1,
    Panitia = 2,
}

/// <summary>
/// A declared conflict of interest between a juror and a proposal (or every proposal of an organisation). Conflicts
/// from the organisation tree are computed, not stored. A withdrawn declaration stays as history.
/// </summary>
public sealed class ConflictDeclaration
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int JurorId { get; set; }
    public int? ProposalId { get; set; }
    public int? OrganisationId { get; set; }
    public ConflictSource Source { get; set; }
    public required string Reason { get; set; }
    public string? DeclaredByUserId { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnByUserId { get; set; }

    /// <summary>Why Panitia withdrew the declaration (required when withdrawing).</summary>
    public string? WithdrawalReason { get; set; }

    /// <summary>Assignments (and unfrozen score sheets) the declaration removed when it was recorded, for the conflict overview.</summary>
    public int RemovedAssignments { get; set; }
}

public enum AssignmentSource
{
    Automatic = 0,
    Manual = 1,
}

/// <summary>A juror asked to score a proposal in a stage.</summary>
public sealed class JurorAssignment
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int JurorId { get; set; }
    public int ProposalId { get; set; }
    public AssignmentSource Source { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public string? AssignedByUserId { get; set; }
}

public enum ScoreStatus
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>
/// One juror's score sheet for one proposal in one stage. Every change is audited with old and new values (the
/// context's audit log); <see cref="Version"/> refuses a concurrent edit from a second tab.
/// </summary>
public sealed class JurorScore : IVersioned
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Id { get; set; }
    public int StageId { get; set; }
    public int JurorId { get; set; }
    public int ProposalId { get; set; }

    /// <summary>Criterion key → score, as JSON.</summary>
    public string ScoresJson { get; set; } = "{}";

    /// <summary>Criterion key → the juror's comment, as JSON; shown to the unit without the juror's identity.</summary>
    public string CommentsJson { get; set; } = "{}";

    public string? OverallComment { get; set; }
    public ScoreStatus Status { get; set; }

    /// <summary>Weighted total on the rubric's total range, set when submitted.</summary>
    public double? Total { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public Dictionary<string, double> GetScores() => JsonSerializer.Deserialize<Dictionary<string, double>>(ScoresJson, Json) ?? [];

    public void SetScores(IReadOnlyDictionary<string, double> scores) => ScoresJson = JsonSerializer.Serialize(scores, Json);

    public Dictionary<string, string> GetComments() => JsonSerializer.Deserialize<Dictionary<string, string>>(CommentsJson, Json) ?? [];

    public void SetComments(IReadOnlyDictionary<string, string> comments) => CommentsJson = JsonSerializer.Serialize(comments, Json);
}

public enum PlenaryAction
{
    /// <summary>Passes the proposal whatever the cut says.</summary>
    Pass = 0,

    /// <summary>Drops the proposal whatever the cut says (e.g. a verified objection).</summary>
    Fail = 1,

    /// <summary>Replaces the stage score before ranking.</summary>
    SetScore = 2,
}

/// <summary>A decision of the plenary (rapat pleno) that overrules the scores, recorded with its reason.</summary>
public sealed class PlenaryDecision
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int ProposalId { get; set; }
    public PlenaryAction Action { get; set; }
    public double? Score { get; set; }
    public required string Reason { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>Set when a later decision replaced this one; the row stays as history.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A proposal's frozen result in a stage, written when Panitia confirms the cut.</summary>
public sealed class StageResult
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int ProposalId { get; set; }
    public int Rank { get; set; }

    /// <summary>The score the rank used: the stage method's score, blended with earlier stages, or the plenary's.</summary>
    public double Score { get; set; }

    /// <summary>The plain mean of the jurors' totals, for the unit's feedback.</summary>
    public double RawMean { get; set; }

    public int JurorCount { get; set; }
    public bool Passed { get; set; }

    /// <summary><see cref="CutOutcome"/> name, or "Plenary" when a decision set the result.</summary>
    public required string Outcome { get; set; }

    public string? Cluster { get; set; }
}
