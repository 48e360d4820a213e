using Kovablik.Competitions.Deadlines;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;

namespace Kovablik.Competitions.Proposals;

/// <summary>
/// The notices a proposal's steps send to its unit (in-app and by email through the outbox). They are only added to
/// the context: the proposal's own save commits them, so a notice exists exactly when its change does.
/// </summary>
public sealed class ProposalNotices(KovablikDbContext db, NotificationService notifications)
{
    /// <summary>Submission received: the unit hears it arrived, its heads that it waits for their review.</summary>
    public async Task SubmittedAsync(Proposal p, CancellationToken ct)
    {
        var recipients = (await EditionParticipants.RecipientsAsync(db, [p.OrganisationId], ct))[p.OrganisationId];
        var link = Link(p);
        notifications.Add(recipients.Where(r => !r.IsHead).Select(r => (r.Id, r.Email)),
            Message.Format("Proposal “{0}” diterima", p.Title),
            Message.Format("Proposal “{0}” sudah diajukan dan menunggu persetujuan pimpinan unit.", p.Title), link);
        notifications.Add(recipients.Where(r => r.IsHead).Select(r => (r.Id, r.Email)),
            Message.Format("Proposal “{0}” menunggu persetujuan Anda", p.Title),
            Message.Format("Proposal “{0}” sudah diajukan. Periksa isinya, lalu setujui atau kembalikan untuk perbaikan dengan komentar.", p.Title), link);
    }

    /// <summary>Returned for revision (with the head's comment) or approved.</summary>
    public async Task ReviewedAsync(Proposal p, CancellationToken ct)
    {
        var recipients = (await EditionParticipants.RecipientsAsync(db, [p.OrganisationId], ct))[p.OrganisationId].Select(r => (r.Id, r.Email));
        if (p.Status == ProposalStatus.Returned)
            notifications.Add(recipients,
                Message.Format("Proposal “{0}” dikembalikan untuk perbaikan", p.Title),
                Message.Format("Komentar: {0}", Shorten(p.ReturnComment ?? "")), Link(p));
        else if (p.Status == ProposalStatus.Approved)
            notifications.Add(recipients,
                Message.Format("Proposal “{0}” disetujui", p.Title),
                Message.Format("Proposal “{0}” sudah disetujui dan akan mengikuti seleksi administrasi.", p.Title), Link(p));
    }

    /// <summary>A notice body holds about 8,000 characters and the message keeps its argument twice.</summary>
    private static string Shorten(string text) => text.Length <= 3000 ? text : text[..3000] + " …";

    private static string Link(Proposal p) => "/Kelola/Proposal/Ubah/" + p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
