using System.Security.Cryptography;
using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Awards;

public sealed record TierInput(string? Title, AwardTier? Tier, int? Places, string? GroupCode, int? Order);

public sealed record AdjustmentInput(int? TierId, int? ProposalId, AwardAdjustmentAction? Action, string? Reason);

/// <summary>A proposal on the awards board, with what the page and the API show about it.</summary>
public sealed record BoardEntry(int ProposalId, string ProposalTitle, int InnovationId, string InnovationName, int OrganisationId, string OrganisationName,
    string GroupCode, int? Rank, AwardEntrySource Source, string? Reason, bool Confirmed, int? GrantId, string? CertificateCode);

public sealed record BoardTier(EditionAwardTier Tier, List<BoardEntry> Entries);

/// <summary>Where the awarding of an edition stands: the final ranking it starts from and each tier's proposals.</summary>
public sealed record AwardBoard(Edition Edition, JudgingStage? FinalStage, List<RankedBoardRow> Ranking, List<BoardTier> Tiers, bool AnyConfirmed);

public sealed record RankedBoardRow(int ProposalId, int Rank, string Title, string OrganisationName, string GroupCode);

public sealed record ConfirmReport(int Awarded, int Certificates);

public sealed record CertificateView(Certificate Certificate, int InnovationId, bool InnovationPublic);

public sealed record WinnerRow(int InnovationId, string InnovationName, bool InnovationPublic, string OrganisationName, string? KabKota, int? Rank);

public sealed record WinnerTier(string Title, AwardTier Tier, List<WinnerRow> Winners);

/// <summary>
/// Awards of an edition (issue 4 §7): tiers, the suggestion from the final ranking, Panitia's changes with reasons,
/// confirmation into the award register (<see cref="InnovationAward"/> with the edition's id) with certificates, the
/// public winners and certificate verification.
/// </summary>
public sealed class EditionAwardService(KovablikDbContext db, IFileStore files, NotificationService notifications)
{
    public const string Competition = "KOVABLIK";
    public const string NotFrozenMessage = "Belum ada tahap penjurian yang dibekukan; penghargaan ditetapkan dari peringkat akhir.";
    public const string ReasonRequiredMessage = "Alasan wajib diisi untuk setiap perubahan dari usulan peringkat.";
    public const string DuplicateMessage = "Proposal ini sudah ada di tingkat penghargaan tersebut.";
    public const string ConfirmedTierMessage = "Tingkat ini sudah memiliki penghargaan yang ditetapkan, sehingga tidak dapat diubah atau dihapus.";

    /// <summary>Code alphabet: upper-case letters and digits without look-alikes (0/O, 1/I/L), URL-safe and easy to read aloud.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CodeLength = 20;

