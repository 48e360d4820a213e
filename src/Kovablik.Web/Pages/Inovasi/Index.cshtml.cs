using System.Globalization;
using System.Net;
using System.Text;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>The public catalogue of published innovations: Indonesian search, filters, sort and paging.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PublicPageCache.Policy)]
public sealed class IndexModel(KovablikDbContext db, InnovationSearch search, IStringLocalizer<SharedResource> l) : PageModel
{
    public InnovationFilter Filter { get; private set; } = new();

    public List<CatalogueItem> Items { get; private set; } = [];
    public SearchQuery? Query { get; private set; }
    public string Sort { get; private set; } = InnovationFilter.SortNewest;
    public int Total { get; private set; }
    public int Pages { get; private set; } = 1;
    public List<Organisation> KabKota { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public List<SdgGoal> SdgGoals { get; private set; } = [];
    public List<TargetGroup> TargetGroups { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] InnovationFilter filter, CancellationToken ct)
    {
        // Bound from plain query keys (Q, Page, ...) so URLs stay short and shareable.
        Filter = filter;
        KabKota = await db.Organisations.AsNoTracking().Where(o => o.Type == OrganisationType.KabupatenKota).OrderBy(o => o.Name).ToListAsync(ct);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        SdgGoals = await db.SdgGoals.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        TargetGroups = await db.TargetGroups.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        if (!ModelState.IsValid)
        {
            Errors.Add(l["Filter tidak valid. Periksa kembali pilihan Anda."]);
            Filter = new InnovationFilter();
        }
        var result = await search.CatalogueAsync(Filter, ct);
        if (result.Errors.Count > 0)
        {
            Errors.AddRange(result.Errors.Values.SelectMany(v => v).Select(l.Message));
            Response.StatusCode = 400;
            return Page();
        }
        (Items, Total, Pages, Query, Sort) = (result.Items, result.Total, result.Pages, result.Query, result.Sort);
        if (Filter.OrganisationId is int oid) OrganisationName = await db.Organisations.Where(o => o.Id == oid).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (result.PageNotFound)
        {
            Errors.Add(l["Halaman tersebut tidak ada."]);
            Response.StatusCode = 404;
        }
        return Page();
    }

    /// <summary>htmx: &lt;option&gt;s for the keyword's &lt;datalist&gt; while typing. The form works without it.</summary>
    public async Task<IActionResult> OnGetSaranAsync(string? q, CancellationToken ct)
    {
        var html = new StringBuilder();
        if (q is { Length: <= 200 })
            foreach (var s in await search.SuggestAsync(q, ct))
                html.Append("<option value=\"").Append(WebUtility.HtmlEncode(s.Name)).Append("\"></option>");
        return Content(html.ToString(), "text/html; charset=utf-8");
    }

    public string NameHtml(CatalogueItem i) => Highlighter.Highlight(i.Name, Query);

    public string SnippetHtml(CatalogueItem i) => Highlighter.Snippet(Query, i.ShortDescription, i.Ringkasan);

    /// <summary>
    /// Link to another page of the same list. Built by hand: "page" is the Razor Pages route value naming the page
    /// itself, so passing Page through asp-all-route-data loses it (the link went nowhere).
    /// </summary>
    public string PageUrl(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Inovasi",
        RouteFor(page).Where(kv => kv.Value is not null));

    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["Q"] = Filter.Q,
        ["KabKotaId"] = Filter.KabKotaId?.ToString(CultureInfo.InvariantCulture),
        ["OrganisationId"] = Filter.OrganisationId?.ToString(CultureInfo.InvariantCulture),
        ["Year"] = Filter.Year?.ToString(CultureInfo.InvariantCulture),
        ["Stage"] = Filter.Stage?.ToString(),
        ["CategoryId"] = Filter.CategoryId?.ToString(CultureInfo.InvariantCulture),
        ["SdgGoalId"] = Filter.SdgGoalId?.ToString(CultureInfo.InvariantCulture),
        ["TargetGroupId"] = Filter.TargetGroupId?.ToString(CultureInfo.InvariantCulture),
        ["Kind"] = Filter.Kind?.ToString(),
        ["Award"] = Filter.Award?.ToString(),
        ["Sort"] = string.IsNullOrEmpty(Filter.Sort) ? null : Filter.Sort,
        ["PageSize"] = Filter.PageSize?.ToString(CultureInfo.InvariantCulture),
        ["Page"] = page.ToString(CultureInfo.InvariantCulture),
    };
}
