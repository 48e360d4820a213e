using System.Text.Json;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Pages.Kelola.Inovasi;

/// <summary>Version history of an innovation: who changed which fields, when, from what to what.</summary>
[Authorize(Policy = Policies.InnovationEditor)]
public sealed class RiwayatModel(KovablikDbContext db, CurrentUser user) : PageModel
{
    public string Name { get; private set; } = "";
    public int Id { get; private set; }
    public List<(InnovationVersion Version, List<InnovationService.FieldChange> Changes)> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var row = await db.Innovations.Where(i => i.Id == id).Select(i => new { i.Name, i.Organisation.Path }).FirstOrDefaultAsync(ct);
        if (row is null || !(await user.ScopeAsync(ct)).Covers(row.Path)) return NotFound();
        Id = id;
        Name = row.Name;
        var versions = await db.InnovationVersions.AsNoTracking().Where(v => v.InnovationId == id).OrderByDescending(v => v.VersionNumber).Take(200).ToListAsync(ct);
        Versions = versions.Select(v => (v, JsonSerializer.Deserialize<List<InnovationService.FieldChange>>(v.ChangesJson) ?? [])).ToList();
        return Page();
    }
}
