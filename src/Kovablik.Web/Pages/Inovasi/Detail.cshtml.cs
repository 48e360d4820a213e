using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Runtime.CompilerServices;
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

    /// <summary>Published comments, counted with the page's lists so a page without any needs no comment query.</summary>
    public int PublishedComments { get; private set; }

    /// <summary>False for drafts and archived entries (shown only inside the owning scope).</summary>
    public bool IsPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // A cold page is four statements by key: the innovation's shown columns (not the Markdown) with its organisation
        // and the sections as rendered at save time (InnovationPage, a LEFT JOIN on its key: as a correlated
        // FirstOrDefault EF wraps innovation_pages in a ROW_NUMBER() window that SQLite evaluated over the whole table,
        // 0.9 s per page at 51,000 innovations), then its four small lists in one UNION ALL, its attachments, and the
        // comments. Each statement costs more in preparing and EF plumbing than in reading, so fewer is faster
        // (docs/performance.md, "Innovation page").
        var row = await PageRowQuery(db, id);
        if (row is null) return NotFound();
        var innovation = row.Innovation;
        innovation.Team = row.Team ?? [];
        innovation.Organisation = new Kovablik.Organisations.Organisation { Id = innovation.OrganisationId, Name = row.OrganisationName, Path = row.OrganisationPath };
        IsPublished = innovation.Status == InnovationStatus.Published;
        var inScope = false;
        if (user.IsSignedIn)
        {
            var scope = await user.ScopeAsync(ct);
            inScope = scope.Covers(innovation.Organisation)
                && (user.IsGlobal || user.IsInRole(Kovablik.Accounts.Roles.Operator) || user.IsInRole(Kovablik.Accounts.Roles.PimpinanUnit));
        }
        if (!IsPublished && !inScope) return NotFound();

        var lists = await db.Database.SqlQuery<PageListRow>(FormattableStringFactory.Create(PageListRow.Sql, id)).ToListAsync(ct);
        innovation.Categories = lists.Where(r => r.Kind == PageListRow.Category).Select(r => new Category { Id = r.Id, Name = r.Name }).ToList();
        innovation.SdgGoals = lists.Where(r => r.Kind == PageListRow.Sdg).Select(r => new SdgGoal { Id = r.Id, Name = r.Name }).ToList();
        innovation.TargetGroups = lists.Where(r => r.Kind == PageListRow.TargetGroup).Select(r => new TargetGroup { Id = r.Id, Name = r.Name, IsVulnerable = r.Number != 0 }).ToList();
        PublishedComments = lists.FirstOrDefault(r => r.Kind == PageListRow.CommentCount)?.Id ?? 0;
        innovation.Attachments = await AttachmentsQuery(db, id).ToListAsync(ct);
        Innovation = innovation;
        CanEdit = inScope;
        Awards = lists.Where(r => r.Kind == PageListRow.Award)
            .OrderByDescending(a => a.Year).ThenBy(a => a.Extra, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => (a.Year, a.Extra ?? "", a.Name, (AwardTier)a.Number)).ToList();
        Sections = row.SectionsJson is { } json && row.PageVersion == innovation.Version && row.RendererVersion == InnovationPageRenderer.RendererVersion
            ? Titled(InnovationPageRenderer.Parse(json))
            : sections.Render(await innovations.WithDetails().AsNoTracking().AsSplitQuery().FirstAsync(i => i.Id == id, ct));
        YouTubeId = YouTube(innovation.VideoUrl);
        Image = innovation.Attachments.Where(a => a.ThumbnailKey is not null).OrderBy(a => a.UploadedAt).FirstOrDefault();
        return Page();
    }

    private sealed record PageRow(Innovation Innovation, List<TeamMember>? Team, string OrganisationName, string OrganisationPath,
        Guid? PageVersion, int RendererVersion, string? SectionsJson);

    // Compiled once per provider: the LINQ tree of the page's two EF queries is not translated again on every view
    // (random first views: 878 req/s mean over five runs compiled, 435 over four not; docs/performance.md). A compiled query
    // binds to the model of the first context it meets, so each provider has its own (tests run both in one process).
    private static readonly Func<KovablikDbContext, int, Task<PageRow?>> PageRowSqlite = CompilePageRow(), PageRowPostgres = CompilePageRow();
    private static readonly Func<KovablikDbContext, int, IAsyncEnumerable<Attachment>> AttachmentsSqlite = CompileAttachments(), AttachmentsPostgres = CompileAttachments();

    private static Task<PageRow?> PageRowQuery(KovablikDbContext db, int id) => (db is PostgresKovablikDbContext ? PageRowPostgres : PageRowSqlite)(db, id);

    private static IAsyncEnumerable<Attachment> AttachmentsQuery(KovablikDbContext db, int id) => (db is PostgresKovablikDbContext ? AttachmentsPostgres : AttachmentsSqlite)(db, id);

    private static Func<KovablikDbContext, int, Task<PageRow?>> CompilePageRow() => EF.CompileAsyncQuery(
        (KovablikDbContext db, int id) => (
            from i in db.Innovations.AsNoTracking()
            join p in db.InnovationPages on i.Id equals p.InnovationId into pages
            from p in pages.DefaultIfEmpty()
            where i.Id == id
            select new PageRow(
                new Innovation
                {
                    Id = i.Id, OrganisationId = i.OrganisationId, Name = i.Name, ShortDescription = i.ShortDescription, StartedOn = i.StartedOn,
                    Stage = i.Stage, Kind = i.Kind, Status = i.Status, SkNumber = i.SkNumber, ContactName = i.ContactName, ContactEmail = i.ContactEmail,
                    ContactPhone = i.ContactPhone, VideoUrl = i.VideoUrl, WebsiteUrl = i.WebsiteUrl, IsDemo = i.IsDemo, Version = i.Version,
                },
                i.Team, i.Organisation.Name, i.Organisation.Path,
                p == null ? (Guid?)null : p.Version, p == null ? 0 : p.RendererVersion, p == null ? null : p.SectionsJson))
            .FirstOrDefault());

    private static Func<KovablikDbContext, int, IAsyncEnumerable<Attachment>> CompileAttachments() => EF.CompileAsyncQuery(
        (KovablikDbContext db, int id) => db.Attachments.AsNoTracking().Where(a => a.InnovationId == id));

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

