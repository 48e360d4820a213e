using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Platform.Files;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Innovations;

/// <summary>
/// The scope rule, resource by resource: an Operator or Pimpinan Unit of Puskesmas X works on X and the
/// units below it (Pustu Z), never on its sibling Puskesmas Y.
/// </summary>
public abstract class InnovationScopeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/innovations";

    private sealed record World(Organisation X, Organisation Z, Organisation Y, Innovation InX, Innovation InZ, Innovation InY, AppUser User, HttpClient Client);

    private async Task<World> SetUpAsync(string role)
    {
        var kota = await App.KabKotaAsync();
        var x = await App.CreateOrganisationAsync("Puskesmas X", kota.Id);
        var z = await App.CreateOrganisationAsync("Pustu Z", x.Id, OrganisationType.Upp);
        var y = await App.CreateOrganisationAsync("Puskesmas Y", kota.Id);
        var user = await App.CreateUserAsync(role, x.Id);
        return new World(x, z, y,
            await App.CreateInnovationAsync(x.Id, "Inovasi X"), await App.CreateInnovationAsync(z.Id, "Inovasi Z"), await App.CreateInnovationAsync(y.Id, "Inovasi Y"),
            user, App.ClientFor(user));
    }

    private Task<Attachment> AttachAsync(int innovationId) => App.WithServicesAsync(async sp =>
    {
        var result = await sp.GetRequiredService<AttachmentService>().UploadAsync(innovationId, AttachmentKind.Evidence, "bukti.pdf", new MemoryStream(Files.Pdf()), OrganisationScope.Everything);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    });

    private Task<Innovation> StoredAsync(int id) => App.WithDbAsync(db => db.Innovations.AsNoTracking().SingleAsync(i => i.Id == id, Ct));

    private async Task<InnovationInput> EditOfAsync(Innovation i, string name)
    {
        var input = await App.WithDbAsync(db => KovablikAppFactory.CompleteInputAsync(db, i.OrganisationId, name));
        input.ExpectedVersion = (await StoredAsync(i.Id)).Version;
        return input;
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_read_another_units_draft(string role)
    {
        var w = await SetUpAsync(role);
        await (await w.Client.GetAsync($"{Base}/{w.InY.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync($"/Inovasi/{w.InY.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        var managed = await (await w.Client.GetAsync($"{Base}/manage?pageSize=100", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.DoesNotContain(managed.Items, i => i.Id == w.InY.Id);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_reads_drafts_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            Assert.Equal(own.Name, (await (await w.Client.GetAsync($"{Base}/{own.Id}", Ct)).ShouldBeOk<InnovationDto>()).Name);
            await (await w.Client.GetAsync($"/Inovasi/{own.Id}", Ct)).ShouldBe(HttpStatusCode.OK);
        }
        var managed = await (await w.Client.GetAsync($"{Base}/manage?pageSize=100", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.Equal([w.InX.Id, w.InZ.Id], managed.Items.Select(i => i.Id).Order());
        Assert.Equal(2, managed.Total);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_update_another_units_innovation(string role)
    {
        var w = await SetUpAsync(role);
        await (await w.Client.PutJsonAsync($"{Base}/{w.InY.Id}", await EditOfAsync(w.InY, "Dibajak"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(w.InY.Name, (await StoredAsync(w.InY.Id)).Name);

        // Nor move an own innovation to the other unit.
        var move = await EditOfAsync(w.InX, w.InX.Name);
        move.OrganisationId = w.Y.Id;
        await (await w.Client.PutJsonAsync($"{Base}/{w.InX.Id}", move)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(w.X.Id, (await StoredAsync(w.InX.Id)).OrganisationId);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_updates_innovations_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            var name = $"Diperbarui {own.Id}";
            await (await w.Client.PutJsonAsync($"{Base}/{own.Id}", await EditOfAsync(own, name))).ShouldBeOk<InnovationDto>();
            Assert.Equal(name, (await StoredAsync(own.Id)).Name);
        }
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_publish_or_archive_another_units_innovation(string role)
    {
        var w = await SetUpAsync(role);
        await (await w.Client.PostAsync($"{Base}/{w.InY.Id}/publish", null, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Client.PostAsync($"{Base}/{w.InY.Id}/archive", null, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Client.PostAsync($"{Base}/{w.InY.Id}/restore", null, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(InnovationStatus.Draft, (await StoredAsync(w.InY.Id)).Status);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_publishes_and_archives_innovations_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            await (await w.Client.PostAsync($"{Base}/{own.Id}/publish", null, Ct)).ShouldBeOk<InnovationDto>();
            Assert.Equal(InnovationStatus.Published, (await StoredAsync(own.Id)).Status);
            await (await w.Client.PostAsync($"{Base}/{own.Id}/archive", null, Ct)).ShouldBeOk<InnovationDto>();
            Assert.Equal(InnovationStatus.Archived, (await StoredAsync(own.Id)).Status);
        }
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_list_another_units_versions(string role)
    {
        var w = await SetUpAsync(role);
        await (await w.Client.GetAsync($"{Base}/{w.InY.Id}/versions", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Client.GetAsync($"/Kelola/Inovasi/Riwayat/{w.InY.Id}", Ct)).ShouldNotBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_lists_versions_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            var versions = await (await w.Client.GetAsync($"{Base}/{own.Id}/versions", Ct)).ShouldBeOk<List<InnovationVersionDto>>();
            Assert.Equal(1, Assert.Single(versions).VersionNumber);
        }
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_upload_to_another_units_innovation(string role)
    {
        var w = await SetUpAsync(role);
        await (await w.Client.UploadAsync(w.InY.Id, Files.Pdf(), "bukti.pdf")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync(a => a.InnovationId == w.InY.Id, Ct)));
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_uploads_to_innovations_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            await (await w.Client.UploadAsync(own.Id, Files.Pdf(), "bukti.pdf")).ShouldBeCreated<AttachmentDto>();
            Assert.Equal(1, await App.WithDbAsync(db => db.Attachments.CountAsync(a => a.InnovationId == own.Id, Ct)));
        }
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_delete_another_units_attachment(string role)
    {
        var w = await SetUpAsync(role);
        var attachment = await AttachAsync(w.InY.Id);
        await (await w.Client.DeleteAsync($"{Base}/attachments/{attachment.Id}", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(await App.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == attachment.Id, Ct)));
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_deletes_attachments_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            var attachment = await AttachAsync(own.Id);
            await (await w.Client.DeleteAsync($"{Base}/attachments/{attachment.Id}", Ct)).ShouldBe(HttpStatusCode.NoContent);
            Assert.False(await App.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == attachment.Id, Ct)));
            Assert.Null(await App.Services.GetRequiredService<IFileStore>().OpenAsync(attachment.StorageKey, Ct));
        }
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_download_another_units_draft_attachment(string role)
    {
        var w = await SetUpAsync(role);
        var attachment = await AttachAsync(w.InY.Id);
        await (await w.Client.GetAsync($"/berkas/{attachment.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await App.AnonymousClient().GetAsync($"/berkas/{attachment.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_downloads_draft_attachments_of_own_unit_and_below(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var own in new[] { w.InX, w.InZ })
        {
            var attachment = await AttachAsync(own.Id);
            var response = await w.Client.GetAsync($"/berkas/{attachment.Id}", Ct);
            await response.ShouldBe(HttpStatusCode.OK);
            Assert.Equal(Files.Pdf(), await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.PimpinanUnit)]
    public async Task Scoped_role_cannot_create_an_innovation_outside_its_scope(string role)
    {
        var w = await SetUpAsync(role);
        foreach (var outside in new[] { w.Y.Id, w.X.ParentId!.Value })
        {
            var input = await App.WithDbAsync(db => KovablikAppFactory.CompleteInputAsync(db, outside, "Di Luar Cakupan"));
            await (await w.Client.PostJsonAsync(Base, input)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.False(await App.WithDbAsync(db => db.Innovations.AnyAsync(i => i.Name == "Di Luar Cakupan", Ct)));

        var below = await App.WithDbAsync(db => KovablikAppFactory.CompleteInputAsync(db, w.Z.Id, "Di Dalam Cakupan"));
        Assert.Equal(w.Z.Id, (await (await w.Client.PostJsonAsync(Base, below)).ShouldBeCreated<InnovationDto>()).OrganisationId);
    }
}

public sealed class InnovationScopeTestsSqlite() : InnovationScopeTests(DatabaseProvider.Sqlite);

public sealed class InnovationScopeTestsPostgres() : InnovationScopeTests(DatabaseProvider.Postgres);
