using Kovablik.Competitions.Judging.Pool;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Juri;

/// <summary>
/// The juror's mandatory conflict declaration for an edition: tick each judged proposal they conflict with and say why,
/// or confirm they have none. Until it is done the juror has no queue in the edition.
/// </summary>
[Authorize(Policy = Policies.Juror)]
public sealed class DeklarasiModel(ConflictService conflicts, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Ids of the ticked proposals.</summary>
    [BindProperty]
    public List<int> Declared { get; set; } = [];

    /// <summary>Reason per proposal id.</summary>
    [BindProperty]
    public Dictionary<int, string?> Reasons { get; set; } = [];

    [BindProperty]
    public bool NoneConfirmed { get; set; }

    public JurorDeclarationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int editionId, CancellationToken ct) =>
        await LoadAsync(editionId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int editionId, CancellationToken ct)
    {
        var input = new JurorDeclarationInput
        {
            Conflicts = Declared.Distinct().Select(id => new DeclarationItem(id, Reasons.GetValueOrDefault(id))).ToList(),
            NoneConfirmed = NoneConfirmed,
        };
        var result = await conflicts.DeclareAsJurorAsync(editionId, user.Id ?? "", input, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            if (!await LoadAsync(editionId, ct)) return NotFound();
            foreach (var (field, messages) in result.Errors)
                foreach (var m in messages)
                    // "Conflicts[12]" → the reason box of proposal 12.
                    ModelState.AddModelError(field.StartsWith("Conflicts[", StringComparison.Ordinal) ? "Reasons" + field["Conflicts".Length..] : field, l.Message(m));
            Response.StatusCode = 400;
            return Page();
        }
        TempData["Flash"] = l["Deklarasi konflik kepentingan tersimpan. Antrean penilaian Anda untuk edisi ini sudah terbuka."].Value;
        return RedirectToPage(new { editionId });
    }

    private async Task<bool> LoadAsync(int editionId, CancellationToken ct)
    {
        var view = await conflicts.JurorViewAsync(editionId, user.Id ?? "", ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
