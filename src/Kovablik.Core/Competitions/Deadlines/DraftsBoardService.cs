using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Deadlines;

/// <summary>One thing that keeps a proposal from being submitted: a blocking finding of the validator.</summary>
public sealed record MissingItem(string Code, string Message);

public sealed record DraftItem(int ProposalId, string Title, int OrganisationId, string OrganisationName, int AgencyId, ProposalStatus Status, IReadOnlyList<MissingItem> Missing);

/// <summary>An agency (kabupaten/kota or provincial perangkat daerah) with its units' unsubmitted proposals.</summary>
public sealed record AgencyDrafts(int AgencyId, string AgencyName, int Submitted, IReadOnlyList<DraftItem> Drafts)
{
    public int Unsubmitted => Drafts.Count;
}

public sealed record DraftsBoard(int EditionId, string EditionName, DateTimeOffset? ClosesAt, IReadOnlyList<AgencyDrafts> Agencies)
{
    public int Unsubmitted => Agencies.Sum(a => a.Unsubmitted);
    public int Submitted => Agencies.Sum(a => a.Submitted);
}

/// <summary>
/// The organisers' board of proposals not yet submitted, per agency, with what is missing; also what the D-7/D-3/D-1
/// reminders list. Built in bulk for thousands of proposals: a fixed number of queries, then the pure
/// <see cref="ProposalService.Checklist"/> per proposal.
/// </summary>
public sealed class DraftsBoardService(KovablikDbContext db)
{
    /// <summary>Statuses of a proposal the unit still has to submit.</summary>
    public static readonly ProposalStatus[] Unsubmitted = [ProposalStatus.Draft, ProposalStatus.Returned];

    public async Task<DraftsBoard?> BuildAsync(int editionId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return null;
        var drafts = await DraftsAsync(edition, null, ct);

        var submitted = await db.Proposals.AsNoTracking()
            .Where(p => p.EditionId == editionId && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.Approved))
            .Select(p => p.Organisation.Path).ToListAsync(ct);
        var submittedByAgency = submitted.GroupBy(AgencyOf).ToDictionary(g => g.Key, g => g.Count());

        var agencyIds = drafts.Select(d => d.AgencyId).Concat(submittedByAgency.Keys).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => agencyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var draftsByAgency = drafts.ToLookup(d => d.AgencyId);
        var agencies = agencyIds
            .Select(id => new AgencyDrafts(id, names.GetValueOrDefault(id, "?"), submittedByAgency.GetValueOrDefault(id),
                draftsByAgency[id].OrderBy(d => d.OrganisationName, StringComparer.Ordinal).ThenBy(d => d.ProposalId).ToList()))
            .OrderByDescending(a => a.Unsubmitted).ThenBy(a => a.AgencyName, StringComparer.Ordinal)
            .ToList();
        return new DraftsBoard(edition.Id, edition.Name, edition.RegistrationClosesAt, agencies);
    }

    /// <summary>
    /// The unsubmitted proposals of an edition (optionally of some organisations only) with their blocking findings.
    /// Blocking findings need only exact-duplicate titles among the other proposals (near-duplicates and copied text
    /// are warnings), so titles are matched through a dictionary instead of comparing every pair.
    /// </summary>
    public async Task<List<DraftItem>> DraftsAsync(Edition edition, IReadOnlyCollection<int>? organisationIds, CancellationToken ct = default)
    {
        var query = db.Proposals.AsNoTracking().Include(p => p.Organisation)
            .Where(p => p.EditionId == edition.Id && Unsubmitted.Contains(p.Status));
        if (organisationIds is not null)
        {
            var ids = organisationIds.ToList();
            query = query.Where(p => ids.Contains(p.OrganisationId));
        }
        var drafts = await query.ToListAsync(ct);
        if (drafts.Count == 0) return [];

        var innovationIds = drafts.Select(p => p.InnovationId).Distinct().ToList();
        var startedOn = await db.Innovations.AsNoTracking().Where(i => innovationIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.StartedOn, ct);
        var titles = await db.Proposals.AsNoTracking()
            .Where(p => p.EditionId == edition.Id && p.Status != ProposalStatus.Withdrawn)
            .Select(p => new { p.Id, p.Title, p.OrganisationId, p.Status }).ToListAsync(ct);
        var byTitle = titles.Where(t => TitleSimilarity.Normalise(t.Title).Length > 0)
            .ToLookup(t => TitleSimilarity.Normalise(t.Title), StringComparer.Ordinal);
        var submittedByOrg = titles.Where(t => t.Status is ProposalStatus.Submitted or ProposalStatus.Approved or ProposalStatus.Repair)
            .GroupBy(t => t.OrganisationId).ToDictionary(g => g.Key, g => g.Count());

        var draftIds = drafts.Select(p => p.Id).ToList();
        var documents = (await db.ProposalDocuments.AsNoTracking().Where(d => draftIds.Contains(d.ProposalId)).ToListAsync(ct))
            .ToLookup(d => d.ProposalId);

        var awards = await AwardService.PastAwardsAsync(db, innovationIds, edition.Id, edition.Year, ct);

        var result = new List<DraftItem>(drafts.Count);
        foreach (var p in drafts)
        {
            var normalised = TitleSimilarity.Normalise(p.Title);
            var sameTitle = normalised.Length == 0 ? [] : byTitle[normalised].Where(t => t.Id != p.Id)
                .Select(t => new KnownTitle(t.Title, edition.Name)).ToList();
            var checklist = ProposalService.Checklist(p, edition, startedOn.GetValueOrDefault(p.InnovationId), p.Organisation.Type,
                sameTitle, [], submittedByOrg.GetValueOrDefault(p.OrganisationId), documents[p.Id].ToList(), blockingOnly: true,
                pastAwards: awards.GetValueOrDefault(p.InnovationId));
            var missing = checklist.Findings.Where(f => f.Severity == Severity.Blocking)
                .Select(f => new MissingItem(f.Code, f.Message)).ToList();
            result.Add(new DraftItem(p.Id, p.Title, p.OrganisationId, p.Organisation.Name, AgencyOf(p.Organisation.Path), p.Status, missing));
        }
        return result;
    }

    /// <summary>
    /// The agency an organisation belongs to: its ancestor one level below the province root ("/1/7/42/" → 7),
    /// i.e. the kabupaten/kota or provincial perangkat daerah; the province itself for the root.
    /// </summary>
    public static int AgencyOf(string path)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(ids.Length >= 2 ? ids[1] : ids[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
