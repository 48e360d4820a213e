using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Exhibitions.OpenData;

/// <summary>One published innovation as open data. Field names and meanings are documented in docs/open-data.md.</summary>
public sealed record PublicInnovation(
    int Id,
    string Name,
    string ShortDescription,
    string Summary,
    int OrganisationId,
    string Organisation,
    string? KabupatenKota,
    string Kind,
    string Stage,
    DateOnly? StartedOn,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Categories,
    IReadOnlyList<int> Sdgs,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Awards,
    string? VideoUrl,
    string? WebsiteUrl,
    string Url);

/// <summary>One award as a public competition result.</summary>
public sealed record PublicResult(int Year, string Competition, string Award, string Tier, int InnovationId, string Innovation, string Organisation, string? KabupatenKota, string Url);

/// <summary>
/// The public catalogue and results as open data: published innovations only, public fields only (no contact
/// person's phone, no team, no drafts). Rows are read in id order in batches, so a download of 50,000 entries never
/// holds the whole registry in memory.
/// </summary>
public sealed class PublicCatalogue(KovablikDbContext db)
{
    public const int Batch = 1000;

    /// <summary>Published innovations with <paramref name="afterId"/> &lt; id ≤ <paramref name="untilId"/>, in id order.</summary>
    public async IAsyncEnumerable<PublicInnovation> InnovationsAsync(string baseUrl, int afterId = 0, int untilId = int.MaxValue,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var places = await PlacesAsync(ct);
        var awards = (await db.InnovationAwards.AsNoTracking().Where(a => a.InnovationId > afterId && a.InnovationId <= untilId).OrderByDescending(a => a.Year)
                .Select(a => new { a.InnovationId, a.Year, a.Competition, a.Title }).ToListAsync(ct))
            .ToLookup(a => a.InnovationId, a => $"{a.Competition} {a.Year} {a.Title}");
        var lastId = afterId;
        while (true)
        {
            var rows = await db.Innovations.AsNoTracking()
                .Where(i => i.Status == InnovationStatus.Published && i.Id > lastId && i.Id <= untilId)
                .OrderBy(i => i.Id).Take(Batch)
                .Select(i => new
                {
                    i.Id, i.Name, i.ShortDescription, i.Ringkasan, i.OrganisationId, i.Kind, i.Stage, i.StartedOn, i.PublishedAt, i.UpdatedAt,
                    i.VideoUrl, i.WebsiteUrl,
                    Categories = i.Categories.OrderBy(c => c.Id).Select(c => c.Name).ToList(),
                    Sdgs = i.SdgGoals.OrderBy(s => s.Id).Select(s => s.Id).ToList(),
                    Targets = i.TargetGroups.OrderBy(t => t.Id).Select(t => t.Name).ToList(),
                })
                .AsSplitQuery()
                .ToListAsync(ct);
            if (rows.Count == 0) yield break;
            foreach (var r in rows)
            {
                var (org, kab) = places.GetValueOrDefault(r.OrganisationId);
                yield return new PublicInnovation(r.Id, r.Name, r.ShortDescription, r.Ringkasan, r.OrganisationId, org ?? "", kab, r.Kind.ToString(), r.Stage.ToString(),
                    r.StartedOn, r.PublishedAt, r.UpdatedAt, r.Categories, r.Sdgs, r.Targets, [.. awards[r.Id]], r.VideoUrl, r.WebsiteUrl, $"{baseUrl}/Inovasi/{r.Id}");
            }
            lastId = rows[^1].Id;
        }
    }

    /// <summary>Every recorded award of a published innovation, newest first.</summary>
    public async Task<List<PublicResult>> ResultsAsync(string baseUrl, CancellationToken ct = default)
    {
        var places = await PlacesAsync(ct);
        var rows = await db.InnovationAwards.AsNoTracking().Where(a => a.Innovation.Status == InnovationStatus.Published)
            .OrderByDescending(a => a.Year).ThenBy(a => a.Competition).ThenBy(a => a.Title).ThenBy(a => a.InnovationId)
            .Select(a => new { a.Year, a.Competition, a.Title, a.Tier, a.InnovationId, Name = a.Innovation.Name, a.Innovation.OrganisationId })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var (org, kab) = places.GetValueOrDefault(r.OrganisationId);
            return new PublicResult(r.Year, r.Competition, r.Title, r.Tier == AwardTier.Top ? "top" : "finalist", r.InnovationId, r.Name, org ?? "", kab, $"{baseUrl}/Inovasi/{r.InnovationId}");
        }).ToList();
    }

    /// <summary>
    /// A cheap fingerprint of the public catalogue for ETags: the newest change to any innovation or award and the
    /// number of published innovations. Any edit, publication or withdrawal changes it.
    /// </summary>
    public async Task<string> VersionAsync(CancellationToken ct = default)
    {
        var newest = await db.Innovations.MaxAsync(i => (DateTimeOffset?)i.UpdatedAt, ct);
        var published = await db.Innovations.CountAsync(i => i.Status == InnovationStatus.Published, ct);
        var awards = await db.InnovationAwards.CountAsync(ct);
        var lastAward = await db.InnovationAwards.MaxAsync(a => (int?)a.Id, ct);
        return FormattableString.Invariant($"{newest?.UtcTicks ?? 0:x}-{published:x}-{awards:x}-{lastAward ?? 0:x}");
    }

    /// <summary>Organisation id → (name, its kabupaten/kota's name when it sits under one).</summary>
    private async Task<Dictionary<int, (string Name, string? KabKota)>> PlacesAsync(CancellationToken ct)
    {
        var orgs = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Type, o.Path }).ToListAsync(ct);
        var kabkota = orgs.Where(o => o.Type == OrganisationType.KabupatenKota).ToDictionary(o => o.Path, o => o.Name);
        return orgs.ToDictionary(o => o.Id, o =>
        {
            // Paths are "/root/.../self/": the kabupaten/kota is the ancestor (or self) whose path is in the table.
            string? kab = null;
            for (var end = o.Path.IndexOf('/', 1); end > 0; end = o.Path.IndexOf('/', end + 1))
                if (kabkota.TryGetValue(o.Path[..(end + 1)], out var name)) { kab = name; break; }
            return (o.Name, kab);
        });
    }
}
