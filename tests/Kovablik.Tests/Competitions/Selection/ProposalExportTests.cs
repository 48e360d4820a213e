using System.Diagnostics;
using System.Net;
using ClosedXML.Excel;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Selection;

public abstract class ProposalExportTests(DatabaseProvider provider) : SelectionTestBase(provider)
{
    private static string Export(int editionId) => $"/api/v1/editions/{editionId}/proposals.xlsx";

    private static async Task<XLWorkbook> DownloadAsync(HttpClient client, int editionId)
    {
        var response = await client.GetAsync(Export(editionId), Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(SelectionApi.XlsxType, response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
    }

    private static Dictionary<string, int> Columns(IXLWorksheet sheet) =>
        sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);

    [Fact]
    public async Task Export_has_one_row_per_proposal_with_status_dates_word_counts_and_selection()
    {
        var s = await SetupAsync();
        var kota = await App.KabKotaAsync();
        var failed = await ApprovedAsync(s);
        var submitted = await SubmittedAsync(s, "Replikasi");
        var draft = await DraftAsync(s);
        // A title that would be a formula if written as one, and a missing required section.
        draft = await (await s.Operator.PutJsonAsync($"{Proposals}/{draft.Id}/draft", new ProposalDraftInput
        {
            Title = "=1+2 Inovasi", Sections = new() { ["Kolaborasi"] = "" }, ExpectedVersion = draft.Version,
        })).ShouldBeOk<ProposalDto>();
        CloseRegistration(s);
        await (await s.Panitia.PostJsonAsync($"{Proposals}/{failed.Id}/selection", new Kovablik.Competitions.Selection.SelectionDecisionInput
        {
            Outcome = "Failed", ReasonCodes = ["SDG_KOSONG"], Note = "Catatan uji.",
        })).ShouldBeOk<SelectionItemDto>();

        using var book = await DownloadAsync(s.Panitia, s.Edition.Id);
        var sheet = book.Worksheet(1);
        var col = Columns(sheet);
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal(4, sheet.AutoFilter.Range.RowCount());
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());

        IXLRow RowOf(int id) => sheet.RowsUsed().Single(r => r.RowNumber() > 1 && r.Cell(col["ID"]).GetValue<int>() == id);

        var f = RowOf(failed.Id);
        var stored = await StoredAsync(failed.Id);
        Assert.Equal(s.Org.Name, f.Cell(col["Organisasi"]).GetString());
        Assert.Equal(kota.Name, f.Cell(col["Kabupaten/kota atau perangkat daerah"]).GetString());
        Assert.Equal("Kelompok Umum", f.Cell(col["Kelompok"]).GetString());
        Assert.Equal(failed.Title, f.Cell(col["Judul"]).GetString());
        Assert.Equal("Disetujui", f.Cell(col["Status"]).GetString());
        var submittedCell = f.Cell(col["Diajukan (WIB)"]);
        Assert.Equal(XLDataType.DateTime, submittedCell.DataType);
        Assert.Equal(Wib.ToWib(stored.SubmittedAt!.Value).DateTime, submittedCell.GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(XLDataType.DateTime, f.Cell(col["Disetujui (WIB)"]).DataType);
        Assert.Equal(40, f.Cell(col["Kata: Ringkasan"]).GetValue<int>());
        Assert.Equal(1, f.Cell(col["Jumlah SDG"]).GetValue<int>());
        Assert.Equal(stored.CategoryIds.Count, f.Cell(col["Jumlah kategori"]).GetValue<int>());
        Assert.Equal(EvidenceUploads.RequiredSlots.Length, f.Cell(col["Jumlah dokumen"]).GetValue<int>());
        Assert.Equal("Tidak lolos", f.Cell(col["Hasil seleksi"]).GetString());
        Assert.Equal("SDG_KOSONG", f.Cell(col["Kode alasan"]).GetString());
        Assert.Equal("Catatan uji.", f.Cell(col["Catatan seleksi"]).GetString());
        Assert.Equal(0, f.Cell(col["Temuan wajib diperbaiki"]).GetValue<int>());

        var sub = RowOf(submitted.Id);
        Assert.Equal("Diajukan", sub.Cell(col["Status"]).GetString());
        Assert.Equal("Belum diputuskan", sub.Cell(col["Hasil seleksi"]).GetString());
        Assert.True(sub.Cell(col["Disetujui (WIB)"]).IsEmpty());
        Assert.True(sub.Cell(col["Kata: Proses Replikasi"]).GetValue<int>() > 0);

        var d = RowOf(draft.Id);
        Assert.Equal("Draf", d.Cell(col["Status"]).GetString());
        Assert.False(d.Cell(col["Judul"]).HasFormula);
        Assert.Equal("=1+2 Inovasi", d.Cell(col["Judul"]).GetString());
        Assert.Equal(0, d.Cell(col["Kata: Kolaborasi"]).GetValue<int>());
        Assert.Equal(1, d.Cell(col["Temuan wajib diperbaiki"]).GetValue<int>());

        await (await s.Operator.GetAsync(Export(s.Edition.Id), Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await s.Panitia.GetAsync(Export(999_999), Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_of_3000_proposals_is_built_from_bulk_queries()
    {
        var s = await SetupAsync();
        var innovation = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        var kota = await App.KabKotaAsync();
        var orgs = new List<int> { s.Org.Id };
        for (var i = 0; i < 9; i++) orgs.Add((await App.CreateOrganisationAsync("UPT Ekspor", kota.Id)).Id);
        var group = s.Edition.Group("Umum")!;
        await App.WithDbAsync(async db =>
        {
            var now = App.Time.GetUtcNow();
            for (var i = 0; i < 3000; i++)
                db.Proposals.Add(new Proposal
                {
                    EditionId = s.Edition.Id, GroupCode = "Umum", InnovationId = innovation.Id, OrganisationId = orgs[i % orgs.Count],
                    Title = $"Inovasi Massal {i}", Status = i % 3 == 0 ? ProposalStatus.Draft : ProposalStatus.Approved,
                    SubmittedAt = i % 3 == 0 ? null : now, ApprovedAt = i % 3 == 0 ? null : now, SdgIds = [1], CategoryIds = [1],
                    Sections = group.Sections.Select(r => new ProposalSection { Key = r.Key, Text = Words($"{r.Key.ToLowerInvariant()}{i}x", 60) }).ToList(),
                });
            await db.SaveChangesAsync(Ct);
        });

        var clock = Stopwatch.StartNew();
        using var book = await DownloadAsync(s.Panitia, s.Edition.Id);
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"{Provider}: 3,000 proposals exported in {clock.ElapsedMilliseconds} ms");
        var sheet = book.Worksheet(1);
        var col = Columns(sheet);
        Assert.Equal(3001, sheet.LastRowUsed().RowNumber());
        Assert.Equal(3000, sheet.Column(col["ID"]).CellsUsed().Skip(1).Select(c => c.GetValue<int>()).Distinct().Count());
        Assert.Equal(1000, sheet.Column(col["Status"]).CellsUsed().Count(c => c.GetString() == "Draf"));
        Assert.Equal(60, sheet.Cell(3001, col["Kata: Ringkasan"]).GetValue<int>());
    }
}

public sealed class ProposalExportTestsSqlite() : ProposalExportTests(DatabaseProvider.Sqlite);

public sealed class ProposalExportTestsPostgres() : ProposalExportTests(DatabaseProvider.Postgres);
