using Kovablik.Competitions;
using Kovablik.Organisations;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Edisi;

/// <summary>Who may enter and how many proposals each organisation may submit: minimum implementation time, types, quotas.</summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class KelayakanModel(EditionService service, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EligibilityForm Input { get; set; } = new();

    public Edition Edition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var el = Edition.Eligibility;
        Input = new EligibilityForm
        {
            MinimumImplementationMonths = el.MinimumImplementationMonths,
            DefaultQuota = el.DefaultQuota,
            Types = Enum.GetValues<OrganisationType>().Select(t => new TypeRow
            {
                Type = t,
                Allowed = el.Allows(t),
                Quota = el.QuotaOverrides.FirstOrDefault(q => q.Type == t)?.Quota,
            }).ToList(),
            ExpectedVersion = Edition.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var input = new EditionEligibilityInput
        {
            MinimumImplementationMonths = Input.MinimumImplementationMonths ?? -1,
            DefaultQuota = Input.DefaultQuota ?? 0,
            AllowedOrganisationTypes = Input.Types.Where(t => t.Allowed).Select(t => t.Type).ToList(),
            QuotaOverrides = Input.Types.Where(t => t.Quota is not null).GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.First().Quota!.Value),
            ExpectedVersion = Input.ExpectedVersion,
        };
        var result = await service.UpdateEligibilityAsync(id, input, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            // "QuotaOverrides[PD]" belongs to that type's row; the other keys match the form's names.
            var mapped = result.Errors.ToDictionary(kv =>
            {
                var row = Input.Types.FindIndex(t => kv.Key == $"{nameof(EditionEligibilityInput.QuotaOverrides)}[{OrganisationTypeNames.Code(t.Type)}]");
                return row >= 0 ? $"{nameof(Input.Types)}[{row}].{nameof(TypeRow.Quota)}"
                    : kv.Key == nameof(EditionEligibilityInput.AllowedOrganisationTypes) ? nameof(Input.Types) : kv.Key;
            }, kv => kv.Value);
            ModelState.AddErrors(mapped, nameof(Input), l);
            return Page();
        }
        TempData["Flash"] = l["Perubahan disimpan."].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var edition = await service.WithDetails().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (edition is null) return false;
        Edition = edition;
        return true;
    }

    public sealed class EligibilityForm
    {
        public int? MinimumImplementationMonths { get; set; }
        public int? DefaultQuota { get; set; }
        public List<TypeRow> Types { get; set; } = [];
        public Guid? ExpectedVersion { get; set; }
    }

    public sealed class TypeRow
    {
        public OrganisationType Type { get; set; }
        public bool Allowed { get; set; }

        /// <summary>Quota for this type; empty = the default quota.</summary>
        public int? Quota { get; set; }
    }
}
