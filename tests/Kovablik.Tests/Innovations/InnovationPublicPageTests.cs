using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Innovations;

/// <summary>The public innovation page reads its sections as rendered at save time (innovation_pages), never a stale copy.</summary>
public abstract class InnovationPublicPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Marker = "<p>SALINAN-TERSIMPAN</p>";

    private Task<InnovationPage?> RowAsync(int id) => App.WithDbAsync(db => db.InnovationPages.AsNoTracking().FirstOrDefaultAsync(p => p.InnovationId == id, Ct));

    private Task<int> SetRowAsync(int id, string json, Guid? version = null) => App.WithDbAsync(async db =>
    {
        var row = await db.InnovationPages.SingleAsync(p => p.InnovationId == id, Ct);
        row.SectionsJson = json;
        if (version is { } v) row.Version = v;
        await db.SaveChangesAsync(Ct);
        return 0;
    });

    /// <summary>Signed in, so the output cache (anonymous only) never answers for the page.</summary>
    private static async Task<string> PageAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/Inovasi/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Sections_are_rendered_at_save_and_the_page_serves_that_copy_while_it_is_current()
    {
        var org = await App.KabKotaAsync();
        var innovation = await App.CreateInnovationAsync(org.Id, "Inovasi Halaman", publish: true);
        await App.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<InnovationService>();
            var input = InnovationInput.From(await sp.GetRequiredService<KovablikDbContext>().Innovations.Include(i => i.Categories).Include(i => i.SdgGoals)
                .Include(i => i.TargetGroups).AsNoTracking().SingleAsync(i => i.Id == innovation.Id, Ct));
            input.Ringkasan = "Bagian **tebal** pertama.";
            var updated = await service.UpdateAsync(innovation.Id, input, OrganisationScope.Everything, Ct);
            Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.SelectMany(e => e.Value)));
            return 0;
        });
        var current = await App.WithDbAsync(db => db.Innovations.AsNoTracking().SingleAsync(i => i.Id == innovation.Id, Ct));
        var row = await RowAsync(innovation.Id);
        Assert.NotNull(row);
        Assert.Equal(current.Version, row.Version);
        Assert.Equal(InnovationPageRenderer.RendererVersion, row.RendererVersion);
        Assert.Contains("<strong>tebal</strong>", InnovationPageRenderer.Parse(row.SectionsJson).Single(s => s.Field == nameof(Innovation.Ringkasan)).Html);

        var client = App.ClientFor(await App.CreateUserAsync(Roles.Pengunjung, null));
        Assert.Contains("<strong>tebal</strong>", await PageAsync(client, innovation.Id));

        // The page shows the stored copy as long as it belongs to the current version...
        await SetRowAsync(innovation.Id, $$"""[{"Field":"Ringkasan","Html":"{{Marker}}"}]""");
        Assert.Contains(Marker, await PageAsync(client, innovation.Id));

        // ...and renders from the Markdown when the copy is older than the innovation.
        await SetRowAsync(innovation.Id, $$"""[{"Field":"Ringkasan","Html":"{{Marker}}"}]""", Guid.NewGuid());
        var page = await PageAsync(client, innovation.Id);
        Assert.DoesNotContain(Marker, page);
        Assert.Contains("<strong>tebal</strong>", page);

        // Start-up rebuilds stale and missing copies.
        await App.WithDbAsync(db => db.InnovationPages.Where(p => p.InnovationId == innovation.Id).ExecuteDeleteAsync(Ct));
        Assert.Null(await RowAsync(innovation.Id));
        Assert.True(await App.WithDbAsync(db => InnovationPageRenderer.RebuildStaleAsync(db, Ct)) >= 1);
        row = await RowAsync(innovation.Id);
        Assert.NotNull(row);
        Assert.Equal(current.Version, row.Version);
        Assert.Contains("<strong>tebal</strong>", InnovationPageRenderer.Parse(row.SectionsJson).Single(s => s.Field == nameof(Innovation.Ringkasan)).Html);
    }

    [Fact]
    public async Task An_edit_renders_the_sections_again_and_a_status_change_keeps_the_copy_current()
    {
        var org = await App.KabKotaAsync();
        var innovation = await App.CreateInnovationAsync(org.Id, "Inovasi Suntingan", publish: true);
        await App.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<InnovationService>();
            var input = InnovationInput.From(await sp.GetRequiredService<KovablikDbContext>().Innovations.Include(i => i.Categories).Include(i => i.SdgGoals)
                .Include(i => i.TargetGroups).AsNoTracking().SingleAsync(i => i.Id == innovation.Id, Ct));
            input.Kebaruan = "Teks _baru_ di sini.";
            Assert.True((await service.UpdateAsync(innovation.Id, input, OrganisationScope.Everything, Ct)).Succeeded);
            Assert.True((await service.ChangeStatusAsync(innovation.Id, InnovationStatus.Draft, OrganisationScope.Everything, null, Ct)).Succeeded);
            Assert.True((await service.ChangeStatusAsync(innovation.Id, InnovationStatus.Published, OrganisationScope.Everything, null, Ct)).Succeeded);
            return 0;
        });
        var current = await App.WithDbAsync(db => db.Innovations.AsNoTracking().SingleAsync(i => i.Id == innovation.Id, Ct));
        var row = await RowAsync(innovation.Id);
        Assert.NotNull(row);
        Assert.Equal(current.Version, row.Version);
        Assert.Contains("<em>baru</em>", InnovationPageRenderer.Parse(row.SectionsJson).Single(s => s.Field == nameof(Innovation.Kebaruan)).Html);
        Assert.Contains("<em>baru</em>", await (await App.AnonymousClient().GetAsync($"/Inovasi/{innovation.Id}", Ct)).Content.ReadAsStringAsync(Ct));
    }
}

public sealed class InnovationPublicPageTestsSqlite() : InnovationPublicPageTests(DatabaseProvider.Sqlite);

public sealed class InnovationPublicPageTestsPostgres() : InnovationPublicPageTests(DatabaseProvider.Postgres);
