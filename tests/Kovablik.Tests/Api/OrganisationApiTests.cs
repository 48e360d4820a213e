using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Api;

public abstract class OrganisationApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/organisations";

    private async Task<HttpClient> AdminAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));

    private Task<int> CountAsync() => App.WithDbAsync(db => db.Organisations.CountAsync(Ct));

    [Fact]
    public async Task Roots_are_the_host_province()
    {
        var page = await (await App.AnonymousClient().GetAsync(Base, Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        var root = Assert.Single(page.Items, o => o.Code == "35");
        Assert.Contains("Jawa Timur", root.Name, StringComparison.Ordinal);
        Assert.Null(root.ParentId);
        Assert.Equal("PROVINSI", root.Type);
        Assert.All(page.Items, o => Assert.Null(o.ParentId));
    }

    [Fact]
    public async Task Province_has_the_38_kabupaten_and_kota_as_children()
    {
        var province = await App.ProvinceAsync();
        var client = App.AnonymousClient();
        var children = await (await client.GetAsync($"{Base}/{province.Id}/children", Ct)).ShouldBeOk<List<OrganisationDto>>();
        var seeded = children.Where(c => c.Code is not null && c.Code.StartsWith("35.", StringComparison.Ordinal)).ToList();
        Assert.Equal(38, seeded.Count);
        Assert.All(seeded, c => Assert.Equal("KABKOTA", c.Type));
        Assert.Contains(seeded, c => c.Name.Contains("Kota Surabaya", StringComparison.Ordinal));

        var listed = await (await client.GetAsync($"{Base}?parentId={province.Id}&type=KABKOTA&pageSize=200", Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        Assert.Equal(38, listed.Total);
    }

    [Theory]
    [InlineData("surabaya")]
    [InlineData("SURABAYA")]
    [InlineData("Kota Surabaya")]
    [InlineData("35.78")]
    public async Task Search_by_name_or_code_ignores_case(string q)
    {
        var page = await (await App.AnonymousClient().GetAsync($"{Base}?q={Uri.EscapeDataString(q)}", Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        var hit = Assert.Single(page.Items, o => o.Code == "35.78");
        Assert.Contains("Kota Surabaya", hit.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_nothing_for_an_unknown_term()
    {
        var page = await (await App.AnonymousClient().GetAsync($"{Base}?q=tidak-ada-{KovablikAppFactory.Unique()}", Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Administrator_creates_an_organisation_and_can_read_it_back()
    {
        var kota = await App.KabKotaAsync();
        var client = await AdminAsync();
        var name = $"Dinas Kesehatan Uji {KovablikAppFactory.Unique()}";
        var code = $"DINKES-{KovablikAppFactory.Unique()}";
        var response = await client.PostJsonAsync(Base, new OrganisationCreateRequest(code, name, "PD", kota.Id));
        var created = await response.ShouldBeCreated<OrganisationDto>();
        Assert.Equal($"/api/v1/organisations/{created.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(name, created.Name);
        Assert.Equal("PD", created.Type);
        Assert.Equal(kota.Id, created.ParentId);
        Assert.Equal(kota.Depth + 1, created.Depth);
        Assert.True(created.IsActive);

        var fetched = await (await App.AnonymousClient().GetAsync($"{Base}/{created.Id}", Ct)).ShouldBeOk<OrganisationDto>();
        Assert.Equal(name, fetched.Name);
        var stored = await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == created.Id, Ct));
        Assert.Equal($"{kota.Path}{created.Id}/", stored.Path);
        var found = await (await App.AnonymousClient().GetAsync($"{Base}?q={code.ToLowerInvariant()}", Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        Assert.Equal(created.Id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task Administrator_updates_name_code_and_type()
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("Puskesmas Lama", kota.Id);
        var client = await AdminAsync();
        var newName = $"Puskesmas Baru {KovablikAppFactory.Unique()}";
        var updated = await (await client.PutJsonAsync($"{Base}/{org.Id}", new OrganisationUpdateRequest("PKM-BARU-" + org.Id, newName, "UPP", org.Version))).ShouldBeOk<OrganisationDto>();
        Assert.Equal(newName, updated.Name);
        Assert.Equal("UPP", updated.Type);
        Assert.NotEqual(org.Version, updated.Version);

        var stored = await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == org.Id, Ct));
        Assert.Equal(newName, stored.Name);
        Assert.Equal(OrganisationType.Upp, stored.Type);
        Assert.Equal($"pkm-baru-{org.Id} {newName}".ToLowerInvariant(), stored.SearchText);
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_a_409_conflict_and_changes_nothing()
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("Puskesmas Versi", kota.Id);
        var client = await AdminAsync();
        var response = await client.PutJsonAsync($"{Base}/{org.Id}", new OrganisationUpdateRequest(null, "Nama Lain", "UPT", Guid.NewGuid()));
        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(org.Name, (await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == org.Id, Ct))).Name);
    }

    [Fact]
    public async Task Moving_a_unit_moves_its_whole_subtree()
    {
        var from = await App.KabKotaAsync("35.78");
        var to = await App.KabKotaAsync("35.01");
        var a = await App.CreateOrganisationAsync("Dinas Pindah", from.Id, OrganisationType.PerangkatDaerah);
        var b = await App.CreateOrganisationAsync("UPT Pindah", a.Id);
        var c = await App.CreateOrganisationAsync("Pustu Pindah", b.Id, OrganisationType.Upp);
        var client = await AdminAsync();

        var moved = await (await client.PostJsonAsync($"{Base}/{a.Id}/move", new OrganisationMoveRequest(to.Id))).ShouldBeOk<OrganisationDto>();
        Assert.Equal(to.Id, moved.ParentId);

        var nodes = await App.WithDbAsync(db => db.Organisations.Where(o => o.Id == a.Id || o.Id == b.Id || o.Id == c.Id).ToDictionaryAsync(o => o.Id, Ct));
        Assert.Equal($"{to.Path}{a.Id}/", nodes[a.Id].Path);
        Assert.Equal($"{to.Path}{a.Id}/{b.Id}/", nodes[b.Id].Path);
        Assert.Equal($"{to.Path}{a.Id}/{b.Id}/{c.Id}/", nodes[c.Id].Path);
        Assert.Equal(to.Depth + 3, nodes[c.Id].Depth);

        // The grandchild is found by search with its new depth, and the old parent no longer lists the unit.
        var found = await (await client.GetAsync($"{Base}?q={Uri.EscapeDataString(c.Name.ToUpperInvariant())}", Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        Assert.Equal(to.Depth + 3, Assert.Single(found.Items).Depth);
        var oldChildren = await (await client.GetAsync($"{Base}/{from.Id}/children", Ct)).ShouldBeOk<List<OrganisationDto>>();
        Assert.DoesNotContain(oldChildren, o => o.Id == a.Id);
        var newChildren = await (await client.GetAsync($"{Base}/{to.Id}/children", Ct)).ShouldBeOk<List<OrganisationDto>>();
        Assert.Contains(newChildren, o => o.Id == a.Id);

        // Then a child moves on its own: only its branch changes.
        await (await client.PostJsonAsync($"{Base}/{c.Id}/move", new OrganisationMoveRequest(a.Id))).ShouldBeOk<OrganisationDto>();
        var child = await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == c.Id, Ct));
        Assert.Equal($"{to.Path}{a.Id}/{c.Id}/", child.Path);
        Assert.Equal(to.Depth + 2, child.Depth);
        Assert.Equal($"{to.Path}{a.Id}/{b.Id}/", (await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == b.Id, Ct))).Path);
    }

    [Fact]
    public async Task Deactivating_a_unit_deactivates_its_subtree_and_activation_restores_the_unit()
    {
        var kota = await App.KabKotaAsync();
        var a = await App.CreateOrganisationAsync("Dinas Nonaktif", kota.Id, OrganisationType.PerangkatDaerah);
        var b = await App.CreateOrganisationAsync("UPT Nonaktif", a.Id);
        var c = await App.CreateOrganisationAsync("Pustu Nonaktif", b.Id, OrganisationType.Upp);
        var client = await AdminAsync();

        var response = await client.PostAsync($"{Base}/{a.Id}/deactivate", null, Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("\"affected\":3", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var active = await App.WithDbAsync(db => db.Organisations.Where(o => o.Path.StartsWith(a.Path)).Select(o => o.IsActive).ToListAsync(Ct));
        Assert.Equal(3, active.Count);
        Assert.All(active, Assert.False);
        Assert.True((await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == kota.Id, Ct))).IsActive);

        var inactive = await (await client.GetAsync($"{Base}?parentId={a.Id}&active=false", Ct)).ShouldBeOk<PagedResult<OrganisationDto>>();
        Assert.Equal(b.Id, Assert.Single(inactive.Items).Id);

        // A child cannot be activated under an inactive parent.
        var refused = await client.PostAsync($"{Base}/{b.Id}/activate", null, Ct);
        Assert.Contains("IsActive", await refused.ValidationErrorsAsync());

        await (await client.PostAsync($"{Base}/{a.Id}/activate", null, Ct)).ShouldBe(HttpStatusCode.OK);
        await (await client.PostAsync($"{Base}/{b.Id}/activate", null, Ct)).ShouldBe(HttpStatusCode.OK);
        var after = await App.WithDbAsync(db => db.Organisations.Where(o => o.Id == a.Id || o.Id == b.Id).Select(o => o.IsActive).ToListAsync(Ct));
        Assert.All(after, Assert.True);
    }

    [Fact]
    public async Task Create_without_a_name_is_refused_with_a_field_error()
    {
        var kota = await App.KabKotaAsync();
        var client = await AdminAsync();
        var before = await CountAsync();
        var errors = await (await client.PostJsonAsync(Base, new OrganisationCreateRequest(null, "  ", "UPT", kota.Id))).ValidationErrorsAsync();
        Assert.Contains("Name", errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_with_an_unknown_type_is_refused_with_a_field_error()
    {
        var kota = await App.KabKotaAsync();
        var client = await AdminAsync();
        var before = await CountAsync();
        var errors = await (await client.PostJsonAsync(Base, new OrganisationCreateRequest(null, "Unit Aneh", "XYZ", kota.Id))).ValidationErrorsAsync();
        Assert.Contains("Type", errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_with_a_duplicate_code_is_refused_with_a_field_error()
    {
        var kota = await App.KabKotaAsync();
        var client = await AdminAsync();
        var before = await CountAsync();
        var errors = await (await client.PostJsonAsync(Base, new OrganisationCreateRequest("35.78", "Kota Kembar", "UPT", kota.Id))).ValidationErrorsAsync();
        Assert.Contains("Code", errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_under_an_unknown_parent_is_refused_with_a_field_error()
    {
        var client = await AdminAsync();
        var before = await CountAsync();
        var errors = await (await client.PostJsonAsync(Base, new OrganisationCreateRequest(null, "Yatim", "UPT", 999_999))).ValidationErrorsAsync();
        Assert.Contains("ParentId", errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_descendant_is_refused()
    {
        var kota = await App.KabKotaAsync();
        var a = await App.CreateOrganisationAsync("Dinas Siklus", kota.Id, OrganisationType.PerangkatDaerah);
        var b = await App.CreateOrganisationAsync("UPT Siklus", a.Id);
        var client = await AdminAsync();

        Assert.Contains("ParentId", (await (await client.PostJsonAsync($"{Base}/{a.Id}/move", new OrganisationMoveRequest(b.Id))).ValidationErrorsAsync()));
        Assert.Contains("ParentId", (await (await client.PostJsonAsync($"{Base}/{a.Id}/move", new OrganisationMoveRequest(a.Id))).ValidationErrorsAsync()));
        Assert.Contains("ParentId", (await (await client.PostJsonAsync($"{Base}/{a.Id}/move", new OrganisationMoveRequest(null))).ValidationErrorsAsync()));
        var stored = await App.WithDbAsync(db => db.Organisations.SingleAsync(o => o.Id == a.Id, Ct));
        Assert.Equal(kota.Id, stored.ParentId);
        Assert.Equal(a.Path, stored.Path);
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_a_400_on_every_database()
    {
        var kota = await App.KabKotaAsync();
        var client = await AdminAsync();
        var before = await CountAsync();
        var response = await client.PostRawJsonAsync(Base, $$"""{"name":"Dinas\u0000Nol","type":"PD","parentId":{{kota.Id}}}""");
        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Search_with_a_nul_character_is_a_400_on_every_database()
    {
        var errors = await (await App.AnonymousClient().GetAsync($"{Base}?q=kota%00surabaya", Ct)).ValidationErrorsAsync();
        Assert.Contains("q", errors);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_creates_nothing()
    {
        var client = await AdminAsync();
        var before = await CountAsync();
        var response = await client.PostRawJsonAsync(Base, "{\"name\": \"Rusak\", \"type\": ");
        await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Unknown_organisation_id_is_a_404_problem()
    {
        var client = await AdminAsync();
        await (await client.GetAsync($"{Base}/999999", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Base}/999999/children", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutJsonAsync($"{Base}/999999", new OrganisationUpdateRequest(null, "X", "UPT", null))).ProblemAsync(HttpStatusCode.NotFound);
        var kota = await App.KabKotaAsync();
        await (await client.PostJsonAsync($"{Base}/999999/move", new OrganisationMoveRequest(kota.Id))).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"{Base}/999999/deactivate", null, Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Operator_cannot_create_organisations()
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("Puskesmas Operator", kota.Id);
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, unit.Id));
        var before = await CountAsync();
        await (await op.PostJsonAsync(Base, new OrganisationCreateRequest(null, "Sub Unit", "UPP", unit.Id))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await op.PostAsync($"{Base}/{unit.Id}/deactivate", null, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Anonymous_cannot_create_organisations()
    {
        var kota = await App.KabKotaAsync();
        var before = await CountAsync();
        await (await App.AnonymousClient().PostJsonAsync(Base, new OrganisationCreateRequest(null, "Sub Unit", "UPP", kota.Id))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Regions_list_the_38_provinces()
    {
        var regions = await (await App.AnonymousClient().GetAsync("/api/v1/regions", Ct)).ShouldBeOk<List<RegionDto>>();
        Assert.Equal(38, regions.Count);
        Assert.All(regions, r => Assert.Null(r.ParentCode));
        Assert.Contains(regions, r => r.Code == "35" && r.Name == "Jawa Timur");
    }

    [Fact]
    public async Task Regions_of_a_province_are_its_38_kabupaten_and_kota()
    {
        var regions = await (await App.AnonymousClient().GetAsync("/api/v1/regions?parentCode=35", Ct)).ShouldBeOk<List<RegionDto>>();
        Assert.Equal(38, regions.Count);
        Assert.All(regions, r => Assert.Equal("35", r.ParentCode));
        Assert.Contains(regions, r => r.Code == "35.78" && r.Name == "Kota Surabaya");
    }
}

public sealed class OrganisationApiTestsSqlite() : OrganisationApiTests(DatabaseProvider.Sqlite);

public sealed class OrganisationApiTestsPostgres() : OrganisationApiTests(DatabaseProvider.Postgres);
