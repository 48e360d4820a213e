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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var innovation = await innovations.WithDetails().AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (innovation is null) return NotFound();
        var scope = await user.ScopeAsync(ct);
        var inScope = user.IsSignedIn && scope.Covers(innovation.Organisation)
            && (user.IsGlobal || user.IsInRole(Kovablik.Accounts.Roles.Operator) || user.IsInRole(Kovablik.Accounts.Roles.PimpinanUnit));
        if (innovation.Status != InnovationStatus.Published && !inScope) return NotFound();
        Innovation = innovation;
        Sections = sections.Render(innovation);
        CanEdit = inScope;
        Awards = (await db.InnovationAwards.AsNoTracking().Where(a => a.InnovationId == id)
                .OrderByDescending(a => a.Year).ThenBy(a => a.Competition)
                .Select(a => new { a.Year, a.Competition, a.Title, a.Tier }).ToListAsync(ct))
            .Select(a => (a.Year, a.Competition, a.Title, a.Tier)).ToList();
        YouTubeId = YouTube(innovation.VideoUrl);
        Image = innovation.Attachments.Where(a => a.ThumbnailKey is not null).OrderBy(a => a.UploadedAt).FirstOrDefault();
        return Page();
    }

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
