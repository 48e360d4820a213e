using System.Globalization;
using Kovablik.Accounts;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Feedback;
using Kovablik.Notifications;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Results;

public sealed record PublishInput(ResultPublication? Publication, int? ObjectionDays, Guid? ExpectedVersion);

/// <summary>
/// One line of a published stage result. <see cref="Rank"/> and <see cref="Score"/> are null when the stage publishes
/// only the names that passed. There is never a per-juror score or a juror here.
/// </summary>
public sealed record PublicResultRow(int? Rank, int ProposalId, string Proposal, string Organisation, string? KabupatenKota, double? Score, bool Passed);

public sealed record PublicStageResults(int StageId, int Order, string StageName, ResultPublication Publication, DateTimeOffset PublishedAt,
    DateTimeOffset? ObjectionsCloseAt, bool ObjectionsOpen, IReadOnlyList<PublicResultRow> Rows);

public sealed record PublicEditionResults(int EditionId, string EditionName, string Slug, IReadOnlyList<PublicStageResults> Stages);

/// <summary>A criterion of the unit's feedback: the jurors' mean, the rubric band it falls in, and the comments (no jurors).</summary>
public sealed record CriterionFeedback(string Key, string Title, double Weight, double Min, double Max, double? Mean, LevelDescriptor? Band,
    IReadOnlyList<string> Comments);

public sealed record StageFeedback(int StageId, int Order, string StageName, DateTimeOffset PublishedAt, double Score, double RawMean, int Rank,
    int RankedCount, bool Passed, string Outcome, int JurorCount, IReadOnlyList<CriterionFeedback> Criteria, IReadOnlyList<string> OverallComments);

/// <summary>A unit's feedback on its proposal: one entry per published stage the proposal took part in.</summary>
public sealed record ProposalFeedback(int ProposalId, string Title, int EditionId, string Organisation, IReadOnlyList<StageFeedback> Stages)
{
    public bool IsPublished => Stages.Count > 0;
}

public sealed record ObjectionInput(int? ProposalId, string? Name, string? Text);

public sealed record ResolveInput(string? Status, string? Resolution, Guid? ExpectedVersion);

/// <summary>An objection as Panitia triages it (with the submitter's name and the filter's findings).</summary>
public sealed record ObjectionView(int Id, int StageId, int? ProposalId, string? ProposalTitle, string SubmitterName, string Text,
    string? FilterFindings, DateTimeOffset SubmittedAt, ObjectionStatus Status, string? Resolution, DateTimeOffset? ResolvedAt,
    DateTimeOffset? ResolutionPublishedAt, Guid Version);

/// <summary>A resolved objection as the public sees it: no submitter.</summary>
public sealed record PublishedObjection(int Id, int StageId, string StageName, string? ProposalTitle, string Text, ObjectionStatus Status,
    string Resolution, DateTimeOffset SubmittedAt, DateTimeOffset ResolutionPublishedAt);

/// <summary>
/// Issue 4 §6: publishing a frozen stage's results (names that passed or the full ranking), the units' criterion-level
/// feedback without juror identities, and the timed public objection window (sanggah / uji publik) with Panitia's
/// triage and published resolutions. Notices are written in the transaction of the change they report.
/// </summary>
public sealed class JudgingResultsService(KovablikDbContext db, NotificationService notifications, ContentFilter filter)
{
    public const string NotFrozenMessage = "Hasil hanya dapat diumumkan setelah tahap dibekukan.";
    public const string AlreadyPublishedMessage = "Hasil tahap ini sudah diumumkan; pengumuman tidak dapat diulang.";
    public const string StaleMessage = JudgingMessages.Stale;
    public const string NotPublishedMessage = "Hasil penilaian proposal ini belum diumumkan.";
    public const string ClosedMessage = "Masa sanggah sudah berakhir pada {0} WIB; sanggahan tidak dapat diterima lagi.";
    public const string TooManyMessage = "Anda sudah mengirim terlalu banyak sanggahan dalam satu jam terakhir. Coba lagi nanti.";
    public const string ResolutionPublishedMessage = "Tanggapan sanggahan ini sudah diumumkan dan tidak dapat diubah lagi.";
    public const int MaxObjectionDays = 30;

    /// <summary>Objections one account may file per hour (counted in the database, so across nodes).</summary>
    public const int MaxObjectionsPerHour = 5;

