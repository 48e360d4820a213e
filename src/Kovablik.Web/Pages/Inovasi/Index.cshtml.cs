using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>Public list of published innovations (the JIPP registry) with filters.</summary>
[AllowAnonymous]
public sealed class IndexModel(KovablikDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public InnovationFilter Filter { get; private set; } = new();

    public List<Innovation> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (int)Math.Ceiling(Total / (double)Filter.Size));
    public List<Organisation> KabKota { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] InnovationFilter filter, CancellationToken ct)
    {
        // Bound from plain query keys (Q, Page, ...) so URLs stay short and shareable.
        Filter = filter;
        KabKota = await db.Organisations.AsNoTracking().Where(o => o.Type == OrganisationType.KabupatenKota).OrderBy(o => o.Name).ToListAsync(ct);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        Filter.Status = InnovationStatus.Published;
        if (!ModelState.IsValid)
        {
            Errors.Add(l["Filter tidak valid. Periksa kembali pilihan Anda."]);
            Filter = new InnovationFilter { Status = InnovationStatus.Published };
        }
        var errors = Filter.Validate();
        if (errors.Count > 0)
        {
            Errors.AddRange(errors.Values.SelectMany(v => v).Select(l.Message));
            Response.StatusCode = 400;
            return Page();
        }
        if (Filter.OrganisationId is int oid) OrganisationName = await db.Organisations.Where(o => o.Id == oid).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var query = await Filter.ApplyAsync(db, db.Innovations.AsNoTracking(), ct);
        Total = await query.CountAsync(ct);
        if (Filter.CurrentPage > Pages)
        {
            Errors.Add(l["Halaman tersebut tidak ada."]);
            Response.StatusCode = 404;
            return Page();
        }
        Items = await query.Include(i => i.Organisation).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Skip((Filter.CurrentPage - 1) * Filter.Size).Take(Filter.Size).ToListAsync(ct);
        return Page();
    }

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["Q"] = Filter.Q,
        ["KabKotaId"] = Filter.KabKotaId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["OrganisationId"] = Filter.OrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Year"] = Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Stage"] = Filter.Stage?.ToString(),
        ["CategoryId"] = Filter.CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
