using System.Data.Common;
using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Platform;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Platform;

public abstract class AuditTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<List<AuditEntry>> AuditOfAsync(string entityType, string entityId) =>
        App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync(Ct));

    [Fact]
    public async Task Creating_and_updating_an_organisation_is_audited_with_user_action_and_ip()
    {
        var kota = await App.KabKotaAsync();
        var admin = await App.CreateUserAsync(Roles.Administrator, null);
        var client = App.ClientFor(admin, ip: "203.0.113.7");
        var created = await (await client.PostJsonAsync("/api/v1/organisations", new OrganisationCreateRequest(null, "Dinas Audit", "PD", kota.Id))).ShouldBeCreated<OrganisationDto>();
        await (await client.PutJsonAsync($"/api/v1/organisations/{created.Id}", new OrganisationUpdateRequest(null, "Dinas Audit Baru", "PD", null))).ShouldBeOk<OrganisationDto>();

        var rows = await AuditOfAsync("Organisation", created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var create = Assert.Single(rows, r => r.Action == "Create");
        Assert.Equal(admin.UserName, create.UserName);
        Assert.Equal(admin.Id, create.UserId);
        Assert.Equal("203.0.113.7", create.IpAddress);
        Assert.Equal(KovablikAppFactory.StartInstant, create.At);
        Assert.Contains("Dinas Audit", create.ChangesJson, StringComparison.Ordinal);
        var rename = Assert.Single(rows, r => r.Action == "Update" && r.ChangesJson!.Contains("Dinas Audit Baru", StringComparison.Ordinal));
        Assert.Equal(admin.UserName, rename.UserName);
        Assert.Equal("203.0.113.7", rename.IpAddress);
    }

    [Fact]
    public async Task Creating_and_updating_an_innovation_is_audited_with_user_action_and_ip()
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Audit", (await App.KabKotaAsync()).Id);
        var op = await App.CreateUserAsync(Roles.Operator, unit.Id);
        var client = App.ClientFor(op, ip: "198.51.100.23");
        var input = await App.WithDbAsync(db => KovablikAppFactory.CompleteInputAsync(db, unit.Id, "Inovasi Diaudit"));
        var created = await (await client.PostJsonAsync("/api/v1/innovations", input)).ShouldBeCreated<InnovationDto>();
        input.Name = "Inovasi Diaudit Lagi";
        input.ExpectedVersion = created.Version;
        await (await client.PutJsonAsync($"/api/v1/innovations/{created.Id}", input)).ShouldBeOk<InnovationDto>();

        var rows = await AuditOfAsync("Innovation", created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => r.Action == "Create");
        Assert.Contains(rows, r => r.Action == "Update" && r.ChangesJson!.Contains("Inovasi Diaudit Lagi", StringComparison.Ordinal));
        Assert.All(rows, r =>
        {
            Assert.Equal(op.UserName, r.UserName);
            Assert.Equal("198.51.100.23", r.IpAddress);
        });
    }

    [Fact]
    public async Task Inviting_and_accepting_are_audited()
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Audit Undangan", (await App.KabKotaAsync()).Id);
        var admin = await App.CreateUserAsync(Roles.Administrator, null);
        var email = $"audit-{KovablikAppFactory.Unique()}@contoh.go.id";
        var invitation = await (await App.ClientFor(admin, ip: "192.0.2.10").PostJsonAsync("/api/v1/invitations", new InvitationRequestDto(email, "Audit Orang", Roles.Operator, unit.Id)))
            .ShouldBeCreated<InvitationDto>();
        var invited = Assert.Single(await AuditOfAsync("Invitation", invitation.Id.ToString()), r => r.Action == "Create");
        Assert.Equal(admin.UserName, invited.UserName);
        Assert.Equal("192.0.2.10", invited.IpAddress);
        Assert.DoesNotContain("TokenHash", invited.ChangesJson, StringComparison.Ordinal);

        // Accept through the page, as the invited person would, from another address.
        var token = await TokenFromMailAsync(email);
        var browser = App.BrowserClient(ip: "192.0.2.99");
        var page = await (await browser.GetAsync($"/Akun/Undangan?token={Uri.EscapeDataString(token)}", Ct)).HtmlAsync();
        await (await browser.PostFormAsync(page, $"/Akun/Undangan?token={Uri.EscapeDataString(token)}",
            new Dictionary<string, string> { ["Input.Password"] = "layang layang terbang tinggi", ["Input.Confirm"] = "layang layang terbang tinggi" })).ShouldBe(HttpStatusCode.Redirect);

        var account = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct));
        var created = Assert.Single(await AuditOfAsync("Account", account.Id), r => r.Action == "Create");
        Assert.Equal("192.0.2.99", created.IpAddress);
        Assert.DoesNotContain("PasswordHash", created.ChangesJson, StringComparison.Ordinal);
        var accepted = Assert.Single(await AuditOfAsync("Invitation", invitation.Id.ToString()), r => r.Action == "Update");
        Assert.Contains("AcceptedAt", accepted.ChangesJson, StringComparison.Ordinal);
        Assert.Equal("192.0.2.99", accepted.IpAddress);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "AccountRole").ToListAsync(Ct)),
            r => r.EntityId.StartsWith(account.Id, StringComparison.Ordinal));
    }

    private async Task<string> TokenFromMailAsync(string email)
    {
        foreach (var file in Directory.EnumerateFiles(App.MailDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
            if (!message.To.Mailboxes.Any(m => m.Address == email)) continue;
            var body = message.TextBody ?? "";
            var start = body.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
            var end = body.IndexOfAny([' ', '\r', '\n'], start);
            return Uri.UnescapeDataString(body[start..(end < 0 ? body.Length : end)]);
        }
        throw new InvalidOperationException($"No email to {email}.");
    }

    [Fact]
    public async Task Administrator_reads_the_audit_log_through_the_api()
    {
        var kota = await App.KabKotaAsync();
        var admin = await App.CreateUserAsync(Roles.Administrator, null);
        var client = App.ClientFor(admin);
        var created = await (await client.PostJsonAsync("/api/v1/organisations", new OrganisationCreateRequest(null, "Dinas Log", "PD", kota.Id))).ShouldBeCreated<OrganisationDto>();

        var all = await (await client.GetAsync("/api/v1/audit", Ct)).ShouldBeOk<List<AuditEntryDto>>();
        Assert.NotEmpty(all);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Id > p.Second.Id), "newest first");

        var id = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var filtered = await (await client.GetAsync($"/api/v1/audit?entityType=Organisation&entityId={id}", Ct)).ShouldBeOk<List<AuditEntryDto>>();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, e => Assert.Equal(id, e.EntityId));
        Assert.Contains(filtered, e => e.Action == "Create" && e.UserName == admin.UserName);
    }

    [Theory]
    [InlineData(Roles.Panitia)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Audit_log_is_for_administrators_only(string role)
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Log", (await App.KabKotaAsync()).Id);
        var user = await App.CreateUserAsync(role, Roles.Scoped.Contains(role) ? unit.Id : null);
        await (await App.ClientFor(user).GetAsync("/api/v1/audit", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().GetAsync("/api/v1/audit", Ct)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<AuditEntry> SomeEntryAsync()
    {
        await App.CreateOrganisationAsync("Dinas Jejak", (await App.KabKotaAsync()).Id, Kovablik.Organisations.OrganisationType.PerangkatDaerah);
        return await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync(Ct));
    }

    private async Task AssertUnchangedAsync(AuditEntry original, int count)
    {
        var now = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == original.Id, Ct));
        Assert.Equal(original.Action, now.Action);
        Assert.Equal(original.ChangesJson, now.ChangesJson);
        Assert.Equal(count, await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_with_bulk_updates_or_deletes()
    {
        var entry = await SomeEntryAsync();
        var count = await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "Dipalsukan"), Ct)));
        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db => db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteDeleteAsync(Ct)));
        await AssertUnchangedAsync(entry, count);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_with_raw_sql()
    {
        var entry = await SomeEntryAsync();
        var count = await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"Action\" = 'Dipalsukan'", Ct)));
        await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log", Ct)));
        if (Provider == DatabaseProvider.Postgres)
            await Assert.ThrowsAnyAsync<DbException>(() => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_log", Ct)));
        await AssertUnchangedAsync(entry, count);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_through_the_change_tracker()
    {
        var entry = await SomeEntryAsync();
        var count = await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            var tracked = await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, Ct);
            tracked.Action = "Dipalsukan";
            await db.SaveChangesAsync(Ct);
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }));
        await AssertUnchangedAsync(entry, count);
    }
}

public sealed class AuditTestsSqlite() : AuditTests(DatabaseProvider.Sqlite);

public sealed class AuditTestsPostgres() : AuditTests(DatabaseProvider.Postgres);
