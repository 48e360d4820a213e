using System.Net;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kovablik.Tests.Accounts;

public abstract partial class InvitationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Invitations = "/api/v1/invitations";

    [GeneratedRegex(@"/Akun/Undangan\?token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex LinkPattern();

    private async Task<Organisation> UnitAsync() => await App.CreateOrganisationAsync("Puskesmas Undangan", (await App.KabKotaAsync()).Id);

    private async Task<HttpClient> AdminAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));

    private static string NewEmail() => $"undangan-{KovablikAppFactory.Unique()}@contoh.go.id";

    /// <summary>Invites an Operator of the unit and returns the invited address and the token from the emailed link.</summary>
    private async Task<(string Email, string Token)> InviteOperatorAsync(Organisation unit)
    {
        var email = NewEmail();
        var response = await (await AdminAsync()).PostJsonAsync(Invitations, new InvitationRequestDto(email, "Siti Aminah", Roles.Operator, unit.Id));
        await response.ShouldBeCreated<InvitationDto>();
        return (email, await TokenFromMailAsync(email));
    }

    private async Task<string> TokenFromMailAsync(string email)
    {
        foreach (var file in Directory.EnumerateFiles(App.MailDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file, Ct);
            if (!message.To.Mailboxes.Any(m => m.Address == email)) continue;
            var body = message.TextBody ?? "";
            var match = LinkPattern().Match(body);
            Assert.True(match.Success, "The invitation email has no /Akun/Undangan link:\n" + body);
            Assert.Contains("http://localhost/Akun/Undangan?token=", body, StringComparison.Ordinal);
            return Uri.UnescapeDataString(match.Groups[1].Value);
        }
        throw new InvalidOperationException($"No invitation email to {email} in {App.MailDirectory}.");
    }

    private static string PageUrl(string token) => $"/Akun/Undangan?token={Uri.EscapeDataString(token)}";

    /// <summary>Submits the acceptance form like a browser. When the page shows no form (refused token), the antiforgery token comes from the sign-in page.</summary>
    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient browser, string token, string password, string? confirm = null)
    {
        var fields = new Dictionary<string, string> { ["Token"] = token, ["Input.Password"] = password, ["Input.Confirm"] = confirm ?? password };
        var page = await (await browser.GetAsync(PageUrl(token), Ct)).HtmlAsync();
        if (Http.FindPostForm(page) is null) page = await (await browser.GetAsync("/Akun/Masuk", Ct)).HtmlAsync();
        return await browser.PostFormAsync(page, PageUrl(token), fields);
    }

    private Task<AppUser?> UserAsync(string email) => App.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, Ct));

    [Fact]
    public async Task Administrator_invites_an_operator_who_accepts_and_gets_a_scoped_account()
    {
        var unit = await UnitAsync();
        var email = NewEmail();
        var now = App.Time.GetUtcNow();
        var invited = await (await (await AdminAsync()).PostJsonAsync(Invitations, new InvitationRequestDto(email, "Siti Aminah", Roles.Operator, unit.Id))).ShouldBeCreated<InvitationDto>();
        Assert.Equal(now.AddDays(7), invited.ExpiresAt);
        Assert.Equal(unit.Id, invited.OrganisationId);
        var token = await TokenFromMailAsync(email);
        Assert.Null(await UserAsync(email));

        var browser = App.BrowserClient();
        var page = await browser.GetAsync(PageUrl(token), Ct);
        await page.ShouldBe(HttpStatusCode.OK);
        var doc = await page.HtmlAsync();
        Assert.NotNull(doc.QuerySelector("input[name='Input.Password']"));
        Assert.Contains(email, Http.TextOf(doc), StringComparison.Ordinal);

        var accepted = await AcceptAsync(browser, token, "sepeda merah melaju di jalan");
        await accepted.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);

        var user = await UserAsync(email);
        Assert.NotNull(user);
        Assert.Equal(unit.Id, user.OrganisationId);
        Assert.Equal("Siti Aminah", user.FullName);
        var roles = await App.WithServicesAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user));
        Assert.Equal([Roles.Operator], roles);
        Assert.NotNull((await App.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == email, Ct))).AcceptedAt);

        // The new account is signed in straight away.
        var me = await (await browser.GetAsync("/api/v1/me", Ct)).ShouldBeOk<MeDto>();
        Assert.Equal(email, me.Email);
        Assert.Equal(unit.Id, me.OrganisationId);
    }

    [Fact]
    public async Task Invitation_token_works_only_once()
    {
        var (email, token) = await InviteOperatorAsync(await UnitAsync());
        await (await AcceptAsync(App.BrowserClient(), token, "sepeda merah melaju di jalan")).ShouldBe(HttpStatusCode.Redirect);
        var firstHash = (await UserAsync(email))!.PasswordHash;

        var again = App.BrowserClient();
        var page = await (await again.GetAsync(PageUrl(token), Ct)).HtmlAsync();
        Assert.Null(page.QuerySelector("input[name='Input.Password']"));
        Assert.Contains("sudah dipakai", Http.TextOf(page), StringComparison.Ordinal);

        var response = await AcceptAsync(again, token, "kata sandi pengganti yang lain");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(firstHash, (await UserAsync(email))!.PasswordHash);
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email, Ct)));
    }

    [Fact]
    public async Task Expired_invitation_is_refused()
    {
        var (email, token) = await InviteOperatorAsync(await UnitAsync());
        App.Time.Advance(TimeSpan.FromDays(8));

        var browser = App.BrowserClient();
        var page = await (await browser.GetAsync(PageUrl(token), Ct)).HtmlAsync();
        Assert.Null(page.QuerySelector("input[name='Input.Password']"));
        Assert.Contains("kedaluwarsa", Http.TextOf(page), StringComparison.Ordinal);
        await (await AcceptAsync(browser, token, "sepeda merah melaju di jalan")).ShouldBe(HttpStatusCode.OK);
        Assert.Null(await UserAsync(email));
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("bismillah")]
    [InlineData("Password123")]
    public async Task Common_password_is_refused_with_an_indonesian_message(string password)
    {
        var (email, token) = await InviteOperatorAsync(await UnitAsync());
        var response = await AcceptAsync(App.BrowserClient(), token, password);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Kata sandi ini terlalu umum", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));
    }

    [Fact]
    public async Task Seven_character_password_is_refused()
    {
        var (email, token) = await InviteOperatorAsync(await UnitAsync());
        var response = await AcceptAsync(App.BrowserClient(), token, "kuda7ab");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("8 sampai 128 karakter", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));
    }

    [Fact]
    public async Task Mismatched_confirmation_is_refused()
    {
        var (email, token) = await InviteOperatorAsync(await UnitAsync());
        var response = await AcceptAsync(App.BrowserClient(), token, "sepeda merah melaju di jalan", "sepeda biru melaju di jalan");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Konfirmasi kata sandi tidak sama", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));
    }

    [Fact]
    public async Task Sixty_four_character_password_is_accepted()
    {
        var (email, token) = await InviteOperatorAsync(await UnitAsync());
        var password = string.Concat(Enumerable.Repeat("Gunung Bromo ", 5))[..64];
        Assert.Equal(64, password.Length);
        await (await AcceptAsync(App.BrowserClient(), token, password)).ShouldBe(HttpStatusCode.Redirect);
        var user = await UserAsync(email);
        Assert.NotNull(user);
        var ok = await App.WithServicesAsync(sp => sp.GetRequiredService<UserManager<AppUser>>().CheckPasswordAsync(user, password));
        Assert.True(ok);
    }

    [Fact]
    public async Task Invitation_with_invalid_fields_is_refused_with_field_errors()
    {
        var unit = await UnitAsync();
        var admin = await AdminAsync();
        var before = await App.WithDbAsync(db => db.Invitations.CountAsync(Ct));

        Assert.Contains("Email", await (await admin.PostJsonAsync(Invitations, new InvitationRequestDto("bukan-email", "Budi", Roles.Operator, unit.Id))).ValidationErrorsAsync());
        Assert.Contains("Role", await (await admin.PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), "Budi", "Superuser", unit.Id))).ValidationErrorsAsync());
        Assert.Contains("OrganisationId", await (await admin.PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), "Budi", Roles.Operator, null))).ValidationErrorsAsync());
        Assert.Contains("OrganisationId", await (await admin.PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), "Budi", Roles.PimpinanUnit, 999_999))).ValidationErrorsAsync());
        Assert.Contains("FullName", await (await admin.PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), " ", Roles.Operator, unit.Id))).ValidationErrorsAsync());

        var existing = await App.CreateUserAsync(Roles.Operator, unit.Id);
        Assert.Contains("Email", await (await admin.PostJsonAsync(Invitations, new InvitationRequestDto(existing.Email, "Budi", Roles.Operator, unit.Id))).ValidationErrorsAsync());

        Assert.Equal(before, await App.WithDbAsync(db => db.Invitations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Operator_cannot_invite()
    {
        var unit = await UnitAsync();
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, unit.Id));
        var before = await App.WithDbAsync(db => db.Invitations.CountAsync(Ct));
        await (await op.PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), "Budi", Roles.Operator, unit.Id))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), "Budi", Roles.Operator, unit.Id))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await App.WithDbAsync(db => db.Invitations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Panitia_invites_operators_but_not_administrators()
    {
        var unit = await UnitAsync();
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        await (await panitia.PostJsonAsync(Invitations, new InvitationRequestDto(NewEmail(), "Budi", Roles.Operator, unit.Id))).ShouldBeCreated<InvitationDto>();
        var email = NewEmail();
        await (await panitia.PostJsonAsync(Invitations, new InvitationRequestDto(email, "Budi", Roles.Administrator, null))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await App.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == email, Ct)));
    }
}

public sealed class InvitationTestsSqlite() : InvitationTests(DatabaseProvider.Sqlite);

public sealed class InvitationTestsPostgres() : InvitationTests(DatabaseProvider.Postgres);
