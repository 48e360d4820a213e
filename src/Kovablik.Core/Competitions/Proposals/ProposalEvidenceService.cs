using System.Security.Cryptography;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Proposals;

/// <summary>A proposal's evidence as the edit page and the API show it: the group's slots, the files in them, the links.</summary>
public sealed record ProposalEvidence(Proposal Proposal, IReadOnlyList<DocumentSlot> Slots, IReadOnlyList<ProposalDocument> Documents, IReadOnlyList<ProposalLink> Links, bool CanEdit);

public sealed record ProposalLinkInput(LinkKind? Kind, string? Url, string? Label = null, string? DurationNote = null);

/// <summary>
/// Evidence for a proposal: files in the group's typed document slots (stored server-side with a SHA-256, checked
/// by their bytes) and external links that pass an automatic check. Changes only while the unit may edit the
/// proposal; an upload is judged against the deadline by the time it started, so a slow connection at 23:59 is
/// not punished for the minutes the bytes took to arrive.
/// </summary>
public sealed class ProposalEvidenceService(KovablikDbContext db, IFileStore store, IAuditContext actor, ILinkChecker checker, EvidenceOptions options)
{
    public const int MaxLinks = 20;
    public const string UnknownSlotMessage = "Slot dokumen tidak dikenal pada kelompok proposal ini.";
    public const string NotEditableMessage = "Proposal yang sudah diajukan tidak dapat diubah.";
    public const string DeadLinkMessage = "Tautan tidak dapat diakses. Periksa alamatnya, atau unggah buktinya sebagai berkas.";
    public const string PrivateLinkMessage = "Tautan tidak publik: pengunjung tanpa akun tidak dapat membukanya.";

