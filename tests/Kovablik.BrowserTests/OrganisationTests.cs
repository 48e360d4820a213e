using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

public sealed partial class OrganisationTests(BrowserAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Organisation_tree_can_be_imported_from_a_file_with_visible_progress()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = Path.Combine(Path.GetTempPath(), $"impor-{suffix}.csv");
        await File.WriteAllTextAsync(csv, $"code,name,type,parent_code\nIMP.{suffix},UPT Impor {suffix},UPT,35.07\nIMP.{suffix}.1,Puskesmas Impor {suffix},UPP,IMP.{suffix}\nIMP.{suffix}.2,,UPP,IMP.{suffix}\n", TestContext.Current.CancellationToken);
        var admin = await App.CreateAccountAsync(Roles.Administrator, withAuthenticator: true);
        var page = await NewPageAsync();
        await SignInAsync(page, admin);

        await page.GotoAsync("/Organisasi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Impor dari berkas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Impor organisasi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // A file with a bad row: every problem listed with its row number, nothing imported.
        await page.GetByLabel("Berkas").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Expect(page.Locator("#count-error")).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "4", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Import only the valid rows: the status page shows progress, then the result.
        await page.GetByLabel("Berkas").SetInputFilesAsync(csv);
        await page.GetByLabel("Jika ada baris bermasalah, impor baris yang valid saja").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status impor" })).ToBeVisibleAsync();
        await Expect(page.Locator("#import-done")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#import-done")).ToContainTextAsync("Baru: 2");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync($"/Organisasi?Q=IMP.{suffix}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Puskesmas Impor {suffix}" })).ToBeVisibleAsync();
        File.Delete(csv);
    }

    [Fact]
    public async Task Organisation_tree_can_be_built_by_hand()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var code = $"35.78.UJI-{suffix}";
        var name = $"Dinas Uji Coba {suffix}";
        var renamed = $"Dinas Uji Coba Terpadu {suffix}";
        var admin = await App.CreateAccountAsync(Roles.Administrator, withAuthenticator: true);
        var page = await NewPageAsync();
        await SignInAsync(page, admin);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" }).GetByRole(AriaRole.Link, new() { Name = "Organisasi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisasi", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pemerintah Kota Surabaya" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Add a unit under 35.78, first with a code that is already taken.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tambah organisasi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tambah organisasi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync(name);
        var codeField = page.GetByRole(AriaRole.Textbox, new() { Name = "Kode (opsional, harus unik)" });
        await codeField.FillAsync("35.07");
        await page.GetByLabel("Jenis").SelectOptionAsync("Upp");
        await page.GetByLabel("Kode atau ID organisasi induk").FillAsync("35.78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Expect(codeField.Locator("xpath=following-sibling::span[1]")).ToHaveTextAsync("Kode sudah dipakai organisasi lain.");
        await Expect(page.GetByLabel("Nama", new() { Exact = true })).ToHaveValueAsync(name);
        await Expect(page.GetByLabel("Kode atau ID organisasi induk")).ToHaveValueAsync("35.78");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await codeField.FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Expect(Flash(page)).ToHaveTextAsync($"Organisasi {name} ditambahkan.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        var breadcrumb = page.GetByRole(AriaRole.Navigation, new() { Name = "breadcrumb" });
        await Expect(breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Pemerintah Kota Surabaya" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = code })).ToHaveCountAsync(1);
        var detailUrl = page.Url;
        Assert.Matches(DetailUrl(), detailUrl);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Rename it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah atau pindahkan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Ubah organisasi: {name}" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync(renamed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Perubahan disimpan.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = renamed, Level = 1 })).ToBeVisibleAsync();

        // Move it under 35.07 (Kabupaten Malang).
        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah atau pindahkan" }).ClickAsync();
        await Expect(page.GetByText("Induk saat ini: Pemerintah Kota Surabaya")).ToBeVisibleAsync();
        await page.GetByLabel("Kode atau ID induk baru").FillAsync("35.07");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pindahkan beserta unit di bawahnya" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Dipindahkan ke bawah Pemerintah Kabupaten Malang.");
        await Expect(breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Pemerintah Kabupaten Malang" })).ToBeVisibleAsync();
        await Expect(breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Pemerintah Kota Surabaya" })).ToHaveCountAsync(0);

        // Deactivate it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan (beserta unit di bawahnya)" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("1 organisasi dinonaktifkan.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("nonaktif");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan kembali" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Find it by code: hidden while inactive, shown when inactive units are included.
        await page.GotoAsync("/Organisasi");
        await page.GetByLabel("Cari nama atau kode organisasi").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
        await Expect(page.GetByText("0 organisasi ditemukan.")).ToBeVisibleAsync();
        await page.GetByLabel("Tampilkan yang nonaktif").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
        await Expect(page.GetByText("1 organisasi ditemukan.")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Hasil pencarian organisasi" }).GetByRole(AriaRole.Row).Filter(new() { HasText = code });
        await Expect(row).ToContainTextAsync(renamed);
        await Expect(row).ToContainTextAsync("nonaktif");
        await Expect(row).ToContainTextAsync("Pemerintah Kabupaten Malang");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = renamed }).ClickAsync();
        await Expect(page).ToHaveURLAsync(detailUrl);
    }

    [GeneratedRegex(@"/Organisasi/\d+$")]
    private static partial Regex DetailUrl();
}
