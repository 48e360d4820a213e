using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>An innovation's public page. Drafts and archived entries are visible only inside the owning scope.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Infrastructure.PublicPageCache.Policy)]
public sealed partial class DetailModel(InnovationService innovations, KovablikDbContext db, CurrentUser user, Infrastructure.SectionHtmlCache sections) : PageModel
{
    public Innovation Innovation { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<(string Field, string Title, string Html)> Sections { get; private set; } = [];
    public List<(int Year, string Competition, string Title, AwardTier Tier)> Awards { get; private set; } = [];

    /// <summary>The YouTube video id when the video link is a YouTube address, for the privacy-enhanced embed (CSP allows only that host).</summary>
    public string? YouTubeId { get; private set; }

    /// <summary>The first image attachment, for the page and for link previews (og:image).</summary>
    public Attachment? Image { get; private set; }

    /// <summary>False for drafts and archived entries (shown only inside the owning scope).</summary>
    public bool IsPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // A cold page reads the innovation's row (only the shown columns, not the Markdown) with its organisation and the sections as
        // rendered at save time (InnovationPage), then its small lists as split queries by key (a single-query
        // projection of the five lists scanned the join tables on SQLite: 0 pages/s at 5,000 innovations). The sections'
        // Markdown is not read at all unless the rendered copy is missing or older than the innovation.
        var row = await db.Innovations.AsNoTracking().Where(i => i.Id == id).Select(i => new
        {
            Innovation = new Innovation
            {
                Id = i.Id, OrganisationId = i.OrganisationId, Name = i.Name, ShortDescription = i.ShortDescription, StartedOn = i.StartedOn,
                Stage = i.Stage, Kind = i.Kind, Status = i.Status, SkNumber = i.SkNumber, ContactName = i.ContactName, ContactEmail = i.ContactEmail,
                ContactPhone = i.ContactPhone, VideoUrl = i.VideoUrl, WebsiteUrl = i.WebsiteUrl, IsDemo = i.IsDemo, Version = i.Version,
            },
            i.Team,
            Organisation = new { i.Organisation.Name, i.Organisation.Path },
        }).FirstOrDefaultAsync(ct);
        if (row is null) return NotFound();
        var innovation = row.Innovation;
        innovation.Team = row.Team ?? [];
        innovation.Organisation = new Kovablik.Organisations.Organisation { Id = innovation.OrganisationId, Name = row.Organisation.Name, Path = row.Organisation.Path };
        IsPublished = innovation.Status == InnovationStatus.Published;
        var inScope = false;
        if (user.IsSignedIn)
        {
            var scope = await user.ScopeAsync(ct);
            inScope = scope.Covers(innovation.Organisation)
                && (user.IsGlobal || user.IsInRole(Kovablik.Accounts.Roles.Operator) || user.IsInRole(Kovablik.Accounts.Roles.PimpinanUnit));
        }
        if (!IsPublished && !inScope) return NotFound();

        var lists = await db.Innovations.AsNoTracking().Where(i => i.Id == id).Select(i => new
        {
            Categories = i.Categories.Select(c => new Category { Id = c.Id, Name = c.Name }).ToList(),
            SdgGoals = i.SdgGoals.Select(g => new SdgGoal { Id = g.Id, Name = g.Name }).ToList(),
            TargetGroups = i.TargetGroups.Select(t => new TargetGroup { Id = t.Id, Name = t.Name, IsVulnerable = t.IsVulnerable }).ToList(),
            Attachments = i.Attachments.ToList(),
            Awards = db.InnovationAwards.Where(a => a.InnovationId == i.Id).Select(a => new { a.Id, a.Year, a.Competition, a.Title, a.Tier }).ToList(),
        }).AsSplitQuery().FirstAsync(ct);
        innovation.Categories = lists.Categories;
        innovation.SdgGoals = lists.SdgGoals;
        innovation.TargetGroups = lists.TargetGroups;
        innovation.Attachments = lists.Attachments;
        Innovation = innovation;
        CanEdit = inScope;
        Awards = lists.Awards.OrderByDescending(a => a.Year).ThenBy(a => a.Competition, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => (a.Year, a.Competition, a.Title, a.Tier)).ToList();
        // Its own query by key: as a correlated FirstOrDefault in the projection above, EF wraps innovation_pages in a
        // ROW_NUMBER() window that SQLite evaluates over the whole table (0.9 s per page at 51,000 innovations).
        var rendered = await db.InnovationPages.AsNoTracking().Where(p => p.InnovationId == id)
            .Select(p => new { p.Version, p.RendererVersion, p.SectionsJson }).FirstOrDefaultAsync(ct);
        Sections = rendered is { } page && page.Version == innovation.Version && page.RendererVersion == InnovationPageRenderer.RendererVersion
            ? Titled(InnovationPageRenderer.Parse(page.SectionsJson))
            : sections.Render(await innovations.WithDetails().AsNoTracking().AsSplitQuery().FirstAsync(i => i.Id == id, ct));
        YouTubeId = YouTube(innovation.VideoUrl);
        Image = innovation.Attachments.Where(a => a.ThumbnailKey is not null).OrderBy(a => a.UploadedAt).FirstOrDefault();
        return Page();
    }

    private static readonly Dictionary<string, string> SectionTitles = InnovationSections.All.ToDictionary(s => s.Field, s => s.Title);

    public static IReadOnlyList<(string Field, string Title, string Html)> Titled(IReadOnlyList<RenderedSection> rendered) =>
        rendered.Select(r => (r.Field, SectionTitles.GetValueOrDefault(r.Field, r.Field), r.Html)).ToList();

    /// <summary>youtube.com/watch?v=ID, youtu.be/ID, /shorts/ID, /embed/ID, /live/ID → ID; anything else → null (shown as a plain link).</summary>
    public static string? YouTube(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var host = uri.Host.ToLowerInvariant();
        string? id = null;
        if (host is "youtu.be" or "www.youtu.be") id = uri.AbsolutePath.Trim('/');
        else if (host is "youtube.com" or "www.youtube.com" or "m.youtube.com")
        {
            var path = uri.AbsolutePath;
            if (path == "/watch")
                id = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue("v", out var v) ? v.ToString() : null;
            else if (PathId().Match(path) is { Success: true } m) id = m.Groups[1].Value;
        }
        return id is not null && VideoId().IsMatch(id) ? id : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/(?:shorts|embed|live)/([^/]+)/?$")]
    private static partial System.Text.RegularExpressions.Regex PathId();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial System.Text.RegularExpressions.Regex VideoId();
}
