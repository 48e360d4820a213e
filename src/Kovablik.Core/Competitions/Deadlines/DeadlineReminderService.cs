using System.Data.Common;
using System.Text;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kovablik.Competitions.Deadlines;

/// <summary>
/// Reminders at D-7, D-3 and D-1 before registration closes, to every organisation with a proposal it has not
/// submitted. One <see cref="ReminderDispatch"/> per edition, organisation, kind and close time makes each reminder
/// go out once, also with several nodes running this at the same moment (the unique index decides), and gives an
/// extended deadline reminders of its own.
/// </summary>
public sealed class DeadlineReminderService(KovablikDbContext db, DraftsBoardService board, NotificationService notifications, ILogger<DeadlineReminderService> logger)
{
    private const int MaxListLength = 3000;

    /// <summary>Reminder kinds, most urgent first.</summary>
    public static readonly IReadOnlyList<(string Kind, int Days)> Kinds = [("D-1", 1), ("D-3", 3), ("D-7", 7)];

    /// <summary>Sends the reminders that are due now; returns how many organisations were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var horizon = now.AddDays(Kinds.Max(k => k.Days));
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.Status == EditionStatus.Published && e.RegistrationClosesAt != null && e.RegistrationClosesAt > now && e.RegistrationClosesAt <= horizon
                && (e.RegistrationOpensAt == null || e.RegistrationOpensAt <= now))
            .ToListAsync(ct);
        var sent = 0;
        foreach (var edition in editions) sent += await SendForEditionAsync(edition, now, ct);
        return sent;
    }

    private async Task<int> SendForEditionAsync(Edition edition, DateTimeOffset now, CancellationToken ct)
    {
        var closes = edition.RegistrationClosesAt!.Value.ToUniversalTime();
        // Everything due at once (an edition published late, a node that was down): only the most urgent is sent,
        // the others are recorded as done so they never arrive after it.
        var due = Kinds.Where(k => now >= closes.AddDays(-k.Days)).Select(k => k.Kind).ToList();
        if (due.Count == 0) return 0;

        var organisations = await db.Proposals.AsNoTracking()
            .Where(p => p.EditionId == edition.Id && DraftsBoardService.Unsubmitted.Contains(p.Status))
            .Select(p => p.OrganisationId).Distinct().ToListAsync(ct);
        if (organisations.Count == 0) return 0;
        var done = (await db.ReminderDispatches.AsNoTracking()
                .Where(r => r.EditionId == edition.Id && r.ClosesAt == closes)
                .Select(r => new { r.OrganisationId, r.Kind }).ToListAsync(ct))
            .ToLookup(r => r.OrganisationId, r => r.Kind);
        var pending = organisations.Where(o => !done[o].Contains(due[0])).ToList();
        if (pending.Count == 0) return 0;

        var drafts = (await board.DraftsAsync(edition, pending, ct)).ToLookup(d => d.OrganisationId);
        var recipients = await EditionParticipants.RecipientsAsync(db, pending, ct);
        var closesText = WibText.Format(closes);
        var sent = 0;
        foreach (var org in pending)
        {
            foreach (var kind in due.Where(k => !done[org].Contains(k)))
                db.ReminderDispatches.Add(new ReminderDispatch { EditionId = edition.Id, OrganisationId = org, Kind = kind, ClosesAt = closes, SentAt = now });
            notifications.Add(recipients[org].Select(r => (r.Id, r.Email)),
                Message.Format("Pengingat {0}: pendaftaran {1} ditutup {2}", due[0], edition.Name, closesText),
                Message.Format("Proposal berikut belum diajukan; lengkapi lalu ajukan sebelum {0}:{1}", closesText, Describe(drafts[org])),
                "/Kelola/Proposal");
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                // Another node sent this reminder a moment ago.
                logger.LogInformation("Reminder {Kind} for organisation {Organisation} in edition {Edition} was already sent", due[0], org, edition.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    private static string Describe(IEnumerable<DraftItem> drafts)
    {
        var sb = new StringBuilder();
        foreach (var d in drafts.OrderBy(d => d.ProposalId))
        {
            sb.Append("\n- ").Append(d.Title).Append(d.Status == ProposalStatus.Returned ? " (dikembalikan untuk perbaikan)" : " (draf)");
            if (d.Missing.Count == 0) sb.Append(": lengkap, tinggal diajukan.");
            else sb.Append(": ").Append(string.Join("; ", d.Missing.Select(m => Message.ToIndonesian(m.Message).TrimEnd('.')))).Append('.');
        }
        var text = sb.ToString();
        // The notice body has room for a few thousand characters; the unit's proposal list shows the rest.
        return text.Length <= MaxListLength ? text : text[..MaxListLength] + " …";
    }

    private static bool IsUniqueViolation(DbUpdateException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is DbException { SqlState: "23505" }) return true;
            // SQLite: SQLITE_CONSTRAINT (19), extended SQLITE_CONSTRAINT_UNIQUE (2067).
            if (x is DbException db && x.GetType().Name == "SqliteException" && db.ErrorCode == 19) return true;
        }
        return false;
    }
}
