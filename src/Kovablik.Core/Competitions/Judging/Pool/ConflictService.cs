using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Pool;

/// <summary>A proposal the juror ticks as a conflict, with the reason.</summary>
public sealed record DeclarationItem(int ProposalId, string? Reason);

/// <summary>The juror's mandatory declaration: conflicts ticked, or "none" confirmed.</summary>
public sealed record JurorDeclarationInput
{
    public List<DeclarationItem>? Conflicts { get; init; }
    public bool NoneConfirmed { get; init; }
}

/// <summary>A declaration by Panitia: a juror against a proposal or every proposal of an organisation.</summary>
public sealed record PanitiaConflictInput
{
    public int? JurorId { get; init; }
    public int? ProposalId { get; init; }
    public int? OrganisationId { get; init; }
    public string? Reason { get; init; }
}

public sealed record DeclarableProposal(int Id, string Title, int OrganisationId, string OrganisationName, bool Declared, string? Reason);

public sealed record JurorDeclarationView(Juror Juror, string EditionName, List<DeclarableProposal> Proposals);

public sealed record UnitJuror(int Id, string DisplayName, string? OrganisationName);

public sealed record UnitConflictView(Proposal Proposal, List<UnitJuror> Jurors, List<ConflictDeclaration> Declarations);

public sealed record DeclarationRow(ConflictDeclaration Declaration, string JurorName, string? ProposalTitle, string? OrganisationName, string? DeclaredByName);

public sealed record ConflictRow(int JurorId, string JurorName, int ProposalId, string ProposalTitle, string OrganisationName, bool FromOrganisationTree, List<int> DeclarationIds);

public sealed record ConflictOverview(List<DeclarationRow> Declarations, List<ConflictRow> Conflicts, int ConflictCount);

/// <summary>
/// Declared conflicts of interest: by the juror (mandatory before their queue opens), by a unit about its own
/// proposal, and by Panitia (who may also withdraw one, with a reason). A declaration removes the juror's affected
/// assignments and unfrozen score sheets in the same transaction (<see cref="AssignmentCleanup"/>).
/// </summary>
public sealed class ConflictService(KovablikDbContext db, JudgingAccess access, AssignmentCleanup cleanup)
{
    public const int MaxReason = 1000;
    public const string ReasonRequiredMessage = "Alasan konflik wajib diisi.";
    public const string ReasonTooLongMessage = "Alasan terlalu panjang (maksimal 1.000 karakter).";
    public const string ChooseOrConfirmMessage = "Centang proposal yang berkonflik dengan Anda, atau nyatakan bahwa Anda tidak memiliki konflik.";
    public const string ContradictionMessage = "Anda menandai konflik sekaligus menyatakan tidak ada konflik; pilih salah satu.";
    public const string UnknownProposalMessage = "Proposal tidak ditemukan pada edisi ini.";
    public const string UnknownJurorMessage = "Juri tidak ditemukan pada edisi ini.";
    public const string UnknownOrganisationMessage = "Organisasi tidak ditemukan.";
    public const string TargetMessage = "Pilih satu proposal atau satu organisasi.";
    public const string AlreadyDeclaredMessage = "Konflik ini sudah tercatat.";
    public const string AlreadyWithdrawnMessage = "Deklarasi ini sudah dicabut.";
    public const string WithdrawReasonMessage = "Alasan pencabutan wajib diisi.";
    public const int OverviewLimit = 1000;

    // ------------------------------------------------------------------ juror

