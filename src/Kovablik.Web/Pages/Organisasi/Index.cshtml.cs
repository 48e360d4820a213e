using Kovablik.Data;
using Kovablik.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Organisasi;

/// <summary>Browse the organisation tree from the top, or search it by name or code.</summary>
[AllowAnonymous]
public sealed class IndexModel(KovablikDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Nonaktif { get; set; }

    public List<Organisation> Roots { get; private set; } = [];
    public Dictionary<int, List<Organisation>> Children { get; private set; } = [];
    public List<Organisation> Results { get; private set; } = [];
    public Dictionary<int, string> ParentNames { get; private set; } = [];
    public string? Error { get; private set; }
    public const int MaxResults = 200;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            if (Q.Length > 200)
            {
                Error = "Kata kunci terlalu panjang (maksimal 200 karakter).";
                return;
            }
            var term = Q.Trim().ToLowerInvariant();
            var query = db.Organisations.AsNoTracking().Where(o => o.SearchText.Contains(term));
            if (!Nonaktif) query = query.Where(o => o.IsActive);
            Results = await query.OrderBy(o => o.Depth).ThenBy(o => o.Name).Take(MaxResults).ToListAsync(ct);
            var parentIds = Results.Where(r => r.ParentId != null).Select(r => r.ParentId!.Value).Distinct().ToList();
            ParentNames = await db.Organisations.Where(o => parentIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            return;
        }
        Roots = await db.Organisations.AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Name).ToListAsync(ct);
        var rootIds = Roots.Select(r => r.Id).ToList();
        var children = await db.Organisations.AsNoTracking().Where(o => o.ParentId != null && rootIds.Contains(o.ParentId.Value) && (Nonaktif || o.IsActive))
            .OrderBy(o => o.Type).ThenBy(o => o.Name).ToListAsync(ct);
        Children = children.GroupBy(c => c.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
    }
}
