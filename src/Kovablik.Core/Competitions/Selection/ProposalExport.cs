using Kovablik.Competitions.Awards;
using ClosedXML.Excel;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Selection;

public enum ExportColumn
{
    Id,
    Organisation,
    OrganisationCode,
    Region,
    Group,
    Title,
    Status,
    SubmittedAt,
    ApprovedAt,
    Categories,
    Sdgs,
    Documents,
    Outcome,
    ReasonCodes,
    Note,
    BlockingFindings,
}

/// <summary>
/// Every proposal of an edition in one worksheet for the organisers (§8): a handful of bulk queries and the pure
/// validator in memory, so 3,000 proposals stay a few seconds' work.
/// </summary>
public sealed class ProposalExport(KovablikDbContext db)
{
    public static string Display(ExportColumn c) => c switch
    {
        ExportColumn.Id => "ID",
        ExportColumn.Organisation => "Organisasi",
        ExportColumn.OrganisationCode => "Kode organisasi",
        ExportColumn.Region => "Kabupaten/kota atau perangkat daerah",
        ExportColumn.Group => "Kelompok",
        ExportColumn.Title => "Judul",
        ExportColumn.Status => "Status",
        ExportColumn.SubmittedAt => "Diajukan (WIB)",
        ExportColumn.ApprovedAt => "Disetujui (WIB)",
        ExportColumn.Categories => "Jumlah kategori",
        ExportColumn.Sdgs => "Jumlah SDG",
        ExportColumn.Documents => "Jumlah dokumen",
        ExportColumn.Outcome => "Hasil seleksi",
        ExportColumn.ReasonCodes => "Kode alasan",
        ExportColumn.Note => "Catatan seleksi",
        ExportColumn.BlockingFindings => "Temuan wajib diperbaiki",
        _ => c.ToString(),
    };

