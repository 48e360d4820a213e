using System.Text.Json;
using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Innovations;

/// <summary>One public section of an innovation, already rendered from Markdown and sanitised.</summary>
public sealed record RenderedSection(string Field, string Html);

/// <summary>
/// The public sections of an innovation rendered to safe HTML once, when the innovation is saved, instead of on
/// every cold view of its page (rendering and sanitising eight long Markdown sections costs milliseconds of CPU).
/// Written by <see cref="InnovationPageRenderer.SyncAsync"/> in the same SaveChanges as the innovation; <see cref="Version"/>
/// is the innovation version it was made from, so a page whose row is missing or stale renders on the fly instead.
/// </summary>
public sealed class InnovationPage
{
    public int InnovationId { get; set; }
    public Innovation? Innovation { get; set; }
    public Guid Version { get; set; }

    /// <summary><see cref="InnovationPageRenderer.RendererVersion"/> the HTML was made with; older rows are rebuilt at start-up.</summary>
    public int RendererVersion { get; set; }

    /// <summary>JSON array of <see cref="RenderedSection"/>, non-empty sections only, in <see cref="InnovationSections.All"/> order.</summary>
    public string SectionsJson { get; set; } = "[]";
}

public static class InnovationPageRenderer
{
    /// <summary>Bump when <see cref="MarkdownRenderer"/>'s output changes, so stored HTML is rebuilt.</summary>
    public const int RendererVersion = 1;

    private static readonly string[] SectionFields = InnovationSections.All.Select(s => s.Field).ToArray();

    public static IReadOnlyList<RenderedSection> Render(Innovation i) =>
        InnovationSections.All.Select(s => new RenderedSection(s.Field, MarkdownRenderer.ToSafeHtml(InnovationSections.Get(i, s.Field))))
            .Where(s => s.Html.Length > 0).ToList();

    public static IReadOnlyList<RenderedSection> Parse(string json) => JsonSerializer.Deserialize<List<RenderedSection>>(json) ?? [];

    private static void Fill(InnovationPage page, Innovation i)
    {
        page.SectionsJson = JsonSerializer.Serialize(Render(i));
        page.RendererVersion = RendererVersion;
        page.Version = i.Version;
    }

    /// <summary>
    /// Called by <see cref="KovablikDbContext.SaveChangesAsync(bool, CancellationToken)"/> after the new versions
    /// are stamped: renders the sections of new innovations and of edited ones whose text changed, and moves the
    /// row's version along with the innovation's otherwise.
    /// </summary>
    public static async Task SyncAsync(KovablikDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Innovation>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        foreach (var entry in changed)
        {
            var innovation = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                var fresh = new InnovationPage { Innovation = innovation };
                Fill(fresh, innovation);
                db.InnovationPages.Add(fresh);
                continue;
            }
            var existing = await db.InnovationPages.FindAsync([innovation.Id], ct);
            if (existing is null)
            {
                existing = new InnovationPage { InnovationId = innovation.Id };
                db.InnovationPages.Add(existing);
                Fill(existing, innovation);
            }
            else if (existing.RendererVersion != RendererVersion || SectionFields.Any(f => entry.Property(f).IsModified))
                Fill(existing, innovation);
            else
                existing.Version = innovation.Version;
        }
    }

    /// <summary>
    /// Renders innovations that have no row, a stale one or one from an older renderer. Run after migrating; cheap
    /// when nothing is stale. Returns how many were rendered.
    /// </summary>
    public static async Task<int> RebuildStaleAsync(KovablikDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Innovations.AsNoTracking()
                .Where(i => !db.InnovationPages.Any(p => p.InnovationId == i.Id && p.Version == i.Version && p.RendererVersion == RendererVersion))
                .OrderBy(i => i.Id).Take(200).ToListAsync(ct);
            if (batch.Count == 0) return total;
            var ids = batch.Select(i => i.Id).ToList();
            var rows = await db.InnovationPages.Where(p => ids.Contains(p.InnovationId)).ToDictionaryAsync(p => p.InnovationId, ct);
            foreach (var i in batch)
            {
                if (!rows.TryGetValue(i.Id, out var row))
                {
                    row = new InnovationPage { InnovationId = i.Id };
                    db.InnovationPages.Add(row);
                }
                Fill(row, i);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
