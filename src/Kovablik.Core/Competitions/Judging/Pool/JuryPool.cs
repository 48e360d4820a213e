using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging.Pool;

/// <summary>A juror to add or change. Reading window instants are UTC (pages convert from WIB dates).</summary>
public sealed record JurorInput
{
    /// <summary>Only when adding: the account (role Juri).</summary>
    public string? UserId { get; init; }

    public string? DisplayName { get; init; }
    public int? OrganisationId { get; init; }
    public int? LoadLimit { get; init; }
    public List<string>? Panels { get; init; }
    public DateTimeOffset? ReadingFrom { get; init; }
    public DateTimeOffset? ReadingUntil { get; init; }
    public bool? Active { get; init; }
    public Guid? ExpectedVersion { get; init; }
}

/// <summary>A juror as the pool lists it, with the organisation's name and whether it is the province root.</summary>
public sealed record PoolMember(Juror Juror, string? Email, string? OrganisationName, bool AffiliatedWithRoot);

/// <summary>An account with the Juri role that Panitia may add to the pool.</summary>
public sealed record JurorCandidate(string UserId, string FullName, string? Email, int? OrganisationId, bool InPool);

/// <summary>
/// An edition's jury pool: Panitia adds accounts with the Juri role, sets their name as shown, affiliation (for
/// organisation-tree conflicts), load limit, panels and reading window, and deactivates them. Bad input changes nothing.
/// </summary>
public sealed class JuryPoolService(KovablikDbContext db, NotificationService notifications, AssignmentCleanup cleanup)
{
    public const int MaxDisplayName = 200;
    public const string UnknownAccountMessage = "Akun tidak ditemukan.";
    public const string NotJurorMessage = "Akun ini tidak memiliki peran Juri.";
    public const string DuplicateMessage = "Akun ini sudah ada dalam kelompok juri edisi ini.";
    public const string NegativeLoadMessage = "Batas beban tidak boleh negatif.";
    public const string WindowMessage = "Akhir masa baca harus setelah awalnya.";
    public const string UnknownOrganisationMessage = "Organisasi tidak ditemukan.";
    public const string NameRequiredMessage = "Nama tampilan wajib diisi.";
    public const string NameTooLongMessage = "Nama tampilan terlalu panjang (maksimal 200 karakter).";
    public const string StaleMessage = JudgingMessages.Stale;
    public const string RootWarning = "Afiliasi juri ini adalah Pemerintah Provinsi (akar struktur), sehingga ia berkonflik dengan semua proposal. Pilih unit kerjanya sendiri, misalnya Biro Organisasi.";

