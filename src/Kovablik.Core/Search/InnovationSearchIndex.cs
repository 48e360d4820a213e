using System.Text;
using Kovablik.Data;
using Kovablik.Innovations;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Search;

/// <summary>Keeps <c>innovation_search</c> in step with the innovations: one row per published innovation.</summary>
public static class InnovationSearchIndex
{
    /// <summary>
    /// Body words indexed per innovation. Bounds the index and the ranking work per match (PostgreSQL reads
    /// the whole tsvector to rank); eight full KIPP sections rarely go past it.
    /// </summary>
    public const int MaxBodyWords = 4000;

    private static readonly string[] IndexedProperties =
    [
        nameof(Innovation.Name), nameof(Innovation.ShortDescription), nameof(Innovation.Status),
        .. InnovationSections.All.Select(s => s.Field),
    ];

    /// <summary>Index terms of a text: every stem in order, then each distinct word whose stem differs.</summary>
    public static string Terms(string? text, int maxWords = int.MaxValue)
    {
        var stems = new StringBuilder();
        var surface = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var word in IndonesianText.Words(text))
        {
            if (count++ >= maxWords) break;
            var stem = IndonesianText.StemOf(word);
            if (stems.Length > 0) stems.Append(' ');
            stems.Append(stem);
            // The word as written is indexed once more, so "pelay" (as-you-type) finds "pelayanan" whose stem is "layan".
            if (stem != word && seen.Add(word)) surface.Add(word);
        }
        foreach (var w in surface) stems.Append(' ').Append(w);
        return stems.ToString();
    }

    public static string BodyText(Innovation i)
    {
        var sb = new StringBuilder(i.ShortDescription);
        foreach (var (field, _) in InnovationSections.All) sb.Append('\n').Append(InnovationSections.Get(i, field));
        return sb.ToString();
    }

    private static void Fill(InnovationSearchEntry e, Innovation i)
    {
        e.NameTerms = Terms(i.Name);
        e.BodyTerms = Terms(BodyText(i), MaxBodyWords);
        e.StemmerVersion = IndonesianStemmer.Version;
    }

    /// <summary>Called by <see cref="KovablikDbContext.SaveChangesAsync(bool, CancellationToken)"/> before it saves.</summary>
    /// <returns>Whether any innovation's searchable text or status changed (the cached searches are then dropped).</returns>
    public static async Task<bool> SyncAsync(KovablikDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Innovation>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && IndexedProperties.Any(p => e.Property(p).IsModified)))
            .ToList();
        if (changed.Count > 0) Kovablik.Search.SearchResultCache.CatalogueChanged();
        foreach (var entry in changed)
        {
            var innovation = entry.Entity;
            var published = innovation.Status == InnovationStatus.Published;
            if (entry.State == EntityState.Added)
            {
                if (!published) continue;
                var fresh = new InnovationSearchEntry { Innovation = innovation };
                Fill(fresh, innovation);
                db.InnovationSearch.Add(fresh);
                continue;
            }
            var existing = await db.InnovationSearch.FindAsync([innovation.Id], ct);
            if (!published)
            {
                if (existing is not null) db.InnovationSearch.Remove(existing);
                continue;
            }
            if (existing is null)
            {
                existing = new InnovationSearchEntry { InnovationId = innovation.Id };
                db.InnovationSearch.Add(existing);
            }
            Fill(existing, innovation);
        }
        return changed.Count > 0;
    }

    /// <summary>
    /// Indexes published innovations that have no row or one made by an older stemmer, and drops rows of
    /// innovations that are no longer published. Run after migrating; cheap when nothing is stale.
    /// </summary>
    public static async Task<int> RebuildStaleAsync(KovablikDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        var orphans = await db.InnovationSearch.Where(e => e.Innovation!.Status != InnovationStatus.Published).ToListAsync(ct);
        if (orphans.Count > 0)
        {
            db.InnovationSearch.RemoveRange(orphans);
            await db.SaveChangesAsync(ct);
        }
        while (true)
        {
            var batch = await db.Innovations.AsNoTracking()
                .Where(i => i.Status == InnovationStatus.Published
                    && !db.InnovationSearch.Any(e => e.InnovationId == i.Id && e.StemmerVersion == IndonesianStemmer.Version))
                .OrderBy(i => i.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return total;
            var ids = batch.Select(i => i.Id).ToList();
            var rows = await db.InnovationSearch.Where(e => ids.Contains(e.InnovationId)).ToDictionaryAsync(e => e.InnovationId, ct);
            foreach (var i in batch)
            {
                if (!rows.TryGetValue(i.Id, out var row))
                {
                    row = new InnovationSearchEntry { InnovationId = i.Id };
                    db.InnovationSearch.Add(row);
                }
                Fill(row, i);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
