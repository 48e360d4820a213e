using Kovablik.Notifications;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Notifikasi;

/// <summary>Following a notice's link: marks it read, then goes where it points (local paths only).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class BukaModel(NotificationService service, CurrentUser user) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var link = await service.For(user.Id!).Where(n => n.Id == id).Select(n => new { n.Link }).FirstOrDefaultAsync(ct);
        if (link is null) return NotFound();
        await service.MarkReadAsync(user.Id!, id, ct);
        return link.Link is { Length: > 0 } target && Url.IsLocalUrl(target) ? LocalRedirect(target) : RedirectToPage("Index");
    }
}
