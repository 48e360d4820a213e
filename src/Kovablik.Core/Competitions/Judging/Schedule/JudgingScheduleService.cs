using System.Globalization;
using System.Security.Cryptography;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Notifications;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Schedule;

public sealed record SlotInput(int? ProposalId, DateTimeOffset? StartsAt, int? PresentationMinutes = null, int? InterviewMinutes = null,
    string? MeetingUrl = null, string? FallbackVenue = null, Guid? ExpectedVersion = null);

public sealed record GenerateSlotsInput(DateTimeOffset? StartsAt, int? PresentationMinutes = null, int? InterviewMinutes = null,
    int? BreakMinutes = 0, string? MeetingUrl = null, string? FallbackVenue = null);

public sealed record VisitInput(int? ProposalId, DateTimeOffset? ScheduledAt, string? Address, Guid? ExpectedVersion = null);

public sealed record VisitReportInput(string? Report, Guid? ExpectedVersion = null);

/// <summary>A proposal of a stage with what the schedule shows next to it.</summary>
public sealed record ScheduleProposal(int Id, string Title, string OrganisationName, int OrganisationId);

/// <summary>A slot with its proposal, for the organiser's schedule and the panel's timer.</summary>
public sealed record SlotView(PresentationSlot Slot, ScheduleProposal Proposal);

public sealed record VisitView(FieldVisit Visit, ScheduleProposal Proposal, IReadOnlyList<FieldVisitPhoto> Photos);

/// <summary>A stage's schedule: its proposals, and the slots (Presentation) or visits (Visit) given to them.</summary>
public sealed record StageSchedule(JudgingStage Stage, IReadOnlyList<ScheduleProposal> Proposals, IReadOnlyList<SlotView> Slots, IReadOnlyList<VisitView> Visits);

/// <summary>What the unit sees of its proposal's schedule: slots with link and venue, visits with only date and place.</summary>
public sealed record UnitSlot(int Id, string StageName, DateTimeOffset StartsAt, int PresentationMinutes, int InterviewMinutes,
    string? MeetingUrl, string? FallbackVenue, DateTimeOffset? ConfirmedAt, DateTimeOffset ConfirmBy, bool CanConfirm);

public sealed record UnitVisit(int Id, string StageName, DateTimeOffset ScheduledAt, string Address);

public sealed record UnitSchedule(int ProposalId, string ProposalTitle, IReadOnlyList<UnitSlot> Slots, IReadOnlyList<UnitVisit> Visits);

