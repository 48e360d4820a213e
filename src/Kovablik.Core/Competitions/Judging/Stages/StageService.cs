using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Stages;

/// <summary>A stage in the edition's judging overview.</summary>
public sealed record StageSummary(JudgingStage Stage, int Entrants, int Assigned, int Submitted, int Passed);

/// <summary>
/// Panitia's writes on a stage: settings (refused once frozen; the rubric is locked once a sheet is submitted),
/// opening scoring, plenary decisions, and the freeze that writes the <see cref="StageResult"/> rows. Every write
/// checks the stage's <see cref="JudgingStage.Version"/> and refuses a frozen stage with <see cref="FrozenMessage"/>.
/// </summary>
public sealed partial class StageService(KovablikDbContext db, JudgingAccess access, StageRankingService ranking, NotificationService notifications)
{
    public const string FrozenMessage = JudgingMessages.Frozen;
    public const string StaleMessage = JudgingMessages.Stale;
    public const int MaxReason = 2000;

    public async Task<List<StageSummary>> OverviewAsync(int editionId, CancellationToken ct = default)
    {
        var stages = await db.JudgingStages.AsNoTracking().Where(s => s.EditionId == editionId).OrderBy(s => s.Order).ToListAsync(ct);
        var ids = stages.Select(s => s.Id).ToList();
        var assigned = await db.JurorAssignments.AsNoTracking().Where(a => ids.Contains(a.StageId))
            .GroupBy(a => a.StageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var submitted = await db.JurorScores.AsNoTracking().Where(s => ids.Contains(s.StageId) && s.Status == ScoreStatus.Submitted)
            .GroupBy(s => s.StageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var passed = await db.StageResults.AsNoTracking().Where(r => ids.Contains(r.StageId) && r.Passed)
            .GroupBy(r => r.StageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var result = new List<StageSummary>();
        foreach (var s in stages)
            result.Add(new StageSummary(s, (await access.StageProposalsAsync(s, ct)).Count, assigned.GetValueOrDefault(s.Id),
                submitted.GetValueOrDefault(s.Id), passed.GetValueOrDefault(s.Id)));
        return result;
    }

    public Task<JudgingStage?> GetAsync(int stageId, CancellationToken ct = default) =>
        db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);

    public Task<List<PlenaryDecision>> DecisionsAsync(int stageId, CancellationToken ct = default) =>
        db.PlenaryDecisions.AsNoTracking().Where(d => d.StageId == stageId).OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).ToListAsync(ct);

    // ------------------------------------------------------------------ settings

    public async Task<Result<JudgingStage>> UpdateSettingsAsync(int stageId, StageSettingsInput input, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<JudgingStage>.NotFound();
        if (Refused(stage, input.ExpectedVersion) is { } refused) return Result<JudgingStage>.Conflict(refused);
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == stage.EditionId, ct);
        var hasSubmitted = await db.JurorScores.AnyAsync(s => s.StageId == stageId && s.Status == ScoreStatus.Submitted, ct);

        var errors = new ErrorBag();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(nameof(input.Name), "Nama tahap wajib diisi.");
        else if (name.Length > 200) errors.Add(nameof(input.Name), "Nama tahap paling banyak 200 karakter.");
        if (!Enum.IsDefined(input.Kind)) errors.Add(nameof(input.Kind), "Jenis tahap tidak dikenal.");
        if (!Enum.IsDefined(input.Method)) errors.Add(nameof(input.Method), "Metode nilai tahap tidak dikenal.");
        if (!Enum.IsDefined(input.Publication)) errors.Add(nameof(input.Publication), "Cara pengumuman hasil tidak dikenal.");
        var scored = input.Kind != JudgingStageKind.Decision;

        Rubric? rubric = null;
        if (scored)
        {
            rubric = new Rubric(input.Criteria.Select(c => new Criterion(c.Key?.Trim() ?? "", c.Title?.Trim() ?? "", c.Weight, c.Min, c.Max,
                (c.Levels ?? []).Select(l => new LevelDescriptor(l.From, l.To, l.Text?.Trim() ?? "")).ToList())).ToList(), input.TotalMin, input.TotalMax);
            var valid = RubricValidator.Validate(rubric);
            foreach (var (field, messages) in valid.Errors) foreach (var m in messages) errors.Add(field, m);
        }
        else if (input.Criteria.Count > 0)
            errors.Add(nameof(input.Criteria), "Tahap penetapan tidak dinilai juri dan tidak memiliki rubrik.");

        var probe = new JudgingStage { Name = "" };
        probe.SetRubric(rubric);
        var newRubricJson = probe.RubricJson;
        if (hasSubmitted && (newRubricJson != stage.RubricJson || input.Kind != stage.Kind))
            errors.Add(nameof(input.Criteria), "Rubrik dan jenis tahap tidak dapat diubah setelah ada lembar nilai yang dikirim juri.");

        if (input.JurorsPerProposal is < 1 or > 50)
            errors.Add(nameof(input.JurorsPerProposal), "Jumlah juri per proposal harus antara 1 dan 50.");
        if (input.TrimPerSide < 0)
            errors.Add(nameof(input.TrimPerSide), "Jumlah nilai yang dibuang per sisi tidak boleh negatif.");
        else if (input.Method == StageMethod.TrimmedMean && (input.TrimPerSide < 1 || 2 * input.TrimPerSide >= input.JurorsPerProposal))
            errors.Add(nameof(input.TrimPerSide), Message.Format(
                "Rata-rata terpangkas membuang {0} nilai tertinggi dan {0} terendah, sehingga memerlukan lebih dari {1} juri per proposal.",
                input.TrimPerSide, 2 * input.TrimPerSide));
        if (!double.IsFinite(input.PreviousStageWeight) || input.PreviousStageWeight is < 0 or > 1)
            errors.Add(nameof(input.PreviousStageWeight), "Bobot tahap sebelumnya harus antara 0 dan 1.");
        else if (input.PreviousStageWeight > 0 && (stage.Order == 1 || !scored))
            errors.Add(nameof(input.PreviousStageWeight), "Tahap ini tidak dapat digabung dengan tahap sebelumnya.");
        if (input.ScoringOpensAt is { } opens && input.ScoringDeadline is { } deadline && opens >= deadline)
            errors.Add(nameof(input.ScoringDeadline), "Batas akhir penilaian harus setelah waktu penilaian dibuka.");

        var tieBreaks = new List<TieBreak>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.TieBreaks.Count; i++)
        {
            var key = input.TieBreaks[i]?.Trim() ?? "";
            if (key.Length == 0) continue;
            if (!seenKeys.Add(key)) errors.Add($"TieBreaks[{i}]", Message.Format("Aturan penentu peringkat {0} disebut lebih dari sekali.", key));
            else if (key == JudgingStage.SubmissionTieBreak) tieBreaks.Add(new TieBreak.EarlierSubmission());
            else if (rubric?.Find(key) is null)
                errors.Add($"TieBreaks[{i}]", Message.Format("Kriteria {0} tidak ada dalam rubrik tahap ini.", key));
            else tieBreaks.Add(new TieBreak.HigherCriterion(key));
        }