    /// <summary>The KOVABLIK tiers (domain.md §1g): Top 30 inside Top 45, the best replication, and a hand-picked outstanding achievement.</summary>
    public static IReadOnlyList<TierInput> DefaultTiers { get; } =
    [
        new("Top 30", AwardTier.Top, 30, null, 1),
        new("Top 45", AwardTier.Finalist, 45, null, 2),
        new("Terbaik Kategori Replikasi", AwardTier.Top, 1, "Replikasi", 3),
        new("Outstanding Achievement", AwardTier.Top, null, null, 4),
    ];

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < chars.Length; i++) chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return new string(chars);
    }

    public Task<List<EditionAwardTier>> TiersAsync(int editionId, CancellationToken ct = default) =>
        db.EditionAwardTiers.AsNoTracking().Where(t => t.EditionId == editionId).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(ct);

    /// <summary>Adds the default tiers to an edition that has none (idempotent).</summary>
    public async Task<Result<List<EditionAwardTier>>> AddDefaultTiersAsync(int editionId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Result<List<EditionAwardTier>>.NotFound();
        if (await db.EditionAwardTiers.AnyAsync(t => t.EditionId == editionId, ct))
            return Result<List<EditionAwardTier>>.Ok(await TiersAsync(editionId, ct));
        var now = db.Time.GetUtcNow();
        foreach (var d in DefaultTiers)
        {
            // A default group tier is only useful if the edition has that group.
            if (d.GroupCode is not null && edition.Group(d.GroupCode) is null) continue;
            db.EditionAwardTiers.Add(new EditionAwardTier
            {
                EditionId = editionId, Order = d.Order!.Value, Title = d.Title!, Tier = d.Tier!.Value, Places = d.Places, GroupCode = d.GroupCode,
                CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return Result<List<EditionAwardTier>>.Ok(await TiersAsync(editionId, ct));
    }

    public async Task<Result<EditionAwardTier>> AddTierAsync(int editionId, TierInput input, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Result<EditionAwardTier>.NotFound();
        var errors = new ErrorBag();
        var tiers = await TiersAsync(editionId, ct);
        Check(input, edition, tiers, null, errors);
        if (errors.Any) return errors.ToResult<EditionAwardTier>();
        var now = db.Time.GetUtcNow();
        var tier = new EditionAwardTier { EditionId = editionId, Title = input.Title!.Trim(), CreatedAt = now };
        Apply(tier, input, tiers, now);
        db.EditionAwardTiers.Add(tier);
        await db.SaveChangesAsync(ct);
        return Result<EditionAwardTier>.Ok(tier);
    }

    public async Task<Result<EditionAwardTier>> UpdateTierAsync(int editionId, int tierId, TierInput input, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        var tier = await db.EditionAwardTiers.FirstOrDefaultAsync(t => t.Id == tierId && t.EditionId == editionId, ct);
        if (edition is null || tier is null) return Result<EditionAwardTier>.NotFound();
        if (await db.EditionAwardGrants.AnyAsync(g => g.TierId == tierId, ct)) return Result<EditionAwardTier>.Invalid("", ConfirmedTierMessage);
        var errors = new ErrorBag();
        var tiers = await TiersAsync(editionId, ct);
        Check(input, edition, tiers, tierId, errors);
        if (errors.Any) return errors.ToResult<EditionAwardTier>();
        tier.Title = input.Title!.Trim();
        Apply(tier, input, tiers, db.Time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result<EditionAwardTier>.Ok(tier);
    }

    public async Task<Result<EditionAwardTier>> DeleteTierAsync(int editionId, int tierId, CancellationToken ct = default)
    {
        var tier = await db.EditionAwardTiers.FirstOrDefaultAsync(t => t.Id == tierId && t.EditionId == editionId, ct);
        if (tier is null) return Result<EditionAwardTier>.NotFound();
        if (await db.EditionAwardGrants.AnyAsync(g => g.TierId == tierId, ct)) return Result<EditionAwardTier>.Invalid("", ConfirmedTierMessage);
        db.EditionAwardAdjustments.RemoveRange(await db.EditionAwardAdjustments.Where(a => a.TierId == tierId).ToListAsync(ct));
        db.EditionAwardTiers.Remove(tier);
        await db.SaveChangesAsync(ct);
        return Result<EditionAwardTier>.Ok(tier);
    }

    private static void Apply(EditionAwardTier tier, TierInput input, List<EditionAwardTier> tiers, DateTimeOffset now)
    {
        tier.Tier = input.Tier!.Value;
        tier.Places = input.Places;
        tier.GroupCode = string.IsNullOrWhiteSpace(input.GroupCode) ? null : input.GroupCode.Trim();
        tier.Order = input.Order ?? (tiers.Count == 0 ? 1 : tiers.Max(t => t.Order) + 1);
        tier.UpdatedAt = now;
    }

    private static void Check(TierInput input, Edition edition, List<EditionAwardTier> tiers, int? selfId, ErrorBag errors)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(nameof(input.Title), "Nama penghargaan wajib diisi (mis. Top 45).");
        else if (title.Length > 120) errors.Add(nameof(input.Title), "Nama penghargaan maksimal 120 karakter.");
        else if (tiers.Exists(t => t.Id != selfId && string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase)))
            errors.Add(nameof(input.Title), "Edisi ini sudah memiliki tingkat penghargaan dengan nama tersebut.");
        if (input.Tier is null) errors.Add(nameof(input.Tier), "Pilih tingkat penghargaan: finalis atau utama.");
        else if (!Enum.IsDefined(input.Tier.Value)) errors.Add(nameof(input.Tier), "Tingkat penghargaan tidak dikenal.");
        if (input.Places is < 1 or > 1000) errors.Add(nameof(input.Places), Message.Format("Jumlah penerima harus antara {0} dan {1}.", 1, 1000));
        if (input.Order is < 1 or > 100) errors.Add(nameof(input.Order), Message.Format("Urutan harus antara {0} dan {1}.", 1, 100));
        if (!string.IsNullOrWhiteSpace(input.GroupCode) && edition.Group(input.GroupCode.Trim()) is null)
            errors.Add(nameof(input.GroupCode), "Kelompok tidak ada pada edisi ini.");
    }

    /// <summary>The last frozen stage of the edition: its results are the final ranking.</summary>
    public Task<JudgingStage?> FinalStageAsync(int editionId, CancellationToken ct = default) =>
        db.JudgingStages.AsNoTracking().Where(s => s.EditionId == editionId && s.Status == JudgingStageStatus.Frozen)
            .OrderByDescending(s => s.Order).FirstOrDefaultAsync(ct);

    private async Task<List<RankedBoardRow>> RankingAsync(JudgingStage? stage, CancellationToken ct)
    {
        if (stage is null) return [];
        return await (from r in db.StageResults.AsNoTracking()
                      where r.StageId == stage.Id && r.Passed
                      join p in db.Proposals.AsNoTracking() on r.ProposalId equals p.Id
                      orderby r.Rank, r.ProposalId
                      select new RankedBoardRow(p.Id, r.Rank, p.Title, p.Organisation.Name, p.GroupCode)).ToListAsync(ct);
    }

    public async Task<AwardBoard?> BoardAsync(int editionId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return null;
        var stage = await FinalStageAsync(editionId, ct);
        var ranking = await RankingAsync(stage, ct);
        var tiers = await TiersAsync(editionId, ct);
        var computed = await ComputeAsync(editionId, tiers, ranking, ct);
        var ids = computed.Values.SelectMany(v => v).Select(e => e.ProposalId).Distinct().ToList();
        var info = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.InnovationId, InnovationName = db.Innovations.Where(i => i.Id == p.InnovationId).Select(i => i.Name).First(), p.OrganisationId, OrganisationName = p.Organisation.Name, p.GroupCode })
            .ToDictionaryAsync(p => p.Id, ct);
        var codes = await (from g in db.EditionAwardGrants.AsNoTracking()
                           where g.EditionId == editionId
                           join c in db.Certificates.AsNoTracking() on g.InnovationAwardId equals c.InnovationAwardId
                           select new { g.Id, g.TierId, g.ProposalId, c.Code }).ToListAsync(ct);
        var board = tiers.Select(t => new BoardTier(t, computed[t.Id].Where(e => info.ContainsKey(e.ProposalId)).Select(e =>
        {
            var p = info[e.ProposalId];
            var grant = codes.FirstOrDefault(c => c.TierId == t.Id && c.ProposalId == e.ProposalId);
            return new BoardEntry(p.Id, p.Title, p.InnovationId, p.InnovationName, p.OrganisationId, p.OrganisationName, p.GroupCode, e.Rank, e.Source, e.Reason, e.Confirmed, grant?.Id, grant?.Code);
        }).ToList())).ToList();
        return new AwardBoard(edition, stage, ranking, board, codes.Count > 0);
    }

    private async Task<Dictionary<int, List<AwardEntry>>> ComputeAsync(int editionId, List<EditionAwardTier> tiers, List<RankedBoardRow> ranking, CancellationToken ct)
    {
        var adjustments = await db.EditionAwardAdjustments.AsNoTracking().Where(a => a.EditionId == editionId).ToListAsync(ct);
        var latest = adjustments.GroupBy(a => (a.TierId, a.ProposalId)).Select(g => g.OrderByDescending(a => a.Id).First())
            .Select(a => new TierChange(a.TierId, a.ProposalId, a.Action, a.Reason)).ToList();
        var confirmed = (await db.EditionAwardGrants.AsNoTracking().Where(g => g.EditionId == editionId).Select(g => new { g.TierId, g.ProposalId }).ToListAsync(ct))
            .Select(g => (g.TierId, g.ProposalId)).ToHashSet();
        return AwardSuggestion.Compute(
            tiers.Select(t => new TierRule(t.Id, t.Order, t.Places, t.GroupCode)).ToList(),
            ranking.Select(r => new RankedProposal(r.ProposalId, r.Rank, r.GroupCode)).ToList(), latest, confirmed);
    }

    /// <summary>Adds a proposal to a tier or removes it, always with a reason; refused once the award is confirmed.</summary>
    public async Task<Result<EditionAwardAdjustment>> AdjustAsync(int editionId, AdjustmentInput input, string? byUserId, CancellationToken ct = default)
    {
        if (!await db.Editions.AnyAsync(e => e.Id == editionId, ct)) return Result<EditionAwardAdjustment>.NotFound();
        var stage = await FinalStageAsync(editionId, ct);
        if (stage is null) return Result<EditionAwardAdjustment>.Invalid("", NotFrozenMessage);
        var errors = new ErrorBag();
        var tier = input.TierId is int tid ? await db.EditionAwardTiers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid && t.EditionId == editionId, ct) : null;
        if (tier is null) errors.Add(nameof(input.TierId), "Pilih tingkat penghargaan.");
        var proposal = input.ProposalId is int pid ? await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.EditionId == editionId, ct) : null;
        if (proposal is null) errors.Add(nameof(input.ProposalId), "Proposal tidak ditemukan pada edisi ini.");
        if (input.Action is null || !Enum.IsDefined(input.Action.Value)) errors.Add(nameof(input.Action), "Pilih tambah atau hapus.");
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors.Add(nameof(input.Reason), ReasonRequiredMessage);
        else if (reason.Length > 1000) errors.Add(nameof(input.Reason), "Alasan maksimal 1.000 karakter.");
        if (errors.Any) return errors.ToResult<EditionAwardAdjustment>();

        if (tier!.GroupCode is not null && !string.Equals(proposal!.GroupCode, tier.GroupCode, StringComparison.OrdinalIgnoreCase))
            return Result<EditionAwardAdjustment>.Invalid(nameof(input.ProposalId), Message.Format("Tingkat ini hanya untuk proposal kelompok {0}.", tier.GroupCode));
        var board = await BoardAsync(editionId, ct);
        var entries = board!.Tiers.First(t => t.Tier.Id == tier.Id).Entries;
        var entry = entries.FirstOrDefault(e => e.ProposalId == proposal!.Id);
        if (entry is { Confirmed: true })
            return Result<EditionAwardAdjustment>.Invalid(nameof(input.ProposalId), "Penghargaan ini sudah ditetapkan dan tidak dapat diubah lagi.");
        if (input.Action == AwardAdjustmentAction.Add && entry is not null) return Result<EditionAwardAdjustment>.Invalid(nameof(input.ProposalId), DuplicateMessage);
        if (input.Action == AwardAdjustmentAction.Remove && entry is null)
            return Result<EditionAwardAdjustment>.Invalid(nameof(input.ProposalId), "Proposal ini tidak ada di tingkat penghargaan tersebut.");

        var adjustment = new EditionAwardAdjustment
        {
            EditionId = editionId, TierId = tier.Id, ProposalId = proposal!.Id, Action = input.Action!.Value, Reason = reason,
            DecidedByUserId = byUserId, DecidedAt = db.Time.GetUtcNow(),
        };
        db.EditionAwardAdjustments.Add(adjustment);
        await db.SaveChangesAsync(ct);
        return Result<EditionAwardAdjustment>.Ok(adjustment);
    }

    /// <summary>
    /// Writes every proposed, not yet confirmed award into the register with the edition's id, issues a certificate for
    /// each (PDF stored, SHA-256 kept) and notifies the units. All or nothing.
    /// </summary>
    public async Task<Result<ConfirmReport>> ConfirmAsync(int editionId, string? byUserId, string baseUrl, CancellationToken ct = default)
    {
        var board = await BoardAsync(editionId, ct);
        if (board is null) return Result<ConfirmReport>.NotFound();
        if (board.FinalStage is null) return Result<ConfirmReport>.Invalid("", NotFrozenMessage);
        var pending = board.Tiers.SelectMany(t => t.Entries.Where(e => !e.Confirmed).Select(e => (t.Tier, Entry: e))).ToList();
        if (pending.Count == 0) return Result<ConfirmReport>.Invalid("", "Tidak ada penghargaan yang menunggu penetapan.");
        var edition = board.Edition;

        // The register's own duplicate rule (innovation, year, competition, title): e.g. the same award imported by hand earlier.
        var innovationIds = pending.Select(p => p.Entry.InnovationId).Distinct().ToList();
        var existing = await db.InnovationAwards.AsNoTracking()
            .Where(a => innovationIds.Contains(a.InnovationId) && a.Year == edition.Year && a.Competition == Competition)
            .Select(a => new { a.InnovationId, a.Title }).ToListAsync(ct);
        var errors = new ErrorBag();
        foreach (var (tier, e) in pending)
            if (existing.Exists(x => x.InnovationId == e.InnovationId && string.Equals(x.Title, tier.Title, StringComparison.OrdinalIgnoreCase))
                || pending.Count(p => p.Entry.InnovationId == e.InnovationId && string.Equals(p.Tier.Title, tier.Title, StringComparison.OrdinalIgnoreCase)) > 1)
                errors.Add("", Message.Format("{0} sudah tercatat menerima {1} {2}.", e.InnovationName, tier.Title, edition.Year));
        if (errors.Any) return errors.ToResult<ConfirmReport>();

        var now = db.Time.GetUtcNow();
        var stored = new List<string>();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var awards = pending.Select(p => (p.Tier, p.Entry, Award: new InnovationAward
            {
                InnovationId = p.Entry.InnovationId, Year = edition.Year, Competition = Competition, Title = p.Tier.Title, Tier = p.Tier.Tier,
                EditionId = edition.Id, Source = "Penetapan " + edition.Name, RecordedAt = now, RecordedByUserId = byUserId,
            })).ToList();
            db.InnovationAwards.AddRange(awards.Select(a => a.Award));
            await db.SaveChangesAsync(ct);
            var certificates = new List<Certificate>();
            foreach (var (tier, e, award) in awards)
            {
                db.EditionAwardGrants.Add(new EditionAwardGrant
                {
                    EditionId = edition.Id, TierId = tier.Id, ProposalId = e.ProposalId, InnovationAwardId = award.Id, Rank = e.Rank,
                    Reason = e.Source == AwardEntrySource.Added ? e.Reason : null, DecidedByUserId = byUserId, DecidedAt = now,
                });
                var certificate = await IssueAsync(award, edition, e, byUserId, baseUrl, now, ct);
                stored.Add(certificate.StorageKey);
                certificates.Add(certificate);
                db.Certificates.Add(certificate);
            }
            foreach (var c in certificates)
                await notifications.NotifyUnitAsync(c.OrganisationId,
                    Message.Format("Penghargaan {0}: {1}", c.EditionName, c.AwardTitle),
                    Message.Format("Selamat! Inovasi {0} ditetapkan sebagai {1} pada {2}. Sertifikat dapat diunduh dan diperiksa keasliannya melalui tautan ini.", c.InnovationName, c.AwardTitle, c.EditionName),
                    "/Sertifikat/" + c.Code, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Result<ConfirmReport>.Ok(new ConfirmReport(awards.Count, certificates.Count));
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            foreach (var key in stored) await files.DeleteAsync(key, CancellationToken.None);
            // Two organisers confirming at once: the unique indexes let one through.
            return Result<ConfirmReport>.Conflict(JudgingMessages.Stale);
        }
    }

    private async Task<Certificate> IssueAsync(InnovationAward award, Edition edition, BoardEntry e, string? byUserId, string baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var code = NewCode();
        var rendered = CertificatePdf.Render(new CertificateContent(code, edition.Name, award.Title, e.InnovationName, e.OrganisationName, now,
            CertificatePdf.VerificationUrl(baseUrl, code)));
        var key = "cert-" + Guid.NewGuid().ToString("N") + ".pdf";
        using (var stream = new MemoryStream(rendered.Pdf)) await files.SaveAsync(key, stream, ct);
        return new Certificate
        {
            Code = code, InnovationAwardId = award.Id, EditionId = edition.Id, ProposalId = e.ProposalId, OrganisationId = e.OrganisationId,
            RecipientName = e.OrganisationName, InnovationName = e.InnovationName, AwardTitle = award.Title, EditionName = edition.Name,
            IssuedAt = now, IssuedByUserId = byUserId, StorageKey = key, Sha256 = Convert.ToHexStringLower(SHA256.HashData(rendered.Pdf)),
            SizeBytes = rendered.Pdf.LongLength,
        };
    }

    public Task<List<Certificate>> CertificatesAsync(int editionId, CancellationToken ct = default) =>
        db.Certificates.AsNoTracking().Where(c => c.EditionId == editionId).OrderBy(c => c.AwardTitle).ThenBy(c => c.InnovationName).ToListAsync(ct);

    /// <summary>The public lookup. Codes are compared exactly (upper case); an unknown code is simply not found.</summary>
    public async Task<CertificateView?> FindAsync(string? code, CancellationToken ct = default)
    {
        var normalised = (code ?? "").Trim().ToUpperInvariant();
        if (normalised.Length is < 16 or > 40 || !normalised.All(char.IsAsciiLetterOrDigit)) return null;
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalised, ct);
        if (certificate is null) return null;
        var innovation = await db.InnovationAwards.AsNoTracking().Where(a => a.Id == certificate.InnovationAwardId)
            .Select(a => new { a.InnovationId, a.Innovation.Status }).FirstAsync(ct);
        return new CertificateView(certificate, innovation.InnovationId, innovation.Status == Innovations.InnovationStatus.Published);
    }

    /// <summary>May this account download the certificate: Panitia, or the awarded unit (and the units above it).</summary>
    public async Task<bool> MayDownloadAsync(Certificate certificate, OrganisationScope scope, CancellationToken ct = default)
    {
        if (scope.IsGlobal) return true;
        var path = await db.Organisations.AsNoTracking().Where(o => o.Id == certificate.OrganisationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        return path is not null && scope.Covers(path);
    }

    public async Task<Result<(Certificate Certificate, byte[] Pdf)>> PdfAsync(string code, OrganisationScope scope, CancellationToken ct = default)
    {
        var view = await FindAsync(code, ct);
        // Outside the scope the file does not exist, as for every other unit's data.
        if (view is null || !await MayDownloadAsync(view.Certificate, scope, ct)) return Result<(Certificate, byte[])>.NotFound();
        await using var stream = await files.OpenAsync(view.Certificate.StorageKey, ct);
        if (stream is null) return Result<(Certificate, byte[])>.NotFound();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return Result<(Certificate, byte[])>.Ok((view.Certificate, copy.ToArray()));
    }

    public async Task<Result<Certificate>> RevokeAsync(string code, string? reason, string? byUserId, CancellationToken ct = default)
    {
        var normalised = (code ?? "").Trim().ToUpperInvariant();
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Code == normalised, ct);
        if (certificate is null) return Result<Certificate>.NotFound();
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Result<Certificate>.Invalid("Reason", "Alasan pencabutan wajib diisi.");
        if (text.Length > 1000) return Result<Certificate>.Invalid("Reason", "Alasan maksimal 1.000 karakter.");
        if (certificate.RevokedAt is not null) return Result<Certificate>.Invalid("", "Sertifikat ini sudah dicabut.");
        certificate.RevokedAt = db.Time.GetUtcNow();
        certificate.RevokedReason = text;
        certificate.RevokedByUserId = byUserId;
        await db.SaveChangesAsync(ct);
        return Result<Certificate>.Ok(certificate);
    }

    /// <summary>The public winners: confirmed awards only, by tier; empty until Panitia confirms.</summary>
    public async Task<List<WinnerTier>> WinnersAsync(int editionId, CancellationToken ct = default)
    {
        var rows = await (from g in db.EditionAwardGrants.AsNoTracking()
                          where g.EditionId == editionId
                          join t in db.EditionAwardTiers.AsNoTracking() on g.TierId equals t.Id
                          join a in db.InnovationAwards.AsNoTracking() on g.InnovationAwardId equals a.Id
                          select new { t.Id, t.Order, t.Title, t.Tier, g.Rank, a.InnovationId, InnovationName = a.Innovation.Name, a.Innovation.Status, OrgName = a.Innovation.Organisation.Name, OrgPath = a.Innovation.Organisation.Path })
                          .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var kabkota = await db.Organisations.AsNoTracking().Where(o => o.Type == OrganisationType.KabupatenKota).Select(o => new { o.Path, o.Name }).ToListAsync(ct);
        string? KabKota(string path) => kabkota.Where(k => path.StartsWith(k.Path, StringComparison.Ordinal)).Select(k => k.Name).FirstOrDefault();
        return rows.GroupBy(r => new { r.Id, r.Order, r.Title, r.Tier }).OrderBy(g => g.Key.Order).ThenBy(g => g.Key.Id)
            .Select(g => new WinnerTier(g.Key.Title, g.Key.Tier, g.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.InnovationName, StringComparer.Ordinal)
                .Select(r => new WinnerRow(r.InnovationId, r.InnovationName, r.Status == Innovations.InnovationStatus.Published, r.OrgName, KabKota(r.OrgPath), r.Rank)).ToList()))
            .ToList();
    }
}
