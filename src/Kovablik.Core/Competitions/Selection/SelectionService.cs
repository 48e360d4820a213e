using System.Globalization;
using System.Text;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Selection;

/// <summary>Panitia's decision on one proposal. <see cref="Outcome"/>: Passed, Failed or RepairRequested.</summary>
public sealed record SelectionDecisionInput
{
    public string? Outcome { get; init; }
    public List<string>? ReasonCodes { get; init; }
    public string? Note { get; init; }

    /// <summary>End of the repair window (an instant; pages convert from WIB).</summary>
    public DateTimeOffset? RepairUntil { get; init; }

    public Guid? ExpectedVersion { get; init; }
}

/// <summary>Where a proposal stands in administrative selection, as Panitia's queue shows it.</summary>
public enum SelectionState
{
    /// <summary>Submitted, but the unit head has not approved it yet: not Panitia's to decide.</summary>
    AwaitingApproval,
    Pending,
    Passed,
    Failed,
    RepairRequested,
}

public sealed record SelectionQueueItem(
    int Id, string Title, int OrganisationId, string OrganisationName, string GroupCode, ProposalStatus Status,
    SelectionOutcome Selection, SelectionState State, List<string> Reasons, string? Note, DateTimeOffset? RepairUntil,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, DateTimeOffset? DecidedAt, DateTimeOffset? PublishedAt, Guid Version)
{
    public bool CanDecide(DateTimeOffset now) => SelectionService.IsDecidable(Status, Selection, RepairUntil, PublishedAt, now);
}

public sealed record SelectionQueue(IReadOnlyList<SelectionQueueItem> Items, IReadOnlyDictionary<SelectionState, int> Counts, int Total);

public sealed record SelectionPublication(Announcement Announcement, int Published, int Passed, int Failed);

/// <summary>
/// Administrative selection (Seleksi Administrasi): Panitia decides every proposal the unit heads approved, with
/// reason codes from the validator's rules and a note; may ask for a repair with its own deadline (the unit is told
/// at once); and announces the result, after which each unit sees its own outcome and reasons.
/// </summary>
public sealed class SelectionService(KovablikDbContext db, ProposalService proposals, NotificationService notifications)
{
    public const int MaxNoteLength = 4000;
    public const int MaxRepairDays = 30;
    public const string AwaitingApprovalMessage = "Proposal ini masih menunggu persetujuan pimpinan unit.";
    public const string UnderRepairMessage = "Proposal ini sedang dalam masa perbaikan oleh unit.";
    public const string NotApprovedMessage = "Hanya proposal yang sudah disetujui pimpinan unit yang dapat diputuskan.";
    public const string AlreadyPublishedMessage = "Hasil seleksi proposal ini sudah diumumkan dan tidak dapat diubah.";

    /// <summary>Panitia may decide an approved proposal, or one whose repair window ended without a resubmission.</summary>
    public static bool IsDecidable(ProposalStatus status, SelectionOutcome selection, DateTimeOffset? repairUntil, DateTimeOffset? publishedAt, DateTimeOffset now) =>
        publishedAt is null
        && (status == ProposalStatus.Approved
            || (status == ProposalStatus.Repair && selection == SelectionOutcome.RepairRequested && repairUntil is { } until && until <= now));

    /// <summary>
    /// What the unit may see: a repair request at once (they must act on it), a pass or fail only once announced.
    /// </summary>
    public static bool VisibleToUnit(Proposal p) =>
        p.Selection == SelectionOutcome.RepairRequested
        || (p.SelectionPublishedAt is not null && p.Selection is SelectionOutcome.Passed or SelectionOutcome.Failed);

    /// <summary>
    /// The unit head approved a repaired proposal again: it goes back to Panitia undecided. The previous request
    /// stays in the audit log.
    /// </summary>
    public static void BackInQueue(Proposal p)
    {
        if (p.Selection != SelectionOutcome.RepairRequested) return;
        p.Selection = SelectionOutcome.Pending;
        p.SelectionReasons = [];
        p.SelectionNote = null;
        p.SelectionDecidedAt = null;
        p.SelectionDecidedByUserId = null;
        p.RepairUntil = null;
    }

    /// <summary>The reason's checklist label (a resource key), or the raw code when it is no longer known.</summary>
    public static string ReasonText(string code) => ReasonCodes.FromCode(code) is { } r ? ReasonCodes.Display(r) : code;