    public async Task<Result<ProposalEvidence>> GetAsync(int proposalId, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<ProposalEvidence>.NotFound();
        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == p.Id).ToListAsync(ct);
        var links = await db.ProposalLinks.AsNoTracking().Where(l => l.ProposalId == p.Id).ToListAsync(ct);
        var slots = edition!.Group(p.GroupCode)?.Documents ?? [];
        return Result<ProposalEvidence>.Ok(new ProposalEvidence(p, slots,
            documents.OrderBy(d => d.SlotKey, StringComparer.Ordinal).ThenBy(d => d.UploadedAt).ToList(),
            links.OrderBy(l => l.Id).ToList(), EditProblem(p, edition, db.Time.GetUtcNow()) is null));
    }

    /// <param name="startedAt">When the request began (captured by the endpoint before reading the body): the deadline is checked against it.</param>
    public async Task<Result<ProposalDocument>> UploadAsync(int proposalId, string? slotKey, string fileName, Stream content, DateTimeOffset startedAt, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<ProposalDocument>.NotFound();
        var slot = edition!.Group(p.GroupCode)?.Documents.FirstOrDefault(d => d.Key == slotKey);
        if (slot is null) return Result<ProposalDocument>.Invalid("Slot", UnknownSlotMessage);
        // The start time comes from the endpoint, never from the client; it cannot lie in the future.
        var now = db.Time.GetUtcNow();
        var problem = EditProblem(p, edition, startedAt < now ? startedAt : now);
        if (problem is not null) return Result<ProposalDocument>.Invalid("", problem);

        var bytes = await FileInspector.ReadAtMostAsync(content, slot.MaxBytes, ct);
        if (bytes is null) return Result<ProposalDocument>.Invalid("File", Message.Format("Berkas terlalu besar: maksimal {0} MB untuk {1}.", Megabytes(slot.MaxBytes), slot.Name));
        var (type, error) = FileInspector.Inspect(fileName, bytes);
        if (type is null) return Result<ProposalDocument>.Invalid("File", error!);
        var allowed = slot.AllowedTypeList;
        if (allowed.Count > 0 && !allowed.Contains(type.ContentType, StringComparer.OrdinalIgnoreCase))
            return Result<ProposalDocument>.Invalid("File", Message.Format("Jenis berkas tidak diizinkan untuk {0}: hanya {1}.", slot.Name, TypeLabels(allowed)));

        var id = Guid.NewGuid();
        var key = "p" + id.ToString("N") + type.Extension;
        await store.SaveAsync(key, new MemoryStream(bytes), ct);
        // A slot holds one file: the new one replaces whatever was there.
        var replaced = await db.ProposalDocuments.Where(d => d.ProposalId == p.Id && d.SlotKey == slot.Key).ToListAsync(ct);
        db.ProposalDocuments.RemoveRange(replaced);
        var document = new ProposalDocument
        {
            Id = id,
            ProposalId = p.Id,
            SlotKey = slot.Key,
            OriginalFileName = Path.GetFileName(fileName),
            StorageKey = key,
            ContentType = type.ContentType,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAt = now,
            UploadedByUserId = actor.UserId,
        };
        db.ProposalDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        foreach (var old in replaced) await store.DeleteAsync(old.StorageKey, CancellationToken.None);
        return Result<ProposalDocument>.Ok(document);
    }

    public async Task<Result<bool>> DeleteDocumentAsync(int proposalId, Guid documentId, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<bool>.NotFound();
        var document = await db.ProposalDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.ProposalId == p.Id, ct);
        if (document is null) return Result<bool>.NotFound();
        var problem = EditProblem(p, edition!, db.Time.GetUtcNow());
        if (problem is not null) return Result<bool>.Invalid("", problem);
        db.ProposalDocuments.Remove(document);
        await db.SaveChangesAsync(ct);
        await store.DeleteAsync(document.StorageKey, CancellationToken.None);
        return Result<bool>.Ok(true);
    }

    /// <summary>The stored file for download, within scope; the caller disposes the stream.</summary>
    public async Task<Result<(ProposalDocument Document, Stream Content)>> OpenAsync(int proposalId, Guid documentId, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, _) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<(ProposalDocument, Stream)>.NotFound();
        var document = await db.ProposalDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ProposalId == p.Id, ct);
        if (document is null) return Result<(ProposalDocument, Stream)>.NotFound();
        var stream = await store.OpenAsync(document.StorageKey, ct);
        return stream is null ? Result<(ProposalDocument, Stream)>.NotFound() : Result<(ProposalDocument, Stream)>.Ok((document, stream));
    }

    /// <summary>Adds a link only when it opens for an anonymous visitor now; a dead or private link is refused with the reason.</summary>
    public async Task<Result<ProposalLink>> AddLinkAsync(int proposalId, ProposalLinkInput input, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<ProposalLink>.NotFound();
        var problem = EditProblem(p, edition!, db.Time.GetUtcNow());
        if (problem is not null) return Result<ProposalLink>.Invalid("", problem);

        var errors = new ErrorBag();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(nameof(input.Kind), "Pilih jenis tautan: video atau situs web.");
        var url = input.Url?.Trim() ?? "";
        if (url.Length == 0) errors.Add(nameof(input.Url), "Alamat tautan wajib diisi.");
        else if (url.Length > 2000) errors.Add(nameof(input.Url), "Alamat tautan maksimal 2.000 karakter.");
        else if (!LinkChecker.TryParse(url, out _)) errors.Add(nameof(input.Url), "Alamat tautan harus lengkap dan diawali http:// atau https://.");
        var label = Clean(input.Label);
        if (label is { Length: > 200 }) errors.Add(nameof(input.Label), "Keterangan tautan maksimal 200 karakter.");
        var duration = input.Kind == LinkKind.Video ? Clean(input.DurationNote) : null;
        if (duration is { Length: > 200 }) errors.Add(nameof(input.DurationNote), "Catatan durasi maksimal 200 karakter.");
        if (errors.Any) return errors.ToResult<ProposalLink>();
        var existing = await db.ProposalLinks.Where(l => l.ProposalId == p.Id).Select(l => l.Url).ToListAsync(ct);
        if (existing.Contains(url)) return Result<ProposalLink>.Invalid(nameof(input.Url), "Tautan ini sudah ditambahkan.");
        if (existing.Count >= MaxLinks) return Result<ProposalLink>.Invalid(nameof(input.Url), Message.Format("Maksimal {0} tautan per proposal.", MaxLinks));

        var check = await checker.CheckAsync(url, ct);
        if (check.Status != LinkCheckStatus.Ok)
        {
            errors.Add(nameof(input.Url), check.Status == LinkCheckStatus.NotPublic ? PrivateLinkMessage : DeadLinkMessage);
            errors.Add(nameof(input.Url), check.Message ?? LinkChecker.UnreachableMessage);
            return errors.ToResult<ProposalLink>();
        }
        var now = db.Time.GetUtcNow();
        var link = new ProposalLink
        {
            ProposalId = p.Id,
            Kind = input.Kind!.Value,
            Url = url,
            Label = label,
            DurationNote = duration,
            CheckStatus = check.Status,
            HttpStatus = check.HttpStatus,
            CheckMessage = check.Message,
            CheckedAt = now,
            CreatedAt = now,
        };
        db.ProposalLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return Result<ProposalLink>.Ok(link);
    }

    public async Task<Result<bool>> DeleteLinkAsync(int proposalId, int linkId, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<bool>.NotFound();
        var link = await db.ProposalLinks.FirstOrDefaultAsync(l => l.Id == linkId && l.ProposalId == p.Id, ct);
        if (link is null) return Result<bool>.NotFound();
        var problem = EditProblem(p, edition!, db.Time.GetUtcNow());
        if (problem is not null) return Result<bool>.Invalid("", problem);
        db.ProposalLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    /// <summary>Checks every link of the proposal now (Panitia or the unit head before review); any status.</summary>
    public async Task<Result<List<ProposalLink>>> RecheckAsync(int proposalId, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, _) = await LoadAsync(proposalId, scope, ct);
        if (p is null) return Result<List<ProposalLink>>.NotFound();
        var links = await db.ProposalLinks.Where(l => l.ProposalId == p.Id).OrderBy(l => l.Id).ToListAsync(ct);
        await CheckAllAsync(links, ct);
        await db.SaveChangesAsync(ct);
        return Result<List<ProposalLink>>.Ok(links);
    }

    /// <summary>
    /// Re-checks links of proposals waiting for review whose last check is older than the configured hours. Each link
    /// is claimed by moving its CheckedAt first, so several nodes running this at once do not check the same link.
    /// </summary>
    public async Task<int> RecheckDueAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var due = now.AddHours(-options.RecheckAfterHours);
        var candidates = await db.ProposalLinks.AsNoTracking()
            .Where(l => db.Proposals.Any(p => p.Id == l.ProposalId && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.Approved)))
            .Where(l => l.CheckedAt == null || l.CheckedAt < due)
            .OrderBy(l => l.CheckedAt).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.CheckedAt })
            .Take(options.RecheckBatch)
            .ToListAsync(ct);
        var claimed = new List<int>();
        foreach (var candidate in candidates)
        {
            var rows = await db.ProposalLinks.Where(l => l.Id == candidate.Id && l.CheckedAt == candidate.CheckedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.CheckedAt, now), ct);
            if (rows == 1) claimed.Add(candidate.Id);
        }
        var links = await db.ProposalLinks.Where(l => claimed.Contains(l.Id)).ToListAsync(ct);
        await CheckAllAsync(links, ct);
        await db.SaveChangesAsync(ct);
        return links.Count;
    }

    /// <summary>
    /// The checks are network waits (up to the timeout each): run a few at once so a batch of dead links neither keeps
    /// a person waiting nor holds up the other periodic work (the email outbox). The DbContext is only touched afterwards.
    /// </summary>
    private async Task CheckAllAsync(List<ProposalLink> links, CancellationToken ct)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<int, LinkCheckResult>();
        await Parallel.ForEachAsync(links, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (link, token) => results[link.Id] = await checker.CheckAsync(link.Url, token));
        foreach (var link in links) Apply(link, results[link.Id]);
    }

    private void Apply(ProposalLink link, LinkCheckResult result)
    {
        link.CheckStatus = result.Status;
        link.HttpStatus = result.HttpStatus;
        link.CheckMessage = result.Message;
        link.CheckedAt = db.Time.GetUtcNow();
    }

    /// <summary>Editable statuses, and <see cref="ProposalService.WindowProblem"/> for the time.</summary>
    public static string? EditProblem(Proposal p, Edition edition, DateTimeOffset at) =>
        p.IsEditable ? ProposalService.WindowProblem(edition, p, at) : NotEditableMessage;

    public static string TypeLabels(IEnumerable<string> contentTypes) => string.Join(", ", contentTypes.Select(t => t.ToLowerInvariant() switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        "image/gif" => "GIF",
        "image/webp" => "WebP",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "PPTX",
        _ => t,
    }));

    public static decimal Megabytes(long bytes) => Math.Round(bytes / 1_048_576m, 2);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<(Proposal? Proposal, Edition? Edition)> LoadAsync(int id, OrganisationScope scope, CancellationToken ct)
    {
        var p = await db.Proposals.AsNoTracking().Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !scope.Covers(p.Organisation)) return (null, null);
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == p.EditionId, ct);
        return (p, edition);
    }

}