/// <summary>
/// Presentation slots and field visits of the judging stages. Every rule lives here (pages and the API only call it):
/// a slot belongs to a proposal of its stage, inside the stage's scoring window, on an https link, and never overlaps
/// another slot in the same link or room; a frozen stage is read-only; a unit confirms only its own proposal's slot,
/// and only until 24 hours before it starts; only the panel (assigned, unconflicted jurors) and Panitia open the timer,
/// the visit report and the photos.
/// </summary>
public sealed class JudgingScheduleService(KovablikDbContext db, JudgingAccess access, NotificationService notifications,
    IFileStore store, AttachmentOptions uploads)
{
    public static readonly TimeSpan ConfirmationLead = TimeSpan.FromHours(24);
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(48);
    public const int MaxUrlLength = 500;
    public const int MaxVenueLength = 300;
    public const int MaxReportLength = 20000;
    public const int MaxPhotosPerVisit = 30;
    public const int MaxPartMinutes = 240;

    public const string FrozenMessage = JudgingMessages.Frozen;
    public const string ConcurrencyMessage = JudgingMessages.Stale;

    // ------------------------------------------------------------------ reading

    public async Task<Result<StageSchedule>> StageAsync(int stageId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<StageSchedule>.NotFound();
        var ids = (await access.StageProposalsAsync(stage, ct)).Select(p => p.ProposalId).ToList();
        var slots = await db.PresentationSlots.AsNoTracking().Where(s => s.StageId == stageId).OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(ct);
        var visits = await db.FieldVisits.AsNoTracking().Where(v => v.StageId == stageId).OrderBy(v => v.ScheduledAt).ThenBy(v => v.Id).ToListAsync(ct);
        var proposals = await ProposalsAsync(ids.Concat(slots.Select(s => s.ProposalId)).Concat(visits.Select(v => v.ProposalId)), ct);
        var visitIds = visits.Select(v => v.Id).ToList();
        var photos = (await db.FieldVisitPhotos.AsNoTracking().Where(p => visitIds.Contains(p.VisitId)).ToListAsync(ct))
            .OrderBy(p => p.UploadedAt).ToLookup(p => p.VisitId);
        return Result<StageSchedule>.Ok(new StageSchedule(stage,
            ids.Where(proposals.ContainsKey).Select(id => proposals[id]).ToList(),
            slots.Select(s => new SlotView(s, proposals[s.ProposalId])).ToList(),
            visits.Select(v => new VisitView(v, proposals[v.ProposalId], photos[v.Id].ToList())).ToList()));
    }

    /// <summary>The slot for the panel's timer: Panitia, or a juror assigned to (and not conflicted with) the proposal in the stage.</summary>
    public async Task<Result<(SlotView Slot, JudgingStage Stage)>> PanelSlotAsync(int slotId, string? userId, bool organiser, CancellationToken ct = default)
    {
        var slot = await db.PresentationSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null || !await IsPanelAsync(slot.StageId, slot.ProposalId, userId, organiser, ct)) return Result<(SlotView, JudgingStage)>.NotFound();
        var stage = await db.JudgingStages.AsNoTracking().FirstAsync(s => s.Id == slot.StageId, ct);
        var proposal = (await ProposalsAsync([slot.ProposalId], ct))[slot.ProposalId];
        return Result<(SlotView, JudgingStage)>.Ok((new SlotView(slot, proposal), stage));
    }

    /// <summary>The visit for its report page: Panitia, or a juror assigned to the proposal in the visit's stage.</summary>
    public async Task<Result<(VisitView Visit, JudgingStage Stage)>> PanelVisitAsync(int visitId, string? userId, bool organiser, CancellationToken ct = default)
    {
        var visit = await db.FieldVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || !await IsPanelAsync(visit.StageId, visit.ProposalId, userId, organiser, ct)) return Result<(VisitView, JudgingStage)>.NotFound();
        var stage = await db.JudgingStages.AsNoTracking().FirstAsync(s => s.Id == visit.StageId, ct);
        var proposal = (await ProposalsAsync([visit.ProposalId], ct))[visit.ProposalId];
        var photos = (await db.FieldVisitPhotos.AsNoTracking().Where(p => p.VisitId == visitId).ToListAsync(ct)).OrderBy(p => p.UploadedAt).ToList();
        return Result<(VisitView, JudgingStage)>.Ok((new VisitView(visit, proposal, photos), stage));
    }

    /// <summary>The schedule of one proposal as its unit sees it; organisation scope checked here.</summary>
    public async Task<Result<UnitSchedule>> ForUnitAsync(int proposalId, OrganisationScope scope, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Select(p => new { p.Id, p.Title, p.Organisation.Path }).FirstOrDefaultAsync(ct);
        if (proposal is null) return Result<UnitSchedule>.NotFound();
        if (!scope.Covers(proposal.Path)) return Result<UnitSchedule>.Forbidden();
        var now = db.Time.GetUtcNow();
        var slots = await db.PresentationSlots.AsNoTracking().Where(s => s.ProposalId == proposalId)
            .Join(db.JudgingStages, s => s.StageId, st => st.Id, (s, st) => new { Slot = s, st.Name, st.Status })
            .ToListAsync(ct);
        var visits = await db.FieldVisits.AsNoTracking().Where(v => v.ProposalId == proposalId)
            .Join(db.JudgingStages, v => v.StageId, st => st.Id, (v, st) => new { v.Id, st.Name, v.ScheduledAt, v.Address })
            .ToListAsync(ct);
        return Result<UnitSchedule>.Ok(new UnitSchedule(proposal.Id, proposal.Title,
            slots.OrderBy(s => s.Slot.StartsAt).Select(s => new UnitSlot(s.Slot.Id, s.Name, s.Slot.StartsAt, s.Slot.PresentationMinutes, s.Slot.InterviewMinutes,
                s.Slot.MeetingUrl, s.Slot.FallbackVenue, s.Slot.ConfirmedAt, s.Slot.ConfirmBy,
                s.Slot.ConfirmedAt is null && now <= s.Slot.ConfirmBy && s.Status != JudgingStageStatus.Frozen)).ToList(),
            visits.OrderBy(v => v.ScheduledAt).Select(v => new UnitVisit(v.Id, v.Name, v.ScheduledAt, v.Address)).ToList()));
    }

    // ------------------------------------------------------------------ presentation slots

    public async Task<Result<PresentationSlot>> CreateSlotAsync(int stageId, SlotInput input, string? actorId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<PresentationSlot>.NotFound();
        if (stage.IsFrozen) return Result<PresentationSlot>.Conflict(FrozenMessage);
        var errors = new ErrorBag();
        if (stage.Kind != JudgingStageKind.Presentation) errors.Add("Stage", "Jadwal presentasi hanya untuk tahap presentasi.");
        if (input.ProposalId is not int proposalId) errors.Add(nameof(SlotInput.ProposalId), "Pilih proposal.");
        else if (!(await access.StageProposalsAsync(stage, ct)).Any(p => p.ProposalId == proposalId))
            errors.Add(nameof(SlotInput.ProposalId), "Proposal ini tidak termasuk dalam tahap ini.");
        else if (await db.PresentationSlots.AnyAsync(s => s.StageId == stageId && s.ProposalId == proposalId, ct))
            errors.Add(nameof(SlotInput.ProposalId), "Proposal ini sudah memiliki jadwal presentasi di tahap ini; ubah jadwal yang ada.");
        var slot = new PresentationSlot
        {
            StageId = stageId,
            ProposalId = input.ProposalId ?? 0,
            PresentationMinutes = input.PresentationMinutes ?? stage.PresentationMinutes,
            InterviewMinutes = input.InterviewMinutes ?? stage.InterviewMinutes,
            MeetingUrl = Clean(input.MeetingUrl),
            FallbackVenue = Clean(input.FallbackVenue),
            ScheduledByUserId = actorId,
        };
        if (input.StartsAt is { } start) slot.StartsAt = start.ToUniversalTime();
        else errors.Add(nameof(SlotInput.StartsAt), "Isi waktu mulai.");
        if (!errors.Any) await CheckSlotAsync(stage, slot, [], errors, "", ct);
        if (errors.Any) return errors.ToResult<PresentationSlot>();

        db.PresentationSlots.Add(slot);
        await NotifySlotAsync(stage, slot, moved: false, ct);
        await db.SaveChangesAsync(ct);
        return Result<PresentationSlot>.Ok(slot);
    }

    public async Task<Result<PresentationSlot>> UpdateSlotAsync(int slotId, SlotInput input, CancellationToken ct = default)
    {
        var slot = await db.PresentationSlots.FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null) return Result<PresentationSlot>.NotFound();
        var stage = await db.JudgingStages.AsNoTracking().FirstAsync(s => s.Id == slot.StageId, ct);
        if (stage.IsFrozen) return Result<PresentationSlot>.Conflict(FrozenMessage);
        if (input.ExpectedVersion is { } expected && expected != slot.Version) return Result<PresentationSlot>.Conflict(ConcurrencyMessage);
        if (input.ProposalId is int p && p != slot.ProposalId)
            return Result<PresentationSlot>.Invalid(nameof(SlotInput.ProposalId), "Proposal sebuah jadwal tidak dapat diganti; hapus jadwal ini lalu buat jadwal baru.");
        var errors = new ErrorBag();
        var previousStart = slot.StartsAt;
        var proposed = new PresentationSlot
        {
            Id = slot.Id,
            StageId = slot.StageId,
            ProposalId = slot.ProposalId,
            StartsAt = input.StartsAt?.ToUniversalTime() ?? slot.StartsAt,
            PresentationMinutes = input.PresentationMinutes ?? slot.PresentationMinutes,
            InterviewMinutes = input.InterviewMinutes ?? slot.InterviewMinutes,
            MeetingUrl = Clean(input.MeetingUrl),
            FallbackVenue = Clean(input.FallbackVenue),
        };
        await CheckSlotAsync(stage, proposed, [], errors, "", ct);
        if (errors.Any) return errors.ToResult<PresentationSlot>();

        slot.StartsAt = proposed.StartsAt;
        slot.PresentationMinutes = proposed.PresentationMinutes;
        slot.InterviewMinutes = proposed.InterviewMinutes;
        slot.MeetingUrl = proposed.MeetingUrl;
        slot.FallbackVenue = proposed.FallbackVenue;
        var moved = slot.StartsAt != previousStart;
        if (moved)
        {
            // A confirmation was for the old time: the unit confirms the new one, and may be reminded again.
            slot.ConfirmedAt = null;
            slot.ConfirmedByUserId = null;
            slot.ReminderSentAt = null;
            await NotifySlotAsync(stage, slot, moved: true, ct);
        }
        return await SaveAsync(slot, ct);
    }

    public async Task<Result<bool>> DeleteSlotAsync(int slotId, CancellationToken ct = default)
    {
        var slot = await db.PresentationSlots.FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null) return Result<bool>.NotFound();
        if (await db.JudgingStages.AnyAsync(s => s.Id == slot.StageId && s.Status == JudgingStageStatus.Frozen, ct))
            return Result<bool>.Conflict(FrozenMessage);
        db.PresentationSlots.Remove(slot);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>
    /// Lays out consecutive slots from <see cref="GenerateSlotsInput.StartsAt"/> for every proposal of the stage that has
    /// none yet, in proposal order, each followed by the break. All or nothing: one slot that would break a rule refuses
    /// the whole run.
    /// </summary>
    public async Task<Result<IReadOnlyList<PresentationSlot>>> GenerateSlotsAsync(int stageId, GenerateSlotsInput input, string? actorId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<IReadOnlyList<PresentationSlot>>.NotFound();
        if (stage.IsFrozen) return Result<IReadOnlyList<PresentationSlot>>.Conflict(FrozenMessage);
        var errors = new ErrorBag();
        if (stage.Kind != JudgingStageKind.Presentation) errors.Add("Stage", "Jadwal presentasi hanya untuk tahap presentasi.");
        if (input.StartsAt is null) errors.Add(nameof(GenerateSlotsInput.StartsAt), "Isi waktu mulai.");
        var pause = input.BreakMinutes ?? 0;
        if (pause is < 0 or > MaxPartMinutes)
            errors.Add(nameof(GenerateSlotsInput.BreakMinutes), Message.Format("Jeda antarjadwal harus antara 0 dan {0} menit.", MaxPartMinutes));
        if (errors.Any) return errors.ToResult<IReadOnlyList<PresentationSlot>>();

        var scheduled = await db.PresentationSlots.Where(s => s.StageId == stageId).Select(s => s.ProposalId).ToListAsync(ct);
        var pending = (await access.StageProposalsAsync(stage, ct)).Select(p => p.ProposalId).Except(scheduled).ToList();
        if (pending.Count == 0)
            return Result<IReadOnlyList<PresentationSlot>>.Invalid(nameof(GenerateSlotsInput.StartsAt), "Semua proposal tahap ini sudah memiliki jadwal presentasi.");

        var created = new List<PresentationSlot>();
        var at = input.StartsAt!.Value.ToUniversalTime();
        foreach (var proposalId in pending)
        {
            var slot = new PresentationSlot
            {
                StageId = stageId,
                ProposalId = proposalId,
                StartsAt = at,
                PresentationMinutes = input.PresentationMinutes ?? stage.PresentationMinutes,
                InterviewMinutes = input.InterviewMinutes ?? stage.InterviewMinutes,
                MeetingUrl = Clean(input.MeetingUrl),
                FallbackVenue = Clean(input.FallbackVenue),
                ScheduledByUserId = actorId,
            };
            // Field errors name the input, not the n-th generated slot: the first failing slot says it all.
            await CheckSlotAsync(stage, slot, created, errors, "", ct);
            if (errors.Any) return errors.ToResult<IReadOnlyList<PresentationSlot>>();
            created.Add(slot);
            at = slot.EndsAt.AddMinutes(pause);
        }
        db.PresentationSlots.AddRange(created);
        foreach (var slot in created) await NotifySlotAsync(stage, slot, moved: false, ct);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<PresentationSlot>>.Ok(created);
    }

    /// <summary>The unit confirms its presentation; refused for another unit's proposal and after StartsAt − 24 h.</summary>
    public async Task<Result<PresentationSlot>> ConfirmSlotAsync(int slotId, OrganisationScope scope, string? userId, CancellationToken ct = default)
    {
        var slot = await db.PresentationSlots.FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null) return Result<PresentationSlot>.NotFound();
        var path = await db.Proposals.Where(p => p.Id == slot.ProposalId).Select(p => p.Organisation.Path).FirstAsync(ct);
        if (!scope.Covers(path)) return Result<PresentationSlot>.Forbidden();
        if (await db.JudgingStages.AnyAsync(s => s.Id == slot.StageId && s.Status == JudgingStageStatus.Frozen, ct))
            return Result<PresentationSlot>.Conflict(FrozenMessage);
        if (slot.ConfirmedAt is not null) return Result<PresentationSlot>.Ok(slot);
        if (db.Time.GetUtcNow() > slot.ConfirmBy)
            return Result<PresentationSlot>.Invalid("Slot", Message.Format(
                "Konfirmasi ditutup: jadwal presentasi harus dikonfirmasi paling lambat 24 jam sebelumnya ({0} WIB). Hubungi Panitia.", WibText(slot.ConfirmBy)));
        slot.ConfirmedAt = db.Time.GetUtcNow();
        slot.ConfirmedByUserId = userId;
        return await SaveAsync(slot, ct);
    }

    /// <summary>
    /// One reminder per unconfirmed slot starting within 48 hours that can still be confirmed. Safe on several nodes:
    /// the Version token lets only one of them mark (and so send) a reminder.
    /// </summary>
    public async Task<int> SendConfirmationRemindersAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var horizon = now + ReminderLead;
        var earliest = now + ConfirmationLead;
        var due = await db.PresentationSlots
            .Where(s => s.ConfirmedAt == null && s.ReminderSentAt == null && s.StartsAt <= horizon && s.StartsAt > earliest)
            .Join(db.JudgingStages.Where(st => st.Status != JudgingStageStatus.Frozen), s => s.StageId, st => st.Id, (s, st) => s)
            .OrderBy(s => s.Id).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var slot in due)
        {
            var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == slot.ProposalId).Select(p => new { p.Title, p.OrganisationId }).FirstAsync(ct);
            slot.ReminderSentAt = now;
            await notifications.NotifyUnitAsync(proposal.OrganisationId,
                Message.Format("Konfirmasi jadwal presentasi: {0}", proposal.Title),
                Message.Format("Presentasi proposal {0} dijadwalkan pada {1} WIB dan belum dikonfirmasi. Konfirmasi paling lambat {2} WIB.",
                    proposal.Title, WibText(slot.StartsAt), WibText(slot.ConfirmBy)),
                UnitLink(slot.ProposalId), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node reminded (or Panitia moved the slot) first: drop this node's notices. The other loaded
                // slots are detached with them, so stop; the next run picks up what is still due.
                db.ChangeTracker.Clear();
                break;
            }
        }
        return sent;
    }

    // ------------------------------------------------------------------ field visits

    public async Task<Result<FieldVisit>> CreateVisitAsync(int stageId, VisitInput input, string? actorId, CancellationToken ct = default)
    {
        var stage = await db.JudgingStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct);
        if (stage is null) return Result<FieldVisit>.NotFound();
        if (stage.IsFrozen) return Result<FieldVisit>.Conflict(FrozenMessage);
        var errors = new ErrorBag();
        if (stage.Kind != JudgingStageKind.Visit) errors.Add("Stage", "Jadwal visitasi hanya untuk tahap visitasi.");
        if (input.ProposalId is not int proposalId) errors.Add(nameof(VisitInput.ProposalId), "Pilih proposal.");
        else if (!(await access.StageProposalsAsync(stage, ct)).Any(p => p.ProposalId == proposalId))
            errors.Add(nameof(VisitInput.ProposalId), "Proposal ini tidak termasuk dalam tahap ini.");
        else if (await db.FieldVisits.AnyAsync(v => v.StageId == stageId && v.ProposalId == proposalId, ct))
            errors.Add(nameof(VisitInput.ProposalId), "Proposal ini sudah memiliki jadwal visitasi di tahap ini; ubah jadwal yang ada.");
        CheckVisit(stage, input, errors);
        if (errors.Any) return errors.ToResult<FieldVisit>();

        var visit = new FieldVisit
        {
            StageId = stageId,
            ProposalId = input.ProposalId!.Value,
            ScheduledAt = input.ScheduledAt!.Value.ToUniversalTime(),
            Address = input.Address!.Trim(),
            ScheduledByUserId = actorId,
        };
        db.FieldVisits.Add(visit);
        await NotifyVisitAsync(stage, visit, moved: false, ct);
        await db.SaveChangesAsync(ct);
        return Result<FieldVisit>.Ok(visit);
    }

    public async Task<Result<FieldVisit>> UpdateVisitAsync(int visitId, VisitInput input, CancellationToken ct = default)
    {
        var visit = await db.FieldVisits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return Result<FieldVisit>.NotFound();
        var stage = await db.JudgingStages.AsNoTracking().FirstAsync(s => s.Id == visit.StageId, ct);
        if (stage.IsFrozen) return Result<FieldVisit>.Conflict(FrozenMessage);
        if (input.ExpectedVersion is { } expected && expected != visit.Version) return Result<FieldVisit>.Conflict(ConcurrencyMessage);
        if (input.ProposalId is int p && p != visit.ProposalId)
            return Result<FieldVisit>.Invalid(nameof(VisitInput.ProposalId), "Proposal sebuah jadwal tidak dapat diganti; hapus jadwal ini lalu buat jadwal baru.");
        var errors = new ErrorBag();
        CheckVisit(stage, input, errors);
        if (errors.Any) return errors.ToResult<FieldVisit>();
        var at = input.ScheduledAt!.Value.ToUniversalTime();
        var moved = at != visit.ScheduledAt || input.Address!.Trim() != visit.Address;
        visit.ScheduledAt = at;
        visit.Address = input.Address!.Trim();
        if (moved) await NotifyVisitAsync(stage, visit, moved: true, ct);
        return await SaveAsync(visit, ct);
    }

    public async Task<Result<bool>> DeleteVisitAsync(int visitId, CancellationToken ct = default)
    {
        var visit = await db.FieldVisits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return Result<bool>.NotFound();
        if (await db.JudgingStages.AnyAsync(s => s.Id == visit.StageId && s.Status == JudgingStageStatus.Frozen, ct))
            return Result<bool>.Conflict(FrozenMessage);
        var keys = await db.FieldVisitPhotos.Where(p => p.VisitId == visitId).Select(p => p.StorageKey).ToListAsync(ct);
        db.FieldVisitPhotos.RemoveRange(db.FieldVisitPhotos.Where(p => p.VisitId == visitId));
        db.FieldVisits.Remove(visit);
        await db.SaveChangesAsync(ct);
        foreach (var key in keys) await store.DeleteAsync(key, ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>The visit report, written by Panitia or a juror of the proposal's panel in the visit's stage.</summary>
    public async Task<Result<FieldVisit>> ReportVisitAsync(int visitId, VisitReportInput input, string? userId, bool organiser, CancellationToken ct = default)
    {
        var visit = await db.FieldVisits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || !await IsPanelAsync(visit.StageId, visit.ProposalId, userId, organiser, ct)) return Result<FieldVisit>.NotFound();
        if (await db.JudgingStages.AnyAsync(s => s.Id == visit.StageId && s.Status == JudgingStageStatus.Frozen, ct))
            return Result<FieldVisit>.Conflict(FrozenMessage);
        if (input.ExpectedVersion is { } expected && expected != visit.Version) return Result<FieldVisit>.Conflict(ConcurrencyMessage);
        var report = input.Report?.Trim();
        if (string.IsNullOrEmpty(report)) return Result<FieldVisit>.Invalid(nameof(VisitReportInput.Report), "Isi laporan visitasi.");
        if (report.Length > MaxReportLength)
            return Result<FieldVisit>.Invalid(nameof(VisitReportInput.Report), Message.Format("Laporan visitasi paling banyak {0} karakter.", MaxReportLength));
        visit.Report = report;
        visit.ReportedAt = db.Time.GetUtcNow();
        visit.ReportedByUserId = userId;
        return await SaveAsync(visit, ct);
    }

    public async Task<Result<FieldVisitPhoto>> UploadPhotoAsync(int visitId, string fileName, Stream content, string? userId, bool organiser, CancellationToken ct = default)
    {
        var visit = await db.FieldVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || !await IsPanelAsync(visit.StageId, visit.ProposalId, userId, organiser, ct)) return Result<FieldVisitPhoto>.NotFound();
        if (await db.JudgingStages.AnyAsync(s => s.Id == visit.StageId && s.Status == JudgingStageStatus.Frozen, ct))
            return Result<FieldVisitPhoto>.Conflict(FrozenMessage);
        if (await db.FieldVisitPhotos.CountAsync(p => p.VisitId == visitId, ct) >= MaxPhotosPerVisit)
            return Result<FieldVisitPhoto>.Invalid("File", Message.Format("Maksimal {0} foto per visitasi.", MaxPhotosPerVisit));
        var bytes = await FileInspector.ReadAtMostAsync(content, uploads.MaxBytes, ct);
        if (bytes is null) return Result<FieldVisitPhoto>.Invalid("File", Message.Format("Ukuran berkas melebihi batas {0:0.##} MB.", uploads.MaxBytes / (1024.0 * 1024)));
        var (type, error) = FileInspector.Inspect(fileName, bytes);
        if (type is null) return Result<FieldVisitPhoto>.Invalid("File", error!);
        if (!type.IsImage) return Result<FieldVisitPhoto>.Invalid("File", "Foto visitasi harus berupa gambar (PNG, JPEG, GIF atau WebP).");

        var id = Guid.NewGuid();
        var photo = new FieldVisitPhoto
        {
            Id = id,
            VisitId = visitId,
            StorageKey = "visit_" + id.ToString("N") + type.Extension,
            OriginalFileName = Path.GetFileName(fileName),
            ContentType = type.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAt = db.Time.GetUtcNow(),
            UploadedByUserId = userId,
        };
        await store.SaveAsync(photo.StorageKey, new MemoryStream(bytes), ct);
        db.FieldVisitPhotos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(photo.StorageKey, CancellationToken.None);
            throw;
        }
        return Result<FieldVisitPhoto>.Ok(photo);
    }

    public async Task<Result<(FieldVisitPhoto Photo, Stream Content)>> OpenPhotoAsync(int visitId, Guid photoId, string? userId, bool organiser, CancellationToken ct = default)
    {
        var visit = await db.FieldVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null || !await IsPanelAsync(visit.StageId, visit.ProposalId, userId, organiser, ct)) return Result<(FieldVisitPhoto, Stream)>.NotFound();
        var photo = await db.FieldVisitPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.VisitId == visitId, ct);
        if (photo is null) return Result<(FieldVisitPhoto, Stream)>.NotFound();
        var content = await store.OpenAsync(photo.StorageKey, ct);
        return content is null ? Result<(FieldVisitPhoto, Stream)>.NotFound() : Result<(FieldVisitPhoto, Stream)>.Ok((photo, content));
    }

    // ------------------------------------------------------------------ rules

    private async Task<bool> IsPanelAsync(int stageId, int proposalId, string? userId, bool organiser, CancellationToken ct) =>
        organiser || (userId is not null && await access.ForJurorAsync(userId, stageId, proposalId, ct) is not null);

    /// <summary>Length, link, venue, scoring window and overlap in the same link or room (with <paramref name="pending"/> slots of the same run).</summary>
    private async Task CheckSlotAsync(JudgingStage stage, PresentationSlot slot, IReadOnlyList<PresentationSlot> pending, ErrorBag errors, string prefix, CancellationToken ct)
    {
        if (slot.PresentationMinutes is < 1 or > MaxPartMinutes)
            errors.Add(prefix + nameof(SlotInput.PresentationMinutes), Message.Format("Durasi presentasi harus antara 1 dan {0} menit.", MaxPartMinutes));
        if (slot.InterviewMinutes is < 0 or > MaxPartMinutes)
            errors.Add(prefix + nameof(SlotInput.InterviewMinutes), Message.Format("Durasi wawancara harus antara 0 dan {0} menit.", MaxPartMinutes));
        if (slot.MeetingUrl is { } url)
        {
            if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
                errors.Add(prefix + nameof(SlotInput.MeetingUrl), "Tautan rapat daring harus berupa alamat https:// yang lengkap.");
        }
        if (slot.FallbackVenue is { Length: > MaxVenueLength })
            errors.Add(prefix + nameof(SlotInput.FallbackVenue), Message.Format("Tempat cadangan paling banyak {0} karakter.", MaxVenueLength));
        if (slot.MeetingUrl is null && slot.FallbackVenue is null)
            errors.Add(prefix + nameof(SlotInput.MeetingUrl), "Isi tautan rapat daring atau tempat cadangan.");
        if (errors.Any) return;

        if ((stage.ScoringOpensAt is { } opens && slot.StartsAt < opens) || (stage.ScoringDeadline is { } closes && slot.EndsAt > closes))
            errors.Add(prefix + nameof(SlotInput.StartsAt), Message.Format("Jadwal harus berada dalam masa penilaian tahap ini ({0} s.d. {1} WIB).",
                stage.ScoringOpensAt is { } o ? WibText(o) : "-", stage.ScoringDeadline is { } d ? WibText(d) : "-"));

        var url2 = slot.MeetingUrl;
        var venue = slot.FallbackVenue;
        var sameRoom = await db.PresentationSlots.AsNoTracking()
            .Where(s => s.Id != slot.Id && ((url2 != null && s.MeetingUrl == url2) || (venue != null && s.FallbackVenue == venue)))
            .Select(s => new { s.StartsAt, s.PresentationMinutes, s.InterviewMinutes })
            .ToListAsync(ct);
        var clash = sameRoom.Select(s => (Start: s.StartsAt, End: s.StartsAt.AddMinutes(s.PresentationMinutes + s.InterviewMinutes)))
            .Concat(pending.Where(s => (url2 != null && s.MeetingUrl == url2) || (venue != null && s.FallbackVenue == venue)).Select(s => (Start: s.StartsAt, End: s.EndsAt)))
            .Where(s => s.Start < slot.EndsAt && slot.StartsAt < s.End)
            .OrderBy(s => s.Start)
            .FirstOrDefault();
        if (clash != default)
            errors.Add(prefix + nameof(SlotInput.StartsAt), Message.Format("Jadwal bertabrakan dengan jadwal lain di tautan atau tempat yang sama ({0}–{1} WIB).",
                WibText(clash.Start), Wib.ToWib(clash.End).ToString("HH:mm", CultureInfo.InvariantCulture)));
    }

    private static void CheckVisit(JudgingStage stage, VisitInput input, ErrorBag errors)
    {
        if (input.ScheduledAt is not { } at) errors.Add(nameof(VisitInput.ScheduledAt), "Isi waktu visitasi.");
        else if ((stage.ScoringOpensAt is { } opens && at < opens) || (stage.ScoringDeadline is { } closes && at > closes))
            errors.Add(nameof(VisitInput.ScheduledAt), Message.Format("Jadwal harus berada dalam masa penilaian tahap ini ({0} s.d. {1} WIB).",
                stage.ScoringOpensAt is { } o ? WibText(o) : "-", stage.ScoringDeadline is { } d ? WibText(d) : "-"));
        var address = input.Address?.Trim();
        if (string.IsNullOrEmpty(address)) errors.Add(nameof(VisitInput.Address), "Isi alamat atau tempat visitasi.");
        else if (address.Length > MaxVenueLength)
            errors.Add(nameof(VisitInput.Address), Message.Format("Alamat paling banyak {0} karakter.", MaxVenueLength));
    }

    private async Task<Result<T>> SaveAsync<T>(T entity, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<T>.Ok(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<T>.Conflict(ConcurrencyMessage);
        }
    }

    // ------------------------------------------------------------------ notices

    private async Task NotifySlotAsync(JudgingStage stage, PresentationSlot slot, bool moved, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == slot.ProposalId).Select(p => new { p.Title, p.OrganisationId }).FirstAsync(ct);
        var when = WibText(slot.StartsAt);
        await notifications.NotifyUnitAsync(proposal.OrganisationId,
            moved ? Message.Format("Jadwal presentasi diubah: {0}", proposal.Title) : Message.Format("Jadwal presentasi: {0}", proposal.Title),
            Message.Format("Presentasi proposal {0} ({1}) dijadwalkan pada {2} WIB. Konfirmasi kehadiran paling lambat {3} WIB.",
                proposal.Title, stage.Name, when, WibText(slot.ConfirmBy)),
            UnitLink(slot.ProposalId), ct);
        // The timer link needs the slot id, which a new slot only has after saving: jurors get their stage's score page.
        notifications.Add(await PanelRecipientsAsync(stage.Id, slot.ProposalId, ct),
            moved ? Message.Format("Jadwal presentasi diubah: {0}", proposal.Title) : Message.Format("Jadwal presentasi: {0}", proposal.Title),
            Message.Format("Presentasi proposal {0} ({1}) yang Anda nilai dijadwalkan pada {2} WIB.", proposal.Title, stage.Name, when),
            ScoreLink(stage.Id, slot.ProposalId));
    }

    private async Task NotifyVisitAsync(JudgingStage stage, FieldVisit visit, bool moved, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == visit.ProposalId).Select(p => new { p.Title, p.OrganisationId }).FirstAsync(ct);
        var title = moved ? Message.Format("Jadwal visitasi diubah: {0}", proposal.Title) : Message.Format("Jadwal visitasi: {0}", proposal.Title);
        var body = Message.Format("Visitasi proposal {0} dijadwalkan pada {1} WIB di {2}.", proposal.Title, WibText(visit.ScheduledAt), visit.Address);
        await notifications.NotifyUnitAsync(proposal.OrganisationId, title, body, UnitLink(visit.ProposalId), ct);
        notifications.Add(await PanelRecipientsAsync(stage.Id, visit.ProposalId, ct), title, body, ScoreLink(stage.Id, visit.ProposalId));
    }

    /// <summary>Active jurors assigned to the proposal in the stage (assignment never pairs a conflicted juror).</summary>
    private async Task<List<(string Id, string? Email)>> PanelRecipientsAsync(int stageId, int proposalId, CancellationToken ct)
    {
        var users = await db.JurorAssignments.AsNoTracking()
            .Where(a => a.StageId == stageId && a.ProposalId == proposalId)
            .Join(db.Jurors.Where(j => j.Active), a => a.JurorId, j => j.Id, (a, j) => j.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => new { u.Id, u.Email })
            .ToListAsync(ct);
        return users.Select(u => (u.Id, u.Email)).ToList();
    }

    private async Task<Dictionary<int, ScheduleProposal>> ProposalsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Proposals.AsNoTracking().Where(p => list.Contains(p.Id))
            .Select(p => new ScheduleProposal(p.Id, p.Title, p.Organisation.Name, p.OrganisationId))
            .ToDictionaryAsync(p => p.Id, ct);
    }

    public static string UnitLink(int proposalId) => $"/Kelola/Proposal/{proposalId}/Penjurian";

    public static string ScoreLink(int stageId, int proposalId) => $"/Juri/Nilai/{stageId}/{proposalId}";

    public static string WibText(DateTimeOffset utc) => Wib.ToWib(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
