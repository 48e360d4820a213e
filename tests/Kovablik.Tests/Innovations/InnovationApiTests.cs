using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Innovations;

public abstract class InnovationApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/innovations";

    private async Task<(Organisation Unit, AppUser Operator, HttpClient Client)> OperatorAsync()
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("Puskesmas Inovasi", kota.Id);
        var user = await App.CreateUserAsync(Roles.Operator, unit.Id);
        return (unit, user, App.ClientFor(user));
    }

    private Task<InnovationInput> CompleteAsync(int organisationId, string? name = null) =>
        App.WithDbAsync(db => KovablikAppFactory.CompleteInputAsync(db, organisationId, name ?? $"Inovasi {KovablikAppFactory.Unique()}"));

    private Task<Innovation> StoredAsync(int id) => App.WithDbAsync(db => db.Innovations.Include(i => i.Categories).SingleAsync(i => i.Id == id, Ct));

    [Fact]
    public async Task Operator_creates_an_innovation_for_own_unit()
    {
        var (unit, _, client) = await OperatorAsync();
        var input = await CompleteAsync(unit.Id, "Antar Jemput Lansia");
        var response = await client.PostJsonAsync(Base, input);
        var created = await response.ShouldBeCreated<InnovationDto>();
        Assert.Equal($"/api/v1/innovations/{created.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Antar Jemput Lansia", created.Name);
        Assert.Equal(unit.Id, created.OrganisationId);
        Assert.Equal("Draft", created.Status);
        Assert.Equal(1, created.VersionNumber);
        Assert.Equal(input.CategoryIds, created.CategoryIds);

        var stored = await StoredAsync(created.Id);
        Assert.Equal(InnovationStatus.Draft, stored.Status);
        Assert.Equal(KovablikAppFactory.StartInstant, stored.CreatedAt);
    }

    [Fact]
    public async Task Operator_updates_own_innovation()
    {
        var (unit, _, client) = await OperatorAsync();
        var created = await (await client.PostJsonAsync(Base, await CompleteAsync(unit.Id))).ShouldBeCreated<InnovationDto>();
        var input = await CompleteAsync(unit.Id, "Nama Baru Inovasi");
        input.ExpectedVersion = created.Version;
        input.Kebaruan = "Pertama di Jawa Timur.";
        var updated = await (await client.PutJsonAsync($"{Base}/{created.Id}", input)).ShouldBeOk<InnovationDto>();
        Assert.Equal("Nama Baru Inovasi", updated.Name);
        Assert.Equal("Pertama di Jawa Timur.", updated.Sections["Kebaruan"]);
        Assert.Equal(2, updated.VersionNumber);
        Assert.NotEqual(created.Version, updated.Version);
        Assert.Equal("Nama Baru Inovasi", (await StoredAsync(created.Id)).Name);
    }

    [Fact]
    public async Task Create_with_invalid_fields_is_refused_with_field_errors()
    {
        var (unit, _, client) = await OperatorAsync();
        var before = await App.WithDbAsync(db => db.Innovations.CountAsync(Ct));
        var input = new InnovationInput
        {
            OrganisationId = unit.Id,
            Name = " ",
            StartedOn = new DateOnly(2026, 12, 25), // after the (fake) today, 28 November 2026
            CategoryIds = [987_654],
            WebsiteUrl = "javascript:alert(1)",
        };
        var errors = await (await client.PostJsonAsync(Base, input)).ValidationErrorsAsync();
        Assert.Contains("Name", errors);
        Assert.Contains("StartedOn", errors);
        Assert.Contains("WebsiteUrl", errors);
        Assert.Equal(before, await App.WithDbAsync(db => db.Innovations.CountAsync(Ct)));

        errors = await (await client.PostJsonAsync(Base, new InnovationInput { OrganisationId = unit.Id, Name = "Kategori Aneh", CategoryIds = [987_654] })).ValidationErrorsAsync();
        Assert.Contains("CategoryIds", errors);
        Assert.Equal(before, await App.WithDbAsync(db => db.Innovations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Null_lists_and_null_team_members_in_the_body_are_read_as_empty()
    {
        var (unit, _, client) = await OperatorAsync();
        var body = $$"""{"organisationId":{{unit.Id}},"name":"Daftar Kosong","categoryIds":null,"sdgGoalIds":null,"targetGroupIds":null,"team":[null,{"name":"Rina","position":"Bidan"}]}""";
        var created = await (await client.PostRawJsonAsync(Base, body)).ShouldBeCreated<InnovationDto>();
        Assert.Empty(created.CategoryIds);
        Assert.Equal("Rina", Assert.Single(created.Team).Name);

        var update = $$"""{"organisationId":{{unit.Id}},"name":"Daftar Kosong","team":null,"expectedVersion":"{{created.Version}}"}""";
        var updated = await (await client.PutAsync($"{Base}/{created.Id}", new StringContent(update, System.Text.Encoding.UTF8, "application/json"), Ct)).ShouldBeOk<InnovationDto>();
        Assert.Empty(updated.Team);
    }

    [Fact]
    public async Task Publishing_an_incomplete_innovation_is_refused_with_field_errors()
    {
        var (unit, _, client) = await OperatorAsync();
        var created = await (await client.PostJsonAsync(Base, new InnovationInput { OrganisationId = unit.Id, Name = "Belum Lengkap" })).ShouldBeCreated<InnovationDto>();
        var errors = await (await client.PostAsync($"{Base}/{created.Id}/publish", null, Ct)).ValidationErrorsAsync();
        Assert.Contains("ShortDescription", errors);
        Assert.Contains("Ringkasan", errors);
        Assert.Contains("StartedOn", errors);
        Assert.Contains("CategoryIds", errors);
        var stored = await StoredAsync(created.Id);
        Assert.Equal(InnovationStatus.Draft, stored.Status);
        Assert.Null(stored.PublishedAt);
    }

    [Fact]
    public async Task Operator_publishes_archives_and_restores_own_innovation()
    {
        var (unit, _, client) = await OperatorAsync();
        var created = await (await client.PostJsonAsync(Base, await CompleteAsync(unit.Id))).ShouldBeCreated<InnovationDto>();

        var published = await (await client.PostAsync($"{Base}/{created.Id}/publish?version={created.Version}", null, Ct)).ShouldBeOk<InnovationDto>();
        Assert.Equal("Published", published.Status);
        Assert.Equal(KovablikAppFactory.StartInstant, published.PublishedAt);
        Assert.Equal(InnovationStatus.Published, (await StoredAsync(created.Id)).Status);

        var archived = await (await client.PostAsync($"{Base}/{created.Id}/archive", null, Ct)).ShouldBeOk<InnovationDto>();
        Assert.Equal("Archived", archived.Status);
        Assert.Equal(InnovationStatus.Archived, (await StoredAsync(created.Id)).Status);

        // Archived entries are read-only until restored.
        var edit = await CompleteAsync(unit.Id, "Ubah Saat Arsip");
        await (await client.PutJsonAsync($"{Base}/{created.Id}", edit)).ValidationErrorsAsync();
        Assert.NotEqual("Ubah Saat Arsip", (await StoredAsync(created.Id)).Name);

        var restored = await (await client.PostAsync($"{Base}/{created.Id}/restore", null, Ct)).ShouldBeOk<InnovationDto>();
        Assert.Equal("Draft", restored.Status);
        Assert.Equal(InnovationStatus.Draft, (await StoredAsync(created.Id)).Status);
    }

    [Fact]
    public async Task Version_history_records_who_changed_what()
    {
        var (unit, user, client) = await OperatorAsync();
        var created = await (await client.PostJsonAsync(Base, await CompleteAsync(unit.Id, "Nama Awal"))).ShouldBeCreated<InnovationDto>();
        var input = await CompleteAsync(unit.Id, "Nama Kedua");
        input.ExpectedVersion = created.Version;
        await (await client.PutJsonAsync($"{Base}/{created.Id}", input)).ShouldBeOk<InnovationDto>();
        await (await client.PostAsync($"{Base}/{created.Id}/publish", null, Ct)).ShouldBeOk<InnovationDto>();

        var versions = await (await client.GetAsync($"{Base}/{created.Id}/versions", Ct)).ShouldBeOk<List<InnovationVersionDto>>();
        Assert.Equal([3, 2, 1], versions.Select(v => v.VersionNumber));
        Assert.All(versions, v => Assert.Equal(user.UserName, v.UserName));
        Assert.Contains("Name", versions[1].Summary, StringComparison.Ordinal);
        Assert.Contains("Nama Awal", versions[1].ChangesJson, StringComparison.Ordinal);
        Assert.Contains("Nama Kedua", versions[1].ChangesJson, StringComparison.Ordinal);
        Assert.Contains("Published", versions[0].Summary, StringComparison.Ordinal);

        // An update that changes nothing adds no version.
        var current = await (await client.GetAsync($"{Base}/{created.Id}", Ct)).ShouldBeOk<InnovationDto>();
        input.ExpectedVersion = current.Version;
        await (await client.PutJsonAsync($"{Base}/{created.Id}", input)).ShouldBeOk<InnovationDto>();
        Assert.Equal(3, (await (await client.GetAsync($"{Base}/{created.Id}/versions", Ct)).ShouldBeOk<List<InnovationVersionDto>>()).Count);
    }

    [Fact]
    public async Task Update_with_a_stale_expected_version_is_a_409_and_changes_nothing()
    {
        var (unit, _, client) = await OperatorAsync();
        var created = await (await client.PostJsonAsync(Base, await CompleteAsync(unit.Id, "Versi Asli"))).ShouldBeCreated<InnovationDto>();
        var first = await CompleteAsync(unit.Id, "Perubahan Pertama");
        first.ExpectedVersion = created.Version;
        await (await client.PutJsonAsync($"{Base}/{created.Id}", first)).ShouldBeOk<InnovationDto>();

        // A second editor still holds the original version.
        var stale = await CompleteAsync(unit.Id, "Perubahan Basi");
        stale.ExpectedVersion = created.Version;
        await (await client.PutJsonAsync($"{Base}/{created.Id}", stale)).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"{Base}/{created.Id}/publish?version={created.Version}", null, Ct)).ProblemAsync(HttpStatusCode.Conflict);

        var stored = await StoredAsync(created.Id);
        Assert.Equal("Perubahan Pertama", stored.Name);
        Assert.Equal(2, stored.VersionNumber);
        Assert.Equal(InnovationStatus.Draft, stored.Status);
    }

    [Fact]
    public async Task Anonymous_list_shows_only_published_innovations()
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("Puskesmas Publik", kota.Id);
        var marker = $"Penanda{KovablikAppFactory.Unique()}";
        var draft = await App.CreateInnovationAsync(unit.Id, $"{marker} Draf");
        var published = await App.CreateInnovationAsync(unit.Id, $"{marker} Terbit", publish: true);
        var archived = await App.CreateInnovationAsync(unit.Id, $"{marker} Arsip", publish: true);
        await App.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<InnovationService>().ChangeStatusAsync(archived.Id, InnovationStatus.Archived, OrganisationScope.Everything, null)).Succeeded);

        var page = await (await App.AnonymousClient().GetAsync($"{Base}?q={marker.ToLowerInvariant()}", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        var item = Assert.Single(page.Items);
        Assert.Equal(published.Id, item.Id);
        Assert.Equal("Published", item.Status);
        Assert.Equal(1, page.Total);
        Assert.DoesNotContain(page.Items, i => i.Id == draft.Id || i.Id == archived.Id);

        // Even asking for drafts explicitly does not reveal them.
        var asked = await (await App.AnonymousClient().GetAsync($"{Base}?q={marker}&status=Draft", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.DoesNotContain(asked.Items, i => i.Id == draft.Id);
    }

    [Fact]
    public async Task Anonymous_cannot_read_a_draft_but_can_read_a_published_innovation()
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("Puskesmas Baca", kota.Id);
        var draft = await App.CreateInnovationAsync(unit.Id);
        var published = await App.CreateInnovationAsync(unit.Id, publish: true);
        var anonymous = App.AnonymousClient();

        await (await anonymous.GetAsync($"{Base}/{draft.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        var dto = await (await anonymous.GetAsync($"{Base}/{published.Id}", Ct)).ShouldBeOk<InnovationDto>();
        Assert.Equal(published.Name, dto.Name);
    }

    [Fact]
    public async Task Script_in_section_text_is_stored_as_text_and_never_rendered_as_a_script_tag()
    {
        var (unit, _, client) = await OperatorAsync();
        var input = await CompleteAsync(unit.Id);
        const string hostile = "Layanan **cepat**.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> [klik](javascript:alert(3))";
        input.Ringkasan = hostile;
        var created = await (await client.PostJsonAsync(Base, input)).ShouldBeCreated<InnovationDto>();
        await (await client.PostAsync($"{Base}/{created.Id}/publish", null, Ct)).ShouldBeOk<InnovationDto>();

        // The API gives back exactly what was written: it is data, not markup.
        var dto = await (await App.AnonymousClient().GetAsync($"{Base}/{created.Id}", Ct)).ShouldBeOk<InnovationDto>();
        Assert.Equal(hostile, dto.Sections["Ringkasan"]);

        // The public page shows the section as Markdown, with the script as inert text.
        var page = await App.AnonymousClient().GetAsync($"/Inovasi/{created.Id}", Ct);
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<strong>cepat</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.OrdinalIgnoreCase);
        var doc = await page.HtmlAsync();
        Assert.DoesNotContain(doc.Scripts, s => s.Text.Contains("alert(", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(doc.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(doc.QuerySelectorAll("img"), img => img.GetAttribute("src") == "x");
        Assert.Contains("<script>alert(1)</script>", Http.TextOf(doc), StringComparison.Ordinal);
    }
}

public sealed class InnovationApiTestsSqlite() : InnovationApiTests(DatabaseProvider.Sqlite);

public sealed class InnovationApiTestsPostgres() : InnovationApiTests(DatabaseProvider.Postgres);
