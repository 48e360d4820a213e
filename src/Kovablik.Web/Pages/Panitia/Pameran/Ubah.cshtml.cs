using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Innovations;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Pages.Pameran;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Pages.Panitia.Pameran;

/// <summary>
/// One exhibition for organisers: its details, its booths (innovations found by name), the printable QR sheet and
/// the results export.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class UbahModel(KovablikDbContext db, ExhibitionService service, ExhibitionVoting voting, IOptions<KovablikOptions> options, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ExhibitionForm Input { get; set; } = new();

    [BindProperty]
    public BoothForm Booth { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Cari { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? InovasiId { get; set; }

    public Exhibition Exhibition { get; private set; } = null!;
    public List<BoothRow> Booths { get; private set; } = [];
    public List<(int Id, string Name, string Organisation)> Found { get; private set; } = [];
    public string? ChosenName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = ExhibitionForm.From(Exhibition);
        Booth.InnovationId = InovasiId;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await service.UpdateAsync(id, Input.ToInput(), ct);
            if (result.Kind == ResultKind.NotFound) return NotFound();
            if (result.Succeeded)
            {
                TempData["Flash"] = l["Pameran disimpan."].Value;
                return RedirectToPage(new { id });
            }
            ModelState.AddErrors(result.Errors, nameof(Input), l);
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = 400;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStanAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await service.AddBoothAsync(id, new BoothInput(Booth.InnovationId, Booth.Number, Booth.Hall), ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = l["Stan ditambahkan."].Value;
            return RedirectToPage(new { id });
        }
        ModelState.AddErrors(result.Errors, nameof(Booth), l);
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = ExhibitionForm.From(Exhibition);
        InovasiId = Booth.InnovationId;
        Response.StatusCode = 400;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostHapusStanAsync(int id, int boothId, CancellationToken ct)
    {
        var result = await service.RemoveBoothAsync(id, boothId, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = l["Stan dihapus."].Value;
            return RedirectToPage(new { id });
        }
        ModelState.Clear();
        ModelState.AddErrors(result.Errors, "", l);
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = ExhibitionForm.From(Exhibition);
        Response.StatusCode = 400;
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>The A4 QR sheet: one card per booth, each linking to the booth page with the QR marker.</summary>
    public async Task<IActionResult> OnGetQrAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var baseUrl = Api.AccountsApi.BaseUrl(Request, options.Value);
        var cards = ExhibitionView.Ordered(Booths)
            .Select(b => new QrCard(l["Stan"] + " " + b.Number, b.Hall.Length > 0 ? l["Hall"] + " " + b.Hall : "", b.InnovationName, baseUrl + ExhibitionView.BoothPath(Exhibition.Slug, b.Number) + "?src=qr")).ToList();
        var subtitle = $"{PageExtensions.FormatDate(Exhibition.StartsOn)} · {Exhibition.Venue}";
        var pdf = QrSheet.Render(Exhibition.Name, subtitle, l["Pindai untuk membaca dan memilih inovasi favorit"], cards);
        return File(pdf, "application/pdf", $"qr-stan-{Exhibition.Slug}.pdf");
    }

    /// <summary>Results per booth as CSV or XLSX.</summary>
    public async Task<IActionResult> OnGetEksporAsync(int id, string? format, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var rows = await voting.TallyAsync(id, ct);
        string[] header = ["peringkat", "stan", "hall", "inovasi_id", "inovasi", "organisasi", "suara", "kunjungan_qr"];
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var book = new XLWorkbook();
            var sheet = book.AddWorksheet("Hasil");
            for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                sheet.Cell(i + 2, 1).Value = i + 1;
                sheet.Cell(i + 2, 2).Value = r.Number;
                sheet.Cell(i + 2, 3).Value = r.Hall;
                sheet.Cell(i + 2, 4).Value = r.InnovationId;
                sheet.Cell(i + 2, 5).Value = r.InnovationName;
                sheet.Cell(i + 2, 6).Value = r.OrganisationName;
                sheet.Cell(i + 2, 7).Value = r.Votes;
                sheet.Cell(i + 2, 8).Value = r.QrVisits;
            }
            using var stream = new MemoryStream();
            book.SaveAs(stream);
            return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"hasil-{Exhibition.Slug}.xlsx");
        }
        var csv = new StringBuilder().AppendJoin(',', header).Append("\r\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            csv.AppendJoin(',', [(i + 1).ToString(CultureInfo.InvariantCulture), Csv(r.Number), Csv(r.Hall), r.InnovationId.ToString(CultureInfo.InvariantCulture),
                Csv(r.InnovationName), Csv(r.OrganisationName), r.Votes.ToString(CultureInfo.InvariantCulture), r.QrVisits.ToString(CultureInfo.InvariantCulture)]).Append("\r\n");
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"hasil-{Exhibition.Slug}.csv");
    }

    /// <summary>A CSV field, quoted when needed; a leading formula character is neutralised (spreadsheet injection).</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var exhibition = await db.Exhibitions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (exhibition is null) return false;
        Exhibition = exhibition;
        Booths = ExhibitionView.Ordered(await ExhibitionView.BoothsAsync(db, id, ct)).ToList();
        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Cari) && Cari.Length <= 200)
        {
            var term = Cari.Trim().ToLowerInvariant();
            Found = (await db.Innovations.AsNoTracking().Where(i => i.Status == InnovationStatus.Published && i.SearchText.Contains(term))
                .OrderBy(i => i.Name).Take(20).Select(i => new { i.Id, i.Name, Org = i.Organisation.Name }).ToListAsync(ct))
                .Select(i => (i.Id, i.Name, i.Org)).ToList();
        }
        var chosen = Booth.InnovationId ?? InovasiId;
        if (chosen is int innovationId)
            ChosenName = await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.Name + " — " + i.Organisation.Name).FirstOrDefaultAsync(ct);
    }

    public sealed class BoothForm
    {
        public int? InnovationId { get; set; }
        public string? Number { get; set; }
        public string? Hall { get; set; }
    }
}
