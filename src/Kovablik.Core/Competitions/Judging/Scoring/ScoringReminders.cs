using System.Data.Common;
using Kovablik.Competitions.Deadlines;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;

namespace Kovablik.Competitions.Judging.Scoring;

/// <summary>
/// A scoring-deadline reminder sent to a juror for a stage. Unique per stage, juror, kind and deadline: a reminder goes
/// out once across nodes, and a moved deadline gets reminders of its own.
/// </summary>
public sealed class ScoringReminder : IAudited
{
    public int Id { get; set; }
    public int StageId { get; set; }
    public int JurorId { get; set; }

    /// <summary>"D-3" or "D-1".</summary>
    public required string Kind { get; set; }

    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class ScoringReminderEntityTypeConfiguration : IEntityTypeConfiguration<ScoringReminder>
{
    public void Configure(EntityTypeBuilder<ScoringReminder> b)
    {
        b.ToTable("scoring_reminders");
        b.Property(r => r.Kind).HasMaxLength(10).IsRequired();
        b.HasOne<JudgingStage>().WithMany().HasForeignKey(r => r.StageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Juror>().WithMany().HasForeignKey(r => r.JurorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.StageId, r.JurorId, r.Kind, r.Deadline }).IsUnique();
    }
}

/// <summary>
/// Reminds jurors with unfinished sheets 3 days and 1 day before a stage's scoring deadline (in-app and email). A juror
/// counts as unfinished when some proposal they may score (assigned, not conflicted) has no submitted sheet, or when
/// their declaration is still open (they cannot even see their queue).
/// </summary>
public sealed class ScoringReminderService(KovablikDbContext db, JudgingAccess access, NotificationService notifications, ILogger<ScoringReminderService> logger)
{
    /// <summary>Reminder kinds, most urgent first.</summary>
    public static readonly IReadOnlyList<(string Kind, int Days)> Kinds = [("D-1", 1), ("D-3", 3)];

    /// <summary>Sends the reminders due now; returns how many jurors were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var horizon = now.AddDays(Kinds.Max(k => k.Days));
        var stages = await db.JudgingStages.AsNoTracking()
            .Where(s => s.Status == JudgingStageStatus.Scoring && s.ScoringDeadline != null && s.ScoringDeadline > now && s.ScoringDeadline <= horizon)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var stage in stages) sent += await SendForStageAsync(stage, now, ct);
        return sent;
    }

    private async Task<int> SendForStageAsync(JudgingStage stage, DateTimeOffset now, CancellationToken ct)
    {
        var deadline = stage.ScoringDeadline!.Value.ToUniversalTime();
        // Everything due at once (a deadline set late, a node that was down): only the most urgent is sent, the others
        // are recorded so they never arrive after it.
        var due = Kinds.Where(k => now >= deadline.AddDays(-k.Days)).Select(k => k.Kind).ToList();
        if (due.Count == 0) return 0;

        var assignments = await db.JurorAssignments.AsNoTracking()
            .Where(a => a.StageId == stage.Id)
            .Join(db.Proposals, a => a.ProposalId, p => p.Id, (a, p) => new { a.JurorId, a.ProposalId, p.OrganisationId })
            .ToListAsync(ct);
        if (assignments.Count == 0) return 0;
        var jurorIds = assignments.Select(a => a.JurorId).Distinct().ToList();
        var jurors = await db.Jurors.AsNoTracking().Where(j => jurorIds.Contains(j.Id) && j.Active).ToListAsync(ct);
        var conflicts = await access.ConflictsAsync(stage.EditionId, jurors,
            assignments.Select(a => (a.ProposalId, a.OrganisationId)).Distinct().ToList(), ct);
        var submitted = (await db.JurorScores.AsNoTracking()
                .Where(s => s.StageId == stage.Id && s.Status == ScoreStatus.Submitted)
                .Select(s => new { s.JurorId, s.ProposalId }).ToListAsync(ct))
            .Select(s => (s.JurorId, s.ProposalId)).ToHashSet();
        var done = (await db.ScoringReminders.AsNoTracking()
                .Where(r => r.StageId == stage.Id && r.Deadline == deadline)
                .Select(r => new { r.JurorId, r.Kind }).ToListAsync(ct))
            .ToLookup(r => r.JurorId, r => r.Kind);

        var left = new Dictionary<int, int>();
        foreach (var juror in jurors)
        {
            if (done[juror.Id].Contains(due[0])) continue;
            var open = assignments.Count(a => a.JurorId == juror.Id && !conflicts.Contains((juror.Id, a.ProposalId)) && !submitted.Contains((juror.Id, a.ProposalId)));
            if (open > 0 || (juror.DeclarationCompletedAt is null && assignments.Any(a => a.JurorId == juror.Id))) left[juror.Id] = open;
        }
        if (left.Count == 0) return 0;

        var userIds = jurors.Where(j => left.ContainsKey(j.Id)).Select(j => j.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == stage.EditionId).Select(e => e.Name).FirstAsync(ct);
        var deadlineText = WibText.Format(deadline);
        var sent = 0;
        foreach (var juror in jurors.Where(j => left.ContainsKey(j.Id)))
        {
            foreach (var kind in due.Where(k => !done[juror.Id].Contains(k)))
                db.ScoringReminders.Add(new ScoringReminder { StageId = stage.Id, JurorId = juror.Id, Kind = kind, Deadline = deadline, SentAt = now });
            if (users.TryGetValue(juror.UserId, out var email))
            {
                var body = juror.DeclarationCompletedAt is null
                    ? Message.Format("Lengkapi deklarasi konflik kepentingan Anda, lalu nilai proposal yang ditugaskan sebelum {0}.", deadlineText)
                    : Message.Format("Masih ada {0} proposal yang belum Anda kirim nilainya. Kirim sebelum {1}.", left[juror.Id], deadlineText);
                notifications.Add([(juror.UserId, email)],
                    Message.Format("Pengingat {0}: penilaian {1} ({2}) ditutup {3}", due[0], stage.Name, edition, deadlineText),
                    body, "/Juri");
            }
            try
            {
                await db.SaveChangesAsync(ct);
                sent++;
            }
            catch (DbUpdateException e) when (IsUniqueViolation(e))
            {
                logger.LogInformation("Scoring reminder {Kind} for juror {Juror} in stage {Stage} was already sent", due[0], juror.Id, stage.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    private static bool IsUniqueViolation(DbUpdateException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is DbException { SqlState: "23505" }) return true;
            // SQLite: SQLITE_CONSTRAINT (19).
            if (x is DbException db && x.GetType().Name == "SqliteException" && db.ErrorCode == 19) return true;
        }
        return false;
    }
}
