using System.Text.RegularExpressions;
using Kovablik.Competitions;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Edisi;

/// <summary>
/// One group's proposal form: sections (required, word limit) and document slots. A blank row at the end adds
/// one; a row whose title (or document name) is emptied is removed.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed partial class KelompokModel(EditionService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EditionGroupInput Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;
    public EditionGroup Group { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, code, ct)) return NotFound();
        Input = new EditionGroupInput
        {
            Name = Group.Name,
            Sections = Group.Sections.Select(s => new FormRuleInput { Key = s.Key, Title = s.Title, Required = s.Required, WordLimit = s.WordLimit }).ToList(),
            Documents = Group.Documents.Select(d => new DocumentSlotInput { Key = d.Key, Name = d.Name, AllowedTypes = d.AllowedTypes, MaxBytes = d.MaxBytes, Required = d.Required }).ToList(),
            RequiresTopAward = Group.RequiresTopAward,
            ForbidsTopAward = Group.ForbidsTopAward,
            MaxFinalistAwards = Group.MaxFinalistAwards,
            ExpectedVersion = Edition.Version,
        };
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, code, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        // Emptied rows are removed; error keys are mapped back to the rows as shown.
        var sectionRows = Input.Sections.Select((s, i) => (s, i)).Where(x => !string.IsNullOrWhiteSpace(x.s.Title)).ToList();
        var documentRows = Input.Documents.Select((d, i) => (d, i)).Where(x => !string.IsNullOrWhiteSpace(x.d.Name)).ToList();
        var input = new EditionGroupInput
        {
            Name = Input.Name,
            Sections = sectionRows.Select(x => x.s).ToList(),
            Documents = documentRows.Select(x => x.d).ToList(),
            RequiresTopAward = Input.RequiresTopAward,
            ForbidsTopAward = Input.ForbidsTopAward,
            MaxFinalistAwards = Input.MaxFinalistAwards,
            ExpectedVersion = Input.ExpectedVersion,
        };
        var result = await service.UpdateGroupAsync(id, code, input, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            var mapped = result.Errors.ToDictionary(kv => RowKey().Replace(kv.Key, m =>
            {
                var n = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                var original = m.Groups[1].Value == "Sections" ? sectionRows[n].i : documentRows[n].i;
                return $"{m.Groups[1].Value}[{original}]";
            }), kv => kv.Value);
            ModelState.AddErrors(mapped, nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = l["Perubahan disimpan."].Value;
        return RedirectToPage(new { id, code = Group.Code });
    }

    [GeneratedRegex(@"^(Sections|Documents)\[(\d+)\]")]
    private static partial Regex RowKey();

    private void AddBlankRows()
    {
        Input.Sections.Add(new FormRuleInput { Required = true, WordLimit = 200 });
        Input.Documents.Add(new DocumentSlotInput { AllowedTypes = EditionDefaults.Pdf, MaxBytes = EditionDefaults.Megabyte, Required = true });
    }

    private async Task<bool> LoadAsync(int id, string code, CancellationToken ct)
    {
        var edition = await service.WithDetails().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var group = edition?.Group(code);
        if (edition is null || group is null) return false;
        Edition = edition;
        Group = group;
        return true;
    }
}
