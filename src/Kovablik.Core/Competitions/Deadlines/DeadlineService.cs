using System.Globalization;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Deadlines;

/// <summary>A new registration close (an instant), the reason for it, and the edition version the organiser saw.</summary>
public sealed record DeadlineChangeInput(DateTimeOffset? ClosesAt, string? Reason, Guid? ExpectedVersion);

/// <summary>
/// Changing an edition's registration deadline (perpanjangan): only by organisers, only with a reason, logged as a
/// <see cref="DeadlineExtension"/>, announced publicly and to every participant in the same transaction. Proposal
/// deadline checks read the edition on every request, so the new deadline applies at once.
/// </summary>
public sealed class DeadlineService(KovablikDbContext db, AnnouncementService announcements, NotificationService notifications)
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 2000;

    public async Task<Result<DeadlineExtension>> ChangeAsync(int editionId, DeadlineChangeInput input, string? byUserId, CancellationToken ct = default)
    {
        var edition = await db.Editions.FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Result<DeadlineExtension>.NotFound();
        var errors = new ErrorBag();
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors.Add(nameof(input.Reason), "Alasan perubahan tenggat wajib diisi.");
        else if (reason.Length < MinReasonLength) errors.Add(nameof(input.Reason), Message.Format("Alasan minimal {0} karakter.", MinReasonLength));
        else if (reason.Length > MaxReasonLength) errors.Add(nameof(input.Reason), Message.Format("Alasan maksimal {0:N0} karakter.", MaxReasonLength));
        if (input.ExpectedVersion is null) errors.Add(nameof(input.ExpectedVersion), "Versi edisi wajib dikirim agar perubahan orang lain tidak tertimpa.");
        if (edition.Status != EditionStatus.Published)
            errors.Add("", "Tenggat hanya dapat diubah pada edisi yang sedang dipublikasikan.");

        var now = db.Time.GetUtcNow();
        var closes = input.ClosesAt?.ToUniversalTime();
        var previous = edition.RegistrationClosesAt?.ToUniversalTime();
        if (closes is null) errors.Add(nameof(input.ClosesAt), "Tanggal penutupan baru wajib diisi.");
        else
        {
            if (edition.RegistrationOpensAt is { } opens && closes <= opens)
                errors.Add(nameof(input.ClosesAt), "Pendaftaran harus ditutup setelah dibuka.");
            else if (closes == previous)
                errors.Add(nameof(input.ClosesAt), "Tenggat baru sama dengan tenggat saat ini.");
            else if (closes <= now)
                errors.Add(nameof(input.ClosesAt), "Tenggat baru sudah lewat; pilih waktu yang akan datang.");
            var clash = edition.Stages.FirstOrDefault(s => s.StartsAt is { } start && start < closes);
            if (clash is not null)
                errors.Add(nameof(input.ClosesAt), Message.Format(
                    "Tahap “{0}” dimulai {1}, sebelum tenggat baru. Geser jadwal tahap itu terlebih dahulu di halaman edisi.",
                    clash.Name, WibText.Format(clash.StartsAt)));
        }
        if (errors.Any) return errors.ToResult<DeadlineExtension>();
        if (input.ExpectedVersion != edition.Version) return Result<DeadlineExtension>.Conflict(EditionService.StaleMessage);

        var oldText = WibText.Format(previous);
        var newText = WibText.Format(closes);
        var verb = previous is null || closes > previous ? "diperpanjang" : "dimajukan";
        edition.RegistrationClosesAt = closes;
        edition.UpdatedAt = now;

        var announcement = await announcements.PublishAsync(edition.Id, AnnouncementKind.DeadlineChange,
            $"Tenggat pendaftaran {edition.Name} {verb}",
            $"Tenggat pendaftaran **{edition.Name}** {verb} dari **{oldText}** menjadi **{newText}**.\n\n" +
            $"Alasan: {reason}\n\nProposal yang belum diajukan dapat diajukan sampai {newText}.",
            byUserId);

        var participants = await EditionParticipants.OrganisationIdsAsync(db, edition.Id, ct);
        var recipients = await EditionParticipants.RecipientsAsync(db, participants, ct);
        notifications.Add(recipients.Values.SelectMany(r => r).Select(r => (r.Id, r.Email)),
            Message.Format("Tenggat pendaftaran {0} diubah", edition.Name),
            Message.Format("Pendaftaran {0} kini ditutup {1} (sebelumnya {2}). Alasan: {3}", edition.Name, newText, oldText, reason),
            "/Kompetisi/" + edition.Slug);

        // The extension row points at its announcement, whose key the database generates: two saves, one transaction.
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            var extension = new DeadlineExtension
            {
                EditionId = edition.Id,
                PreviousClosesAt = previous,
                NewClosesAt = closes!.Value,
                Reason = reason,
                AnnouncementId = announcement.Id,
                ByUserId = byUserId,
                CreatedAt = now,
            };
            db.DeadlineExtensions.Add(extension);
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return Result<DeadlineExtension>.Ok(extension);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<DeadlineExtension>.Conflict(EditionService.StaleMessage);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    public Task<Guid> EditionVersionAsync(int editionId, CancellationToken ct = default) =>
        db.Editions.Where(e => e.Id == editionId).Select(e => e.Version).FirstAsync(ct);

    /// <summary>The deadline changes of an edition, newest first.</summary>
    public Task<List<DeadlineExtension>> HistoryAsync(int editionId, CancellationToken ct = default) =>
        db.DeadlineExtensions.AsNoTracking().Where(x => x.EditionId == editionId)
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).ToListAsync(ct);

    /// <summary>
    /// A time as sent by API clients: with an offset or "Z" it is that instant; without one it is WIB wall-clock
    /// time ("2026-12-30T12:00"), the zone every deadline is read in. Null when it cannot be read.
    /// </summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        var hasOffset = s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 10 && (s.LastIndexOf('+') > 10 || s.LastIndexOf('-') > 10));
        if (hasOffset)
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset.ToUniversalTime() : null;
        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? FromWib(local) : null;
    }

    /// <summary>A WIB wall-clock time as an instant; null at the very ends of the calendar, where WIB has no UTC instant.</summary>
    public static DateTimeOffset? FromWib(DateTime? wib)
    {
        if (wib is null) return null;
        var local = DateTime.SpecifyKind(wib.Value, DateTimeKind.Unspecified);
        return local.Year is < 2 or > 9998 ? null : EditionService.ToUtc(local);
    }

}