        // Rows without a limit are dropped (the page shows one row per edition cluster); errors keep the row's index.
        var mixRows = input.Clusters.Select((c, i) => (Row: i, Mix: new ClusterMix(c.Cluster?.Trim() ?? "", c.Minimum, c.Maximum)))
            .Where(x => x.Mix.Minimum is not null || x.Mix.Maximum is not null).ToList();
        var mix = mixRows.Select(x => x.Mix).ToList();
        var cut = new CutOffSettings(input.TopN, input.PassingGrade, mix);
        foreach (var (field, messages) in CutOff.Validate(cut).Errors)
            foreach (var m in messages)
                errors.Add(ClusterRow().Match(field) is { Success: true } row ? $"Clusters[{mixRows[int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Row}]" : field, m);
        var clusterNames = edition.Clusters.Select(c => c.Name).ToList();
        foreach (var (row, m) in mixRows)
            if (!clusterNames.Contains(m.Cluster, StringComparer.Ordinal))
                errors.Add($"Clusters[{row}]", Message.Format("Klaster {0} tidak ada dalam edisi ini.", m.Cluster));
        var (totalMin, totalMax) = rubric is not null ? (rubric.TotalMin, rubric.TotalMax) : (0d, 100d);
        if (input.PassingGrade is { } grade && double.IsFinite(grade) && (grade < totalMin || grade > totalMax))
            errors.Add(nameof(input.PassingGrade), Message.Format("Nilai batas lulus harus antara {0} dan {1}.", totalMin, totalMax));

        if (input.ObjectionDays is < 1 or > 30) errors.Add(nameof(input.ObjectionDays), "Masa sanggah harus antara 1 dan 30 hari.");
        if (input.PresentationMinutes is < 1 or > 120) errors.Add(nameof(input.PresentationMinutes), "Durasi presentasi harus antara 1 dan 120 menit.");
        if (input.InterviewMinutes is < 0 or > 120) errors.Add(nameof(input.InterviewMinutes), "Durasi wawancara harus antara 0 dan 120 menit.");
        if (errors.Any) return errors.ToResult<JudgingStage>();

