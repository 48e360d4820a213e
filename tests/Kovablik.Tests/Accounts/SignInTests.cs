using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Accounts;

/// <summary>The real cookie sign-in: lockout, the 2FA gate for privileged roles and TOTP sign-in.</summary>
public abstract class SignInTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string WrongPasswordMessage = "Email atau kata sandi salah.";

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        browser.SubmitFormAsync("/Akun/Masuk", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<AppUser> OperatorAsync()
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Masuk", (await App.KabKotaAsync()).Id);
        return await App.CreateUserAsync(Roles.Operator, unit.Id);
    }

    [Fact]
    public async Task Operator_signs_in_with_email_and_password()
    {
        var user = await OperatorAsync();
        var browser = App.BrowserClient();
        var response = await SignInAsync(browser, user.Email!, KovablikAppFactory.Password);
        await response.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location!.OriginalString);

        var me = await (await browser.GetAsync("/api/v1/me", Ct)).ShouldBeOk<MeDto>();
        Assert.Equal(user.Id, me.Id);
        Assert.Equal([Roles.Operator], me.Roles);
        await (await browser.GetAsync("/Kelola/Inovasi", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_goes_back_to_a_local_return_url_only()
    {
        var user = await OperatorAsync();
        var browser = App.BrowserClient();
        var local = await browser.SubmitFormAsync("/Akun/Masuk?ReturnUrl=%2FKelola%2FInovasi",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = KovablikAppFactory.Password });
        Assert.Equal("/Kelola/Inovasi", local.Headers.Location!.OriginalString);

        var other = await App.BrowserClient().SubmitFormAsync("/Akun/Masuk?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Email"] = user.Email!, ["Input.Password"] = KovablikAppFactory.Password });
        Assert.Equal("/", other.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer()
    {
        var user = await OperatorAsync();
        var wrong = await SignInAsync(App.BrowserClient(), user.Email!, "salah sama sekali ini");
        await wrong.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(WrongPasswordMessage, Http.TextOf(await wrong.HtmlAsync()), StringComparison.Ordinal);
        var unknown = await SignInAsync(App.BrowserClient(), "tidak-ada@contoh.go.id", "salah sama sekali ini");
        await unknown.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(WrongPasswordMessage, Http.TextOf(await unknown.HtmlAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await OperatorAsync();
        var browser = App.BrowserClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var response = await SignInAsync(browser, user.Email!, $"tebakan salah ke {attempt}");
            await response.ShouldBe(HttpStatusCode.OK);
            Assert.Contains(WrongPasswordMessage, Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        }
        var fifth = await SignInAsync(browser, user.Email!, "tebakan salah ke 5");
        Assert.Equal("/Akun/Terkunci", fifth.Headers.Location?.OriginalString);

        var sixth = await SignInAsync(browser, user.Email!, KovablikAppFactory.Password);
        await sixth.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/Akun/Terkunci", sixth.Headers.Location!.OriginalString);
        await (await browser.GetAsync("/api/v1/me", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
        var stored = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct));
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Administrator_without_two_factor_is_sent_to_set_it_up_and_the_api_refuses()
    {
        var admin = await App.CreateUserAsync(Roles.Administrator, null);
        var browser = App.BrowserClient();
        await (await SignInAsync(browser, admin.Email!, KovablikAppFactory.Password)).ShouldBe(HttpStatusCode.Redirect);

        foreach (var page in new[] { "/", "/Tentang", "/Kelola/Inovasi", "/Organisasi", "/Admin/Pengguna" })
        {
            var response = await browser.GetAsync(page, Ct);
            await response.ShouldBe(HttpStatusCode.Redirect);
            Assert.Equal("/Akun/DuaFaktor", response.Headers.Location!.OriginalString.Split('?')[0]);
        }
        var problem = await (await browser.GetAsync("/api/v1/me", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("/Akun/DuaFaktor", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await browser.GetAsync("/api/v1/organisations", Ct)).ProblemAsync(HttpStatusCode.Forbidden);

        // The setup page itself stays reachable.
        await (await browser.GetAsync("/Akun/DuaFaktor", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Administrator_sets_up_totp_and_then_needs_a_code_to_sign_in()
    {
        var admin = await App.CreateUserAsync(Roles.Administrator, null);
        var browser = App.BrowserClient();
        await (await SignInAsync(browser, admin.Email!, KovablikAppFactory.Password)).ShouldBe(HttpStatusCode.Redirect);

        // Opening the setup page creates the authenticator key; the "phone" reads it.
        var setup = await (await browser.GetAsync("/Akun/DuaFaktor", Ct)).HtmlAsync();
        var key = await App.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(admin.Id))!);
        });
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Contains(key.ToLowerInvariant()[..4], Http.TextOf(setup), StringComparison.Ordinal);

        var wrongCode = (int.Parse(Totp.Code(key, DateTimeOffset.UtcNow), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000;
        var refused = await browser.PostFormAsync(setup, "/Akun/DuaFaktor", new Dictionary<string, string> { ["Code"] = wrongCode.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) });
        await refused.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Kode salah", Http.TextOf(await refused.HtmlAsync()), StringComparison.Ordinal);
        Assert.False((await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id, Ct))).TwoFactorEnabled);

        var enabled = await browser.PostFormAsync(await refused.HtmlAsync(), "/Akun/DuaFaktor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        await enabled.ShouldBe(HttpStatusCode.OK);
        Assert.True((await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id, Ct))).TwoFactorEnabled);
        // The refreshed cookie passes the gate at once.
        await (await browser.GetAsync("/api/v1/me", Ct)).ShouldBeOk<MeDto>();

        // A new sign-in now asks for the code before it counts.
        var fresh = App.BrowserClient();
        var first = await SignInAsync(fresh, admin.Email!, KovablikAppFactory.Password);
        await first.ShouldBe(HttpStatusCode.Redirect);
        Assert.StartsWith("/Akun/MasukDuaFaktor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await (await fresh.GetAsync("/api/v1/me", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);

        var second = await fresh.SubmitFormAsync(first.Headers.Location.OriginalString,
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        await second.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/", second.Headers.Location!.OriginalString);
        var me = await (await fresh.GetAsync("/api/v1/me", Ct)).ShouldBeOk<MeDto>();
        Assert.True(me.TwoFactorEnabled);
        await (await fresh.GetAsync("/", Ct)).ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SignInTestsSqlite() : SignInTests(DatabaseProvider.Sqlite);

public sealed class SignInTestsPostgres() : SignInTests(DatabaseProvider.Postgres);
