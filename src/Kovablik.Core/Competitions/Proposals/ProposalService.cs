using Kovablik.Competitions.Awards;
using System.Text.Json;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Proposals;

/// <summary>One section of the form with its live word count.</summary>
public sealed record SectionCount(string Key, string Title, bool Required, int WordLimit, int Words);

/// <summary>What the unit sees next to the form: the validator's findings, word counters and the quota left.</summary>
public sealed record ProposalChecklist(IReadOnlyList<ValidationFinding> Findings, IReadOnlyList<SectionCount> Sections, int Quota, int QuotaLeft, string QuotaMessage)
{
    public bool CanSubmit => !Findings.Any(f => f.Severity == Severity.Blocking);
}

/// <summary>Proposals from draft to submission and the unit head's approval: scope, deadlines, quota and concurrency.</summary>
public sealed class ProposalService(KovablikDbContext db, ProposalNotices notices)
{
    public const string StaleMessage = "Proposal ini baru saja diubah di tab atau oleh orang lain. Muat ulang halaman; perubahan Anda belum tersimpan.";
    public const string QuotaFullMessage = "Kuota organisasi untuk edisi ini sudah penuh.";
    public const string DeadlineMessage = "Pendaftaran edisi ini sudah ditutup.";
    public const string NotOpenMessage = "Pendaftaran edisi ini belum dibuka.";
    public const string RepairOverMessage = "Masa perbaikan sudah berakhir.";
    public const string UnknownSectionMessage = "Bagian tidak dikenal pada formulir kelompok ini.";
    public const string TooLongMessage = "Isian bagian terlalu panjang (maksimal 20.000 karakter).";
    public const int MaxSectionLength = 20_000;

    public IQueryable<Proposal> InScope(OrganisationScope scope)
    {
        var query = db.Proposals.Include(p => p.Organisation).AsQueryable();
        if (scope.IsGlobal) return query;
        if (scope.Path is null) return query.Where(_ => false);
        return query.Where(p => p.Organisation.Path.StartsWith(scope.Path));
    }