        stage.Name = name;
        stage.Kind = input.Kind;
        stage.RubricJson = newRubricJson;
        stage.Method = input.Method;
        stage.TrimPerSide = input.TrimPerSide;
        stage.PreviousStageWeight = input.PreviousStageWeight;
        stage.JurorsPerProposal = input.JurorsPerProposal;
        stage.PeerScoresVisibleAfterSubmit = input.PeerScoresVisibleAfterSubmit;
        stage.ScoringOpensAt = input.ScoringOpensAt;
        stage.ScoringDeadline = input.ScoringDeadline;
        stage.SetTieBreaks(tieBreaks);
        stage.CutTopN = input.TopN;
        stage.CutPassingGrade = input.PassingGrade;
        stage.SetClusterMix(mix);
        stage.Publication = input.Publication;
        stage.ObjectionDays = input.ObjectionDays;
        stage.PresentationMinutes = input.PresentationMinutes;
        stage.InterviewMinutes = input.InterviewMinutes;
        return await SaveAsync(stage, ct);
    }

    /// <summary>Setup → Scoring. A scored stage needs a valid rubric first: jurors score against it.</summary>
    public async Task<Result<JudgingStage>> OpenScoringAsync(int stageId, Guid? expectedVersion, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<JudgingStage>.NotFound();
        if (Refused(stage, expectedVersion) is { } refused) return Result<JudgingStage>.Conflict(refused);
        if (stage.Status != JudgingStageStatus.Setup) return Result<JudgingStage>.Invalid("Status", "Penilaian tahap ini sudah dibuka.");
        if (stage.IsScored && (stage.GetRubric() is not { } rubric || !RubricValidator.Validate(rubric).Succeeded))
            return Result<JudgingStage>.Invalid("Criteria", "Lengkapi rubrik yang valid sebelum membuka penilaian.");
        stage.Status = JudgingStageStatus.Scoring;
        return await SaveAsync(stage, ct);
    }

    // ------------------------------------------------------------------ plenary

    public async Task<Result<PlenaryDecision>> AddDecisionAsync(int stageId, PlenaryInput input, string? userId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<PlenaryDecision>.NotFound();
        if (Refused(stage, input.ExpectedVersion) is { } refused) return Result<PlenaryDecision>.Conflict(refused);

        var errors = new ErrorBag();
        var entrants = await access.StageProposalsAsync(stage, ct);
        if (!entrants.Any(e => e.ProposalId == input.ProposalId))
            errors.Add(nameof(input.ProposalId), "Proposal ini tidak mengikuti tahap ini.");
        if (!Enum.IsDefined(input.Action)) errors.Add(nameof(input.Action), "Jenis keputusan tidak dikenal.");
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors.Add(nameof(input.Reason), "Alasan keputusan rapat pleno wajib diisi.");
        else if (reason.Length > MaxReason) errors.Add(nameof(input.Reason), Message.Format("Alasan paling banyak {0} karakter.", MaxReason));
        var rubric = stage.GetRubric();
        var (min, max) = rubric is not null ? (rubric.TotalMin, rubric.TotalMax) : (0d, 100d);
        if (input.Action == PlenaryAction.SetScore && (input.Score is not { } score || !double.IsFinite(score) || score < min || score > max))
            errors.Add(nameof(input.Score), Message.Format("Nilai keputusan harus antara {0} dan {1}.", min, max));
        if (errors.Any) return errors.ToResult<PlenaryDecision>();

        var now = db.Time.GetUtcNow();
        // A new decision replaces the earlier one of its kind (score, or pass/fail); the earlier stays as history.
        var replaces = input.Action == PlenaryAction.SetScore ? [PlenaryAction.SetScore] : new[] { PlenaryAction.Pass, PlenaryAction.Fail };
        var earlier = await db.PlenaryDecisions
            .Where(d => d.StageId == stageId && d.ProposalId == input.ProposalId && d.RevokedAt == null && replaces.Contains(d.Action))
            .ToListAsync(ct);
        foreach (var d in earlier) d.RevokedAt = now;
        var decision = new PlenaryDecision
        {
            StageId = stageId, ProposalId = input.ProposalId, Action = input.Action,
            Score = input.Action == PlenaryAction.SetScore ? input.Score : null,
            Reason = reason, DecidedByUserId = userId, DecidedAt = now,
        };
        db.PlenaryDecisions.Add(decision);
        var saved = await SaveAsync(stage, ct);
        return saved.Succeeded ? Result<PlenaryDecision>.Ok(decision) : Result<PlenaryDecision>.Conflict(StaleMessage);
    }

    public async Task<Result<PlenaryDecision>> RevokeDecisionAsync(int stageId, int decisionId, Guid? expectedVersion, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<PlenaryDecision>.NotFound();
        var decision = await db.PlenaryDecisions.FirstOrDefaultAsync(d => d.Id == decisionId && d.StageId == stageId, ct);
        if (decision is null) return Result<PlenaryDecision>.NotFound();
        if (Refused(stage, expectedVersion) is { } refused) return Result<PlenaryDecision>.Conflict(refused);
        if (decision.RevokedAt is not null) return Result<PlenaryDecision>.Invalid("Decision", "Keputusan ini sudah dicabut.");
        decision.RevokedAt = db.Time.GetUtcNow();
        var saved = await SaveAsync(stage, ct);
        return saved.Succeeded ? Result<PlenaryDecision>.Ok(decision) : Result<PlenaryDecision>.Conflict(StaleMessage);
    }

    // ------------------------------------------------------------------ freeze

    /// <summary>
    /// Confirms the cut: writes one <see cref="StageResult"/> per proposal, sets the stage Frozen and notifies Panitia.
    /// Refused while scoring is not open, while a proposal has no score and no plenary decision, or when the stage
    /// changed since the preview was read (<paramref name="expectedVersion"/>).
    /// </summary>
    public async Task<Result<JudgingStage>> FreezeAsync(int stageId, Guid? expectedVersion, string? userId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<JudgingStage>.NotFound();
        if (Refused(stage, expectedVersion) is { } refused) return Result<JudgingStage>.Conflict(refused);
        if (stage.Status != JudgingStageStatus.Scoring)
            return Result<JudgingStage>.Invalid("Status", "Tahap hanya dapat dibekukan setelah penilaian dibuka.");
        var view = await ranking.ViewAsync(stage, ct);
        if (!view.Succeeded) return Result<JudgingStage>.Invalid(view.Errors);
        var lines = view.Value!.Ranking.Lines;
        if (lines.Count == 0) return Result<JudgingStage>.Invalid("Ranking", "Belum ada proposal pada tahap ini.");
        var undecided = lines.Count(l => l.Outcome == StageOutcome.Unscored);
        if (undecided > 0)
            return Result<JudgingStage>.Invalid("Ranking", Message.Format(
                "{0} proposal belum memiliki nilai. Tunggu lembar nilai juri atau catat keputusan rapat pleno sebelum membekukan tahap.", undecided));

        var rank = lines.Count(l => l.Rank is not null);
        foreach (var l in lines)
            db.StageResults.Add(new StageResult
            {
                StageId = stageId, ProposalId = l.ProposalId, Rank = l.Rank ?? ++rank, Score = l.Score ?? 0, RawMean = l.RawMean ?? 0,
                JurorCount = l.JurorCount, Passed = l.Passed, Outcome = l.Outcome.ToString(), Cluster = l.Cluster,
            });
        stage.Status = JudgingStageStatus.Frozen;
        stage.FrozenAt = db.Time.GetUtcNow();
        stage.FrozenByUserId = userId;

        var edition = view.Value.Edition;
        notifications.Add(await notifications.RoleRecipientsAsync(Roles.Panitia, ct),
            Message.Format("Tahap {0} dibekukan", stage.Name),
            Message.Format("Hasil tahap {0} ({1}) dikunci: {2} dari {3} proposal lolos. Nilai tahap ini tidak dapat diubah lagi.",
                stage.Name, edition.Name, lines.Count(l => l.Passed), lines.Count),
            $"/Panitia/Penjurian/Tahap/{stageId}");
        return await SaveAsync(stage, ct);
    }

    // ------------------------------------------------------------------ helpers

    [System.Text.RegularExpressions.GeneratedRegex(@"^Clusters\[(\d+)\]$")]
    private static partial System.Text.RegularExpressions.Regex ClusterRow();

    private static string? Refused(JudgingStage stage, Guid? expectedVersion)
    {
        if (stage.IsFrozen) return FrozenMessage;
        if (expectedVersion is { } v && v != stage.Version) return StaleMessage;
        return null;
    }

    /// <summary>
    /// Saves with the stage row touched, so its Version changes with every write on the stage (settings, decisions,
    /// freeze): a freeze confirmed from an older preview, or two writes racing, fail on the version check.
    /// </summary>
    private async Task<Result<JudgingStage>> SaveAsync(JudgingStage stage, CancellationToken ct)
    {
        db.Entry(stage).Property(s => s.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<JudgingStage>.Ok(stage);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<JudgingStage>.Conflict(StaleMessage);
        }
        catch (DbUpdateException)
        {
            // Two freezes racing: the unique (stage, proposal) result index refuses the second.
            db.ChangeTracker.Clear();
            return Result<JudgingStage>.Conflict(StaleMessage);
        }
    }
}