    public static SelectionState StateOf(ProposalStatus status, SelectionOutcome selection) =>
        selection switch
        {
            SelectionOutcome.RepairRequested => SelectionState.RepairRequested,
            SelectionOutcome.Passed => SelectionState.Passed,
            SelectionOutcome.Failed => SelectionState.Failed,
            _ when status == ProposalStatus.Submitted => SelectionState.AwaitingApproval,
            _ => SelectionState.Pending,
        };

    /// <summary>
    /// Every proposal handed over or on its way: approved ones (decidable), submitted ones still waiting for the unit
    /// head, and those under repair.
    /// </summary>
    public async Task<SelectionQueue?> QueueAsync(int editionId, string? groupCode = null, SelectionState? state = null, CancellationToken ct = default)
    {
        if (!await db.Editions.AnyAsync(e => e.Id == editionId, ct)) return null;
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.EditionId == editionId
                && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.Approved || p.Status == ProposalStatus.Repair
                    || p.Selection == SelectionOutcome.RepairRequested))
            .OrderBy(p => p.GroupCode).ThenBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.OrganisationId, OrganisationName = p.Organisation.Name, p.GroupCode, p.Status, p.Selection, p.SelectionReasons,
                p.SelectionNote, p.RepairUntil, p.SubmittedAt, p.ApprovedAt, p.SelectionDecidedAt, p.SelectionPublishedAt, p.Version,
            })
            .ToListAsync(ct);
        var all = rows.Select(r => new SelectionQueueItem(r.Id, r.Title, r.OrganisationId, r.OrganisationName, r.GroupCode, r.Status, r.Selection,
            StateOf(r.Status, r.Selection), r.SelectionReasons, r.SelectionNote, r.RepairUntil, r.SubmittedAt, r.ApprovedAt, r.SelectionDecidedAt,
            r.SelectionPublishedAt, r.Version)).ToList();
        var inGroup = string.IsNullOrEmpty(groupCode) ? all : all.Where(i => string.Equals(i.GroupCode, groupCode, StringComparison.OrdinalIgnoreCase)).ToList();
        var counts = Enum.GetValues<SelectionState>().ToDictionary(s => s, s => inGroup.Count(i => i.State == s));
        var items = state is { } st ? inGroup.Where(i => i.State == st).ToList() : inGroup;
        return new SelectionQueue(items, counts, inGroup.Count);
    }

    /// <summary>A proposal with the validator's checklist, as Panitia examines it.</summary>
    public async Task<(Proposal Proposal, ProposalChecklist Checklist)?> ExamineAsync(int proposalId, CancellationToken ct = default)
    {
        var p = await db.Proposals.AsNoTracking().Include(x => x.Organisation).Include(x => x.Documents).Include(x => x.Links)
            .FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (p is null) return null;
        return (p, await proposals.ChecklistAsync(p, ct));
    }

    /// <summary>The validator's codes that block submission: what Panitia's checkboxes start from.</summary>
    public static IReadOnlyList<string> SuggestedReasons(ProposalChecklist checklist) =>
        checklist.Findings.Where(f => f.Severity == Severity.Blocking).Select(f => f.Code).Distinct().ToList();

    public async Task<Result<Proposal>> DecideAsync(int proposalId, SelectionDecisionInput input, string? userId, CancellationToken ct = default)
    {
        var p = await db.Proposals.Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == proposalId, ct);
        if (p is null) return Result<Proposal>.NotFound();
        if (input.ExpectedVersion is Guid v && v != p.Version) return Result<Proposal>.Conflict(ProposalService.StaleMessage);
        var now = db.Time.GetUtcNow();
        if (p.SelectionPublishedAt is not null) return Result<Proposal>.Invalid("", AlreadyPublishedMessage);
        if (!IsDecidable(p.Status, p.Selection, p.RepairUntil, p.SelectionPublishedAt, now))
            return Result<Proposal>.Invalid("", p.Status == ProposalStatus.Submitted ? AwaitingApprovalMessage
                : p.Status == ProposalStatus.Repair ? UnderRepairMessage : NotApprovedMessage);

        var errors = new ErrorBag();
        SelectionOutcome? outcome = input.Outcome?.Trim() switch
        {
            "Passed" => SelectionOutcome.Passed,
            "Failed" => SelectionOutcome.Failed,
            "RepairRequested" => SelectionOutcome.RepairRequested,
            _ => null,
        };
        if (outcome is null) errors.Add(nameof(input.Outcome), "Pilih keputusan: lolos, tidak lolos, atau perbaikan.");
        var reasons = new List<ReasonCode>();
        foreach (var code in (input.ReasonCodes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (ReasonCodes.FromCode(code) is { } r) reasons.Add(r);
            else errors.Add(nameof(input.ReasonCodes), Message.Format("Kode alasan tidak dikenal: {0}.", code));
        }
        var note = input.Note?.Trim();
        if (note is { Length: 0 }) note = null;
        if (note is { Length: > MaxNoteLength }) errors.Add(nameof(input.Note), "Catatan maksimal 4.000 karakter.");
        if (outcome == SelectionOutcome.Failed && reasons.Count == 0 && note is null && !errors.Any)
            errors.Add(nameof(input.ReasonCodes), "Pilih minimal satu kode alasan atau tulis catatan untuk keputusan tidak lolos.");
        if (outcome == SelectionOutcome.RepairRequested)
        {
            if (reasons.Count == 0 && !errors.Any) errors.Add(nameof(input.ReasonCodes), "Pilih minimal satu kode alasan yang harus diperbaiki.");
            if (input.RepairUntil is not { } until) errors.Add(nameof(input.RepairUntil), "Tentukan batas waktu perbaikan.");
            else if (until <= now) errors.Add(nameof(input.RepairUntil), "Batas waktu perbaikan harus di masa mendatang.");
            else if (until > now.AddDays(MaxRepairDays)) errors.Add(nameof(input.RepairUntil), Message.Format("Batas waktu perbaikan paling lama {0} hari dari sekarang.", MaxRepairDays));
        }
        if (errors.Any) return errors.ToResult<Proposal>();

        p.Selection = outcome!.Value;
        // A pass carries no reasons: the unit would read ticked boxes as faults.
        p.SelectionReasons = outcome == SelectionOutcome.Passed ? [] : reasons.Order().Select(ReasonCodes.Code).ToList();
        p.SelectionNote = note;
        p.SelectionDecidedAt = now;
        p.SelectionDecidedByUserId = userId;
        p.RepairUntil = outcome == SelectionOutcome.RepairRequested ? input.RepairUntil : null;
        if (outcome == SelectionOutcome.RepairRequested)
        {
            p.Status = ProposalStatus.Repair;
            await notifications.NotifyUnitAsync(p.OrganisationId,
                Message.Format("Proposal “{0}” perlu diperbaiki", p.Title),
                Message.Format("Panitia seleksi administrasi meminta perbaikan sampai {0} WIB. Alasan: {1}{2}",
                    WibText(p.RepairUntil!.Value), ReasonsText(p.SelectionReasons), NoteText(note)),
                Link(p), ct);
        }
        else if (p.Status == ProposalStatus.Repair)
        {
            // The repair window ended without a resubmission: the decision closes it.
            p.Status = ProposalStatus.Approved;
        }
        p.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Proposal>.Conflict(ProposalService.StaleMessage);
        }
        return Result<Proposal>.Ok(p);
    }

    /// <summary>
    /// Announces the result: refused while a decision is missing or a repair is still open. Marks every decided
    /// proposal published, lists those that passed per group, and tells each unit its own outcome with reasons.
    /// A repair whose window ended without a resubmission counts as not passed, with the reasons it was asked to fix.
    /// </summary>
    public async Task<Result<SelectionPublication>> PublishAsync(int editionId, string? userId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Result<SelectionPublication>.NotFound();
        var now = db.Time.GetUtcNow();
        var candidates = await db.Proposals.Include(p => p.Organisation)
            .Where(p => p.EditionId == editionId && p.Status != ProposalStatus.Draft && p.Status != ProposalStatus.Withdrawn
                && (p.Status == ProposalStatus.Approved || p.Status == ProposalStatus.Repair || p.Selection != SelectionOutcome.Pending))
            .ToListAsync(ct);

        var pending = candidates.Count(p => p.Status == ProposalStatus.Approved && p.Selection == SelectionOutcome.Pending);
        // Resubmitted within the window but not yet approved again by the unit head: still on its way back.
        var repairing = candidates.Count(p => p.Selection == SelectionOutcome.RepairRequested
            && (p.RepairUntil > now || p.Status == ProposalStatus.Submitted));
        if (pending > 0 || repairing > 0)
            return Result<SelectionPublication>.Invalid("", Message.Format(
                "Hasil seleksi belum dapat diumumkan: {0} proposal belum diputuskan dan {1} proposal masih dalam masa perbaikan.", pending, repairing));

        foreach (var expired in candidates.Where(p => p.Selection == SelectionOutcome.RepairRequested))
        {
            expired.Selection = SelectionOutcome.Failed;
            expired.SelectionNote = string.IsNullOrEmpty(expired.SelectionNote) ? RepairExpiredNote : expired.SelectionNote + "\n" + RepairExpiredNote;
            if (expired.SelectionNote.Length > MaxNoteLength) expired.SelectionNote = expired.SelectionNote[..MaxNoteLength];
            if (expired.Status == ProposalStatus.Repair) expired.Status = ProposalStatus.Approved;
        }
        var publish = candidates.Where(p => p.SelectionPublishedAt is null && p.Selection is SelectionOutcome.Passed or SelectionOutcome.Failed).ToList();
        if (publish.Count == 0) return Result<SelectionPublication>.Invalid("", "Tidak ada hasil seleksi baru untuk diumumkan.");
        foreach (var p in publish)
        {
            p.SelectionPublishedAt = now;
            p.UpdatedAt = now;
        }

        var passed = candidates.Where(p => p.Selection == SelectionOutcome.Passed && p.SelectionPublishedAt is not null).ToList();
        var announcement = new Announcement
        {
            EditionId = editionId,
            Kind = AnnouncementKind.SelectionResult,
            Title = Truncate("Hasil Seleksi Administrasi " + edition.Name, 300),
            Body = AnnouncementBody(edition, passed),
            PublishedAt = now,
            PublishedByUserId = userId,
        };
        db.Announcements.Add(announcement);

        var recipients = new Dictionary<int, List<(string Id, string? Email)>>();
        foreach (var p in publish)
        {
            if (!recipients.TryGetValue(p.OrganisationId, out var to))
                recipients[p.OrganisationId] = to = await notifications.UnitRecipientsAsync(p.OrganisationId, ct);
            if (p.Selection == SelectionOutcome.Passed)
                notifications.Add(to, Message.Format("Hasil seleksi administrasi: “{0}” lolos", p.Title),
                    Message.Format("Proposal “{0}” lolos seleksi administrasi {1}.{2}", p.Title, edition.Name, NoteText(p.SelectionNote)), Link(p));
            else
                notifications.Add(to, Message.Format("Hasil seleksi administrasi: “{0}” tidak lolos", p.Title),
                    Message.Format("Proposal “{0}” tidak lolos seleksi administrasi {1}. Alasan: {2}{3}", p.Title, edition.Name,
                        ReasonsText(p.SelectionReasons), NoteText(p.SelectionNote)), Link(p));
        }

        await db.SaveChangesAsync(ct);
        return Result<SelectionPublication>.Ok(new SelectionPublication(announcement, publish.Count,
            publish.Count(p => p.Selection == SelectionOutcome.Passed), publish.Count(p => p.Selection == SelectionOutcome.Failed)));
    }

    public const string RepairExpiredNote = "Masa perbaikan berakhir tanpa pengajuan ulang.";

    private static string Link(Proposal p) => "/Kelola/Proposal/Ubah/" + p.Id.ToString(CultureInfo.InvariantCulture);

    private static string WibText(DateTimeOffset utc) => Wib.ToWib(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Codes with their Indonesian text: the notice is a record the unit can quote back.</summary>
    private static string ReasonsText(IEnumerable<string> codes)
    {
        var list = codes.Select(c => $"{c} ({ReasonText(c)})").ToList();
        return list.Count == 0 ? "-" : string.Join("; ", list) + ".";
    }

    private static string NoteText(string? note) => string.IsNullOrEmpty(note) ? "" : " Catatan Panitia: " + note;

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>The passed proposals per group in the edition's group order, as Markdown.</summary>
    public static string AnnouncementBody(Edition edition, IReadOnlyList<Proposal> passed)
    {
        var sb = new StringBuilder();
        sb.Append("Proposal berikut lolos seleksi administrasi ").Append(Escape(edition.Name)).Append(" dan berlanjut ke tahap berikutnya.\n");
        var groups = edition.Groups.Select(g => (g.Code, g.Name)).ToList();
        foreach (var code in passed.Select(p => p.GroupCode).Distinct(StringComparer.OrdinalIgnoreCase))
            if (!groups.Any(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase))) groups.Add((code, code));
        foreach (var (code, name) in groups)
        {
            var inGroup = passed.Where(p => string.Equals(p.GroupCode, code, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Id).ToList();
            sb.Append("\n## ").Append(Escape(name)).Append("\n\n");
            if (inGroup.Count == 0)
            {
                sb.Append("Tidak ada proposal yang lolos pada kelompok ini.\n");
                continue;
            }
            var n = 1;
            foreach (var p in inGroup)
                sb.Append(n++.ToString(CultureInfo.InvariantCulture)).Append(". **").Append(Escape(p.Title)).Append("** — ")
                    .Append(Escape(p.Organisation?.Name ?? "")).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Titles are typed by units: Markdown in them must print, not format.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_[]<>|~".Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
