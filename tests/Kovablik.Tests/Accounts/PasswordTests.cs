using System.Net;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using MimeKit;

namespace Kovablik.Tests.Accounts;

/// <summary>Forgotten-password reset by email and changing one's own password.</summary>
public abstract partial class PasswordTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [GeneratedRegex(@"/Akun/AturUlangSandi\?email=[^&\s]+&token=([^\s]+)")]
    private static partial Regex ResetLink();

    private async Task<AppUser> OperatorAsync()
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Sandi " + KovablikAppFactory.Unique(), (await App.KabKotaAsync()).Id);
        return await App.CreateUserAsync(Roles.Operator, unit.Id, $"sandi-{KovablikAppFactory.Unique()}@contoh.go.id");
    }

    private async Task<string?> ResetTokenAsync(string email)
    {
        if (!Directory.Exists(App.MailDirectory)) return null; // no email written at all yet
        foreach (var file in Directory.EnumerateFiles(App.MailDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file, Ct);
            if (!message.To.Mailboxes.Any(m => m.Address == email)) continue;
            var match = ResetLink().Match(message.TextBody ?? "");
            if (match.Success) return Uri.UnescapeDataString(match.Groups[1].Value);
        }
        return null;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.SubmitFormAsync("/Akun/Masuk", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Reset_link_by_email_sets_a_new_password_once()
    {
        var user = await OperatorAsync();
        var request = await App.BrowserClient().SubmitFormAsync("/Akun/LupaSandi", new Dictionary<string, string> { ["Email"] = user.Email! });
        await request.ShouldBe(HttpStatusCode.OK);
        Assert.NotNull((await request.HtmlAsync()).QuerySelector("#reset-sent"));
        var token = await ResetTokenAsync(user.Email!) ?? throw new InvalidOperationException("No reset email was written.");

        var page = $"/Akun/AturUlangSandi?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
        var browser = App.BrowserClient();
        var reset = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Password"] = "burung-kutilang-bernyanyi", ["Input.Confirm"] = "burung-kutilang-bernyanyi" });
        await reset.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/Akun/Masuk", reset.Headers.Location!.OriginalString);

        Assert.Equal("/", (await SignInAsync(App.BrowserClient(), user.Email!, "burung-kutilang-bernyanyi")).Headers.Location?.OriginalString);
        var old = await SignInAsync(App.BrowserClient(), user.Email!, KovablikAppFactory.Password);
        await old.ShouldBe(HttpStatusCode.OK);

        // The same link again: refused, nothing changes.
        var again = await App.BrowserClient().SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Password"] = "kuda-nil-berenang-lambat", ["Input.Confirm"] = "kuda-nil-berenang-lambat" });
        await again.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Tautan tidak valid", Http.TextOf(await again.HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal("/", (await SignInAsync(App.BrowserClient(), user.Email!, "burung-kutilang-bernyanyi")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_and_no_email()
    {
        var email = $"tidak-ada-{KovablikAppFactory.Unique()}@contoh.go.id";
        var response = await App.BrowserClient().SubmitFormAsync("/Akun/LupaSandi", new Dictionary<string, string> { ["Email"] = email });
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.NotNull((await response.HtmlAsync()).QuerySelector("#reset-sent"));
        Assert.Null(await ResetTokenAsync(email));
    }

    [Fact]
    public async Task Forged_token_is_refused()
    {
        var user = await OperatorAsync();
        var page = $"/Akun/AturUlangSandi?email={Uri.EscapeDataString(user.Email!)}&token=palsu";
        var response = await App.BrowserClient().SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Password"] = "burung-kutilang-bernyanyi", ["Input.Confirm"] = "burung-kutilang-bernyanyi" });
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Tautan tidak valid", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal("/", (await SignInAsync(App.BrowserClient(), user.Email!, KovablikAppFactory.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signed_in_user_changes_password_only_with_the_current_one_and_not_to_a_common_one()
    {
        var user = await OperatorAsync();
        var browser = App.BrowserClient();
        await (await SignInAsync(browser, user.Email!, KovablikAppFactory.Password)).ShouldBe(HttpStatusCode.Redirect);

        var wrong = await browser.SubmitFormAsync("/Akun/UbahSandi", new Dictionary<string, string> { ["Current"] = "bukan-sandi-saya", ["Input.Password"] = "ikan-pari-di-selat-madura", ["Input.Confirm"] = "ikan-pari-di-selat-madura" });
        await wrong.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Kata sandi salah", (await wrong.HtmlAsync()).QuerySelector("[data-valmsg-for='Current']")?.TextContent ?? "", StringComparison.Ordinal);

        var common = await browser.SubmitFormAsync("/Akun/UbahSandi", new Dictionary<string, string> { ["Current"] = KovablikAppFactory.Password, ["Input.Password"] = "bismillah123", ["Input.Confirm"] = "bismillah123" });
        await common.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("terlalu umum", (await common.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent ?? "", StringComparison.Ordinal);

        var ok = await browser.SubmitFormAsync("/Akun/UbahSandi", new Dictionary<string, string> { ["Current"] = KovablikAppFactory.Password, ["Input.Password"] = "ikan-pari-di-selat-madura", ["Input.Confirm"] = "ikan-pari-di-selat-madura" });
        await ok.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/", (await SignInAsync(App.BrowserClient(), user.Email!, "ikan-pari-di-selat-madura")).Headers.Location?.OriginalString);
    }
}

public sealed class PasswordTestsSqlite() : PasswordTests(DatabaseProvider.Sqlite);

public sealed class PasswordTestsPostgres() : PasswordTests(DatabaseProvider.Postgres);