    public async Task<Result<Proposal>> GetAsync(int id, OrganisationScope scope, CancellationToken ct = default)
    {
        var p = await db.Proposals.Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !scope.Covers(p.Organisation)) return Result<Proposal>.NotFound();
        return Result<Proposal>.Ok(p);
    }

    public async Task<Result<Proposal>> CreateAsync(ProposalCreateInput input, OrganisationScope scope, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EditionId, ct);
        if (edition is null || edition.Status != EditionStatus.Published) return Result<Proposal>.Invalid(nameof(input.EditionId), "Edisi tidak ditemukan atau belum dipublikasikan.");
        var open = RegistrationProblem(edition);
        if (open is not null) return Result<Proposal>.Invalid(nameof(input.EditionId), open);
        var innovation = await db.Innovations.Include(i => i.Organisation).Include(i => i.Categories).Include(i => i.SdgGoals)
            .FirstOrDefaultAsync(i => i.Id == input.InnovationId, ct);
        if (innovation is null || !scope.Covers(innovation.Organisation)) return Result<Proposal>.Invalid(nameof(input.InnovationId), "Inovasi tidak ditemukan.");
        var errors = new ErrorBag();
        if (innovation.Status != InnovationStatus.Published) errors.Add(nameof(input.InnovationId), "Hanya inovasi yang sudah dipublikasikan yang dapat diajukan.");
        if (!edition.Eligibility.Allows(innovation.Organisation.Type))
            errors.Add(nameof(input.InnovationId), "Jenis organisasi inovasi ini tidak dapat mengikuti edisi ini.");
        var group = edition.Group(input.GroupCode ?? "");
        if (group is null) errors.Add(nameof(input.GroupCode), "Kelompok tidak ditemukan pada edisi ini.");
        if (await db.Proposals.AnyAsync(p => p.EditionId == edition.Id && p.InnovationId == innovation.Id && p.Status != ProposalStatus.Withdrawn, ct))
            errors.Add(nameof(input.InnovationId), "Inovasi ini sudah diajukan pada edisi ini.");
        if (errors.Any) return errors.ToResult<Proposal>();

        var sections = group!.Sections.Select(rule => new ProposalSection
        {
            Key = rule.Key,
            Text = InnovationSections.All.Any(s => s.Field == rule.Key) ? InnovationSections.Get(innovation, rule.Key) : "",
        }).ToList();
        var proposal = new Proposal
        {
            EditionId = edition.Id,
            GroupCode = group.Code,
            InnovationId = innovation.Id,
            OrganisationId = innovation.OrganisationId,
            Organisation = innovation.Organisation,
            Title = innovation.Name,
            Sections = sections,
            CategoryIds = innovation.Categories.Select(c => c.Id).Order().ToList(),
            SdgIds = innovation.SdgGoals.Select(s => s.Id).Order().ToList(),
            Status = ProposalStatus.Draft,
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return Result<Proposal>.Ok(proposal);
    }

    public async Task<Result<Proposal>> SaveDraftAsync(int id, ProposalDraftInput input, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition, problem) = await LoadAsync(id, scope, input.ExpectedVersion, ct);
        if (problem is not null) return problem;
        if (!p!.IsEditable) return Result<Proposal>.Invalid("", "Proposal yang sudah diajukan tidak dapat diubah.");
        var deadline = RegistrationProblem(edition!, p);
        if (deadline is not null) return Result<Proposal>.Invalid("", deadline);

        var errors = new ErrorBag();
        var title = input.Title?.Trim();
        if (title is { Length: > 200 }) errors.Add(nameof(input.Title), "Judul maksimal 200 karakter.");
        var group = edition!.Group(p.GroupCode);
        foreach (var (key, text) in input.Sections)
        {
            var field = "Sections[" + key + "]";
            if (group?.Sections.Any(s => s.Key == key) != true) errors.Add(field, UnknownSectionMessage);
            else if (text is { Length: > MaxSectionLength }) errors.Add(field, TooLongMessage);
        }
        if (input.CategoryIds is { } cats && await db.Categories.CountAsync(c => cats.Contains(c.Id), ct) != cats.Distinct().Count())
            errors.Add(nameof(input.CategoryIds), "Kategori tidak dikenal.");
        if (input.SdgIds is { } sdgs && await db.SdgGoals.CountAsync(c => sdgs.Contains(c.Id), ct) != sdgs.Distinct().Count())
            errors.Add(nameof(input.SdgIds), "Tujuan SDG tidak dikenal.");
        if (errors.Any) return errors.ToResult<Proposal>();

        if (title is not null) p.Title = title;
        var sections = p.Sections.Select(s => new ProposalSection { Key = s.Key, Text = s.Text }).ToList();
        foreach (var (key, text) in input.Sections)
        {
            var existing = sections.FirstOrDefault(s => s.Key == key);
            if (existing is null) sections.Add(new ProposalSection { Key = key, Text = text ?? "" });
            else existing.Text = text ?? "";
        }
        p.Sections = sections;
        if (input.CategoryIds is not null) p.CategoryIds = input.CategoryIds.Distinct().Order().ToList();
        if (input.SdgIds is not null) p.SdgIds = input.SdgIds.Distinct().Order().ToList();
        return await SaveAsync(p, ct);
    }

    public async Task<ProposalChecklist> ChecklistAsync(Proposal p, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == p.EditionId, ct);
        var innovation = await db.Innovations.AsNoTracking().Include(i => i.Organisation).FirstAsync(i => i.Id == p.InnovationId, ct);
        var titles = await db.Proposals.AsNoTracking()
            .Where(o => o.EditionId == p.EditionId && o.Id != p.Id && o.Status != ProposalStatus.Withdrawn)
            .Select(o => o.Title).ToListAsync(ct);
        var submitted = await CountSubmittedAsync(p, ct);
        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == p.Id).ToListAsync(ct);
        var links = await db.ProposalLinks.AsNoTracking().Where(l => l.ProposalId == p.Id).ToListAsync(ct);
        var awards = await new AwardService(db).PastAwardsAsync(p.InnovationId, edition.Id, edition.Year, ct);
        return Checklist(p, edition, innovation.StartedOn, innovation.Organisation.Type,
            titles.Select(t => new KnownTitle(t, edition.Name)).ToList(),
            await ReuseCandidatesAsync(p, ct),
            submitted, documents, links, pastAwards: awards);
    }

    /// <summary>How many of the best fingerprint matches are compared word by word.</summary>
    public const int MaxReuseCandidates = 20;

    /// <summary>
    /// The submitted proposals that may share a 30-word run with this one: those sharing a winnowing fingerprint
    /// (one indexed query), best first. Reading every proposal of the edition instead costs tens of megabytes per
    /// check once an edition has thousands of entries.
    /// </summary>
    private async Task<List<OtherProposal>> ReuseCandidatesAsync(Proposal p, CancellationToken ct)
    {
        var hashes = Fingerprints(p).ToList();
        if (hashes.Count == 0) return [];
        var ids = await db.ProposalFingerprints.AsNoTracking()
            .Where(f => f.EditionId == p.EditionId && f.ProposalId != p.Id && hashes.Contains(f.Hash))
            .GroupBy(f => f.ProposalId)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .Take(MaxReuseCandidates)
            .ToListAsync(ct);
        if (ids.Count == 0) return [];
        var others = await db.Proposals.AsNoTracking().Where(o => ids.Contains(o.Id) && o.Status != ProposalStatus.Withdrawn)
            .Select(o => new { o.Title, o.Sections }).ToListAsync(ct);
        return others.Select(o => new OtherProposal(o.Title, o.Sections.ToDictionary(s => s.Key, s => s.Text))).ToList();
    }

    private static HashSet<long> Fingerprints(Proposal p)
    {
        var all = new HashSet<long>();
        foreach (var s in p.Sections) all.UnionWith(TextOverlap.Fingerprints(TextOverlap.NormalisedWords(s.Text)));
        return all;
    }

    /// <summary>Indexes a submitted proposal's text for the verbatim-reuse check (replacing an earlier submission's).</summary>
    private async Task IndexTextAsync(Proposal p, CancellationToken ct)
    {
        await db.ProposalFingerprints.Where(f => f.ProposalId == p.Id).ExecuteDeleteAsync(ct);
        db.ProposalFingerprints.AddRange(Fingerprints(p).Select(h => new ProposalFingerprint { ProposalId = p.Id, EditionId = p.EditionId, Hash = h }));
    }

    /// <summary>Maps the proposal and its edition onto the pure validator.</summary>
    public static ProposalChecklist Checklist(Proposal p, Edition edition, DateOnly? startedOn, OrganisationType organisationType,
        IReadOnlyList<KnownTitle> otherTitles, IReadOnlyList<OtherProposal> otherProposals, int submittedByOrganisation,
        IReadOnlyList<ProposalDocument>? documents = null, IReadOnlyList<ProposalLink>? links = null, bool blockingOnly = false,
        IReadOnlyList<PastAward>? pastAwards = null)
    {
        var group = edition.Group(p.GroupCode);
        var rules = new ValidationRules
        {
            GroupName = group?.Name ?? p.GroupCode,
            Sections = group?.Sections.Select(s => new SectionRule(s.Key, s.Title, s.Required, s.WordLimit)).ToList() ?? [],
            Documents = group?.Documents.Select(d => new DocumentSlotRule(d.Key, d.Name, d.Required, d.AllowedTypeList, d.MaxBytes)).ToList() ?? [],
            MinimumImplementationMonths = edition.Eligibility.MinimumImplementationMonths,
            RegistrationClosesAt = edition.RegistrationClosesAt ?? DateTimeOffset.MaxValue,
            AllowedOrganisationTypes = edition.Eligibility.AllowedOrganisationTypes.Select(a => a.Type.ToString()).ToList(),
            DefaultQuota = edition.Eligibility.DefaultQuota,
            QuotaByOrganisationType = edition.Eligibility.QuotaOverrides.ToDictionary(q => q.Type.ToString(), q => q.Quota),
            PastAwards = group is null ? new PastAwardRule() : new PastAwardRule(group.RequiresTopAward, group.ForbidsTopAward, group.MaxFinalistAwards),
        };
        var draft = new ProposalDraft
        {
            Title = p.Title,
            Sections = p.Sections.ToDictionary(s => s.Key, s => s.Text),
            StartedOn = startedOn,
            CategoryIds = p.CategoryIds,
            SdgIds = p.SdgIds,
            OrganisationType = organisationType.ToString(),
            Documents = (documents ?? []).Select(d => new AttachedDocument(d.SlotKey, d.OriginalFileName, d.ContentType, d.Size)).ToList(),
            Links = (links ?? []).Select(l => new AttachedLink(l.Url, l.CheckStatus.ToString())).ToList(),
        };
        var context = new ValidationContext
        {
            OtherTitles = otherTitles,
            OtherProposals = otherProposals,
            SubmittedByOrganisation = submittedByOrganisation,
            PastAwards = pastAwards ?? [],
            Prompts = group?.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Prompt)).ToDictionary(s => s.Key, s => s.Prompt) ?? [],
        };
        var findings = ProposalValidator.Validate(draft, rules, context, blockingOnly);
        var counts = rules.Sections.Select(s => new SectionCount(s.Key, s.Title, s.Required, s.WordLimit ?? 0,
            IndonesianWordCounter.Count(draft.Sections.GetValueOrDefault(s.Key)))).ToList();
        return new ProposalChecklist(findings, counts, rules.QuotaFor(draft.OrganisationType),
            ProposalValidator.QuotaLeft(draft, rules, context), ProposalValidator.QuotaMessage(draft, rules, context));
    }

    public async Task<Result<Proposal>> SubmitAsync(int id, Guid? expectedVersion, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition, problem) = await LoadAsync(id, scope, expectedVersion, ct);
        if (problem is not null) return problem;
        if (p!.Status is ProposalStatus.Submitted or ProposalStatus.Approved) return Result<Proposal>.Invalid("", "Proposal ini sudah diajukan.");
        if (!p.IsEditable) return Result<Proposal>.Invalid("", "Proposal yang sudah ditarik tidak dapat diajukan.");
        var deadline = RegistrationProblem(edition!, p);
        if (deadline is not null) return Result<Proposal>.Invalid("", deadline);

        // Everything but the quota is checked outside the transaction; the quota is counted again under a lock below.
        var checklist = await ChecklistAsync(p, ct);
        var blocking = checklist.Findings.Where(f => f.Severity == Severity.Blocking && f.Reason != ReasonCode.KuotaPenuh).ToList();
        if (blocking.Count > 0)
        {
            var errors = new ErrorBag();
            foreach (var f in blocking) errors.Add(f.SectionKey is null ? "" : $"Sections[{f.SectionKey}]", f.Message);
            return errors.ToResult<Proposal>();
        }
        var quota = checklist.Quota;
        var innovation = await db.Innovations.AsNoTracking().Include(i => i.Organisation).Include(i => i.Categories).Include(i => i.SdgGoals)
            .FirstAsync(i => i.Id == p.InnovationId, ct);
        var snapshot = Snapshot(innovation);
        var version = p.Version;

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
            // One lock per organisation and edition, held to commit: two submissions of the same unit queue here and
            // the second counts the first. A serializable transaction would also refuse *other* units' submissions
            // (PostgreSQL's predicate locks cover index pages, not just this unit's rows): in the rush test it
            // turned 2,346 of 3,000 valid submissions into false conflicts.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [p.EditionId, p.OrganisationId], ct);
        else
            // SQLite: the write gate (ADR 0006) already orders write transactions; the no-op update takes the
            // file's write lock before counting for anything outside this process.
            await db.Database.ExecuteSqlRawAsync("UPDATE proposals SET \"Status\" = \"Status\" WHERE \"Id\" = {0}", [id], ct);
        var current = await db.Proposals.FirstAsync(x => x.Id == id, ct);
        if (current.Version != version) return Result<Proposal>.Conflict(StaleMessage);
        var count = await CountSubmittedAsync(current, ct);
        if (count >= quota) return Result<Proposal>.Invalid("", QuotaFullMessage);
        current.Status = ProposalStatus.Submitted;
        current.SubmittedAt = db.Time.GetUtcNow();
        current.ReturnComment = null;
        current.SnapshotJson = snapshot;
        await IndexTextAsync(current, ct);
        await notices.SubmittedAsync(current, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Proposal>.Ok(current);
    }

    public Task<Result<Proposal>> ReturnAsync(int id, string? comment, Guid? expectedVersion, OrganisationScope scope, CancellationToken ct = default)
    {
        var text = comment?.Trim() ?? "";
        if (text.Length == 0) return Task.FromResult(Result<Proposal>.Invalid("Comment", "Tuliskan alasan pengembalian agar unit tahu apa yang harus diperbaiki."));
        if (text.Length > 4000) return Task.FromResult(Result<Proposal>.Invalid("Comment", "Komentar maksimal 4.000 karakter."));
        return ReviewAsync(id, expectedVersion, scope, p =>
        {
            p.Status = ProposalStatus.Returned;
            p.ReturnComment = text;
        }, ct);
    }

    public Task<Result<Proposal>> ApproveAsync(int id, Guid? expectedVersion, OrganisationScope scope, CancellationToken ct = default) =>
        ReviewAsync(id, expectedVersion, scope, p =>
        {
            p.Status = ProposalStatus.Approved;
            p.ApprovedAt = db.Time.GetUtcNow();
            Selection.SelectionService.BackInQueue(p);
        }, ct);

    public async Task<Result<Proposal>> WithdrawAsync(int id, Guid? expectedVersion, OrganisationScope scope, CancellationToken ct = default)
    {
        var (p, edition, problem) = await LoadAsync(id, scope, expectedVersion, ct);
        if (problem is not null) return problem;
        if (p!.Status == ProposalStatus.Withdrawn) return Result<Proposal>.Ok(p);
        var deadline = RegistrationProblem(edition!);
        if (deadline is not null) return Result<Proposal>.Invalid("", "Proposal hanya dapat ditarik sebelum pendaftaran ditutup.");
        p.Status = ProposalStatus.Withdrawn;
        await db.ProposalFingerprints.Where(f => f.ProposalId == p.Id).ExecuteDeleteAsync(ct);
        return await SaveAsync(p, ct);
    }

    private async Task<Result<Proposal>> ReviewAsync(int id, Guid? expectedVersion, OrganisationScope scope, Action<Proposal> change, CancellationToken ct)
    {
        var (p, _, problem) = await LoadAsync(id, scope, expectedVersion, ct);
        if (problem is not null) return problem;
        if (p!.Status != ProposalStatus.Submitted) return Result<Proposal>.Invalid("", "Hanya proposal yang sudah diajukan yang dapat dikembalikan atau disetujui.");
        change(p);
        await notices.ReviewedAsync(p, ct);
        return await SaveAsync(p, ct);
    }

    private Task<int> CountSubmittedAsync(Proposal p, CancellationToken ct) =>
        db.Proposals.CountAsync(o => o.EditionId == p.EditionId && o.OrganisationId == p.OrganisationId && o.Id != p.Id
            && (o.Status == ProposalStatus.Submitted || o.Status == ProposalStatus.Approved || o.Status == ProposalStatus.Repair), ct);

    /// <summary>Null while the proposal may be changed: registration open, or its own repair window from selection.</summary>
    private string? RegistrationProblem(Edition edition, Proposal? p = null) => WindowProblem(edition, p, db.Time.GetUtcNow());

    /// <summary>
    /// Whether a proposal may change at <paramref name="at"/>: within registration, or after it inside the repair
    /// window Panitia granted. The one rule for text, uploads and links.
    /// </summary>
    public static string? WindowProblem(Edition edition, Proposal? p, DateTimeOffset at)
    {
        if (edition.RegistrationOpensAt is { } opens && at < opens) return NotOpenMessage;
        if (edition.RegistrationClosesAt is not { } closes || at >= closes)
            return p is { Selection: SelectionOutcome.RepairRequested, RepairUntil: { } until } ? (at < until ? null : RepairOverMessage) : DeadlineMessage;
        return null;
    }

    private async Task<(Proposal? Proposal, Edition? Edition, Result<Proposal>? Problem)> LoadAsync(int id, OrganisationScope scope, Guid? expectedVersion, CancellationToken ct)
    {
        var p = await db.Proposals.Include(x => x.Organisation).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !scope.Covers(p.Organisation)) return (null, null, Result<Proposal>.NotFound());
        if (expectedVersion is Guid v && v != p.Version) return (null, null, Result<Proposal>.Conflict(StaleMessage));
        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == p.EditionId, ct);
        return (p, edition, null);
    }

    private async Task<Result<Proposal>> SaveAsync(Proposal p, CancellationToken ct)
    {
        // Owned JSON changes alone would leave the owner row unchanged: touch it so Version and audit follow.
        p.UpdatedAt = db.Time.GetUtcNow();
        db.Entry(p).Property(x => x.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Proposal>.Conflict(StaleMessage);
        }
        return Result<Proposal>.Ok(p);
    }


    private static string Snapshot(Innovation i) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["Id"] = i.Id,
        ["Name"] = i.Name,
        ["Organisation"] = i.Organisation.Name,
        ["ShortDescription"] = i.ShortDescription,
        ["StartedOn"] = i.StartedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Stage"] = i.Stage.ToString(),
        ["Kind"] = i.Kind.ToString(),
        ["Categories"] = i.Categories.Select(c => c.Name).Order().ToList(),
        ["SdgGoals"] = i.SdgGoals.Select(s => s.Id).Order().ToList(),
        ["Team"] = i.Team.Select(t => t.Name).ToList(),
        ["SkNumber"] = i.SkNumber,
        ["VideoUrl"] = i.VideoUrl,
        ["WebsiteUrl"] = i.WebsiteUrl,
        ["Sections"] = InnovationSections.All.ToDictionary(s => s.Field, s => InnovationSections.Get(i, s.Field)),
        ["VersionNumber"] = i.VersionNumber,
    });
}
