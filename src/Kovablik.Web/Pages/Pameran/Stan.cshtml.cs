using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Pameran;

/// <summary>
/// A booth, reached from its QR code (<c>?src=qr</c>): the innovation in the booth's context with the vote button.
/// A QR visit is counted once per browser, booth and day (a cookie listing today's booths), never for prefetches.
/// </summary>
[AllowAnonymous]
public sealed class StanModel(KovablikDbContext db, ExhibitionVoting voting, CurrentUser user) : PageModel
{
    public const string VisitCookie = "kv_qr";

    public Exhibition Exhibition { get; private set; } = null!;
    public BoothRow Booth { get; private set; } = null!;
    public bool VotingOpen { get; private set; }
    public bool VotingClosed { get; private set; }
    public bool Voted { get; private set; }
    public int VotesUsed { get; private set; }
    public bool SignedIn => user.IsSignedIn;

    public async Task<IActionResult> OnGetAsync(string slug, string number, string? src, CancellationToken ct)
    {
        if (number.Length > 20) return NotFound();
        var exhibition = await ExhibitionView.PublishedAsync(db, slug, ct);
        if (exhibition is null) return NotFound();
        var booth = await db.ExhibitionBooths.AsNoTracking().Where(b => b.ExhibitionId == exhibition.Id && b.Number == number)
            .Select(b => new BoothRow(b.Id, b.Number, b.Hall, b.InnovationId, b.Innovation.Name, b.Innovation.ShortDescription, b.Innovation.Organisation.Name))
            .FirstOrDefaultAsync(ct);
        if (booth is null) return NotFound();
        Exhibition = exhibition;
        Booth = booth;
        if (src == "qr" && !IsPrefetch() && FirstVisitToday(booth.Id)) await voting.RecordQrVisitAsync(booth.Id, ct);
        var now = db.Time.GetUtcNow();
        VotingOpen = exhibition.VotingOpen(now);
        VotingClosed = exhibition.VotingClosesAt is { } closes && now >= closes;
        if (user.IsSignedIn && user.Id is { } id)
        {
            var mine = await voting.MyVotesAsync(exhibition.Id, id, ct);
            VotesUsed = mine.Count;
            Voted = mine.Contains(booth.InnovationId);
        }
        return Page();
    }

    private bool IsPrefetch() =>
        Request.Headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
        || Request.Headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase);

    /// <summary>True (and remembered in the cookie) the first time today this browser came to the booth by QR.</summary>
    private bool FirstVisitToday(int boothId)
    {
        var today = Wib.Today(db.Time).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var seen = Request.Cookies[VisitCookie] is { } value && value.StartsWith(today + ":", StringComparison.Ordinal)
            ? value[(today.Length + 1)..].Split('.', StringSplitOptions.RemoveEmptyEntries).ToList()
            : [];
        var key = boothId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (seen.Contains(key)) return false;
        // Bounded: a browser that somehow visits hundreds of booths a day simply starts a fresh list.
        if (seen.Count >= 300) seen.Clear();
        seen.Add(key);
        Response.Cookies.Append(VisitCookie, today + ":" + string.Join('.', seen), new CookieOptions
        {
            // A session cookie: the value carries its day, so an old list simply stops matching.
            Path = "/Pameran", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = Request.IsHttps,
        });
        return true;
    }
}
