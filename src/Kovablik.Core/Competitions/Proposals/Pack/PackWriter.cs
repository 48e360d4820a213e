using System.Globalization;
using ClosedXML.Excel;
using Kovablik.Platform.Pdf;

namespace Kovablik.Competitions.Proposals.Pack;

/// <summary>What the pack's workbook and PDF show about one proposal.</summary>
public sealed record PackSource(
    Proposal Proposal,
    string EditionName,
    string GroupName,
    string OrganisationName,
    IReadOnlyList<FormRule> Rules,
    IReadOnlyList<(int Id, string Name)> Categories,
    IReadOnlyList<(int Id, string Name)> Sdgs,
    DateTimeOffset ExportedAtWib);

/// <summary>Writes proposal.xlsx and proposal.pdf. The pack is a file for people, so its labels are Indonesian.</summary>
public static class PackWriter
{
    private static readonly string[] Guide =
    [
        "Paket luring proposal Kovablik",
        "",
        "1. Tulis isian setiap bagian di kolom \"Isian\" pada lembar Proposal. Kolom lain dikunci.",
        "2. Batas kata tertera di kolom \"Batas kata\"; kolom \"Jumlah kata\" menghitung perkiraan jumlah kata saat Anda mengetik.",
        "3. Kategori dan SDG ditulis sebagai nomor ID (lihat lembar Referensi), dipisahkan koma, misalnya: 3, 5. Nama lengkap juga diterima bila dipisahkan titik koma.",
        "4. Jangan menambah, menghapus, atau mengganti nama baris dan lembar. Simpan tetap sebagai .xlsx di dalam berkas ZIP yang sama (atau ZIP baru dengan proposal.xlsx di akarnya).",
        "5. Saat jaringan tersedia, buka halaman paket luring proposal ini lalu unggah ZIP. Kovablik menampilkan perbandingan dengan isian daring sebelum apa pun disimpan.",
        "6. Bila sebuah bagian diubah daring dan di paket sejak paket diunduh, bagian itu ditandai konflik dan tidak ada yang diterapkan: pilih teks yang akan dipertahankan, lalu unggah ulang.",
        "7. Berkas di folder dokumen/ hanya salinan. Berkas baru atau yang diubah harus diunggah melalui halaman proposal.",
        "8. proposal.pdf adalah tampilan cetak proposal saat paket diunduh; perubahan pada PDF tidak dibaca.",
    ];

    public static byte[] Workbook(PackSource s)
    {
        var p = s.Proposal;
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(ProposalPack.SheetProposal);
        string[] headers = ["kunci", "Bagian", "Batas kata", "Wajib", "Isian", "Jumlah kata (perkiraan)", "base"];
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).Value = headers[c];
        sheet.Row(1).Style.Font.Bold = true;

        var row = 2;
        void Meta(string key, string label, string value)
        {
            sheet.Cell(row, ProposalPack.ColKey).Value = key;
            sheet.Cell(row, ProposalPack.ColLabel).Value = label;
            // Text, so Excel never turns an id or a GUID into a number or a date.
            sheet.Cell(row, ProposalPack.ColText).SetValue(value);
            sheet.Cell(row, ProposalPack.ColText).DataType = XLDataType.Text;
            sheet.Row(row).Style.Fill.BackgroundColor = XLColor.FromHtml("#F2F2F2");
            row++;
        }
        Meta(ProposalPack.KeyFormat, "Versi format paket", ProposalPack.FormatVersion.ToString(CultureInfo.InvariantCulture));
        Meta(ProposalPack.KeyProposal, "ID proposal", p.Id.ToString(CultureInfo.InvariantCulture));
        Meta(ProposalPack.KeyEdition, "Edisi", s.EditionName);
        Meta(ProposalPack.KeyGroup, "Kelompok", s.GroupName);
        Meta(ProposalPack.KeyOrganisation, "Organisasi", s.OrganisationName);
        Meta(ProposalPack.KeyVersion, "Versi proposal saat diunduh", p.Version.ToString());
        Meta(ProposalPack.KeyExportedAt, "Diunduh (WIB)", s.ExportedAtWib.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " WIB");