    public const string OverallPart = "@overall";

    // ---------------------------------------------------------------- publication

    public Task<JudgingStage?> StageAsync(int stageId, CancellationToken ct = default) =>
        db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);

    /// <summary>
    /// Publishes a frozen stage's results once: opens the objection window (now + the stage's objection days) and
    /// tells every participating unit that results and feedback are available.
    /// </summary>
    public async Task<Result<JudgingStage>> PublishAsync(int stageId, PublishInput input, string? userId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<JudgingStage>.NotFound();
        if (stage.ResultsPublishedAt is not null) return Result<JudgingStage>.Conflict(AlreadyPublishedMessage);
        if (!stage.IsFrozen) return Result<JudgingStage>.Conflict(NotFrozenMessage);
        if (input.ExpectedVersion is { } v && v != stage.Version) return Result<JudgingStage>.Conflict(StaleMessage);
        var days = input.ObjectionDays ?? stage.ObjectionDays;
        if (days is < 1 or > MaxObjectionDays)
            return Result<JudgingStage>.Invalid(nameof(PublishInput.ObjectionDays),
                Message.Format("Masa sanggah harus antara {0} dan {1} hari.", 1, MaxObjectionDays));
        if (input.Publication is { } p && !Enum.IsDefined(p))
            return Result<JudgingStage>.Invalid(nameof(PublishInput.Publication), "Pilih cara pengumuman hasil.");

        var now = db.Time.GetUtcNow();
        stage.Publication = input.Publication ?? stage.Publication;
        stage.ObjectionDays = days;
        stage.ResultsPublishedAt = now;
        stage.ObjectionsCloseAt = now.AddDays(days);

        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == stage.EditionId).Select(e => new { e.Name }).FirstAsync(ct);
        var participants = await db.StageResults.AsNoTracking().Where(r => r.StageId == stageId)
            .Join(db.Proposals, r => r.ProposalId, x => x.Id, (r, x) => new { x.Id, x.OrganisationId, x.Title })
            .OrderBy(x => x.Id)
            .ToListAsync(ct);
        foreach (var x in participants)
            await notifications.NotifyUnitAsync(x.OrganisationId,
                Message.Format("Hasil {0} sudah diumumkan", stage.Name),
                Message.Format("Hasil tahap {0} ({1}) untuk proposal “{2}” dan umpan balik juri sudah dapat dilihat. Masa sanggah publik dibuka sampai {3} WIB.",
                    stage.Name, edition.Name, x.Title, WibText(stage.ObjectionsCloseAt.Value)),
                FeedbackLink(x.Id), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<JudgingStage>.Conflict(StaleMessage);
        }
        return Result<JudgingStage>.Ok(stage);
    }

    public static string FeedbackLink(int proposalId) => $"/Kelola/Proposal/{proposalId}/Penjurian";

    /// <summary>The published stages of a non-draft edition, in stage order; null when the edition is not public.</summary>
    public Task<PublicEditionResults?> PublicResultsAsync(string slug, CancellationToken ct = default) =>
        PublicResultsAsync(db.Editions.Where(e => e.Slug == slug), ct);

    public Task<PublicEditionResults?> PublicResultsAsync(int editionId, CancellationToken ct = default) =>
        PublicResultsAsync(db.Editions.Where(e => e.Id == editionId), ct);

    private async Task<PublicEditionResults?> PublicResultsAsync(IQueryable<Edition> query, CancellationToken ct)
    {
        var edition = await query.AsNoTracking().Where(e => e.Status != EditionStatus.Draft)
            .Select(e => new { e.Id, e.Name, e.Slug }).FirstOrDefaultAsync(ct);
        if (edition is null) return null;
        var stages = await db.JudgingStages.AsNoTracking().Where(s => s.EditionId == edition.Id && s.ResultsPublishedAt != null)
            .OrderBy(s => s.Order).ToListAsync(ct);
        var list = new List<PublicStageResults>();
        foreach (var s in stages) list.Add(await PublicStageOfAsync(s, ct));
        return new PublicEditionResults(edition.Id, edition.Name, edition.Slug, list);
    }

    /// <summary>One published stage's public results; null when the stage does not exist or is not published.</summary>
    public async Task<PublicStageResults?> PublicStageAsync(int stageId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && s.ResultsPublishedAt != null, ct);
        return stage is null ? null : await PublicStageOfAsync(stage, ct);
    }

    public Task<string> EditionNameOfStageAsync(int stageId, CancellationToken ct = default) =>
        db.JudgingStages.Where(s => s.Id == stageId).Select(s => db.Editions.Where(e => e.Id == s.EditionId).Select(e => e.Name).First()).FirstAsync(ct);

    /// <summary>What publishing would show (Panitia's preview before publishing), in the given form.</summary>
    public Task<List<PublicResultRow>> RowsAsync(JudgingStage stage, ResultPublication publication, CancellationToken ct = default) =>
        BuildRowsAsync(stage.Id, publication, ct);

    private async Task<PublicStageResults> PublicStageOfAsync(JudgingStage s, CancellationToken ct) =>
        new(s.Id, s.Order, s.Name, s.Publication, s.ResultsPublishedAt!.Value, s.ObjectionsCloseAt, IsOpen(s), await BuildRowsAsync(s.Id, s.Publication, ct));

    public bool IsOpen(JudgingStage s) =>
        s.ResultsPublishedAt is not null && s.ObjectionsCloseAt is { } close && db.Time.GetUtcNow() < close;

    private async Task<List<PublicResultRow>> BuildRowsAsync(int stageId, ResultPublication publication, CancellationToken ct)
    {
        var query = db.StageResults.AsNoTracking().Where(r => r.StageId == stageId);
        if (publication == ResultPublication.PassedOnly) query = query.Where(r => r.Passed);
        var rows = await query
            .Join(db.Proposals, r => r.ProposalId, p => p.Id, (r, p) => new { r.Rank, r.Score, r.Passed, p.Id, p.Title, p.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.Rank, x.Score, x.Passed, x.Id, x.Title, Org = o.Name, o.Path })
            .ToListAsync(ct);
        var kabKota = await KabupatenKotaAsync(rows.Select(r => r.Path), ct);
        var result = rows.Select(r => new PublicResultRow(
            publication == ResultPublication.FullRanking ? r.Rank : null, r.Id, r.Title, r.Org, kabKota(r.Path),
            publication == ResultPublication.FullRanking ? Math.Round(r.Score, 2, MidpointRounding.AwayFromZero) : null, r.Passed));
        return publication == ResultPublication.FullRanking
            ? result.OrderBy(r => r.Rank).ThenBy(r => r.Proposal, StringComparer.OrdinalIgnoreCase).ToList()
            : result.OrderBy(r => r.Proposal, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Organisation, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Path → the name of the kabupaten/kota it lies in (the ancestor or itself), from one query.</summary>
    private async Task<Func<string, string?>> KabupatenKotaAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var ids = paths.SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Organisations.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.Type == OrganisationType.KabupatenKota)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return path => path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && names.TryGetValue(id, out var n) ? n : null)
            .LastOrDefault(n => n is not null);
    }

    // ---------------------------------------------------------------- unit feedback

    /// <summary>
    /// The unit's feedback on its own proposal (scope checked here): not found outside the scope; no stages before a
    /// stage it took part in is published. Comments are shown without juror names or ids, each list in its own
    /// fixed shuffled order.
    /// </summary>
    public async Task<Result<ProposalFeedback>> FeedbackAsync(int proposalId, OrganisationScope scope, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Select(p => new { p.Id, p.Title, p.EditionId, Org = p.Organisation.Name, p.Organisation.Path })
            .FirstOrDefaultAsync(ct);
        if (proposal is null || !scope.Covers(proposal.Path)) return Result<ProposalFeedback>.NotFound();

        var stages = await db.JudgingStages.AsNoTracking()
            .Where(s => s.EditionId == proposal.EditionId && s.ResultsPublishedAt != null
                && db.StageResults.Any(r => r.StageId == s.Id && r.ProposalId == proposalId))
            .OrderBy(s => s.Order).ToListAsync(ct);
        var list = new List<StageFeedback>();
        foreach (var stage in stages)
        {
            var result = await db.StageResults.AsNoTracking().FirstAsync(r => r.StageId == stage.Id && r.ProposalId == proposalId, ct);
            var ranked = await db.StageResults.CountAsync(r => r.StageId == stage.Id, ct);
            // Only what the unit may see is read: scores and comments, not who wrote them.
            var sheets = await db.JurorScores.AsNoTracking()
                .Where(s => s.StageId == stage.Id && s.ProposalId == proposalId && s.Status == ScoreStatus.Submitted)
                .OrderBy(s => s.Id)
                .Select(s => new { s.ScoresJson, s.CommentsJson, s.OverallComment })
                .ToListAsync(ct);
            var parsed = sheets.Select(s =>
            {
                var sheet = new JurorScore { ScoresJson = s.ScoresJson, CommentsJson = s.CommentsJson };
                return (Scores: sheet.GetScores(), Comments: sheet.GetComments(), s.OverallComment);
            }).ToList();

            var criteria = new List<CriterionFeedback>();
            foreach (var c in stage.GetRubric()?.Criteria ?? [])
            {
                var values = parsed.Where(x => x.Scores.ContainsKey(c.Key)).Select(x => x.Scores[c.Key]).ToList();
                double? mean = values.Count == 0 ? null : Math.Round(values.Average(), 2, MidpointRounding.AwayFromZero);
                var comments = parsed.Select(x => x.Comments.GetValueOrDefault(c.Key)).OfType<string>()
                    .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim());
                criteria.Add(new CriterionFeedback(c.Key, c.Title, c.Weight, c.Min, c.Max, mean,
                    mean is { } m ? FeedbackMath.Band(c, m) : null, FeedbackMath.Shuffle(comments, stage.Id, proposalId, c.Key)));
            }
            var overall = parsed.Select(x => x.OverallComment).OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim());
            list.Add(new StageFeedback(stage.Id, stage.Order, stage.Name, stage.ResultsPublishedAt!.Value,
                Math.Round(result.Score, 2, MidpointRounding.AwayFromZero), Math.Round(result.RawMean, 2, MidpointRounding.AwayFromZero),
                result.Rank, ranked, result.Passed, result.Outcome, result.JurorCount, criteria,
                FeedbackMath.Shuffle(overall, stage.Id, proposalId, OverallPart)));
        }
        return Result<ProposalFeedback>.Ok(new ProposalFeedback(proposal.Id, proposal.Title, proposal.EditionId, proposal.Org, list));
    }

    // ---------------------------------------------------------------- objections

    /// <summary>Stages of an edition whose objection window is open now.</summary>
    public async Task<List<JudgingStage>> OpenStagesAsync(int editionId, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var stages = await db.JudgingStages.AsNoTracking().Where(s => s.EditionId == editionId && s.ResultsPublishedAt != null)
            .OrderBy(s => s.Order).ToListAsync(ct);
        // Compared in memory: SQLite cannot compare DateTimeOffset columns in SQL.
        return stages.Where(s => s.ObjectionsCloseAt is { } c && now < c).ToList();
    }

    /// <summary>
    /// Files an objection to a published stage while its window is open. The window is checked at write time; after it
    /// nothing is saved. The filter's findings are kept for triage (an objection is never silently dropped).
    /// </summary>
    public async Task<Result<Objection>> SubmitObjectionAsync(int stageId, string userId, ObjectionInput input, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && s.ResultsPublishedAt != null, ct);
        if (stage is null) return Result<Objection>.NotFound();
        var now = db.Time.GetUtcNow();
        if (stage.ObjectionsCloseAt is not { } close || now >= close)
            return Result<Objection>.Invalid("", Message.Format(ClosedMessage, stage.ObjectionsCloseAt is { } c ? WibText(c) : "-"));

        var errors = new ErrorBag();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(nameof(ObjectionInput.Name), "Nama wajib diisi.");
        else if (name.Length > Objection.MaxNameLength)
            errors.Add(nameof(ObjectionInput.Name), Message.Format("Nama paling banyak {0} karakter.", Objection.MaxNameLength));
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(nameof(ObjectionInput.Text), "Isi sanggahan wajib diisi.");
        else if (text.Length < Objection.MinTextLength)
            errors.Add(nameof(ObjectionInput.Text), Message.Format("Isi sanggahan paling sedikit {0} karakter.", Objection.MinTextLength));
        else if (text.Length > Objection.MaxTextLength)
            errors.Add(nameof(ObjectionInput.Text), Message.Format("Isi sanggahan paling banyak {0} karakter.", Objection.MaxTextLength));
        if ((name?.Contains('\0', StringComparison.Ordinal) ?? false) || (text?.Contains('\0', StringComparison.Ordinal) ?? false))
            errors.Add(nameof(ObjectionInput.Text), "Teks tidak boleh berisi karakter NUL.");
        string? proposalTitle = null;
        if (input.ProposalId is { } pid)
        {
            var published = await BuildRowsAsync(stage.Id, stage.Publication, ct);
            proposalTitle = published.FirstOrDefault(r => r.ProposalId == pid)?.Proposal;
            if (proposalTitle is null)
                errors.Add(nameof(ObjectionInput.ProposalId), "Pilih hasil yang disanggah dari daftar hasil yang diumumkan.");
        }
        if (errors.Any) return errors.ToResult<Objection>();

        var since = now.AddHours(-1);
        var recent = await db.JudgingObjections.Where(o => o.SubmittedByUserId == userId)
            .OrderByDescending(o => o.Id).Take(MaxObjectionsPerHour + 5).Select(o => new { o.SubmittedAt, o.StageId, o.Text }).ToListAsync(ct);
        if (recent.Count(o => o.SubmittedAt >= since) >= MaxObjectionsPerHour) return Result<Objection>.Invalid("", TooManyMessage);
        if (recent.Any(o => o.StageId == stageId && o.Text == text))
            return Result<Objection>.Invalid(nameof(ObjectionInput.Text), "Sanggahan yang sama sudah Anda kirim.");

        var objection = new Objection
        {
            StageId = stageId,
            ProposalId = input.ProposalId,
            SubmittedByUserId = userId,
            SubmitterName = name!,
            Text = text!,
            FilterFindings = filter.Check(name + "\n" + text).Stored,
            SubmittedAt = now,
            Status = ObjectionStatus.New,
        };
        db.JudgingObjections.Add(objection);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == stage.EditionId).Select(e => e.Name).FirstAsync(ct);
        notifications.Add(await notifications.RoleRecipientsAsync(Roles.Panitia, ct),
            Message.Format("Sanggahan baru pada hasil {0}", stage.Name),
            Message.Format("Sanggahan baru masuk untuk hasil tahap {0} ({1}){2}. Tinjau dan beri tanggapan sebelum diumumkan.",
                stage.Name, edition, proposalTitle is null ? "" : " tentang “" + proposalTitle + "”"),
            TriageLink(stageId));
        await db.SaveChangesAsync(ct);
        return Result<Objection>.Ok(objection);
    }

    public static string TriageLink(int stageId) => $"/Panitia/Penjurian/Tahap/{stageId}/Hasil#sanggahan";

    /// <summary>Every objection of a stage for Panitia's triage, newest first.</summary>
    public async Task<List<ObjectionView>> ObjectionsAsync(int stageId, CancellationToken ct = default) =>
        await db.JudgingObjections.AsNoTracking().Where(o => o.StageId == stageId)
            .OrderByDescending(o => o.Id)
            .Select(o => new ObjectionView(o.Id, o.StageId, o.ProposalId,
                db.Proposals.Where(p => p.Id == o.ProposalId).Select(p => p.Title).FirstOrDefault(),
                o.SubmitterName, o.Text, o.FilterFindings, o.SubmittedAt, o.Status, o.Resolution, o.ResolvedAt, o.ResolutionPublishedAt, o.Version))
            .ToListAsync(ct);

    /// <summary>Accepts or rejects an objection with a resolution; may be changed until the resolution is published.</summary>
    public async Task<Result<Objection>> ResolveAsync(int objectionId, ResolveInput input, string? userId, CancellationToken ct = default)
    {
        var objection = await db.JudgingObjections.FirstOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null) return Result<Objection>.NotFound();
        if (objection.ResolutionPublishedAt is not null) return Result<Objection>.Conflict(ResolutionPublishedMessage);
        if (input.ExpectedVersion is { } v && v != objection.Version) return Result<Objection>.Conflict(StaleMessage);
        var errors = new ErrorBag();
        ObjectionStatus? status = Enum.TryParse<ObjectionStatus>(input.Status, ignoreCase: true, out var s) && s is ObjectionStatus.Accepted or ObjectionStatus.Rejected
            && !int.TryParse(input.Status, out _) ? s : null;
        if (status is null) errors.Add(nameof(ResolveInput.Status), "Pilih keputusan: diterima atau ditolak.");
        var resolution = input.Resolution?.Trim();
        if (string.IsNullOrEmpty(resolution)) errors.Add(nameof(ResolveInput.Resolution), "Tanggapan wajib diisi.");
        else if (resolution.Length > Objection.MaxResolutionLength)
            errors.Add(nameof(ResolveInput.Resolution), Message.Format("Tanggapan paling banyak {0} karakter.", Objection.MaxResolutionLength));
        else if (resolution.Contains('\0', StringComparison.Ordinal))
            errors.Add(nameof(ResolveInput.Resolution), "Teks tidak boleh berisi karakter NUL.");
        if (errors.Any) return errors.ToResult<Objection>();

        objection.Status = status!.Value;
        objection.Resolution = resolution;
        objection.ResolvedAt = db.Time.GetUtcNow();
        objection.ResolvedByUserId = userId;
        return await SaveAsync(objection, ct);
    }

    /// <summary>Publishes a resolved objection with its resolution and tells the submitter.</summary>
    public async Task<Result<Objection>> PublishResolutionAsync(int objectionId, Guid? expectedVersion, CancellationToken ct = default)
    {
        var objection = await db.JudgingObjections.FirstOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null) return Result<Objection>.NotFound();
        if (objection.ResolutionPublishedAt is not null) return Result<Objection>.Conflict(ResolutionPublishedMessage);
        if (expectedVersion is { } v && v != objection.Version) return Result<Objection>.Conflict(StaleMessage);
        if (objection.Status == ObjectionStatus.New || string.IsNullOrWhiteSpace(objection.Resolution))
            return Result<Objection>.Invalid("", "Beri keputusan dan tanggapan sebelum mengumumkannya.");
        objection.ResolutionPublishedAt = db.Time.GetUtcNow();

        var stage = await db.JudgingStages.AsNoTracking().Where(s => s.Id == objection.StageId)
            .Select(s => new { s.Name, Slug = db.Editions.Where(e => e.Id == s.EditionId).Select(e => e.Slug).First() }).FirstAsync(ct);
        var submitter = await db.Users.AsNoTracking().Where(u => u.Id == objection.SubmittedByUserId && u.IsActive)
            .Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        if (submitter is not null)
            notifications.Add([(submitter.Id, submitter.Email)],
                Message.Format("Sanggahan Anda pada hasil {0} sudah ditanggapi", stage.Name),
                Message.Format("Keputusan Panitia: {0}. Tanggapan: {1}", Message.Key(StatusName(objection.Status)), objection.Resolution!),
                $"/Kompetisi/{Uri.EscapeDataString(stage.Slug)}/Sanggah#sanggahan-{objection.Id}");
        return await SaveAsync(objection, ct);
    }

    /// <summary>Published resolutions of an edition, newest first, for the public page (no submitter).</summary>
    public async Task<List<PublishedObjection>> PublishedObjectionsAsync(int editionId, CancellationToken ct = default)
    {
        var rows = await db.JudgingObjections.AsNoTracking()
            .Where(o => o.ResolutionPublishedAt != null)
            .Join(db.JudgingStages.Where(s => s.EditionId == editionId), o => o.StageId, s => s.Id, (o, s) => new
            {
                o.Id, o.StageId, Stage = s.Name, o.ProposalId, o.Text, o.Status, o.Resolution, o.SubmittedAt, o.ResolutionPublishedAt,
                Proposal = db.Proposals.Where(p => p.Id == o.ProposalId).Select(p => p.Title).FirstOrDefault(),
            })
            .OrderByDescending(o => o.Id)
            .ToListAsync(ct);
        return rows.Select(o => new PublishedObjection(o.Id, o.StageId, o.Stage, o.Proposal, o.Text, o.Status, o.Resolution ?? "", o.SubmittedAt,
            o.ResolutionPublishedAt!.Value)).ToList();
    }

    public static string StatusName(ObjectionStatus status) => status switch
    {
        ObjectionStatus.Accepted => "Diterima",
        ObjectionStatus.Rejected => "Ditolak",
        _ => "Baru",
    };

    private async Task<Result<Objection>> SaveAsync(Objection objection, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Objection>.Conflict(StaleMessage);
        }
        return Result<Objection>.Ok(objection);
    }

    public static string WibText(DateTimeOffset utc) => Wib.ToWib(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
