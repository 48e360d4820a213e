using Kovablik.Data;
using Kovablik.Exhibitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Kovablik.Web.Pages.Pameran;

/// <summary>The live tally. Counted at most every few seconds per node, however many phones refresh it.</summary>
[AllowAnonymous]
public sealed class HasilModel(KovablikDbContext db, ExhibitionVoting voting, IMemoryCache cache) : PageModel
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public Exhibition Exhibition { get; private set; } = null!;
    public IReadOnlyList<TallyRow> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        return Page();
    }

    /// <summary>The table alone, for htmx polling.</summary>
    public async Task<IActionResult> OnGetFragmentAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        return Partial("_Tally", this);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var exhibition = await ExhibitionView.PublishedAsync(db, slug, ct);
        if (exhibition is null) return false;
        Exhibition = exhibition;
        Rows = (await cache.GetOrCreateAsync($"exhibition-tally:{exhibition.Id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await TallyAsync(voting, exhibition.Id, ct);
        }))!;
        Total = Rows.Sum(r => r.Votes);
        return true;
    }

    public static async Task<IReadOnlyList<TallyRow>> TallyAsync(ExhibitionVoting voting, int exhibitionId, CancellationToken ct) =>
        await voting.TallyAsync(exhibitionId, ct);
}
