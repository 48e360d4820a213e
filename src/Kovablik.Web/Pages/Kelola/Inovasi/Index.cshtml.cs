using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kelola.Inovasi;

/// <summary>The innovations of the account's scope, in every status.</summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class IndexModel(KovablikDbContext db, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public InnovationFilter Filter { get; private set; } = new();

    public List<Innovation> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)Filter.Size));
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] InnovationFilter filter, CancellationToken ct)
    {
        // Bound from plain query keys (Q, Page, ...) so URLs stay short and shareable.
        Filter = filter;
        var errors = ModelState.IsValid ? Filter.Validate() : new() { [""] = ["Filter tidak valid. Periksa kembali pilihan Anda."] };
        if (errors.Count > 0)
        {
            Errors.AddRange(errors.Values.SelectMany(v => v).Select(l.Message));
            Response.StatusCode = 400;
            return Page();
        }
        var scope = await user.ScopeAsync(ct);
        var query = await Filter.ApplyAsync(db, InnovationFilter.InScope(db.Innovations.AsNoTracking(), scope), ct);
        Total = await query.CountAsync(ct);
        Items = await query.Include(i => i.Organisation).OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id)
            .Skip((Filter.CurrentPage - 1) * Filter.Size).Take(Filter.Size).ToListAsync(ct);
        return Page();
    }
}