/// <summary>
/// One row of the innovation page's small lists, read in one statement: categories, SDGs, target groups (Number = 1
/// for a vulnerable group), awards (Name = title, Extra = competition, Year, Number = tier) and the number of
/// published comments (Id).
/// </summary>
public sealed class PageListRow
{
    public const int Category = 0, Sdg = 1, TargetGroup = 2, Award = 3, CommentCount = 4;

    /// <summary>{0} is the innovation id. Plain SQL that reads the same on SQLite and PostgreSQL.</summary>
    public static readonly string Sql = """
        SELECT 0 AS "Kind", c."Id", c."Name", CAST(NULL AS TEXT) AS "Extra", 0 AS "Year", 0 AS "Number"
        FROM innovation_categories x JOIN categories c ON c."Id" = x."CategoriesId" WHERE x."InnovationsId" = {0}
        UNION ALL
        SELECT 1, g."Id", g."Name", NULL, 0, 0
        FROM innovation_sdg_goals x JOIN sdg_goals g ON g."Id" = x."SdgGoalsId" WHERE x."InnovationsId" = {0}
        UNION ALL
        SELECT 2, t."Id", t."Name", NULL, 0, CASE WHEN t."IsVulnerable" THEN 1 ELSE 0 END
        FROM innovation_target_groups x JOIN target_groups t ON t."Id" = x."TargetGroupsId" WHERE x."InnovationsId" = {0}
        UNION ALL
        SELECT 3, a."Id", a."Title", a."Competition", a."Year", a."Tier"
        FROM innovation_awards a WHERE a."InnovationId" = {0}
        UNION ALL
        SELECT 4, CAST(COUNT(*) AS INTEGER), '', NULL, 0, 0
        FROM comments c WHERE c."InnovationId" = {0} AND c."Status" = 
        """ + (int)Kovablik.Feedback.CommentStatus.Published + """

        ORDER BY 1, 2
        """;

    public int Kind { get; set; }
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Extra { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
}
