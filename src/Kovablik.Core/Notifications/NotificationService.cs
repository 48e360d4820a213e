using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kovablik.Notifications;

/// <summary>
/// In-app notices and their emails. <c>Notify…</c> only adds rows to the context: the caller's SaveChanges commits
/// them with the change they report (outbox), and <see cref="SendPendingEmailsAsync"/> mails them afterwards.
/// </summary>
public sealed class NotificationService(KovablikDbContext db, IEmailSender email, ILogger<NotificationService> logger)
{
    public const int MaxEmailAttempts = 5;

    /// <summary>The roles that hear about an organisation's proposals.</summary>
    private static readonly string[] UnitRoles = [Roles.Operator, Roles.PimpinanUnit];

    /// <summary>
    /// Everyone working on an organisation's entries: active operators and unit heads of the organisation itself and
    /// of its parent (the agency that oversees a UPT).
    /// </summary>
    public async Task<List<(string Id, string? Email)>> UnitRecipientsAsync(int organisationId, CancellationToken ct = default)
    {
        var org = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.Id, o.ParentId }).FirstOrDefaultAsync(ct);
        if (org is null) return [];
        var orgIds = org.ParentId is int parent ? new[] { org.Id, parent } : [org.Id];
        var roleIds = db.Roles.Where(r => UnitRoles.Contains(r.Name!)).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.OrganisationId != null && orgIds.Contains(u.OrganisationId.Value)
                && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        return users.Select(u => (u.Id, u.Email)).ToList();
    }

    /// <summary>Active accounts in a role (e.g. every Panitia), for notices to the organisers.</summary>
    public async Task<List<(string Id, string? Email)>> RoleRecipientsAsync(string role, CancellationToken ct = default)
    {
        var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(ct);
        return users.Select(u => (u.Id, u.Email)).ToList();
    }

    /// <summary>Adds a notice for each recipient; the caller saves. Title and body are <see cref="Message"/>s.</summary>
    public void Add(IEnumerable<(string Id, string? Email)> recipients, string title, string body, string? link, bool sendEmail = true)
    {
        var now = db.Time.GetUtcNow();
        foreach (var (id, address) in recipients.DistinctBy(r => r.Id))
        {
            var mail = sendEmail && !string.IsNullOrWhiteSpace(address);
            db.Notifications.Add(new Notification
            {
                UserId = id,
                Title = title,
                Body = body,
                Link = link,
                CreatedAt = now,
                EmailState = mail ? EmailState.Pending : EmailState.None,
                EmailTo = mail ? address : null,
            });
        }
    }

    public async Task NotifyUnitAsync(int organisationId, string title, string body, string? link, CancellationToken ct = default) =>
        Add(await UnitRecipientsAsync(organisationId, ct), title, body, link);

    public IQueryable<Notification> For(string userId) => db.Notifications.AsNoTracking().Where(n => n.UserId == userId);

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>Marks one notice (or all, when <paramref name="id"/> is null) of the account as read.</summary>
    public async Task<int> MarkReadAsync(string userId, long? id, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var query = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (id is long one) query = query.Where(n => n.Id == one);
        return await query.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>
    /// Mails pending notices in id order, a batch at a time. Emails are Indonesian (the platform's language; the
    /// recipient's UI choice is a browser cookie the sender cannot see). Returns how many were sent.
    /// </summary>
    public async Task<int> SendPendingEmailsAsync(string baseUrl, int batch = 100, CancellationToken ct = default)
    {
        var pending = await db.Notifications
            .Where(n => n.EmailState == EmailState.Pending && n.EmailAttempts < MaxEmailAttempts)
            .OrderBy(n => n.Id).Take(batch).ToListAsync(ct);
        var sent = 0;
        foreach (var n in pending)
        {
            n.EmailAttempts++;
            try
            {
                var title = Message.ToIndonesian(n.Title);
                var text = Message.ToIndonesian(n.Body);
                if (n.Link is not null) text += "\n\n" + baseUrl.TrimEnd('/') + n.Link;
                await email.SendAsync(n.EmailTo!, "[Kovablik] " + title, text, null, ct);
                n.EmailState = EmailState.Sent;
                n.EmailSentAt = db.Time.GetUtcNow();
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Email for notification {Id} failed (attempt {Attempt})", n.Id, n.EmailAttempts);
                if (n.EmailAttempts >= MaxEmailAttempts) n.EmailState = EmailState.Failed;
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
