using System.Text;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

public sealed partial class InnovationTests(BrowserAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Operator_creates_edits_and_publishes_an_innovation_with_an_attachment_and_the_public_sees_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var firstName = $"Klinik Perizinan Keliling {suffix}";
        var name = $"Klinik Perizinan Keliling Surabaya {suffix}";
        var operatorAccount = await App.CreateAccountAsync(Roles.Operator, "35.78");
        var page = await NewPageAsync();
        await SignInAsync(page, operatorAccount);

        await page.GetByRole(AriaRole.Link, new() { Name = "Kelola inovasi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kelola inovasi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah inovasi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tambah inovasi" })).ToBeVisibleAsync();
        // An operator's own unit is preselected.
        await Expect(page.GetByLabel("Organisasi pemilik")).ToHaveValueAsync(new Regex(@"^\d+$"));
        await Expect(page.GetByLabel("Organisasi pemilik").Locator("option:checked")).ToContainTextAsync("Pemerintah Kota Surabaya");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Nama inovasi", new() { Exact = true }).FillAsync(firstName);
        await page.GetByLabel("Deskripsi singkat").FillAsync("Layanan perizinan usaha mikro yang datang ke kelurahan.");
        await page.GetByLabel("Mulai diterapkan").FillAsync("2023-03-01");
        await page.GetByLabel("Ringkasan", new() { Exact = true }).FillAsync("Petugas **DPMPTSP** membuka loket keliling di 31 kecamatan.");
        await page.GetByLabel("Latar Belakang dan Tujuan").FillAsync("Pelaku usaha mikro sulit datang ke kantor pelayanan.");
        await page.GetByLabel("Perizinan dan Investasi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Expect(Flash(page)).ToHaveTextAsync("Inovasi disimpan.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ubah inovasi" })).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Draf");
        var id = EditUrl().Match(page.Url).Groups[1].Value;
        Assert.NotEmpty(id);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Attach a small real PDF.
        var pdf = Path.Combine(App.ScratchDirectory, $"bukti-dukung-{suffix}.pdf");
        var pdfBytes = Encoding.ASCII.GetBytes(MinimalPdf);
        await File.WriteAllBytesAsync(pdf, pdfBytes, TestContext.Current.CancellationToken);
        await page.GetByLabel("Berkas", new() { Exact = true }).SetInputFilesAsync(pdf);
        await page.GetByLabel("Jenis lampiran").SelectOptionAsync(new SelectOptionValue { Label = "Bukti dukung" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync($"Lampiran bukti-dukung-{suffix}.pdf diunggah.");
        var attachments = page.GetByRole(AriaRole.Region, new() { Name = "Lampiran" });
        await Expect(attachments.GetByRole(AriaRole.Link, new() { Name = $"bukti-dukung-{suffix}.pdf" })).ToBeVisibleAsync();
        await Expect(attachments).ToContainTextAsync("Bukti dukung");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Edit: rename, save, and the history shows both versions.
        await Expect(page.GetByLabel("Nama inovasi", new() { Exact = true })).ToHaveValueAsync(firstName);
        await page.GetByLabel("Nama inovasi", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Inovasi disimpan.");
        await Expect(page.GetByLabel("Nama inovasi", new() { Exact = true })).ToHaveValueAsync(name);

        await page.GetByRole(AriaRole.Link, new() { Name = "Riwayat perubahan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Riwayat perubahan: {name}" })).ToBeVisibleAsync();
        var versions = page.GetByRole(AriaRole.Heading, new() { Level = 2 }).Filter(new() { HasTextRegex = new Regex("^Versi \\d+") });
        // At least two versions: created, then renamed (newest first).
        await Expect(versions.Nth(1)).ToBeVisibleAsync();
        await Expect(versions.Last).ToHaveTextAsync(new Regex("^Versi 1 "));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Publish.
        await page.GotoAsync($"/Kelola/Inovasi/Ubah/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Inovasi diterbitkan dan tampil di registri publik.");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Terbit");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" })).ToHaveCountAsync(0);

        // An innovation without the required fields cannot be published; the reason is given in Indonesian.
        var incompleteName = $"Inovasi belum lengkap {suffix}";
        await page.GotoAsync("/Kelola/Inovasi/Ubah");
        await page.GetByLabel("Nama inovasi", new() { Exact = true }).FillAsync(incompleteName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Inovasi disimpan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await Expect(Flash(page)).ToContainTextAsync("Belum dapat diproses");
        await Expect(Flash(page)).ToContainTextAsync("Ringkasan wajib diisi sebelum dipublikasikan.");
        await Expect(Flash(page)).ToContainTextAsync("Pilih minimal satu kategori sebelum dipublikasikan.");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Draf");

        // The operator's list shows both, with their status.
        await page.GotoAsync("/Kelola/Inovasi");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Terbit");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = incompleteName })).ToContainTextAsync("Draf");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // A member of the public, not signed in.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/Inovasi");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Registri inovasi" })).ToBeVisibleAsync();
        var entry = visitor.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Expect(entry).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = incompleteName })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(visitor);

        await entry.ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"/Inovasi/{id}$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "Ringkasan" })).ToContainTextAsync("Petugas DPMPTSP membuka loket keliling");
        await Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "Ringkasan" }).Locator("strong")).ToHaveTextAsync("DPMPTSP");
        await Expect(visitor.GetByRole(AriaRole.Region, new() { Name = "Latar Belakang dan Tujuan" })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Perizinan dan Investasi")).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Pemerintah Kota Surabaya" })).ToBeVisibleAsync();
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Ubah" })).ToHaveCountAsync(0);
        await Axe.AssertNoSeriousViolationsAsync(visitor);

        var download = await visitor.RunAndWaitForDownloadAsync(
            () => visitor.GetByRole(AriaRole.Link, new() { Name = $"bukti-dukung-{suffix}.pdf" }).ClickAsync());
        Assert.Equal($"bukti-dukung-{suffix}.pdf", download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(pdfBytes, downloaded);

        // The draft stays hidden from the public even by its address.
        var draftId = await DraftIdAsync(page, incompleteName);
        var response = await visitor.GotoAsync($"/Inovasi/{draftId}");
        Assert.Equal(404, response?.Status);
    }

    [Fact]
    public async Task Innovation_form_works_without_JavaScript()
    {
        var operatorAccount = await App.CreateAccountAsync(Roles.Operator, "35.78");
        var page = await NewPageAsync(javaScriptEnabled: false);
        await SignInAsync(page, operatorAccount);

        await page.GotoAsync("/Kelola/Inovasi/Ubah");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tambah inovasi" })).ToBeVisibleAsync();
        await page.GetByLabel("Deskripsi singkat").FillAsync("Antrean puskesmas lewat SMS.");
        await page.GetByLabel("Pelayanan Kesehatan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        // The server answers with the form again: the message sits next to the field, the input is kept.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tambah inovasi" })).ToBeVisibleAsync();
        var nameField = page.GetByLabel("Nama inovasi", new() { Exact = true });
        await Expect(nameField.Locator("xpath=following-sibling::span[1]")).ToHaveTextAsync("Nama inovasi wajib diisi.");
        await Expect(page.Locator("[data-valmsg-for='Input.Name']")).ToHaveTextAsync("Nama inovasi wajib diisi.");
        await Expect(page.GetByLabel("Deskripsi singkat")).ToHaveValueAsync("Antrean puskesmas lewat SMS.");
        await Expect(page.GetByLabel("Pelayanan Kesehatan")).ToBeCheckedAsync();

        var name = $"SMS Antrean Puskesmas {Guid.NewGuid().ToString("N")[..6]}";
        await nameField.FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Inovasi disimpan.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ubah inovasi" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Nama inovasi", new() { Exact = true })).ToHaveValueAsync(name);
        await Expect(page.Locator("[data-valmsg-for='Input.Name']")).ToBeEmptyAsync();
    }

    private static async Task<string> DraftIdAsync(IPage page, string name)
    {
        var href = await page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");
        return DetailUrl().Match(href ?? "").Groups[1].Value;
    }

    // Smallest well-formed PDF: one empty page.
    private const string MinimalPdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

    [GeneratedRegex(@"/Kelola/Inovasi/Ubah/(\d+)")]
    private static partial Regex EditUrl();

    [GeneratedRegex(@"^/Inovasi/(\d+)$")]
    private static partial Regex DetailUrl();
}
