using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Scoring;

public enum QueueItemStatus
{
    NotStarted = 0,
    Draft = 1,
    Submitted = 2,
}

/// <summary>One proposal in a juror's queue, with its presentation slot or field visit when the stage has one scheduled.</summary>
public sealed record QueueItem(int ProposalId, string Title, string OrganisationName, QueueItemStatus Status, double? Total, DateTimeOffset? UpdatedAt,
    int? SlotId = null, DateTimeOffset? SlotStartsAt = null, int? VisitId = null, DateTimeOffset? VisitAt = null);

/// <summary>
/// One edition/stage of a juror's queue. When <see cref="DeclarationDone"/> is false the juror sees only the link to
/// the mandatory declaration: no proposal, not even a count.
/// </summary>
public sealed record QueueStage(
    int EditionId, string EditionName, int? StageId, string? StageName, bool DeclarationDone,
    DateTimeOffset? ScoringOpensAt, DateTimeOffset? ScoringDeadline, DateTimeOffset? ReadingFrom, DateTimeOffset? ReadingUntil,
    IReadOnlyList<QueueItem> Items)
{
    public int Submitted => Items.Count(i => i.Status == QueueItemStatus.Submitted);
    public int Left => Items.Count - Submitted;
}

/// <summary>A juror's sheet input. Scores are criterion key → score; an empty value means "not filled yet" in a draft.</summary>
public sealed record ScoreSheetInput
{
    public Dictionary<string, double?> Scores { get; init; } = [];
    public Dictionary<string, string?> Comments { get; init; } = [];
    public string? OverallComment { get; init; }

    /// <summary>The sheet's version when the juror opened it; null when there was no sheet yet.</summary>
    public Guid? ExpectedVersion { get; init; }
}

/// <summary>Another juror's submitted sheet as a juror may see it: a letter instead of a name.</summary>
public sealed record PeerSheet(string Label, double? Total, IReadOnlyDictionary<string, double> Scores);

/// <summary>Everything the score page shows: the proposal, the stage and its rubric, the juror's sheet and, when allowed, the peers.</summary>
public sealed record SheetView(
    JurorGrant Grant, Proposal Proposal, string OrganisationName, Edition Edition, Rubric Rubric, JurorScore? Sheet,
    IReadOnlyList<PeerSheet>? Peers, string? WriteProblem);

/// <summary>
/// The juror's side of scoring: the queue, the score sheet (draft, submit, change until the freeze) and the blind
/// rule for peers' scores. Every entry goes through <see cref="JudgingAccess.ForJurorAsync"/>, so a juror who is not
/// assigned, or is conflicted, gets NotFound everywhere and never learns the proposal exists.
/// </summary>
public sealed class ScoringService(KovablikDbContext db, JudgingAccess access)
{
    public const string FrozenMessage = JudgingMessages.Frozen;
    public const string NotOpenMessage = "Penilaian tahap ini belum dibuka.";
    public const string StaleMessage = JudgingMessages.Stale;
    public const string AlreadySubmittedMessage = "Nilai ini sudah dikirim. Ubah nilainya lalu pilih Kirim nilai; draf tidak dapat menggantikan nilai yang sudah dikirim.";
    public const int MaxCommentLength = 4000;
    public const int MaxOverallCommentLength = 4000;

    public DateTimeOffset Now => db.Time.GetUtcNow();