    /// <summary>What the juror declares about: the edition's judged proposals (passed administrative selection).</summary>
    public async Task<JurorDeclarationView?> JurorViewAsync(int editionId, string userId, CancellationToken ct = default)
    {
        var juror = await db.Jurors.AsNoTracking().FirstOrDefaultAsync(j => j.EditionId == editionId && j.UserId == userId && j.Active, ct);
        if (juror is null) return null;
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => e.Name).FirstAsync(ct);
        var mine = await db.ConflictDeclarations.AsNoTracking()
            .Where(c => c.JurorId == juror.Id && c.WithdrawnAt == null && c.ProposalId != null && c.Source == ConflictSource.Juror)
            .Select(c => new { ProposalId = c.ProposalId!.Value, c.Reason }).ToListAsync(ct);
        var reasons = mine.GroupBy(m => m.ProposalId).ToDictionary(g => g.Key, g => g.First().Reason);
        var proposals = await JudgedProposals(editionId)
            .OrderBy(p => p.Organisation.Name).ThenBy(p => p.Title)
            .Select(p => new { p.Id, p.Title, p.OrganisationId, p.Organisation.Name })
            .ToListAsync(ct);
        // A proposal the juror already conflicts with through the organisation tree or someone else's declaration
        // is left out: there is nothing to declare, and a conflicted juror is never shown the proposal at all.
        var hidden = (await access.ExplainConflictsAsync(editionId, [juror], proposals.Select(p => (p.Id, p.OrganisationId)).ToList(), ct))
            .Where(c => !reasons.ContainsKey(c.ProposalId))
            .Select(c => c.ProposalId).ToHashSet();
        return new JurorDeclarationView(juror, edition,
            proposals.Where(p => !hidden.Contains(p.Id))
                .Select(p => new DeclarableProposal(p.Id, p.Title, p.OrganisationId, p.Name, reasons.ContainsKey(p.Id), reasons.GetValueOrDefault(p.Id))).ToList());
    }

    /// <summary>
    /// Records the juror's declaration: new conflicts (each with a reason), or "none"; completes the mandatory
    /// declaration. Declaring again later adds conflicts; withdrawing one is Panitia's.
    /// Errors are keyed "Conflicts[proposalId]" for a reason and "NoneConfirmed" for the choice.
    /// </summary>
    public async Task<Result<Juror>> DeclareAsJurorAsync(int editionId, string userId, JurorDeclarationInput input, CancellationToken ct = default)
    {
        var juror = await db.Jurors.FirstOrDefaultAsync(j => j.EditionId == editionId && j.UserId == userId && j.Active, ct);
        if (juror is null) return Result<Juror>.NotFound();
        var items = (input.Conflicts ?? []).DistinctBy(c => c.ProposalId).ToList();
        var errors = new ErrorBag();
        if (items.Count == 0 && !input.NoneConfirmed && juror.DeclarationCompletedAt is null)
            errors.Add(nameof(JurorDeclarationInput.NoneConfirmed), ChooseOrConfirmMessage);
        if (items.Count > 0 && input.NoneConfirmed)
            errors.Add(nameof(JurorDeclarationInput.NoneConfirmed), ContradictionMessage);
        var ids = items.Select(i => i.ProposalId).ToList();
        var known = await JudgedProposals(editionId).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var item in items)
        {
            var key = $"Conflicts[{item.ProposalId}]";
            if (!known.Contains(item.ProposalId)) errors.Add(key, UnknownProposalMessage);
            else CheckReason(item.Reason, key, errors);
        }
        if (errors.Any) return errors.ToResult<Juror>();

        var already = await db.ConflictDeclarations.Where(c => c.JurorId == juror.Id && c.WithdrawnAt == null && c.ProposalId != null && ids.Contains(c.ProposalId.Value))
            .Select(c => c.ProposalId!.Value).ToListAsync(ct);
        var now = db.Time.GetUtcNow();
        var added = items.Where(i => !already.Contains(i.ProposalId)).Select(i => new ConflictDeclaration
        {
            EditionId = editionId,
            JurorId = juror.Id,
            ProposalId = i.ProposalId,
            Source = ConflictSource.Juror,
            Reason = i.Reason!.Trim(),
            DeclaredByUserId = userId,
            DeclaredAt = now,
        }).ToList();
        db.ConflictDeclarations.AddRange(added);
        if (added.Count > 0) await cleanup.RemoveConflictedAsync(juror, added, ct);
        juror.DeclarationCompletedAt ??= now;
        await db.SaveChangesAsync(ct);
        return Result<Juror>.Ok(juror);
    }

    // ------------------------------------------------------------------ unit

    /// <summary>The unit's view of a proposal in its scope: the edition's active jurors and the unit's declarations.</summary>
    public async Task<UnitConflictView?> UnitViewAsync(int proposalId, OrganisationScope scope, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null || !scope.Covers(proposal.Organisation)) return null;
        var jurors = await db.Jurors.AsNoTracking().Where(j => j.EditionId == proposal.EditionId && j.Active)
            .OrderBy(j => j.DisplayName)
            .Select(j => new UnitJuror(j.Id, j.DisplayName, db.Organisations.Where(o => o.Id == j.OrganisationId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(ct);
        var declarations = await db.ConflictDeclarations.AsNoTracking()
            .Where(c => c.ProposalId == proposalId && c.Source == ConflictSource.Unit)
            .OrderBy(c => c.DeclaredAt).ToListAsync(ct);
        return new UnitConflictView(proposal, jurors, declarations);
    }

    /// <summary>A unit declares that a juror of the edition has a conflict with its own proposal (scope checked).</summary>
    public async Task<Result<ConflictDeclaration>> DeclareAsUnitAsync(int proposalId, int? jurorId, string? reason, OrganisationScope scope, string? userId, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Organisation).FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null || !scope.Covers(proposal.Organisation)) return Result<ConflictDeclaration>.NotFound();
        var errors = new ErrorBag();
        var juror = jurorId is { } jid ? await db.Jurors.FirstOrDefaultAsync(j => j.Id == jid && j.EditionId == proposal.EditionId && j.Active, ct) : null;
        if (juror is null) errors.Add("JurorId", UnknownJurorMessage);
        CheckReason(reason, "Reason", errors);
        if (!errors.Any && await db.ConflictDeclarations.AnyAsync(c => c.JurorId == juror!.Id && c.ProposalId == proposalId && c.Source == ConflictSource.Unit && c.WithdrawnAt == null, ct))
            errors.Add("JurorId", AlreadyDeclaredMessage);
        if (errors.Any) return errors.ToResult<ConflictDeclaration>();
        return await AddAsync(juror!, proposalId, null, ConflictSource.Unit, reason!, userId, ct);
    }

    // ------------------------------------------------------------------ Panitia

    public async Task<Result<ConflictDeclaration>> DeclareAsPanitiaAsync(int editionId, PanitiaConflictInput input, string? userId, CancellationToken ct = default)
    {
        if (!await db.Editions.AnyAsync(e => e.Id == editionId, ct)) return Result<ConflictDeclaration>.NotFound();
        var errors = new ErrorBag();
        var juror = input.JurorId is { } jid ? await db.Jurors.FirstOrDefaultAsync(j => j.Id == jid && j.EditionId == editionId, ct) : null;
        if (juror is null) errors.Add(nameof(PanitiaConflictInput.JurorId), UnknownJurorMessage);
        if (input.ProposalId is null == input.OrganisationId is null) errors.Add(nameof(PanitiaConflictInput.ProposalId), TargetMessage);
        else if (input.ProposalId is { } pid && !await db.Proposals.AnyAsync(p => p.Id == pid && p.EditionId == editionId, ct))
            errors.Add(nameof(PanitiaConflictInput.ProposalId), UnknownProposalMessage);
        else if (input.OrganisationId is { } oid && !await db.Organisations.AnyAsync(o => o.Id == oid, ct))
            errors.Add(nameof(PanitiaConflictInput.OrganisationId), UnknownOrganisationMessage);
        CheckReason(input.Reason, nameof(PanitiaConflictInput.Reason), errors);
        if (!errors.Any && await db.ConflictDeclarations.AnyAsync(c => c.JurorId == juror!.Id && c.WithdrawnAt == null
                && c.ProposalId == input.ProposalId && c.OrganisationId == input.OrganisationId && c.Source == ConflictSource.Panitia, ct))
            errors.Add(nameof(PanitiaConflictInput.JurorId), AlreadyDeclaredMessage);
        if (errors.Any) return errors.ToResult<ConflictDeclaration>();
        return await AddAsync(juror!, input.ProposalId, input.OrganisationId, ConflictSource.Panitia, input.Reason!, userId, ct);
    }

    /// <summary>
    /// Panitia withdraws a declaration (any source) with a reason; it stays as history. Assignments it removed are not
    /// restored: the next assignment run or a manual assignment may pair them again.
    /// </summary>
    public async Task<Result<ConflictDeclaration>> WithdrawAsync(int editionId, int declarationId, string? reason, string? userId, CancellationToken ct = default)
    {
        var d = await db.ConflictDeclarations.FirstOrDefaultAsync(c => c.Id == declarationId && c.EditionId == editionId, ct);
        if (d is null) return Result<ConflictDeclaration>.NotFound();
        var errors = new ErrorBag();
        if (d.WithdrawnAt is not null) errors.Add("Reason", AlreadyWithdrawnMessage);
        else if (string.IsNullOrWhiteSpace(reason)) errors.Add("Reason", WithdrawReasonMessage);
        else if (reason.Trim().Length > MaxReason) errors.Add("Reason", ReasonTooLongMessage);
        if (errors.Any) return errors.ToResult<ConflictDeclaration>();
        d.WithdrawnAt = db.Time.GetUtcNow();
        d.WithdrawnByUserId = userId;
        d.WithdrawalReason = reason!.Trim();
        await db.SaveChangesAsync(ct);
        return Result<ConflictDeclaration>.Ok(d);
    }

    /// <summary>
    /// Every declaration of the edition (withdrawn ones too) and the conflicts in force between the pool and the
    /// judged proposals, each with its cause (the first <see cref="OverviewLimit"/>; the count is of all).
    /// </summary>
    public async Task<ConflictOverview?> OverviewAsync(int editionId, CancellationToken ct = default)
    {
        if (!await db.Editions.AnyAsync(e => e.Id == editionId, ct)) return null;
        var jurors = await db.Jurors.AsNoTracking().Where(j => j.EditionId == editionId).ToListAsync(ct);
        var names = jurors.ToDictionary(j => j.Id, j => j.DisplayName);
        var declarations = await db.ConflictDeclarations.AsNoTracking().Where(c => c.EditionId == editionId)
            .OrderByDescending(c => c.DeclaredAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                D = c,
                Title = db.Proposals.Where(p => p.Id == c.ProposalId).Select(p => p.Title).FirstOrDefault(),
                Org = db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == c.DeclaredByUserId).Select(u => u.FullName).FirstOrDefault(),
            }).ToListAsync(ct);
        var proposals = await JudgedProposals(editionId).Select(p => new { p.Id, p.Title, p.OrganisationId, OrganisationName = p.Organisation.Name }).ToListAsync(ct);
        var byId = proposals.ToDictionary(p => p.Id);
        var causes = await access.ExplainConflictsAsync(editionId, jurors, proposals.Select(p => (p.Id, p.OrganisationId)).ToList(), ct);
        var rows = causes.Take(OverviewLimit).Select(c =>
        {
            var p = byId[c.ProposalId];
            return new ConflictRow(c.JurorId, names[c.JurorId], p.Id, p.Title, p.OrganisationName, c.FromOrganisationTree, c.DeclarationIds);
        }).ToList();
        return new ConflictOverview(
            declarations.Select(x => new DeclarationRow(x.D, names.GetValueOrDefault(x.D.JurorId, "?"), x.Title, x.Org, x.By)).ToList(),
            rows, causes.Count);
    }

    /// <summary>Proposals of the edition that entered judging (passed administrative selection).</summary>
    public IQueryable<Proposal> JudgedProposals(int editionId) =>
        db.Proposals.AsNoTracking().Where(p => p.EditionId == editionId && p.Selection == SelectionOutcome.Passed);

    private async Task<Result<ConflictDeclaration>> AddAsync(Juror juror, int? proposalId, int? organisationId, ConflictSource source, string reason, string? userId, CancellationToken ct)
    {
        var d = new ConflictDeclaration
        {
            EditionId = juror.EditionId,
            JurorId = juror.Id,
            ProposalId = proposalId,
            OrganisationId = organisationId,
            Source = source,
            Reason = reason.Trim(),
            DeclaredByUserId = userId,
            DeclaredAt = db.Time.GetUtcNow(),
        };
        db.ConflictDeclarations.Add(d);
        await cleanup.RemoveConflictedAsync(juror, [d], ct);
        await db.SaveChangesAsync(ct);
        return Result<ConflictDeclaration>.Ok(d);
    }

    private static void CheckReason(string? reason, string key, ErrorBag errors)
    {
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(key, ReasonRequiredMessage);
        else if (reason.Trim().Length > MaxReason) errors.Add(key, ReasonTooLongMessage);
    }
}
