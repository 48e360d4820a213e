using System.Security.Cryptography;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Innovations;

public sealed class AttachmentOptions
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxPerInnovation { get; set; } = 30;
}

public sealed class AttachmentService(KovablikDbContext db, IFileStore store, AttachmentOptions options, IAuditContext actor)
{
    public async Task<Result<Attachment>> UploadAsync(int innovationId, AttachmentKind kind, string fileName, Stream content, OrganisationScope scope, CancellationToken ct = default)
    {
        var innovation = await db.Innovations.Include(i => i.Organisation).FirstOrDefaultAsync(i => i.Id == innovationId, ct);
        if (innovation is null) return Result<Attachment>.NotFound();
        if (!scope.Covers(innovation.Organisation)) return Result<Attachment>.Forbidden();
        if (!Enum.IsDefined(kind)) return Result<Attachment>.Invalid("Kind", "Jenis lampiran tidak dikenal.");
        if (await db.Attachments.CountAsync(a => a.InnovationId == innovationId, ct) >= options.MaxPerInnovation)
            return Result<Attachment>.Invalid("File", Message.Format("Maksimal {0} lampiran per inovasi.", options.MaxPerInnovation));

        var bytes = await FileInspector.ReadAtMostAsync(content, options.MaxBytes, ct);
        if (bytes is null) return Result<Attachment>.Invalid("File", Message.Format("Ukuran berkas melebihi batas {0:0.##} MB.", options.MaxBytes / (1024.0 * 1024)));
        var (type, error) = FileInspector.Inspect(fileName, bytes);
        if (type is null) return Result<Attachment>.Invalid("File", error!);
        if (kind == AttachmentKind.Image && !type.IsImage) return Result<Attachment>.Invalid("File", "Lampiran jenis foto harus berupa gambar.");
        if (kind == AttachmentKind.SkDecree && type.ContentType != "application/pdf") return Result<Attachment>.Invalid("File", "SK inovator harus berupa PDF.");

        byte[]? thumb = null;
        if (type.IsImage)
        {
            thumb = Thumbnails.Create(bytes);
            if (thumb is null) return Result<Attachment>.Invalid("File", "Gambar rusak atau tidak dapat dibaca.");
        }

        var id = Guid.NewGuid();
        var key = id.ToString("N") + type.Extension;
        await store.SaveAsync(key, new MemoryStream(bytes), ct);
        string? thumbKey = null;
        if (thumb is not null)
        {
            thumbKey = id.ToString("N") + "_t.jpg";
            await store.SaveAsync(thumbKey, new MemoryStream(thumb), ct);
        }
        var attachment = new Attachment
        {
            Id = id,
            InnovationId = innovationId,
            Kind = kind,
            OriginalFileName = Path.GetFileName(fileName),
            StorageKey = key,
            ThumbnailKey = thumbKey,
            ContentType = type.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAt = db.Time.GetUtcNow(),
            UploadedByUserId = actor.UserId,
        };
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return Result<Attachment>.Ok(attachment);
    }

    public async Task<Result<bool>> DeleteAsync(Guid attachmentId, OrganisationScope scope, CancellationToken ct = default)
    {
        var a = await db.Attachments.FirstOrDefaultAsync(x => x.Id == attachmentId, ct);
        if (a is null) return Result<bool>.NotFound();
        var org = await db.Innovations.Where(i => i.Id == a.InnovationId).Select(i => i.Organisation).FirstAsync(ct);
        if (!scope.Covers(org)) return Result<bool>.Forbidden();
        db.Attachments.Remove(a);
        await db.SaveChangesAsync(ct);
        await store.DeleteAsync(a.StorageKey, ct);
        if (a.ThumbnailKey is not null) await store.DeleteAsync(a.ThumbnailKey, ct);
        return Result<bool>.Ok(true);
    }

}