    public async Task<List<PoolMember>> ListAsync(int editionId, CancellationToken ct = default)
    {
        var rows = await db.Jurors.AsNoTracking().Where(j => j.EditionId == editionId)
            .OrderBy(j => j.DisplayName).ThenBy(j => j.Id)
            .Select(j => new
            {
                Juror = j,
                Email = db.Users.Where(u => u.Id == j.UserId).Select(u => u.Email).FirstOrDefault(),
                // Scalar subqueries: SQLite cannot run the APPLY a projected row would need.
                OrganisationName = db.Organisations.Where(o => o.Id == j.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Root = db.Organisations.Any(o => o.Id == j.OrganisationId && o.ParentId == null),
            })
            .ToListAsync(ct);
        return rows.Select(r => new PoolMember(r.Juror, r.Email, r.OrganisationName, r.Root)).ToList();
    }

    /// <summary>Accounts with the Juri role, optionally filtered by name or email, marking those already in the pool.</summary>
    public async Task<List<JurorCandidate>> CandidatesAsync(int editionId, string? search, int take = 50, CancellationToken ct = default)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.Juri).Select(r => r.Id);
        // Juri accounts are a few hundred at most: filter by name or email in memory, alike on both databases.
        var rows = await db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)))
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.FullName, u.Email, u.OrganisationId, InPool = db.Jurors.Any(j => j.EditionId == editionId && j.UserId == u.Id) })
            .ToListAsync(ct);
        var s = search?.Trim();
        if (!string.IsNullOrEmpty(s))
            rows = rows.Where(u => u.FullName.Contains(s, StringComparison.OrdinalIgnoreCase) || (u.Email ?? "").Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        rows = rows.Take(take).ToList();
        return rows.Select(r => new JurorCandidate(r.Id, r.FullName, r.Email, r.OrganisationId, r.InPool)).ToList();
    }

    /// <summary>The panels jurors may sit on: the edition's categories (a proposal's panel is its first category).</summary>
    public Task<List<string>> PanelNamesAsync(int editionId, CancellationToken ct = default) => JudgingPanels.NamesAsync(db, editionId, ct);

    public async Task<Result<Juror>> AddAsync(int editionId, JurorInput input, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(ct);
        if (edition is null) return Result<Juror>.NotFound();
        var errors = new ErrorBag();
        var userId = input.UserId?.Trim();
        AppUser? user = null;
        if (string.IsNullOrEmpty(userId)) errors.Add(nameof(JurorInput.UserId), UnknownAccountMessage);
        else
        {
            user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
            if (user is null) errors.Add(nameof(JurorInput.UserId), UnknownAccountMessage);
            else if (!await IsJuriAsync(user.Id, ct)) errors.Add(nameof(JurorInput.UserId), NotJurorMessage);
            else if (await db.Jurors.AnyAsync(j => j.EditionId == editionId && j.UserId == user.Id, ct)) errors.Add(nameof(JurorInput.UserId), DuplicateMessage);
        }
        var name = string.IsNullOrWhiteSpace(input.DisplayName) ? user?.FullName : input.DisplayName;
        var juror = new Juror { EditionId = editionId, UserId = userId ?? "", DisplayName = name?.Trim() ?? "" };
        await ApplyAsync(juror, input, editionId, errors, ct);
        if (errors.Any) return errors.ToResult<Juror>();
        db.Jurors.Add(juror);
        // The declaration comes first: tell the juror where to make it.
        notifications.Add([(user!.Id, user.Email)],
            Message.Format("Anda ditunjuk sebagai juri {0}", edition.Name),
            Message.Format("Sebelum menilai, lengkapi deklarasi konflik kepentingan untuk {0}.", edition.Name),
            $"/Juri/Deklarasi/{editionId}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two organisers adding the same account at once: the unique index keeps one.
            db.ChangeTracker.Clear();
            return Result<Juror>.Invalid(nameof(JurorInput.UserId), DuplicateMessage);
        }
        return Result<Juror>.Ok(juror);
    }

    public async Task<Result<Juror>> UpdateAsync(int editionId, int jurorId, JurorInput input, CancellationToken ct = default)
    {
        var juror = await db.Jurors.FirstOrDefaultAsync(j => j.Id == jurorId && j.EditionId == editionId, ct);
        if (juror is null) return Result<Juror>.NotFound();
        if (input.ExpectedVersion is Guid v && v != juror.Version) return Result<Juror>.Conflict(StaleMessage);
        var errors = new ErrorBag();
        if (input.DisplayName is not null) juror.DisplayName = input.DisplayName.Trim();
        await ApplyAsync(juror, input, editionId, errors, ct);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToResult<Juror>();
        }
        if (input.Active is bool active) juror.Active = active;
        // A new affiliation may conflict with proposals the juror already holds: those assignments go at once.
        if (db.Entry(juror).Property(j => j.OrganisationId).IsModified)
            await cleanup.RemoveConflictedAsync(juror, null, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<Juror>.Conflict(StaleMessage);
        }
        return Result<Juror>.Ok(juror);
    }

    /// <summary>Deactivates (or reactivates) a juror: an inactive juror gets no new assignments and opens nothing.</summary>
    public async Task<Result<Juror>> SetActiveAsync(int editionId, int jurorId, bool active, CancellationToken ct = default)
    {
        var juror = await db.Jurors.FirstOrDefaultAsync(j => j.Id == jurorId && j.EditionId == editionId, ct);
        if (juror is null) return Result<Juror>.NotFound();
        juror.Active = active;
        await db.SaveChangesAsync(ct);
        return Result<Juror>.Ok(juror);
    }

    /// <summary>The warning to show when the affiliation is the province root (it conflicts with every proposal).</summary>
    public async Task<string?> AffiliationWarningAsync(int? organisationId, CancellationToken ct = default) =>
        organisationId is { } id && await db.Organisations.AnyAsync(o => o.Id == id && o.ParentId == null, ct) ? RootWarning : null;

    private Task<bool> IsJuriAsync(string userId, CancellationToken ct)
    {
        var roleId = db.Roles.Where(r => r.Name == Roles.Juri).Select(r => r.Id);
        return db.UserRoles.AnyAsync(ur => ur.UserId == userId && roleId.Contains(ur.RoleId), ct);
    }

    /// <summary>Validates and copies the settable fields (all of them: the input is the whole form).</summary>
    private async Task ApplyAsync(Juror juror, JurorInput input, int editionId, ErrorBag errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(juror.DisplayName)) errors.Add(nameof(JurorInput.DisplayName), NameRequiredMessage);
        else if (juror.DisplayName.Length > MaxDisplayName) errors.Add(nameof(JurorInput.DisplayName), NameTooLongMessage);
        if (input.OrganisationId is { } org && !await db.Organisations.AnyAsync(o => o.Id == org, ct))
            errors.Add(nameof(JurorInput.OrganisationId), UnknownOrganisationMessage);
        if (input.LoadLimit is < 0) errors.Add(nameof(JurorInput.LoadLimit), NegativeLoadMessage);
        if (input.ReadingFrom is { } from && input.ReadingUntil is { } until && until < from)
            errors.Add(nameof(JurorInput.ReadingUntil), WindowMessage);
        var panels = (input.Panels ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (panels.Count > 0)
        {
            var known = await JudgingPanels.NamesAsync(db, editionId, ct);
            foreach (var p in panels.Where(p => !known.Contains(p, StringComparer.Ordinal)))
                errors.Add(nameof(JurorInput.Panels), Message.Format("Panel tidak dikenal pada edisi ini: {0}.", p));
        }
        if (errors.Any) return;
        juror.OrganisationId = input.OrganisationId;
        juror.LoadLimit = input.LoadLimit;
        if (!juror.Panels.SequenceEqual(panels)) juror.Panels = panels;
        juror.ReadingFrom = input.ReadingFrom;
        juror.ReadingUntil = input.ReadingUntil;
    }
}

