using Kovablik.Innovations;
using Kovablik.Platform;
using Microsoft.Extensions.Caching.Memory;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// Sanitising Markdown costs about a millisecond per long section, and the public innovation page shows eight
/// of them on every view. The HTML depends only on the innovation's text, so cache it per innovation version:
/// any edit renews <see cref="Innovation.Version"/> and so misses the cache. Per node, bounded, derived data only.
/// </summary>
public sealed class SectionHtmlCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public IReadOnlyList<(string Field, string Title, string Html)> Render(Innovation innovation) =>
        _cache.GetOrCreate((innovation.Id, innovation.Version), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            return InnovationSections.All
                .Select(s => (s.Field, s.Title, MarkdownRenderer.ToSafeHtml(InnovationSections.Get(innovation, s.Field))))
                .Where(s => s.Item3.Length > 0)
                .ToList();
        })!;

    public void Dispose() => _cache.Dispose();
}
