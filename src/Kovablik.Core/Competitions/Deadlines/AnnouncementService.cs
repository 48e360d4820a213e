using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Deadlines;

public sealed record AnnouncementInput(string? Title, string? Body);

/// <summary>Public notices of an edition (pengumuman): deadline changes, selection results and general news from Panitia.</summary>
public sealed class AnnouncementService(KovablikDbContext db)
{
    public const int MaxBodyLength = 20_000;

    /// <summary>
    /// Adds an announcement to the context without saving, so it commits with the change it announces (a deadline
    /// change, a selection result). Title and body are stored as written (Indonesian; the body is Markdown).
    /// </summary>
    public Task<Announcement> PublishAsync(int editionId, AnnouncementKind kind, string title, string body, string? byUserId)
    {
        var announcement = new Announcement
        {
            EditionId = editionId,
            Kind = kind,
            Title = title,
            Body = body,
            PublishedAt = db.Time.GetUtcNow(),
            PublishedByUserId = byUserId,
        };
        db.Announcements.Add(announcement);
        return Task.FromResult(announcement);
    }

    /// <summary>A general announcement by Panitia on a published edition.</summary>
    public async Task<Result<Announcement>> PostGeneralAsync(int editionId, AnnouncementInput input, string? byUserId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Status }).FirstOrDefaultAsync(ct);
        if (edition is null) return Result<Announcement>.NotFound();
        var errors = new ErrorBag();
        var title = input.Title?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        if (title.Length == 0) errors.Add(nameof(input.Title), "Judul pengumuman wajib diisi.");
        else if (title.Length < 5) errors.Add(nameof(input.Title), "Judul pengumuman minimal 5 karakter.");
        else if (title.Length > 300) errors.Add(nameof(input.Title), "Judul pengumuman maksimal 300 karakter.");
        if (body.Length == 0) errors.Add(nameof(input.Body), "Isi pengumuman wajib diisi.");
        else if (body.Length > MaxBodyLength) errors.Add(nameof(input.Body), "Isi pengumuman maksimal 20.000 karakter.");
        if (edition.Status == EditionStatus.Draft) errors.Add("", "Pengumuman hanya dapat dibuat untuk edisi yang sudah dipublikasikan.");
        if (errors.Any) return errors.ToResult<Announcement>();
        var announcement = await PublishAsync(editionId, AnnouncementKind.General, title, body, byUserId);
        await db.SaveChangesAsync(ct);
        return Result<Announcement>.Ok(announcement);
    }

    /// <summary>An edition's announcements, newest first.</summary>
    public Task<List<Announcement>> ListAsync(int editionId, CancellationToken ct = default) =>
        db.Announcements.AsNoTracking().Where(a => a.EditionId == editionId)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
}
