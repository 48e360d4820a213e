using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Kovablik.Organisations;
using Kovablik.Organisations.Import;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Organisations;

public sealed class ImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "code,name,type,parent_code";

    // Children come before their parents on purpose: the importer must order them itself.
    private static readonly string[] TreeRows =
    [
        "35.78.PD.1.U.1,UPP Kelurahan Ketabang,UPP,35.78.PD.1.U",
        "35.78.PD.1.U,UPT Puskesmas Ketabang,UPT,35.78.PD.1",
        "35.78.PD.1,Dinas Kesehatan Kota Surabaya,PD,35.78",
        "35.07.PD.1,\"Dinas Pendidikan, Kabupaten Malang\",PD,35.07",
        "35.07.PD.1.U,UPT SD Negeri 1 Kepanjen,Upt,35.07.PD.1",
    ];

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    private static void AssertError(IReadOnlyList<ImportRowError> errors, int row, string fragment)
    {
        Assert.True(
            errors.Any(e => e.RowNumber == row && e.Reason.Contains(fragment, StringComparison.Ordinal)),
            $"Expected an error on row {row} containing \"{fragment}\". Got:\n"
                + string.Join("\n", errors.Select(e => $"  {e.RowNumber} [{e.Code}] {e.Reason}")));
    }

    [Fact]
    public async Task ValidCsvCreatesTreeWithParentsDefinedAnywhereInTheFile()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        var before = await t.OrganisationCountAsync(Ct);

        var outcome = await t.ImportCsvAsync(Csv(TreeRows), ct: Ct);

        var report = outcome.Report!;
        Assert.True(report.Applied, report.Message);
        Assert.Empty(report.Errors);
        Assert.Equal(5, report.Created);
        Assert.Equal(0, report.Updated);
        Assert.Equal(before + 5, await t.OrganisationCountAsync(Ct));

        var surabaya = await t.OrgAsync("35.78", Ct);
        var dinas = await t.OrgAsync("35.78.PD.1", Ct);
        var upt = await t.OrgAsync("35.78.PD.1.U", Ct);
        var upp = await t.OrgAsync("35.78.PD.1.U.1", Ct);
        Assert.Equal(surabaya.Id, dinas.ParentId);
        Assert.Equal(dinas.Id, upt.ParentId);
        Assert.Equal(upt.Id, upp.ParentId);
        Assert.Equal($"{surabaya.Path}{dinas.Id}/{upt.Id}/{upp.Id}/", upp.Path);
        Assert.Equal(surabaya.Depth + 3, upp.Depth);
        Assert.Equal(OrganisationType.PerangkatDaerah, dinas.Type);
        Assert.Equal(OrganisationType.Upt, upt.Type);
        Assert.Equal(OrganisationType.Upp, upp.Type);
        Assert.Equal(OrganisationService.MakeSearchText("35.78.PD.1.U.1", "UPP Kelurahan Ketabang"), upp.SearchText);
        Assert.True(upp.IsActive);

        var malangDinas = await t.OrgAsync("35.07.PD.1", Ct);
        Assert.Equal("Dinas Pendidikan, Kabupaten Malang", malangDinas.Name);
        Assert.Equal((await t.OrgAsync("35.07", Ct)).Id, malangDinas.ParentId);
        Assert.Equal(OrganisationType.Upt, (await t.OrgAsync("35.07.PD.1.U", Ct)).Type);
        await t.AssertTreeConsistentAsync(Ct);
    }

    [Fact]
    public async Task XlsxWithTheSameRowsGivesTheSameTree()
    {
        await using var fromCsv = await ImportTestDb.CreateAsync(Ct);
        await using var fromXlsx = await ImportTestDb.CreateAsync(Ct);
        await fromCsv.ImportCsvAsync(Csv(TreeRows), ct: Ct);

        byte[] xlsx;
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("Unit");
            string[] header = ["Kode", "Nama", "Jenis", "Kode_Induk"];
            for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
            var r = 2;
            foreach (var line in TreeRows)
            {
                var row = OrganisationImportParser.Parse(Encoding.UTF8.GetBytes(Csv(line)), "row.csv").Rows.Single();
                sheet.Cell(r, 1).SetValue(row.Code);
                sheet.Cell(r, 2).SetValue(row.Name);
                sheet.Cell(r, 3).SetValue(row.Type);
                // Excel stores a typed 35.78 as a number; the import must still read it as the code "35.78".
                if (double.TryParse(row.ParentCode, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                    sheet.Cell(r, 4).Value = number;
                else
                    sheet.Cell(r, 4).SetValue(row.ParentCode);
                r++;
            }
            Assert.Equal(XLDataType.Number, sheet.Cell(5, 4).DataType);
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            xlsx = stream.ToArray();
        }

        var outcome = await fromXlsx.ImportAsync(xlsx, "unit.xlsx", ct: Ct);

        Assert.True(outcome.File.Succeeded, outcome.File.Error);
        Assert.Equal("XLSX", outcome.File.Format);
        Assert.Equal([2, 3, 4, 5, 6], outcome.File.Rows.Select(r => r.RowNumber));
        Assert.Equal(5, outcome.Report!.Created);
        Assert.Equal(await SnapshotAsync(fromCsv), await SnapshotAsync(fromXlsx));
        await fromXlsx.AssertTreeConsistentAsync(Ct);
    }

    private static async Task<List<string>> SnapshotAsync(ImportTestDb t)
    {
        var all = await t.Db.Organisations.AsNoTracking().ToListAsync(Ct);
        var byId = all.ToDictionary(o => o.Id);
        return [.. all.Select(o => $"{o.Code}|{o.Name}|{o.Type}|{(o.ParentId is int p ? byId[p].Code : "")}|{o.Depth}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task EveryKindOfBadRowIsReportedWithItsRowNumberAndNothingIsImported()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        var service = new OrganisationService(t.Db);
        var old = await service.CreateAsync(new OrganisationInput("35.78.OLD", "Dinas Lama", OrganisationType.PerangkatDaerah, (await t.OrgAsync("35.78", Ct)).Id), Ct);
        await service.SetActiveAsync(old.Value!.Id, false, Ct);
        var before = await t.OrganisationCountAsync(Ct);
        var audits = await t.AuditCountAsync(Ct);

        var csv = Csv(
            ",Tanpa Kode,UPT,35.78",                                    // 2
            "35.78.A,,UPT,35.78",                                       // 3
            "35.78.B,Unit B,KANTOR,35.78",                              // 4
            $"35.78.C,{new string('n', 301)},UPT,35.78",                // 5
            $"{new string('K', 65)},Unit Panjang,UPT,35.78",            // 6
            "35.78 D!,Unit D,UPT,35.78",                                // 7
            "35.78.E,Unit E,UPT,35.78",                                 // 8
            "35.78.E,Unit E Lagi,UPT,35.78",                            // 9
            "35.78.F,Unit F,UPT,99.99",                                 // 10
            "35.78.G,Unit G,UPT,35.78.H",                               // 11
            "35.78.H,Unit H,UPT,35.78.G",                               // 12
            "35.78.I,Unit I,UPT,35.78.I",                               // 13
            "35.78.J,Provinsi Baru,PROVINSI,35.78",                     // 14
            "35,Pemerintah Provinsi Jawa Timur Raya,PROVINSI,",         // 15
            "35.78.K,Unit K,UPT,35.78.OLD",                             // 16
            "35.78.L,Unit L,UPT,",                                      // 17
            "35.78.OK,Unit Baik,UPT,35.78");                            // 18

        var outcome = await t.ImportCsvAsync(csv, ct: Ct);

        var errors = outcome.Plan!.Errors;
        AssertError(errors, 2, "Kode wajib diisi");
        AssertError(errors, 3, "Nama wajib diisi");
        AssertError(errors, 4, "Jenis \"KANTOR\" tidak dikenal");
        AssertError(errors, 5, "Nama terlalu panjang");
        AssertError(errors, 6, "Kode terlalu panjang");
        AssertError(errors, 7, "Kode hanya boleh berisi");
        AssertError(errors, 8, "muncul lebih dari sekali");
        AssertError(errors, 9, "muncul lebih dari sekali");
        AssertError(errors, 10, "Kode induk 99.99 tidak ditemukan");
        AssertError(errors, 11, "siklus");
        AssertError(errors, 12, "siklus");
        AssertError(errors, 13, "tidak boleh sama dengan kode organisasi itu sendiri");
        AssertError(errors, 14, "PROVINSI tidak boleh berada di bawah");
        AssertError(errors, 15, "Organisasi puncak");
        AssertError(errors, 16, "sudah dinonaktifkan");
        AssertError(errors, 17, "Kode induk wajib diisi");
        Assert.Equal(16, outcome.Plan.ErrorCount);
        Assert.Equal(ImportAction.Create, outcome.Plan.Rows.Single(r => r.Row.RowNumber == 18).Action);
        Assert.Equal([6], errors.Where(e => e.Code?.Length == 65).Select(e => e.RowNumber));

        var report = outcome.Report!;
        Assert.False(report.Applied);
        Assert.Equal(0, report.Created);
        Assert.NotNull(report.Message);
        Assert.Equal(before, await t.OrganisationCountAsync(Ct));
        Assert.False(await t.ExistsAsync("35.78.OK", Ct));
        Assert.Equal(audits, await t.AuditCountAsync(Ct));
        Assert.StartsWith("Pemerintah Provinsi", (await t.OrgAsync("35", Ct)).Name, StringComparison.Ordinal);
        Assert.DoesNotContain("Raya", (await t.OrgAsync("35", Ct)).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyValidRowsImportsTheValidRowsAndSkipsRowsUnderInvalidOnes()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        var csv = Csv(
            "35.78.P1,Dinas P1,PD,35.78",                       // 2 valid
            "35.78.P1.U1,UPT U1,UPT,35.78.P1",                  // 3 valid, under a valid new row
            "35.78.BAD,Dinas Salah,BUKANJENIS,35.78",           // 4 invalid
            "35.78.BAD.U1,UPT di bawah salah,UPT,35.78.BAD",    // 5 depends on 4
            "35.78.BAD.U1.X,UPP lebih bawah,UPP,35.78.BAD.U1"); // 6 depends on 5

        var strict = await t.ImportCsvAsync(csv, ct: Ct);
        Assert.False(strict.Report!.Applied);
        Assert.False(await t.ExistsAsync("35.78.P1", Ct));
        Assert.Equal(2, strict.Plan!.BlockedCount);

        var lenient = await t.ImportCsvAsync(csv, onlyValidRows: true, ct: Ct);

        var report = lenient.Report!;
        Assert.True(report.Applied, report.Message);
        Assert.Equal(2, report.Created);
        Assert.Equal(3, report.Skipped);
        AssertError(report.Errors, 4, "tidak dikenal");
        AssertError(report.Errors, 5, "Dilewati karena induknya (baris 4");
        AssertError(report.Errors, 6, "Dilewati karena induknya (baris 5");
        Assert.True(await t.ExistsAsync("35.78.P1", Ct));
        Assert.Equal((await t.OrgAsync("35.78.P1", Ct)).Id, (await t.OrgAsync("35.78.P1.U1", Ct)).ParentId);
        Assert.False(await t.ExistsAsync("35.78.BAD", Ct));
        Assert.False(await t.ExistsAsync("35.78.BAD.U1", Ct));
        Assert.False(await t.ExistsAsync("35.78.BAD.U1.X", Ct));
        await t.AssertTreeConsistentAsync(Ct);
    }

    [Fact]
    public async Task ReimportingTheSameFileChangesNothingAndWritesNoAudit()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        var csv = Csv(TreeRows);
        var first = await t.ImportCsvAsync(csv, ct: Ct);
        Assert.Equal(5, first.Report!.Created);
        var audits = await t.AuditCountAsync(Ct);
        var versions = await t.Db.Organisations.AsNoTracking().Where(o => o.Code!.Contains(".PD.")).OrderBy(o => o.Id).Select(o => o.Version).ToListAsync(Ct);

        var second = await t.ImportCsvAsync(csv, ct: Ct);

        Assert.Equal(5, second.Plan!.UnchangedCount);
        Assert.True(second.Report!.Applied);
        Assert.Equal(0, second.Report.Created);
        Assert.Equal(0, second.Report.Updated);
        Assert.Equal(5, second.Report.Unchanged);
        Assert.Equal(audits, await t.AuditCountAsync(Ct));
        Assert.Equal(versions, await t.Db.Organisations.AsNoTracking().Where(o => o.Code!.Contains(".PD.")).OrderBy(o => o.Id).Select(o => o.Version).ToListAsync(Ct));
    }

    [Fact]
    public async Task UpdatesByCodeRenameAndMoveSubtreesWithTheirDescendants()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        await t.ImportCsvAsync(Csv(
            "35.78.PD.1,Dinas A,PD,35.78",
            "35.78.PD.1.U,UPT A1,UPT,35.78.PD.1",
            "35.78.PD.1.U.P,UPP A1a,UPP,35.78.PD.1.U"), ct: Ct);

        // Rename the dinas and move its UPT (with the UPP below it, absent from the file) to Kabupaten Malang.
        var second = await t.ImportCsvAsync(Csv(
            "35.78.PD.1,Dinas A Baru,PD,35.78",
            "35.78.PD.1.U,UPT A1,UPT,35.07"), ct: Ct);

        Assert.Equal(2, second.Report!.Updated);
        Assert.Equal(0, second.Report.Created);
        Assert.Equal(["nama"], second.Plan!.Rows[0].Changes);
        Assert.Equal(["induk"], second.Plan.Rows[1].Changes);
        var dinas = await t.OrgAsync("35.78.PD.1", Ct);
        Assert.Equal("Dinas A Baru", dinas.Name);
        Assert.Equal(OrganisationService.MakeSearchText("35.78.PD.1", "Dinas A Baru"), dinas.SearchText);
        var malang = await t.OrgAsync("35.07", Ct);
        var upt = await t.OrgAsync("35.78.PD.1.U", Ct);
        var upp = await t.OrgAsync("35.78.PD.1.U.P", Ct);
        Assert.Equal(malang.Id, upt.ParentId);
        Assert.Equal($"{malang.Path}{upt.Id}/", upt.Path);
        Assert.Equal($"{malang.Path}{upt.Id}/{upp.Id}/", upp.Path);
        Assert.Equal(malang.Depth + 2, upp.Depth);
        await t.AssertTreeConsistentAsync(Ct);

        // Move an existing unit under a unit created by the same file, and add a child under the moved unit.
        var third = await t.ImportCsvAsync(Csv(
            "35.78.PD.1.U.Q,UPP Baru,UPP,35.78.PD.1.U",
            "35.78.PD.1.U,UPT A1,UPT,35.07.NEW",
            "35.07.NEW,Dinas Baru Malang,PD,35.07"), ct: Ct);

        Assert.True(third.Report!.Applied, third.Report.Message);
        Assert.Equal(2, third.Report.Created);
        Assert.Equal(1, third.Report.Updated);
        var created = await t.OrgAsync("35.07.NEW", Ct);
        upt = await t.OrgAsync("35.78.PD.1.U", Ct);
        upp = await t.OrgAsync("35.78.PD.1.U.P", Ct);
        var q = await t.OrgAsync("35.78.PD.1.U.Q", Ct);
        Assert.Equal(created.Id, upt.ParentId);
        Assert.Equal($"{malang.Path}{created.Id}/{upt.Id}/{upp.Id}/", upp.Path);
        Assert.Equal($"{malang.Path}{created.Id}/{upt.Id}/{q.Id}/", q.Path);
        Assert.Equal(malang.Depth + 3, q.Depth);
        await t.AssertTreeConsistentAsync(Ct);

        // Moving a unit under its own descendant (which is not in the file) is a cycle through the database.
        var cycle = await t.ImportCsvAsync(Csv("35.78.PD.1.U,UPT A1,UPT,35.78.PD.1.U.P"), ct: Ct);
        AssertError(cycle.Plan!.Errors, 2, "siklus");
        Assert.False(cycle.Report!.Applied);
        Assert.Equal(created.Id, (await t.OrgAsync("35.78.PD.1.U", Ct)).ParentId);
    }

    [Fact]
    public async Task ApplyDecidesAgainAgainstTheDatabaseSoAStalePlanCannotWriteUnderADeactivatedParent()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        await t.ImportCsvAsync(Csv("35.78.PD.X,Dinas X,PD,35.78"), ct: Ct);
        var file = OrganisationImportParser.Parse(Encoding.UTF8.GetBytes(Csv("35.78.PD.X.U,UPT X,UPT,35.78.PD.X")), "a.csv");
        var plan = await new OrganisationImportValidator(t.Db).PlanAsync(file.Rows, Ct);
        Assert.False(plan.HasErrors);

        await new OrganisationService(t.Db).SetActiveAsync((await t.OrgAsync("35.78.PD.X", Ct)).Id, false, Ct);
        var report = await new OrganisationImporter(t.Db).ApplyAsync(plan, onlyValidRows: false, ct: Ct);

        Assert.False(report.Applied);
        AssertError(report.Errors, 2, "sudah dinonaktifkan");
        Assert.False(await t.ExistsAsync("35.78.PD.X.U", Ct));
    }

    public static TheoryData<string> MalformedCases => ["random.xlsx", "random.csv", "zip.xlsx", "missing-columns", "empty", "bom-only", "header-only", "unbalanced-quote", "junk-after-quote", "xls", "too-many-rows"];

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public async Task MalformedFilesGiveOneCleanErrorAndImportNothing(string kind)
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        var before = await t.OrganisationCountAsync(Ct);
        var (content, name, expected) = Malformed(kind);

        var outcome = await t.ImportAsync(content, name, ct: Ct);

        Assert.False(outcome.File.Succeeded);
        Assert.Empty(outcome.File.Rows);
        Assert.Contains(expected, outcome.File.Error, StringComparison.Ordinal);
        Assert.Null(outcome.Report);
        Assert.Equal(before, await t.OrganisationCountAsync(Ct));
    }

    private static (byte[] Content, string Name, string Expected) Malformed(string kind)
    {
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        random[0] = 0xFF; // never a valid UTF-8 start, never a ZIP signature
        return kind switch
        {
            "random.xlsx" => (random, "units.xlsx", "XLSX tidak dapat dibuka"),
            "random.csv" => (random, "units.csv", "bukan CSV UTF-8"),
            "zip.xlsx" => (ZipWithText(), "units.xlsx", "XLSX tidak dapat dibuka"),
            "missing-columns" => (Utf8("code,name\n35.78.X,Unit X\n"), "units.csv", "Kolom wajib tidak ditemukan: type, parent_code"),
            "empty" => ([], "units.csv", "Berkas kosong"),
            "bom-only" => ([0xEF, 0xBB, 0xBF, (byte)'\n'], "units.csv", "Berkas kosong"),
            "header-only" => (Utf8(Header + "\n"), "units.csv", "hanya berisi judul kolom"),
            "unbalanced-quote" => (Utf8(Csv("35.78.X,Unit X,UPT,35.78", "35.78.Y,\"Unit Y,UPT,35.78", "35.78.Z,Unit Z,UPT,35.78")), "units.csv", "dibuka di baris 3 tidak pernah ditutup"),
            "junk-after-quote" => (Utf8(Csv("35.78.X,\"Unit\" X,UPT,35.78")), "units.csv", "baris 2 tidak valid"),
            "xls" => ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "units.xls", "(.xls) tidak didukung"),
            "too-many-rows" => (Utf8(Csv([.. Enumerable.Range(0, OrganisationImportParser.MaxRows + 1).Select(i => $"35.78.{i},Unit {i},UPT,35.78")])), "units.csv", "lebih dari 50.000 baris"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] ZipWithText()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a workbook");
        }
        return stream.ToArray();
    }

    [Fact]
    public void CsvFollowsRfc4180AndCountsRowsLikeASpreadsheet()
    {
        var csv = Header + "\r\n"
            + "35.78.A,\"Dinas \"\"Satu\"\"\nKota Surabaya\",PD,35.78\r\n"   // row 2 spans two lines
            + "\r\n"                                                           // row 3 blank, skipped
            + "35.78.B,Dinas Dua,PD,35.78";                                    // row 4, no final newline

        var file = OrganisationImportParser.Parse(Utf8(csv), "units.csv");

        Assert.True(file.Succeeded, file.Error);
        Assert.Equal([2, 4], file.Rows.Select(r => r.RowNumber));
        Assert.Equal("Dinas \"Satu\"\nKota Surabaya", file.Rows[0].Name);
        Assert.Equal("35.78.B", file.Rows[1].Code);
        Assert.Equal("35.78", file.Rows[1].ParentCode);
    }

    [Fact]
    public void MessagesStayShortWhenACodeRepeatsOrACycleSpansThousandsOfRows()
    {
        var duplicates = Enumerable.Range(0, 3000).Select(i => new OrganisationImportRow(i + 2, "SAMA", $"Unit {i}", "UPT", "35.78")).ToList();
        var ring = Enumerable.Range(0, 3000).Select(i => new OrganisationImportRow(i + 2, $"R{i}", $"Unit {i}", "UPT", $"R{(i + 1) % 3000}")).ToList();

        var duplicatePlan = OrganisationImportValidator.Plan(duplicates, []);
        var ringPlan = OrganisationImportValidator.Plan(ring, []);

        Assert.Equal(3000, duplicatePlan.ErrorCount);
        Assert.Contains("muncul lebih dari sekali", duplicatePlan.Rows[0].Errors[0], StringComparison.Ordinal);
        Assert.Contains("3001", duplicatePlan.Rows[0].Errors[0], StringComparison.Ordinal);
        Assert.Equal(3000, ringPlan.ErrorCount);
        Assert.Contains("siklus", ringPlan.Rows[0].Errors[0], StringComparison.Ordinal);
        Assert.All(duplicatePlan.Errors.Concat(ringPlan.Errors), e => Assert.True(e.Reason.Length < 200, e.Reason));
    }

    [Fact]
    public async Task SemicolonCsvWithBomAndIndonesianHeadersIsImported()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        // BOM, a blank first line, CRLF, ';' (Excel in an Indonesian locale), an enum name, a lower-case type and a quoted line break.
        var csv = "\uFEFF\r\nKODE;Nama;Jenis;Kode_Induk\r\n"
            + "35.78.S1;\"Dinas; Titik Koma\";PerangkatDaerah;35.78\r\n"
            + "35.78.S1.U;\"UPT   S1\r\n  Timur\";upt;35.78.S1\r\n";

        var outcome = await t.ImportAsync(Utf8(csv), "unit.csv", ct: Ct);

        Assert.True(outcome.File.Succeeded, outcome.File.Error);
        Assert.Equal(2, outcome.Report!.Created);
        var dinas = await t.OrgAsync("35.78.S1", Ct);
        Assert.Equal("Dinas; Titik Koma", dinas.Name);
        Assert.Equal(OrganisationType.PerangkatDaerah, dinas.Type);
        var upt = await t.OrgAsync("35.78.S1.U", Ct);
        Assert.Equal("UPT S1 Timur", upt.Name);
        Assert.Equal(OrganisationType.Upt, upt.Type);
        Assert.Equal(dinas.Id, upt.ParentId);
    }

    [Fact]
    public async Task TenThousandRowsAreWrittenInBatchesWithProgress()
    {
        await using var t = await ImportTestDb.CreateAsync(Ct);
        var rows = new List<string>(10_000);
        for (var d = 0; d < 100; d++)
        {
            // Children first, so the importer has to do the ordering.
            for (var u = 0; u < 99; u++) rows.Add($"35.78.D{d}.U{u},UPT {u} Dinas {d},UPT,35.78.D{d}");
            rows.Add($"35.78.D{d},Dinas {d},PD,35.78");
        }
        var progress = new RecordingProgress();
        var watch = Stopwatch.StartNew();

        var outcome = await t.ImportAsync(Utf8(Csv([.. rows])), "big.csv", progress: progress, ct: Ct);

        watch.Stop();
        Assert.Equal(10_000, outcome.Report!.Created);
        // One save per row would be ~20,000 saves; batching keeps it to a few dozen.
        Assert.InRange(t.Saves.Count, 1, 100);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"Import took {watch.Elapsed}.");
        Assert.Equal((0, 10_000), progress.Reports[0]);
        Assert.Equal((10_000, 10_000), progress.Reports[^1]);
        Assert.True(progress.Reports.Count > 5);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.First.Done <= p.Second.Done));
        await t.AssertTreeConsistentAsync(Ct);
    }
}