    /// <summary>What the juror still has to do, across editions and stages in scoring.</summary>
    public async Task<IReadOnlyList<QueueStage>> QueueAsync(string userId, CancellationToken ct = default)
    {
        var jurors = await db.Jurors.AsNoTracking().Where(j => j.UserId == userId && j.Active).ToListAsync(ct);
        if (jurors.Count == 0) return [];
        var editionIds = jurors.Select(j => j.EditionId).ToList();
        var stages = await db.JudgingStages.AsNoTracking()
            .Where(s => editionIds.Contains(s.EditionId) && s.Status == JudgingStageStatus.Scoring)
            .ToListAsync(ct);
        var editionNames = await db.Editions.AsNoTracking().Where(e => editionIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, ct);

        var result = new List<QueueStage>();
        foreach (var juror in jurors)
        {
            var edStages = stages.Where(s => s.EditionId == juror.EditionId).OrderBy(s => s.Order).ToList();
            if (edStages.Count == 0) continue;
            var editionName = editionNames.GetValueOrDefault(juror.EditionId, "");
            if (juror.DeclarationCompletedAt is null)
            {
                result.Add(new QueueStage(juror.EditionId, editionName, null, null, false,
                    null, edStages.Min(s => s.ScoringDeadline), juror.ReadingFrom, juror.ReadingUntil, []));
                continue;
            }
            var stageIds = edStages.Select(s => s.Id).ToList();
            var assigned = await db.JurorAssignments.AsNoTracking()
                .Where(a => a.JurorId == juror.Id && stageIds.Contains(a.StageId))
                .Join(db.Proposals, a => a.ProposalId, p => p.Id, (a, p) => new { a.StageId, p.Id, p.Title, p.OrganisationId, Organisation = p.Organisation.Name })
                .ToListAsync(ct);
            var conflicts = await access.ConflictsAsync(juror.EditionId, [juror],
                assigned.Select(a => (a.Id, a.OrganisationId)).Distinct().ToList(), ct);
            var sheets = await db.JurorScores.AsNoTracking()
                .Where(s => s.JurorId == juror.Id && stageIds.Contains(s.StageId))
                .Select(s => new { s.StageId, s.ProposalId, s.Status, s.Total, s.UpdatedAt })
                .ToListAsync(ct);
            // The panel's timer and visit pages are reached from the queue; a juror sees only the slots and visits of
            // proposals they may open (the same assignments, conflicts left out below).
            var slots = await db.PresentationSlots.AsNoTracking()
                .Where(x => stageIds.Contains(x.StageId)).Join(db.JurorAssignments.Where(a => a.JurorId == juror.Id),
                    x => new { x.StageId, x.ProposalId }, a => new { a.StageId, a.ProposalId }, (x, a) => new { x.Id, x.StageId, x.ProposalId, x.StartsAt })
                .ToListAsync(ct);
            var visits = await db.FieldVisits.AsNoTracking()
                .Where(x => stageIds.Contains(x.StageId)).Join(db.JurorAssignments.Where(a => a.JurorId == juror.Id),
                    x => new { x.StageId, x.ProposalId }, a => new { a.StageId, a.ProposalId }, (x, a) => new { x.Id, x.StageId, x.ProposalId, x.ScheduledAt })
                .ToListAsync(ct);
            foreach (var stage in edStages)
            {
                var items = assigned
                    .Where(a => a.StageId == stage.Id && !conflicts.Contains((juror.Id, a.Id)))
                    .Select(a =>
                    {
                        var sheet = sheets.FirstOrDefault(s => s.StageId == stage.Id && s.ProposalId == a.Id);
                        var status = sheet is null ? QueueItemStatus.NotStarted
                            : sheet.Status == ScoreStatus.Submitted ? QueueItemStatus.Submitted : QueueItemStatus.Draft;
                        var slot = slots.FirstOrDefault(x => x.StageId == stage.Id && x.ProposalId == a.Id);
                        var visit = visits.FirstOrDefault(x => x.StageId == stage.Id && x.ProposalId == a.Id);
                        return new QueueItem(a.Id, a.Title, a.Organisation, status, sheet?.Status == ScoreStatus.Submitted ? sheet.Total : null, sheet?.UpdatedAt,
                            slot?.Id, slot?.StartsAt, visit?.Id, visit?.ScheduledAt);
                    })
                    // Work in progress first, then untouched, then done; alphabetical within each.
                    .OrderBy(i => i.Status switch { QueueItemStatus.Draft => 0, QueueItemStatus.NotStarted => 1, _ => 2 })
                    .ThenBy(i => i.Title, StringComparer.CurrentCultureIgnoreCase)
                    .ToList();
                result.Add(new QueueStage(juror.EditionId, editionName, stage.Id, stage.Name, true,
                    stage.ScoringOpensAt, stage.ScoringDeadline, juror.ReadingFrom, juror.ReadingUntil, items));
            }
        }
        // Declarations to do first (nothing else can start), then stages with work left by nearest deadline.
        return result
            .OrderBy(s => s.DeclarationDone)
            .ThenBy(s => s.Left == 0)
            .ThenBy(s => s.ScoringDeadline ?? DateTimeOffset.MaxValue)
            .ThenByDescending(s => s.Left)
            .ToList();
    }