    /// <summary>Writes the workbook; false when the edition does not exist. <paramref name="text"/> localises a key or message.</summary>
    public async Task<bool> WriteAsync(int editionId, Stream output, Func<string, string> text, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return false;

        var rows = await db.Proposals.AsNoTracking().Where(p => p.EditionId == editionId).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.GroupCode, p.Title, p.Status, p.SubmittedAt, p.ApprovedAt, p.Sections, p.CategoryIds, p.SdgIds, p.InnovationId,
                p.Selection, p.SelectionReasons, p.SelectionNote, p.OrganisationId,
                OrgName = p.Organisation.Name, OrgCode = p.Organisation.Code, OrgPath = p.Organisation.Path, OrgType = p.Organisation.Type,
                Documents = p.Documents.Count,
            })
            .ToListAsync(ct);
        var startedOn = await db.Innovations.AsNoTracking()
            .Where(i => db.Proposals.Any(p => p.EditionId == editionId && p.InnovationId == i.Id))
            .Select(i => new { i.Id, i.StartedOn })
            .ToDictionaryAsync(i => i.Id, i => i.StartedOn, ct);
        // Only what the document rules read (slot, type, size): the validator's DOKUMEN_* checks, in one query.
        var documents = (await db.ProposalDocuments.AsNoTracking()
                .Where(d => db.Proposals.Any(p => p.EditionId == editionId && p.Id == d.ProposalId))
                .Select(d => new { d.ProposalId, d.SlotKey, d.OriginalFileName, d.ContentType, d.Size })
                .ToListAsync(ct))
            .GroupBy(d => d.ProposalId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProposalDocument>)g.Select(d => new ProposalDocument
            {
                ProposalId = d.ProposalId, SlotKey = d.SlotKey, OriginalFileName = d.OriginalFileName, ContentType = d.ContentType, Size = d.Size,
                StorageKey = "", Sha256 = "",
            }).ToList());
        // The kabupaten/kota or agency a unit belongs to: the second id of its path ("/province/agency/unit/").
        var regionIds = rows.Select(r => RegionId(r.OrgPath) ?? r.OrganisationId).Distinct().ToList();
        var regionNames = await db.Organisations.AsNoTracking().Where(o => regionIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        // The validator's context, built once: exact duplicate titles (the only blocking cross-proposal rule) and
        // each organisation's submitted count. Similar titles and copied text are warnings, so are left out here.
        var live = rows.Where(r => r.Status != ProposalStatus.Withdrawn).ToList();
        var byTitle = live.GroupBy(r => TitleSimilarity.Normalise(r.Title)).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var titleOf = live.ToDictionary(r => r.Id, r => r.Title);
        var submittedByOrg = rows.Where(r => r.Status is ProposalStatus.Submitted or ProposalStatus.Approved or ProposalStatus.Repair)
            .GroupBy(r => r.OrganisationId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToHashSet());

        var awards = await AwardService.PastAwardsAsync(db, rows.Select(r => r.InnovationId).Distinct().ToList(), editionId, edition.Year, ct);

        var sectionColumns = edition.Groups.SelectMany(g => g.Sections).DistinctBy(s => s.Key).Select(s => (s.Key, s.Title)).ToList();
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(Truncate(text("Proposal"), 31));
        var headers = new List<string>();
        foreach (var c in Enum.GetValues<ExportColumn>())
        {
            headers.Add(text(Display(c)));
            if (c == ExportColumn.ApprovedAt) headers.AddRange(sectionColumns.Select(s => text(Message.Format("Kata: {0}", Message.Key(s.Title)))));
        }
        for (var i = 0; i < headers.Count; i++) sheet.Cell(1, i + 1).SetValue(headers[i]);

        var groupNames = edition.Groups.ToDictionary(g => g.Code, g => g.Name, StringComparer.OrdinalIgnoreCase);
        var statusText = Enum.GetValues<ProposalStatus>().ToDictionary(s => s, s => text(SelectionLabels.Display(s)));
        var outcomeText = Enum.GetValues<SelectionOutcome>().ToDictionary(s => s, s => text(SelectionLabels.Display(s)));
        // The validator is pure and the rows independent: spread it over the cores, then write the cells in order.
        var checklists = rows.AsParallel().AsOrdered().WithCancellation(ct).Select(r =>
        {
            var draft = new Proposal
            {
                Id = r.Id, EditionId = editionId, GroupCode = r.GroupCode, InnovationId = r.InnovationId, OrganisationId = r.OrganisationId,
                Title = r.Title, Sections = r.Sections, CategoryIds = r.CategoryIds, SdgIds = r.SdgIds,
            };
            var sameTitle = byTitle.GetValueOrDefault(TitleSimilarity.Normalise(r.Title)) ?? [];
            var titles = sameTitle.Where(id => id != r.Id).Select(id => new KnownTitle(titleOf[id], edition.Name)).ToList();
            var submitted = submittedByOrg.TryGetValue(r.OrganisationId, out var set) ? set.Count - (set.Contains(r.Id) ? 1 : 0) : 0;
            return ProposalService.Checklist(draft, edition, startedOn.GetValueOrDefault(r.InnovationId), r.OrgType, titles, [], submitted, documents.GetValueOrDefault(r.Id) ?? [], blockingOnly: true,
                pastAwards: awards.GetValueOrDefault(r.InnovationId));
        }).ToList();

        var row = 2;
        foreach (var (r, checklist) in rows.Zip(checklists))
        {
            var col = 1;
            sheet.Cell(row, col++).SetValue(r.Id);
            sheet.Cell(row, col++).SetValue(r.OrgName);
            sheet.Cell(row, col++).SetValue(r.OrgCode ?? "");
            sheet.Cell(row, col++).SetValue(regionNames.GetValueOrDefault(RegionId(r.OrgPath) ?? r.OrganisationId) ?? "");
            sheet.Cell(row, col++).SetValue(groupNames.GetValueOrDefault(r.GroupCode) ?? r.GroupCode);
            sheet.Cell(row, col++).SetValue(r.Title);
            sheet.Cell(row, col++).SetValue(statusText[r.Status]);
            SetInstant(sheet.Cell(row, col++), r.SubmittedAt);
            SetInstant(sheet.Cell(row, col++), r.ApprovedAt);
            foreach (var (key, _) in sectionColumns)
            {
                // Counted by the checklist already; sections outside the proposal's group stay empty.
                var count = checklist.Sections.FirstOrDefault(c => c.Key == key);
                if (count is not null) sheet.Cell(row, col).SetValue(count.Words);
                col++;
            }
            sheet.Cell(row, col++).SetValue(r.CategoryIds.Count);
            sheet.Cell(row, col++).SetValue(r.SdgIds.Count);
            sheet.Cell(row, col++).SetValue(r.Documents);
            sheet.Cell(row, col++).SetValue(outcomeText[r.Selection]);
            sheet.Cell(row, col++).SetValue(string.Join(", ", r.SelectionReasons));
            sheet.Cell(row, col++).SetValue(r.SelectionNote ?? "");
            sheet.Cell(row, col).SetValue(checklist.Findings.Count(f => f.Severity == Severity.Blocking));
            row++;
        }

        var header = sheet.Range(1, 1, 1, headers.Count);
        header.Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, row - 1), headers.Count).SetAutoFilter();
        // Fixed widths: measuring 3,000 rows of text (AdjustToContents) would cost more than the rest together.
        for (var i = 1; i <= headers.Count; i++) sheet.Column(i).Width = 14;
        sheet.Column(2).Width = 40;
        sheet.Column(4).Width = 30;
        sheet.Column(6).Width = 50;
        workbook.SaveAs(output);
        return true;
    }

    private static void SetInstant(IXLCell cell, DateTimeOffset? utc)
    {
        if (utc is null) return;
        cell.SetValue(Wib.ToWib(utc.Value).DateTime);
        cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
    }

    private static int? RegionId(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
