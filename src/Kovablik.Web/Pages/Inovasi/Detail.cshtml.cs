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
public sealed partial class DetailModel(InnovationService innovations, KovablikDbContext db, CurrentUser user, Infrastructure.SectionHtmlCache sections, InnovationPageReader reader) : PageModel
{
    public Innovation Innovation { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<(string Field, string Title, string Html)> Sections { get; private set; } = [];
    public List<(int Year, string Competition, string Title, AwardTier Tier)> Awards { get; private set; } = [];

    /// <summary>The YouTube video id when the video link is a YouTube address, for the privacy-enhanced embed (CSP allows only that host).</summary>
    public string? YouTubeId { get; private set; }

    /// <summary>The first image attachment, for the page and for link previews (og:image).</summary>
    public Attachment? Image { get; private set; }

    /// <summary>Published comments, counted with the page's lists so a page without any needs no comment query.</summary>
    public int PublishedComments { get; private set; }

    /// <summary>False for drafts and archived entries (shown only inside the owning scope).</summary>
    public bool IsPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Infrastructure.PublicPageCache.TagInnovation(HttpContext, id);
        var page = await reader.ReadAsync(id, () => db, ct);
        if (page is null) return NotFound();
        var innovation = page.Innovation;
        IsPublished = innovation.Status == InnovationStatus.Published;
        var inScope = false;
        if (user.IsSignedIn)
        {
            var scope = await user.ScopeAsync(ct);
            inScope = scope.Covers(innovation.Organisation)
                && (user.IsGlobal || user.IsInRole(Kovablik.Accounts.Roles.Operator) || user.IsInRole(Kovablik.Accounts.Roles.PimpinanUnit));
        }
        if (!IsPublished && !inScope) return NotFound();

        var lists = page.Lists;
        innovation.Categories = lists.Where(r => r.Kind == PageListRow.Category).Select(r => new Category { Id = r.Id, Name = r.Name }).ToList();
        innovation.SdgGoals = lists.Where(r => r.Kind == PageListRow.Sdg).Select(r => new SdgGoal { Id = r.Id, Name = r.Name }).ToList();
        innovation.TargetGroups = lists.Where(r => r.Kind == PageListRow.TargetGroup).Select(r => new TargetGroup { Id = r.Id, Name = r.Name, IsVulnerable = r.Number != 0 }).ToList();
        PublishedComments = lists.FirstOrDefault(r => r.Kind == PageListRow.CommentCount)?.Id ?? 0;
        innovation.Attachments = page.Attachments;
        Innovation = innovation;
        CanEdit = inScope;
        Awards = lists.Where(r => r.Kind == PageListRow.Award)
            .OrderByDescending(a => a.Year).ThenBy(a => a.Extra, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => (a.Year, a.Extra ?? "", a.Name, (AwardTier)a.Number)).ToList();
        Sections = page.SectionsJson is { } json && page.PageVersion == innovation.Version && page.RendererVersion == InnovationPageRenderer.RendererVersion
            ? Titled(InnovationPageRenderer.Parse(json))
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
