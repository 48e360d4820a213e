using System.Net;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kovablik.Tests.Exhibitions;

/// <summary>Visitor sign-in by one-time email code (/Pengunjung/Masuk → /Pengunjung/Kode), without JavaScript.</summary>
public abstract partial class VisitorSignInTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string WrongCode = "Kode salah atau sudah tidak berlaku.";

    private static string NewEmail() => $"pengunjung-{KovablikAppFactory.Unique()}@contoh.id";

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex CodePattern();

    /// <summary>Asks for a code in the browser and returns the code in the email this request sent (null: no code in it).</summary>
    private async Task<string?> RequestCodeAsync(HttpClient browser, string email, string returnUrl = "/Pameran")
    {
        var before = MailFiles();
        var response = await browser.SubmitFormAsync("/Pengunjung/Masuk?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string> { ["Email"] = email });
        await response.ShouldBe(HttpStatusCode.Redirect);
        Assert.StartsWith("/Pengunjung/Kode", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var file in MailFiles().Except(before))
        {
            var message = await MimeMessage.LoadAsync(file, Ct);
            if (!message.To.Mailboxes.Any(m => m.Address == email)) continue;
            var match = CodePattern().Match(message.TextBody ?? "");
            return match.Success ? match.Groups[1].Value : null;
        }
        Assert.Fail("No email was sent to " + email);
        return null;
    }

    private HashSet<string> MailFiles() =>
        Directory.Exists(App.MailDirectory) ? Directory.EnumerateFiles(App.MailDirectory, "*.eml").ToHashSet() : [];

    private static Task<HttpResponseMessage> EnterCodeAsync(HttpClient browser, string email, string code, string returnUrl = "/Pameran") =>
        browser.SubmitFormAsync("/Pengunjung/Kode?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string> { ["Email"] = email, ["Code"] = code });

    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_address_gets_a_code_becomes_a_verified_visitor_and_returns_to_the_local_page()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var code = await RequestCodeAsync(browser, email, "/Pameran");
        Assert.NotNull(code);
        // The code form already knows the address (TempData), so the visitor only types the code.
        var form = await (await browser.GetAsync("/Pengunjung/Kode?ReturnUrl=%2FPameran", Ct)).HtmlAsync();
        Assert.Equal(email, form.QuerySelector("input[name=Email]")?.GetAttribute("value"));

        var signedIn = await EnterCodeAsync(browser, email, code!);
        await signedIn.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/Pameran", signedIn.Headers.Location!.OriginalString);

        var (account, roles, stored) = await App.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = await users.FindByEmailAsync(email);
            var db = sp.GetRequiredService<KovablikDbContext>();
            var hashes = await db.VisitorCodes.Where(c => c.Email == email).Select(c => c.CodeHash).ToListAsync(Ct);
            return (u, await users.GetRolesAsync(u!), hashes);
        });
        Assert.NotNull(account);
        Assert.True(account!.EmailConfirmed);
        Assert.Null(account.PasswordHash);
        Assert.Equal([Roles.Pengunjung], roles);
        Assert.All(stored, h => Assert.DoesNotContain(code!, h, StringComparison.Ordinal));

        // Signed in with the Identity cookie and a verified-email claim: the visitor may vote.
        var me = await browser.GetAsync("/api/v1/me", Ct);
        await me.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_return_url_must_be_local()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var code = await RequestCodeAsync(browser, email, "https://evil.example/");
        var response = await EnterCodeAsync(browser, email, code!, "https://evil.example/");
        await response.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_right_one_still_works()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var code = (await RequestCodeAsync(browser, email))!;
        var wrong = await EnterCodeAsync(browser, email, Other(code));
        await wrong.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains(WrongCode, Http.TextOf(await wrong.HtmlAsync()), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email, Ct)));
        await (await EnterCodeAsync(browser, email, code)).ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var code = (await RequestCodeAsync(browser, email))!;
        App.Time.Advance(TimeSpan.FromMinutes(11));
        var response = await EnterCodeAsync(browser, email, code);
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Kode sudah kedaluwarsa", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email, Ct)));
    }

    [Fact]
    public async Task After_five_wrong_attempts_even_the_right_code_is_refused()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var code = (await RequestCodeAsync(browser, email))!;
        for (var i = 0; i < 5; i++) await (await EnterCodeAsync(browser, email, Other(code))).ShouldBe(HttpStatusCode.BadRequest);
        var response = await EnterCodeAsync(browser, email, code);
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Terlalu banyak percobaan", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == email, Ct)));
    }

    [Fact]
    public async Task Parallel_guesses_cannot_exceed_five_attempts()
    {
        var email = NewEmail();
        var code = (await RequestCodeAsync(App.BrowserClient(), email))!;
        var clients = Enumerable.Range(0, 12).Select(_ => App.BrowserClient()).ToList();
        await Task.WhenAll(clients.Select(c => EnterCodeAsync(c, email, Other(code))));
        var attempts = await App.WithDbAsync(db => db.VisitorCodes.Where(c => c.Email == email).MaxAsync(c => c.Attempts, Ct));
        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var email = NewEmail();
        var code = (await RequestCodeAsync(App.BrowserClient(), email))!;
        await (await EnterCodeAsync(App.BrowserClient(), email, code)).ShouldBe(HttpStatusCode.Redirect);
        var again = await EnterCodeAsync(App.BrowserClient(), email, code);
        await again.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains(WrongCode, Http.TextOf(await again.HtmlAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_newest_code_counts()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var first = (await RequestCodeAsync(browser, email))!;
        App.Time.Advance(TimeSpan.FromSeconds(1));
        var second = (await RequestCodeAsync(browser, email))!;
        if (first != second) await (await EnterCodeAsync(browser, email, first)).ShouldBe(HttpStatusCode.BadRequest);
        await (await EnterCodeAsync(browser, email, second)).ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_staff_address_gets_the_same_answer_but_no_code_and_cannot_sign_in_by_code()
    {
        var staff = await App.CreateUserAsync(Roles.Panitia, null);
        var browser = App.BrowserClient();
        var code = await RequestCodeAsync(browser, staff.Email!);
        Assert.Null(code); // an email went out, pointing to the password sign-in, without a code
        var page = await (await browser.GetAsync("/Pengunjung/Kode", Ct)).HtmlAsync();
        Assert.NotNull(page.QuerySelector("#code-sent"));
        var attempt = await EnterCodeAsync(browser, staff.Email!, "123456");
        await attempt.ShouldBe(HttpStatusCode.BadRequest);
        var roles = await App.WithServicesAsync(async sp => await sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync((await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(staff.Id))!));
        Assert.Equal([Roles.Panitia], roles);
    }

    [Fact]
    public async Task Code_requests_are_limited_per_address()
    {
        var email = NewEmail();
        for (var i = 0; i < 5; i++) Assert.NotNull(await RequestCodeAsync(App.BrowserClient(), email));
        var sixth = await App.BrowserClient().SubmitFormAsync("/Pengunjung/Masuk", new Dictionary<string, string> { ["Email"] = email });
        await sixth.ShouldBe(HttpStatusCode.TooManyRequests);
        Assert.Contains("Terlalu banyak permintaan kode", Http.TextOf(await sixth.HtmlAsync()), StringComparison.Ordinal);
        App.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.NotNull(await RequestCodeAsync(App.BrowserClient(), email));
    }

    [Fact]
    public async Task A_bad_address_is_a_field_error()
    {
        var response = await App.BrowserClient().SubmitFormAsync("/Pengunjung/Masuk", new Dictionary<string, string> { ["Email"] = "bukan-email" });
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Alamat email tidak valid.", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_has_no_staff_navigation_and_no_staff_access()
    {
        var email = NewEmail();
        var browser = App.BrowserClient();
        var code = (await RequestCodeAsync(browser, email))!;
        await (await EnterCodeAsync(browser, email, code)).ShouldBe(HttpStatusCode.Redirect);

        var home = await (await browser.GetAsync("/", Ct)).HtmlAsync();
        Assert.Null(home.QuerySelector("a[href='/Panitia/Pameran']"));
        Assert.Null(home.QuerySelector("a[href='/Kelola/Inovasi']"));
        Assert.Null(home.QuerySelector("a[href='/Akun/DuaFaktor']"));

        foreach (var url in new[] { "/Panitia/Pameran", "/Panitia/Edisi", "/Kelola/Inovasi", "/Admin/Pengguna" })
        {
            var response = await browser.GetAsync(url, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, url + ": " + response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("AksesDitolak", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        await (await browser.GetAsync("/api/v1/awards", Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class VisitorSignInTestsSqlite() : VisitorSignInTests(DatabaseProvider.Sqlite);

public sealed class VisitorSignInTestsPostgres() : VisitorSignInTests(DatabaseProvider.Postgres);