    /// <summary>The score page's data, or null (→ 404) when the juror may not open the proposal in this stage.</summary>
    public async Task<SheetView?> SheetAsync(string userId, int stageId, int proposalId, CancellationToken ct = default)
    {
        var grant = await access.ForJurorAsync(userId, stageId, proposalId, ct);
        if (grant is null || grant.Stage.GetRubric() is not { } rubric) return null;
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Organisation)
            .Include(p => p.Documents)
            .Include(p => p.Links)
            .AsSplitQuery()
            .FirstAsync(p => p.Id == proposalId, ct);
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == grant.Stage.EditionId, ct);
        var sheet = await db.JurorScores.AsNoTracking()
            .FirstOrDefaultAsync(s => s.StageId == stageId && s.JurorId == grant.Juror.Id && s.ProposalId == proposalId, ct);
        var peers = sheet?.Status == ScoreStatus.Submitted && grant.Stage.PeerScoresVisibleAfterSubmit
            ? await PeersAsync(grant, ct)
            : null;
        return new SheetView(grant, proposal, proposal.Organisation.Name, edition, rubric, sheet, peers,
            WriteProblem(grant.Stage, db.Time.GetUtcNow()));
    }

    /// <summary>
    /// The other jurors' submitted sheets of the proposal, labelled Juri A, B, C in a fixed order (by pool entry) so
    /// a label stays with the same juror between visits, without saying who it is.
    /// </summary>
    private async Task<IReadOnlyList<PeerSheet>> PeersAsync(JurorGrant grant, CancellationToken ct)
    {
        var rows = await db.JurorScores.AsNoTracking()
            .Where(s => s.StageId == grant.Stage.Id && s.ProposalId == grant.ProposalId && s.JurorId != grant.Juror.Id && s.Status == ScoreStatus.Submitted)
            .OrderBy(s => s.JurorId)
            .Select(s => new { s.ScoresJson, s.Total })
            .ToListAsync(ct);
        return rows.Select((r, i) => new PeerSheet(Label(i), r.Total, new JurorScore { ScoresJson = r.ScoresJson }.GetScores())).ToList();
    }

    private static string Label(int index) => "Juri " + (index < 26 ? ((char)('A' + index)).ToString() : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Why the stage takes no score now (frozen, not open, before opening, after the deadline), or null.</summary>
    public static string? WriteProblem(JudgingStage stage, DateTimeOffset now)
    {
        if (stage.Status == JudgingStageStatus.Frozen) return FrozenMessage;
        if (stage.Status != JudgingStageStatus.Scoring || !stage.IsScored) return NotOpenMessage;
        if (stage.ScoringOpensAt is { } opens && now < opens)
            return Message.Format("Penilaian tahap ini baru dibuka {0}.", WibText.Format(opens));
        if (stage.ScoringDeadline is { } deadline && now >= deadline)
            return Message.Format("Batas waktu penilaian tahap ini sudah lewat ({0}).", WibText.Format(deadline));
        return null;
    }

    /// <summary>Saves what is filled; every filled score must be in range. A submitted sheet is changed only by submitting again.</summary>
    public Task<Result<JurorScore>> SaveDraftAsync(string userId, int stageId, int proposalId, ScoreSheetInput input, CancellationToken ct = default) =>
        SaveAsync(userId, stageId, proposalId, input, submit: false, ct);

    /// <summary>Submits (or changes a submitted sheet): every criterion filled and in range; stores the weighted total.</summary>
    public Task<Result<JurorScore>> SubmitAsync(string userId, int stageId, int proposalId, ScoreSheetInput input, CancellationToken ct = default) =>
        SaveAsync(userId, stageId, proposalId, input, submit: true, ct);

    private async Task<Result<JurorScore>> SaveAsync(string userId, int stageId, int proposalId, ScoreSheetInput input, bool submit, CancellationToken ct)
    {
        var grant = await access.ForJurorAsync(userId, stageId, proposalId, ct);
        if (grant is null || grant.Stage.GetRubric() is not { } rubric) return Result<JurorScore>.NotFound();
        if (WriteProblem(grant.Stage, db.Time.GetUtcNow()) is { } problem) return Result<JurorScore>.Conflict(problem);

        var sheet = await db.JurorScores.FirstOrDefaultAsync(s => s.StageId == stageId && s.JurorId == grant.Juror.Id && s.ProposalId == proposalId, ct);
        // A missing version means "there was no sheet when I opened it": a sheet made since then in another tab is a conflict.
        if (sheet?.Version != (input.ExpectedVersion is { } v && v != Guid.Empty ? v : null))
            return Result<JurorScore>.Conflict(StaleMessage);
        if (!submit && sheet?.Status == ScoreStatus.Submitted) return Result<JurorScore>.Conflict(AlreadySubmittedMessage);

        var errors = new ErrorBag();
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in input.Scores ?? [])
        {
            if (value is { } s) scores[key] = s;
            else if (rubric.Find(key) is null) errors.Add(key, Message.Format("Kriteria {0} tidak ada dalam rubrik tahap ini.", key));
        }
        if (submit)
        {
            foreach (var (field, messages) in ScoreMath.Validate(rubric, scores).ToDictionary())
                foreach (var m in messages) errors.Add(field, m);
        }
        else
        {
            // A draft may leave scores empty, but what it holds must already be a valid score.
            foreach (var (key, s) in scores)
            {
                var c = rubric.Find(key);
                if (c is null) errors.Add(key, Message.Format("Kriteria {0} tidak ada dalam rubrik tahap ini.", key));
                else if (!double.IsFinite(s) || s < c.Min || s > c.Max) errors.Add(key, Message.Format("Nilai {0} harus antara {1} dan {2}.", c.Title, c.Min, c.Max));
            }
        }
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in input.Comments ?? [])
        {
            var text = value?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            var c = rubric.Find(key);
            if (c is null) errors.Add("Comments." + key, Message.Format("Kriteria {0} tidak ada dalam rubrik tahap ini.", key));
            else if (text.Length > MaxCommentLength) errors.Add("Comments." + key, Message.Format("Komentar {0} maksimal {1} karakter.", c.Title, MaxCommentLength));
            else comments[key] = text;
        }
        var overall = input.OverallComment?.Trim();
        if (overall is { Length: > MaxOverallCommentLength })
            errors.Add(nameof(input.OverallComment), Message.Format("Komentar umum maksimal {0} karakter.", MaxOverallCommentLength));
        if (errors.Any) return errors.ToResult<JurorScore>();

        var now = db.Time.GetUtcNow();
        if (sheet is null)
        {
            sheet = new JurorScore { StageId = stageId, JurorId = grant.Juror.Id, ProposalId = proposalId };
            db.JurorScores.Add(sheet);
        }
        // Keep the rubric's order so the stored JSON (and the audit diff) reads like the form.
        sheet.SetScores(rubric.Criteria.Where(c => scores.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => scores[c.Key]));
        sheet.SetComments(rubric.Criteria.Where(c => comments.ContainsKey(c.Key)).ToDictionary(c => c.Key, c => comments[c.Key]));
        sheet.OverallComment = string.IsNullOrEmpty(overall) ? null : overall;
        if (submit)
        {
            sheet.Status = ScoreStatus.Submitted;
            sheet.Total = ScoreMath.TotalUnchecked(rubric, scores);
            sheet.SubmittedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<JurorScore>.Conflict(StaleMessage);
        }
        catch (DbUpdateException)
        {
            // The unique (stage, juror, proposal) index: another tab created the sheet a moment ago.
            return Result<JurorScore>.Conflict(StaleMessage);
        }
        return Result<JurorScore>.Ok(sheet);
    }

    /// <summary>A document of a proposal the juror may open (same rule as the score page), or null.</summary>
    public async Task<ProposalDocument?> DocumentAsync(string userId, int stageId, int proposalId, Guid documentId, CancellationToken ct = default)
    {
        if (await access.ForJurorAsync(userId, stageId, proposalId, ct) is null) return null;
        return await db.ProposalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ProposalId == proposalId, ct);
    }
}