/// <summary>
/// Panels: a proposal's panel is its first category (the one the unit listed first), restricted to the edition's
/// categories; a proposal without one has no panel and any juror may read it. A juror's panels are category names;
/// a juror with no panels reads any proposal.
/// </summary>
public static class JudgingPanels
{
    public static async Task<List<string>> NamesAsync(KovablikDbContext db, int editionId, CancellationToken ct = default) =>
        await db.Editions.AsNoTracking().Where(e => e.Id == editionId).SelectMany(e => e.Categories).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);

    /// <summary>Proposal id → panel (null: none).</summary>
    public static async Task<Dictionary<int, string?>> OfProposalsAsync(KovablikDbContext db, int editionId, IReadOnlyCollection<int> proposalIds, CancellationToken ct = default)
    {
        var categories = await db.Editions.AsNoTracking().Where(e => e.Id == editionId).SelectMany(e => e.Categories)
            .Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var result = new Dictionary<int, string?>(proposalIds.Count);
        foreach (var chunk in proposalIds.Chunk(1000))
        {
            var rows = await db.Proposals.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.CategoryIds }).ToListAsync(ct);
            foreach (var r in rows)
                result[r.Id] = r.CategoryIds.Where(categories.ContainsKey).Select(c => categories[c]).FirstOrDefault();
        }
        return result;
    }
}