        void Editable(string key, string label, string? limit, string? required, string text, bool words)
        {
            sheet.Cell(row, ProposalPack.ColKey).Value = key;
            sheet.Cell(row, ProposalPack.ColLabel).Value = label;
            if (limit is not null) sheet.Cell(row, ProposalPack.ColLimit).Value = limit;
            if (required is not null) sheet.Cell(row, ProposalPack.ColRequired).Value = required;
            var cell = sheet.Cell(row, ProposalPack.ColText);
            cell.SetValue(text);
            cell.DataType = XLDataType.Text;
            cell.Style.Protection.SetLocked(false);
            // Text format: an Indonesian-locale Excel would otherwise read a typed "3,16" as the number 3.16.
            cell.Style.NumberFormat.Format = "@";
            cell.Style.Alignment.WrapText = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#FFFDE7");
            if (words)
            {
                var address = cell.Address.ToString();
                // Counts space-separated words like a word processor; the server's Indonesian counter decides in the end.
                sheet.Cell(row, ProposalPack.ColWords).FormulaA1 =
                    $"IF(LEN(TRIM({address}))=0,0,LEN(TRIM(SUBSTITUTE({address},CHAR(10),\" \")))-LEN(SUBSTITUTE(TRIM(SUBSTITUTE({address},CHAR(10),\" \")),\" \",\"\"))+1)";
            }
            var baseCell = sheet.Cell(row, ProposalPack.ColBase);
            baseCell.SetValue(text);
            baseCell.DataType = XLDataType.Text;
            row++;
        }
        Editable(ProposalPack.KeyTitle, "Judul", null, "ya", p.Title, false);
        Editable(ProposalPack.KeyCategories, "Kategori (ID, pisahkan koma)", null, null, Ids(p.CategoryIds), false);
        Editable(ProposalPack.KeySdgs, "SDG (ID, pisahkan koma)", null, "ya", Ids(p.SdgIds), false);
        foreach (var rule in s.Rules)
            Editable(ProposalPack.SectionPrefix + rule.Key, rule.Title, rule.WordLimit > 0 ? rule.WordLimit.ToString(CultureInfo.InvariantCulture) : "-",
                rule.Required ? "ya" : "tidak", p.Section(rule.Key), true);

        sheet.Column(ProposalPack.ColKey).Width = 18;
        sheet.Column(ProposalPack.ColKey).Hide();
        sheet.Column(ProposalPack.ColLabel).Width = 32;
        sheet.Column(ProposalPack.ColLabel).Style.Alignment.WrapText = true;
        sheet.Column(ProposalPack.ColLimit).Width = 11;
        sheet.Column(ProposalPack.ColRequired).Width = 8;
        sheet.Column(ProposalPack.ColText).Width = 100;
        sheet.Column(ProposalPack.ColWords).Width = 14;
        sheet.Column(ProposalPack.ColBase).Width = 20;
        sheet.Column(ProposalPack.ColBase).Hide();
        sheet.Rows().Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.SheetView.FreezeRows(1);
        // Without a password: the lock prevents accidents (a moved key, an edited base), not a determined user.
        sheet.Protect();

        var guide = book.Worksheets.Add(ProposalPack.SheetGuide);
        for (var i = 0; i < Guide.Length; i++) guide.Cell(i + 1, 1).Value = Guide[i];
        guide.Cell(1, 1).Style.Font.Bold = true;
        guide.Column(1).Width = 140;
        guide.Column(1).Style.Alignment.WrapText = true;

        var reference = book.Worksheets.Add(ProposalPack.SheetReference);
        reference.Cell(1, 1).Value = "ID kategori";
        reference.Cell(1, 2).Value = "Kategori";
        reference.Cell(1, 4).Value = "ID SDG";
        reference.Cell(1, 5).Value = "Tujuan SDG";
        reference.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < s.Categories.Count; i++)
        {
            reference.Cell(i + 2, 1).Value = s.Categories[i].Id;
            reference.Cell(i + 2, 2).Value = s.Categories[i].Name;
        }
        for (var i = 0; i < s.Sdgs.Count; i++)
        {
            reference.Cell(i + 2, 4).Value = s.Sdgs[i].Id;
            reference.Cell(i + 2, 5).Value = s.Sdgs[i].Name;
        }
        reference.Column(2).Width = 50;
        reference.Column(5).Width = 50;
        reference.Protect();

        sheet.SetTabActive();
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    public static byte[] Pdf(PackSource s)
    {
        var p = s.Proposal;
        using var pdf = new PdfTextWriter(p.Title);
        pdf.Title(p.Title);
        pdf.Paragraph($"{s.OrganisationName}");
        pdf.Paragraph($"{s.EditionName} · {s.GroupName}");
        var categories = s.Categories.Where(c => p.CategoryIds.Contains(c.Id)).Select(c => c.Name).ToList();
        var sdgs = s.Sdgs.Where(g => p.SdgIds.Contains(g.Id)).Select(g => $"{g.Id}. {g.Name}").ToList();
        pdf.Paragraph("Kategori: " + (categories.Count == 0 ? "-" : string.Join("; ", categories)));
        pdf.Paragraph("SDG: " + (sdgs.Count == 0 ? "-" : string.Join("; ", sdgs)));
        pdf.Note($"Proposal #{p.Id} · diunduh {s.ExportedAtWib.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} WIB · versi {p.Version}");
        foreach (var rule in s.Rules)
        {
            pdf.Heading(rule.Title);
            var text = p.Section(rule.Key);
            pdf.Paragraph(text.Trim().Length == 0 ? "(belum diisi)" : text);
        }
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    public static string Ids(IEnumerable<int> ids) => string.Join(", ", ids.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
