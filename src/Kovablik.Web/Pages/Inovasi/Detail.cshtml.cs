using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Inovasi;

/// <summary>An innovation's public page. Drafts and archived entries are visible only inside the owning scope.</summary>
[AllowAnonymous]
public sealed class DetailModel(InnovationService innovations, CurrentUser user, Infrastructure.SectionHtmlCache sections) : PageModel
{
    public Innovation Innovation { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<(string Field, string Title, string Html)> Sections { get; private set; } = [];

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
        return Page();
    }
}
