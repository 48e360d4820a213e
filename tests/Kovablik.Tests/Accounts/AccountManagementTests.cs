using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Accounts;

/// <summary>Changing roles, organisation and the active flag of accounts.</summary>
public abstract class AccountManagementTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(AppUser Operator, int OrgId)> OperatorAsync()
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Akun " + KovablikAppFactory.Unique(), (await App.KabKotaAsync()).Id);
        return (await App.CreateUserAsync(Roles.Operator, unit.Id), unit.Id);
    }

    private Task<IList<string>> RolesOfAsync(AppUser user) => App.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!);
    });

    [Fact]
    public async Task Panitia_changes_an_operators_roles_and_the_change_is_audited()
    {
        var (op, orgId) = await OperatorAsync();
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var response = await panitia.PutJsonAsync($"/api/v1/accounts/{op.Id}",
            new { fullName = "Operator Baru", roles = new[] { Roles.Operator, Roles.PimpinanUnit }, organisationId = orgId, isActive = true });
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal([Roles.Operator, Roles.PimpinanUnit], (await RolesOfAsync(op)).Order().ToArray());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AccountRole" && a.EntityId.StartsWith(op.Id)).ToListAsync(Ct));
        Assert.Contains(audit, a => a.Action == "Create");
    }

    [Fact]
    public async Task Panitia_cannot_grant_the_administrator_role()
    {
        var (op, orgId) = await OperatorAsync();
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var response = await panitia.PutJsonAsync($"/api/v1/accounts/{op.Id}",
            new { fullName = op.FullName, roles = new[] { Roles.Administrator }, organisationId = orgId, isActive = true });
        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal([Roles.Operator], await RolesOfAsync(op));
    }

    [Fact]
    public async Task Scoped_roles_need_an_organisation_and_unknown_roles_are_refused()
    {
        var (op, _) = await OperatorAsync();
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));
        var noOrg = await (await admin.PutJsonAsync($"/api/v1/accounts/{op.Id}",
            new { fullName = op.FullName, roles = new[] { Roles.Operator }, organisationId = (int?)null, isActive = true })).ValidationErrorsAsync();
        Assert.True(noOrg.ContainsKey("OrganisationId"));
        var unknown = await (await admin.PutJsonAsync($"/api/v1/accounts/{op.Id}",
            new { fullName = op.FullName, roles = new[] { "Raja" }, organisationId = op.OrganisationId, isActive = true })).ValidationErrorsAsync();
        Assert.True(unknown.ContainsKey("Roles"));
        Assert.Equal([Roles.Operator], await RolesOfAsync(op));
        await (await admin.PutJsonAsync("/api/v1/accounts/tidak-ada", new { fullName = "x", roles = new[] { Roles.Juri } })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrator_cannot_deactivate_themselves()
    {
        var me = await App.CreateUserAsync(Roles.Administrator, null);
        var errors = await (await App.ClientFor(me).PutJsonAsync($"/api/v1/accounts/{me.Id}",
            new { fullName = me.FullName, roles = new[] { Roles.Administrator }, isActive = false })).ValidationErrorsAsync();
        Assert.True(errors.ContainsKey("IsActive"));
        Assert.True(await App.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.IsActive).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Deactivated_account_cannot_sign_in_and_loses_its_scope()
    {
        var (op, orgId) = await OperatorAsync();
        var innovation = await App.CreateInnovationAsync(orgId);
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));
        await (await admin.PutJsonAsync($"/api/v1/accounts/{op.Id}",
            new { fullName = op.FullName, roles = new[] { Roles.Operator }, organisationId = orgId, isActive = false })).ShouldBe(HttpStatusCode.OK);

        var signIn = await App.BrowserClient().SubmitFormAsync("/Akun/Masuk",
            new Dictionary<string, string> { ["Input.Email"] = op.Email!, ["Input.Password"] = KovablikAppFactory.Password });
        await signIn.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Akun ini dinonaktifkan", Http.TextOf(await signIn.HtmlAsync()), StringComparison.Ordinal);

        // Even a session still holding a valid cookie sees nothing of its former unit.
        var draft = await App.ClientFor(op).GetAsync($"/api/v1/innovations/{innovation.Id}", Ct);
        await draft.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Operators_cannot_manage_accounts()
    {
        var (op, orgId) = await OperatorAsync();
        var response = await App.ClientFor(op).PutJsonAsync($"/api/v1/accounts/{op.Id}",
            new { fullName = "x", roles = new[] { Roles.Administrator }, organisationId = orgId, isActive = true });
        await response.ShouldBe(HttpStatusCode.Forbidden);
        var list = await App.ClientFor(op).GetAsync("/api/v1/accounts", Ct);
        await list.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class AccountManagementTestsSqlite() : AccountManagementTests(DatabaseProvider.Sqlite);

public sealed class AccountManagementTestsPostgres() : AccountManagementTests(DatabaseProvider.Postgres);
