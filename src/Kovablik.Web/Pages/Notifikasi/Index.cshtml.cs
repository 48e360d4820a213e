using Kovablik.Notifications;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Notifikasi;

/// <summary>The account's in-app notices, newest first, unread ones highlighted; marking read by form post (no JS).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(NotificationService service, CurrentUser user) : PageModel
{
    public const int PageSize = 20;

    public List<Notification> Items { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }
    public int Unread { get; private set; }

    public async Task OnGetAsync(int? halaman, CancellationToken ct)
    {
        PageNumber = Math.Max(1, halaman ?? 1);
        var items = await service.For(user.Id!).OrderByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = items.Count > PageSize;
        Items = items.Take(PageSize).ToList();
        Unread = await service.UnreadCountAsync(user.Id!, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(long id, int? halaman, CancellationToken ct)
    {
        await service.MarkReadAsync(user.Id!, id, ct);
        return RedirectToPage(new { halaman });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await service.MarkReadAsync(user.Id!, null, ct);
        return RedirectToPage();
    }
}
