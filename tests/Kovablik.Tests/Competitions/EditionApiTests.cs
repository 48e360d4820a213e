using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions;

public abstract class EditionApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/editions";

    private async Task<HttpClient> OrganiserAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));

    private static async Task<EditionDto> CreateAsync(HttpClient client, int year = 2026) =>
        await (await client.PostJsonAsync(Base, new EditionCreateInput($"KOVABLIK {year} {KovablikAppFactory.Unique()}", year))).ShouldBeCreated<EditionDto>();

    private static EditionUpdateInput Timeline(EditionDto e, DateTime opens, DateTime closes) => new()
    {
        Name = e.Name,
        Description = "Kompetisi inovasi tingkat provinsi.",
        RegistrationOpensAt = opens,
        RegistrationClosesAt = closes,
        Stages = e.Stages.Select((s, i) => new EditionStageInput
        {
            Name = s.Name, StartsAt = closes.AddDays(1 + 10 * i), EndsAt = closes.AddDays(8 + 10 * i),
        }).ToList(),
        ExpectedVersion = e.Version,
    };

    private static readonly DateTime Opens = new(2026, 5, 4, 8, 0, 0);
    private static readonly DateTime Closes = new(2026, 6, 30, 12, 0, 0);

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<Edition> StoredAsync(int id) => App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == id, Ct));

    [Fact]
    public async Task Organiser_creates_a_draft_edition_from_the_provincial_defaults()
    {
        var client = await OrganiserAsync();
        var response = await client.PostJsonAsync(Base, new EditionCreateInput(null, 2030));
        var e = await response.ShouldBeCreated<EditionDto>();
        Assert.Equal($"/api/v1/editions/{e.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("KOVABLIK 2030", e.Name);
        Assert.StartsWith("kovablik-2030", e.Slug, StringComparison.Ordinal);
        Assert.Equal("Draft", e.Status);
        var umum = e.Groups.Single(g => g.Code == "Umum");
        Assert.Equal(200, umum.Sections.Single(s => s.Key == "Ringkasan").WordLimit);
        Assert.Equal(600, umum.Sections.Single(s => s.Key == "LatarBelakang").WordLimit);
        Assert.Equal(100, e.Groups.Single(g => g.Code == "Replikasi").Sections.Single(s => s.Key == "FaktorPembeda").WordLimit);
        Assert.Equal(2 * 1024 * 1024, umum.Documents.Single(d => d.Key == "Proposal").MaxBytes);
        Assert.Equal(3, e.Eligibility.DefaultQuota);
        Assert.Equal(5, e.Eligibility.QuotaOverrides["PerangkatDaerah"]);
        Assert.DoesNotContain("Provinsi", e.Eligibility.AllowedOrganisationTypes);
        var categories = await App.WithDbAsync(db => db.Categories.CountAsync(Ct));
        Assert.Equal(categories, e.Categories.Count);

        // The same name again gets its own slug.
        var again = await (await client.PostJsonAsync(Base, new EditionCreateInput(null, 2030))).ShouldBeCreated<EditionDto>();
        Assert.NotEqual(e.Slug, again.Slug);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Edition").Select(a => a.EntityId).ToListAsync(Ct)), id => id == e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Timeline_is_entered_in_wib_and_stored_in_utc()
    {
        var client = await OrganiserAsync();
        var e = await CreateAsync(client);
        var updated = await (await client.PutJsonAsync($"{Base}/{e.Id}", Timeline(e, Opens, Closes))).ShouldBeOk<EditionDto>();
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero), updated.RegistrationClosesAt);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 1, 0, 0, TimeSpan.Zero), updated.RegistrationOpensAt);
        Assert.NotEqual(e.Version, updated.Version);
        var stored = await StoredAsync(e.Id);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero), stored.RegistrationClosesAt!.Value.ToUniversalTime());
        Assert.Equal(new DateTime(2026, 6, 30, 12, 0, 0), EditionService.ToWibLocal(stored.RegistrationClosesAt));
        Assert.Equal(5, stored.Stages.Count);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero), stored.Stages[0].StartsAt!.Value.ToUniversalTime());
        Assert.True(stored.HasCompleteTimeline);
    }

    [Fact]
    public async Task Invalid_timeline_is_refused_with_field_errors_and_changes_nothing()
    {
        var client = await OrganiserAsync();
        var e = await CreateAsync(client);
        var input = Timeline(e, Closes, Opens);
        input.Stages[1].StartsAt = input.Stages[0].StartsAt!.Value.AddDays(-3);
        input.Stages[2].Name = " ";
        var errors = await (await client.PutJsonAsync($"{Base}/{e.Id}", input)).ValidationErrorsAsync();
        Assert.Contains("RegistrationClosesAt", errors.Keys);
        Assert.Contains("Stages[1].StartsAt", errors.Keys);
        Assert.Contains("Stages[2].Name", errors.Keys);
        var stored = await StoredAsync(e.Id);
        Assert.Null(stored.RegistrationClosesAt);
        Assert.Equal(e.Version, stored.Version);

        var early = Timeline(e, Opens, Closes);
        early.Stages[0].StartsAt = Opens.AddDays(-1);
        Assert.Contains("Stages[0].StartsAt", (await (await client.PutJsonAsync($"{Base}/{e.Id}", early)).ValidationErrorsAsync()).Keys);

        // A typo such as year 0001 is a field error, not an overflow in the WIB→UTC conversion.
        var typo = Timeline(e, new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), Closes);
        typo.Stages[3].EndsAt = new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Unspecified);
        var typoErrors = await (await client.PutJsonAsync($"{Base}/{e.Id}", typo)).ValidationErrorsAsync();
        Assert.Contains("tahun 2000 dan 2100", typoErrors["RegistrationOpensAt"][0], StringComparison.Ordinal);
        Assert.Contains("Stages[3].EndsAt", typoErrors.Keys);
        Assert.Equal(e.Version, (await StoredAsync(e.Id)).Version);
    }

    [Fact]
    public async Task Invalid_word_limits_and_no_required_section_are_refused()
    {
        var client = await OrganiserAsync();
        var e = await CreateAsync(client);
        var umum = e.Groups.Single(g => g.Code == "Umum");
        var input = new EditionGroupInput
        {
            Name = umum.Name,
            Sections = umum.Sections.Select(s => new FormRuleInput { Key = s.Key, Title = s.Title, Required = false, WordLimit = s.WordLimit }).ToList(),
            Documents = umum.Documents.Select(d => new DocumentSlotInput { Key = d.Key, Name = d.Name, AllowedTypes = string.Join(",", d.AllowedTypes), MaxBytes = d.MaxBytes, Required = d.Required }).ToList(),
            ExpectedVersion = e.Version,
        };
        input.Sections[0].WordLimit = 0;
        input.Sections[1].WordLimit = 5001;
        var errors = await (await client.PutJsonAsync($"{Base}/{e.Id}/groups/Umum", input)).ValidationErrorsAsync();
        Assert.Contains("Sections[0].WordLimit", errors.Keys);
        Assert.Contains("Sections[1].WordLimit", errors.Keys);
        Assert.Contains("Sections", errors.Keys);
        Assert.Contains("5.000", errors["Sections[0].WordLimit"][0], StringComparison.Ordinal);
        var stored = await StoredAsync(e.Id);
        Assert.Equal(200, stored.Group("Umum")!.Sections[0].WordLimit);
        Assert.Equal(e.Version, stored.Version);

        // A valid change: Ringkasan to 250 words, a new optional section.
        input.Sections[0].WordLimit = 250;
        input.Sections[0].Required = true;
        input.Sections[1].WordLimit = 600;
        input.Sections.Add(new FormRuleInput { Title = "Testimoni Penerima Manfaat", WordLimit = 150 });
        var ok = await (await client.PutJsonAsync($"{Base}/{e.Id}/groups/umum", input)).ShouldBeOk<EditionDto>();
        var changed = ok.Groups.Single(g => g.Code == "Umum");
        Assert.Equal(250, changed.Sections[0].WordLimit);
        Assert.Equal("TestimoniPenerimaManfaat", changed.Sections[^1].Key);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Edition" && a.Action == "Update" && a.EntityId == e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.ChangesJson).ToListAsync(Ct));
        Assert.Contains(audit, j => j!.Contains("Testimoni Penerima Manfaat", StringComparison.Ordinal) && j.Contains("\"Groups\"", StringComparison.Ordinal));
        input.ExpectedVersion = null;
        await (await client.PutJsonAsync($"{Base}/{e.Id}/groups/Tidak-Ada", input)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_quota_and_months_are_refused_and_valid_eligibility_is_saved()
    {
        var client = await OrganiserAsync();
        var e = await CreateAsync(client);
        var input = new EditionEligibilityInput
        {
            MinimumImplementationMonths = 121,
            DefaultQuota = 0,
            AllowedOrganisationTypes = [OrganisationType.KabupatenKota],
            QuotaOverrides = new() { [OrganisationType.PerangkatDaerah] = 51 },
            ExpectedVersion = e.Version,
        };
        var errors = await (await client.PutJsonAsync($"{Base}/{e.Id}/eligibility", input)).ValidationErrorsAsync();
        Assert.Contains("MinimumImplementationMonths", errors.Keys);
        Assert.Contains("DefaultQuota", errors.Keys);
        Assert.Contains("QuotaOverrides[PD]", errors.Keys);
        Assert.Equal(3, (await StoredAsync(e.Id)).Eligibility.DefaultQuota);

        input.MinimumImplementationMonths = 24;
        input.DefaultQuota = 2;
        input.QuotaOverrides[OrganisationType.PerangkatDaerah] = 4;
        var ok = await (await client.PutJsonAsync($"{Base}/{e.Id}/eligibility", input)).ShouldBeOk<EditionDto>();
        Assert.Equal(24, ok.Eligibility.MinimumImplementationMonths);
        Assert.Equal(["KabupatenKota"], ok.Eligibility.AllowedOrganisationTypes);
        var stored = await StoredAsync(e.Id);
        Assert.Equal(4, stored.Eligibility.QuotaFor(OrganisationType.PerangkatDaerah));
        Assert.Equal(2, stored.Eligibility.QuotaFor(OrganisationType.Bumd));
    }

    [Fact]
    public async Task Stale_version_gets_409()
    {
        var client = await OrganiserAsync();
        var e = await CreateAsync(client);
        await (await client.PutJsonAsync($"{Base}/{e.Id}", Timeline(e, Opens, Closes))).ShouldBe(HttpStatusCode.OK);
        var stale = Timeline(e, Opens, Closes.AddDays(1));
        var problem = await (await client.PutJsonAsync($"{Base}/{e.Id}", stale)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("diubah orang lain", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.PostJsonAsync($"{Base}/{e.Id}/publish", new EditionPublishRequest(e.Version))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero), (await StoredAsync(e.Id)).RegistrationClosesAt!.Value.ToUniversalTime());
    }

    [Fact]
    public async Task Publishing_needs_a_complete_timeline_and_makes_the_edition_public()
    {
        var client = await OrganiserAsync();
        var anonymous = App.AnonymousClient();
        var e = await CreateAsync(client);

        // A draft does not exist for the public.
        await (await anonymous.GetAsync($"{Base}/{e.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await (await anonymous.GetAsync(Base, Ct)).ShouldBeOk<List<EditionDto>>(), x => x.Id == e.Id);
        Assert.Contains(await (await client.GetAsync($"{Base}?all=true", Ct)).ShouldBeOk<List<EditionDto>>(), x => x.Id == e.Id);
        Assert.DoesNotContain(await (await anonymous.GetAsync($"{Base}?all=true", Ct)).ShouldBeOk<List<EditionDto>>(), x => x.Id == e.Id);
        await (await anonymous.GetAsync($"/Kompetisi/{e.Slug}", Ct)).ShouldBe(HttpStatusCode.NotFound);

        var errors = await (await client.PostAsync($"{Base}/{e.Id}/publish", null, Ct)).ValidationErrorsAsync();
        Assert.Contains("RegistrationClosesAt", errors.Keys);
        Assert.Contains("Stages", errors.Keys);
        Assert.Equal(EditionStatus.Draft, (await StoredAsync(e.Id)).Status);

        var timed = await (await client.PutJsonAsync($"{Base}/{e.Id}", Timeline(e, Opens, Closes))).ShouldBeOk<EditionDto>();
        var published = await (await client.PostJsonAsync($"{Base}/{e.Id}/publish", new EditionPublishRequest(timed.Version))).ShouldBeOk<EditionDto>();
        Assert.Equal("Published", published.Status);
        Assert.NotNull(published.PublishedAt);

        var fetched = await (await anonymous.GetAsync($"{Base}/{e.Id}", Ct)).ShouldBeOk<EditionDto>();
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 5, 0, 0, TimeSpan.Zero), fetched.RegistrationClosesAt);
        Assert.Contains(await (await anonymous.GetAsync(Base, Ct)).ShouldBeOk<List<EditionDto>>(), x => x.Id == e.Id);
        var page = await HtmlAsync(await anonymous.GetAsync($"/Kompetisi/{e.Slug}", Ct));
        Assert.Contains("Selasa, 30 Juni 2026 pukul 12.00 WIB", page, StringComparison.Ordinal);
        var list = await HtmlAsync(await anonymous.GetAsync("/Kompetisi", Ct));
        Assert.Contains(e.Name, list, StringComparison.Ordinal);

        // A published edition keeps a complete timeline.
        var incomplete = Timeline(published, Opens, Closes);
        incomplete.RegistrationOpensAt = null;
        await (await client.PutJsonAsync($"{Base}/{e.Id}", incomplete)).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_organisers_may_change_editions()
    {
        var kota = await App.KabKotaAsync();
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, kota.Id));
        await (await op.PostJsonAsync(Base, new EditionCreateInput(null, 2026))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().PostJsonAsync(Base, new EditionCreateInput(null, 2026))).ProblemAsync(HttpStatusCode.Unauthorized);
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));
        var e = await CreateAsync(admin);
        await (await op.PutJsonAsync($"{Base}/{e.Id}", Timeline(e, Opens, Closes))).ShouldBe(HttpStatusCode.Forbidden);
        await (await op.PostJsonAsync($"{Base}/{e.Id}/publish", new EditionPublishRequest(null))).ShouldBe(HttpStatusCode.Forbidden);
        await (await op.GetAsync("/Panitia/Edisi", Ct)).ShouldNotBe(HttpStatusCode.OK);
        await (await op.GetAsync($"{Base}/{e.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(e.Version, (await StoredAsync(e.Id)).Version);
    }
}

public sealed class EditionApiTestsSqlite() : EditionApiTests(DatabaseProvider.Sqlite);

public sealed class EditionApiTestsPostgres() : EditionApiTests(DatabaseProvider.Postgres);
