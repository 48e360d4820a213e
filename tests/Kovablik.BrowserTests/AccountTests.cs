using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Kovablik.Web.Infrastructure;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

public sealed partial class AccountTests(BrowserAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task First_administrator_signs_in_and_sets_up_two_factor()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/Akun/Masuk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Email").FillAsync(DatabaseStartup.FirstAdminEmail);
        await page.GetByLabel("Kata sandi").FillAsync(BrowserAppFixture.FirstAdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        // Administrators must set up TOTP before anything else.
        await Expect(page).ToHaveURLAsync(new Regex("/Akun/DuaFaktor"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verifikasi dua langkah" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Peran Anda wajib memakai verifikasi dua langkah")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Kode QR untuk aplikasi autentikator" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        // The gate holds: any other page leads back here.
        await page.GotoAsync("/Admin/Pengguna");
        await Expect(page).ToHaveURLAsync(new Regex("/Akun/DuaFaktor"));

        var key = await page.Locator("#shared-key").InnerTextAsync();
        Assert.Matches(SharedKeyFormat(), key);
        await page.GetByLabel("Kode verifikasi").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktifkan" }).ClickAsync();

        await Expect(page.GetByText("Verifikasi dua langkah sudah aktif.")).ToBeVisibleAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Sign out with the button in the navigation (a POST form).
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" }).GetByRole(AriaRole.Link, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keluar" })).ToHaveCountAsync(0);

        // Signing in again now asks for the code.
        await page.GotoAsync("/Akun/Masuk");
        await page.GetByLabel("Email").FillAsync(DatabaseStartup.FirstAdminEmail);
        await page.GetByLabel("Kata sandi").FillAsync(BrowserAppFixture.FirstAdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Akun/MasukDuaFaktor"));
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Kode autentikator atau kode pemulihan").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pengguna", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keluar" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Administrator_invites_an_operator_who_accepts()
    {
        var admin = await App.CreateAccountAsync(Roles.Administrator, withAuthenticator: true);
        var page = await NewPageAsync();
        await SignInAsync(page, admin);

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"operator-undangan-{suffix}@uji.kovablik.local";
        var name = $"Sri Wahyuni {suffix}";
        await page.GotoAsync("/Admin/Undang");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Undang pengguna" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Nama lengkap").FillAsync(name);
        await page.GetByLabel("Peran").SelectOptionAsync(new SelectOptionValue { Label = "Operator" });
        await page.GetByLabel("Kode atau ID organisasi").FillAsync("35.78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim undangan" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Admin/Pengguna$"));
        await Expect(Flash(page)).ToHaveTextAsync($"Undangan dikirim ke {email}.");
        var pending = page.GetByRole(AriaRole.Table, new() { Name = "Undangan yang belum diterima" }).GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(pending).ToHaveCountAsync(1);
        await Expect(pending).ToContainTextAsync(name);
        await Expect(pending).ToContainTextAsync("Operator");
        await Axe.AssertNoSeriousViolationsAsync(page);

        // The invited person opens the link from the email in their own browser.
        var link = App.InvitationLinkFor(email);
        Assert.StartsWith(App.BaseUrl + "/Akun/Undangan?token=", link, StringComparison.Ordinal);
        var invited = await NewPageAsync();
        await invited.GotoAsync(link);
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Terima undangan" })).ToBeVisibleAsync();
        await Expect(invited.GetByText(name)).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(invited);
        const string password = "Mangga-Kebun-Surabaya-2025";
        await invited.GetByLabel("Kata sandi baru").FillAsync(password);
        await invited.GetByLabel("Ulangi kata sandi").FillAsync(password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Aktifkan akun" }).ClickAsync();

        await Expect(Flash(invited)).ToContainTextAsync("Selamat datang");
        await Expect(invited.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await invited.GetByRole(AriaRole.Link, new() { Name = "Kelola inovasi" }).ClickAsync();
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Kelola inovasi" })).ToBeVisibleAsync();
        await Expect(invited.GetByRole(AriaRole.Link, new() { Name = "Tambah inovasi" })).ToBeVisibleAsync();

        // The link works once: the invitation is gone from the pending list and the link is dead.
        await page.ReloadAsync();
        await Expect(pending).ToHaveCountAsync(0);
        var again = await NewPageAsync();
        await again.GotoAsync(link);
        await Expect(again.GetByText("Undangan tidak ditemukan, sudah dipakai, atau sudah kedaluwarsa.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sign_in_works_with_the_keyboard_alone()
    {
        var account = await App.CreateAccountAsync(Roles.Operator, "35.78");
        var page = await NewPageAsync();
        await page.GotoAsync("/Akun/Masuk");

        // The first Tab lands on the skip link, which jumps over the navigation into the page.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Langsung ke isi" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Email);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Kata sandi")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");

        // The browser keeps the skip link's #main across the redirect to the home page.
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(App.BaseUrl) + "/(#main)?$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keluar" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = account.FullName })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^[a-z2-7]{4}( [a-z2-7]{1,4})+$")]
    private static partial Regex SharedKeyFormat();
}
