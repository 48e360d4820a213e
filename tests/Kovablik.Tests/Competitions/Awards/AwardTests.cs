using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Awards;

/// <summary>The award register and the group eligibility it drives (KELOMPOK_TIDAK_SESUAI).</summary>
public abstract class AwardTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/awards";

    private async Task<HttpClient> PanitiaAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));

    private Task<int> AwardCountAsync(int innovationId) => App.WithDbAsync(db => db.InnovationAwards.CountAsync(a => a.InnovationId == innovationId, Ct));

    private static MultipartFormDataContent Csv(string text, string name = "penghargaan.csv")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return form;
    }

    private async Task<(HttpClient Operator, int OrgId)> UnitAsync()
    {
        var org = await App.CreateOrganisationAsync("UPT Penghargaan", (await App.KabKotaAsync()).Id);
        return (App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id)), org.Id);
    }

    private static async Task<List<ProposalFindingDto>> FindingsAsync(HttpClient client, int proposalId) =>
        (await (await client.GetAsync($"/api/v1/proposals/{proposalId}/checklist")).ShouldBeOk<ProposalChecklistDto>()).Findings;

    [Fact]
    public async Task Panitia_records_an_award_and_bad_input_changes_nothing()
    {
        var panitia = await PanitiaAsync();
        var (_, orgId) = await UnitAsync();
        var innovation = await App.CreateInnovationAsync(orgId, publish: true);

        var created = await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2024, "kipp", "Top 45", "utama", "KepmenPANRB 1/2024")))
            .ShouldBeCreated<AwardDto>();
        Assert.Equal("KIPP", created.Competition);
        Assert.Equal("Top", created.Tier);
        Assert.Equal(innovation.Name, created.InnovationName);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "InnovationAward").Select(a => a.EntityId).ToListAsync(Ct)),
            id => id == created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Each bad request answers with the field at fault and writes nothing.
        var year = await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 1999, "KIPP", "Top 99", "finalis", null))).ValidationErrorsAsync();
        Assert.Contains("2000", year["Year"][0], StringComparison.Ordinal);
        var future = await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2031, "KIPP", "Top 99", "finalis", null))).ValidationErrorsAsync();
        Assert.Contains("Year", future.Keys);
        var tier = await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2023, "KIPP", "Top 99", "juara", null))).ValidationErrorsAsync();
        Assert.Contains("finalis", tier["Tier"][0], StringComparison.Ordinal);
        var missing = await (await panitia.PostJsonAsync(Base, new AwardRequest(null, 2023, "", "", null, null))).ValidationErrorsAsync();
        Assert.Equal(["Competition", "InnovationId", "Tier", "Title"], missing.Keys.Order().ToArray());
        var unknown = await (await panitia.PostJsonAsync(Base, new AwardRequest(999_999, 2023, "KIPP", "Top 99", "finalis", null))).ValidationErrorsAsync();
        Assert.Contains("tidak ditemukan", unknown["InnovationId"][0], StringComparison.Ordinal);
        var duplicate = await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2024, "KIPP", "top 45", "utama", null))).ValidationErrorsAsync();
        Assert.Contains("sudah tercatat", duplicate[""][0], StringComparison.Ordinal);
        Assert.Equal(1, await AwardCountAsync(innovation.Id));

        // Anyone may read a published innovation's awards; only organisers write.
        var awards = await (await App.AnonymousClient().GetAsync($"/api/v1/innovations/{innovation.Id}/awards", Ct)).ShouldBeOk<List<PublicAwardDto>>();
        Assert.Equal("Top 45", Assert.Single(awards).Title);
        var draft = await App.CreateInnovationAsync(orgId);
        await (await App.AnonymousClient().GetAsync($"/api/v1/innovations/{draft.Id}/awards", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, orgId));
        await (await op.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2022, "KIPP", "Top 99", "finalis", null))).ShouldBe(HttpStatusCode.Forbidden);

        await (await panitia.DeleteAsync($"{Base}/{created.Id}", Ct)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, await AwardCountAsync(innovation.Id));
        await (await panitia.DeleteAsync($"{Base}/{created.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_checks_every_row_first_then_adds_and_skips_what_is_known()
    {
        var panitia = await PanitiaAsync();
        var (_, orgId) = await UnitAsync();
        var a = await App.CreateInnovationAsync(orgId, publish: true);
        var b = await App.CreateInnovationAsync(orgId, publish: true);

        var bad = $"inovasi_id;tahun;kompetisi;penghargaan;tingkat;sumber\n{a.Id};2021;KIPP;Top 99;finalis;\n{b.Id};1990;KIPP;Top 45;utama;\nabc;2022;KOVABLIK;Top 30;juara;\n";
        var refused = await (await panitia.PostAsync($"{Base}/import", Csv(bad), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        var rows = refused.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rowNumber").GetInt32()).ToList();
        Assert.Equal([3, 4], rows);
        Assert.Equal(0, await AwardCountAsync(a.Id));

        var good = $"inovasi_id,tahun,kompetisi,penghargaan,tingkat,sumber\n{a.Id},2021,KIPP,Top 99,finalis,\n{b.Id},2020,KOVABLIK,\"Top 30, Terbaik\",utama,https://example.org/sk\n";
        var report = await (await panitia.PostAsync($"{Base}/import", Csv(good), Ct)).ShouldBeOk<AwardImportDto>();
        Assert.Equal((2, 0), (report.Added, report.AlreadyKnown));
        Assert.Equal("Top 30, Terbaik", await App.WithDbAsync(db => db.InnovationAwards.Where(x => x.InnovationId == b.Id).Select(x => x.Title).SingleAsync(Ct)));

        var again = await (await panitia.PostAsync($"{Base}/import", Csv(good), Ct)).ShouldBeOk<AwardImportDto>();
        Assert.Equal((0, 2), (again.Added, again.AlreadyKnown));

        var header = await (await panitia.PostAsync($"{Base}/import", Csv("nama,tahun\nx,2020\n"), Ct)).ValidationErrorsAsync();
        Assert.Contains("inovasi_id", header["file"][0], StringComparison.Ordinal);
        var quote = await (await panitia.PostAsync($"{Base}/import", Csv("inovasi_id,tahun,kompetisi,penghargaan,tingkat\n\"1,2020,KIPP,Top 99,finalis\n"), Ct)).ValidationErrorsAsync();
        Assert.Contains("tidak pernah ditutup", quote["file"][0], StringComparison.Ordinal);
        Assert.Equal(1, await AwardCountAsync(a.Id));
    }

    [Fact]
    public async Task A_past_top_winner_cannot_submit_in_Umum_and_Khusus_needs_one()
    {
        var panitia = await PanitiaAsync();
        var (op, orgId) = await UnitAsync();
        var edition = await App.OpenEditionAsync();
        var winner = await App.CreateInnovationAsync(orgId, publish: true);
        var newcomer = await App.CreateInnovationAsync(orgId, publish: true);
        await (await panitia.PostJsonAsync(Base, new AwardRequest(winner.Id, 2024, "KIPP", "Top 45", "utama", null))).ShouldBe(HttpStatusCode.Created);

        var umum = await (await op.PostJsonAsync("/api/v1/proposals", new ProposalCreateInput(edition.Id, winner.Id, "Umum"))).ShouldBeCreated<ProposalDto>();
        var finding = Assert.Single(await FindingsAsync(op, umum.Id), f => f.Code == "KELOMPOK_TIDAK_SESUAI");
        Assert.Equal("Blocking", finding.Severity);
        Assert.Contains("KIPP 2024", finding.Message, StringComparison.Ordinal);

        var khusus = await (await op.PostJsonAsync("/api/v1/proposals", new ProposalCreateInput(edition.Id, newcomer.Id, "Khusus"))).ShouldBeCreated<ProposalDto>();
        Assert.Contains(await FindingsAsync(op, khusus.Id), f => f.Code == "KELOMPOK_TIDAK_SESUAI");

        // Fully written and documented, the Umum proposal is still refused at submission for this reason alone.
        var sdg = await App.WithDbAsync(db => db.SdgGoals.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(Ct));
        var sections = umum.Sections.Keys.ToDictionary(k => k, k => (string?)string.Join(' ', Enumerable.Range(0, 40).Select(i => $"{k.ToLowerInvariant()}kata{i}")));
        var filled = await (await op.PutJsonAsync($"/api/v1/proposals/{umum.Id}/draft", new ProposalDraftInput { Sections = sections, SdgIds = [sdg], ExpectedVersion = umum.Version }))
            .ShouldBeOk<ProposalDto>();
        await op.UploadRequiredDocumentsAsync(umum.Id);
        var blocking = (await FindingsAsync(op, umum.Id)).Where(f => f.Severity == "Blocking").Select(f => f.Code).ToList();
        Assert.Equal(["KELOMPOK_TIDAK_SESUAI"], blocking);
        var refused = await (await op.PostJsonAsync($"/api/v1/proposals/{umum.Id}/submit", new ProposalActionInput())).ValidationErrorsAsync();
        Assert.Contains(refused.Values.SelectMany(v => v), m => m.Contains("penghargaan utama", StringComparison.Ordinal));
        Assert.Equal(ProposalStatus.Draft, await App.WithDbAsync(db => db.Proposals.Where(p => p.Id == umum.Id).Select(p => p.Status).SingleAsync(Ct)));

        // Organisers may loosen the group's rule; the checklist follows at once.
        var e = await (await panitia.GetAsync($"/api/v1/editions/{edition.Id}", Ct)).ShouldBeOk<EditionDto>();
        var group = e.Groups.Single(g => g.Code == "Umum");
        Assert.True(group.ForbidsTopAward);
        Assert.Equal(1, group.MaxFinalistAwards);
        var input = new EditionGroupInput
        {
            Name = group.Name,
            Sections = group.Sections.Select(s => new FormRuleInput { Key = s.Key, Title = s.Title, Required = s.Required, WordLimit = s.WordLimit }).ToList(),
            Documents = group.Documents.Select(d => new DocumentSlotInput { Key = d.Key, Name = d.Name, AllowedTypes = string.Join(",", d.AllowedTypes), MaxBytes = d.MaxBytes, Required = d.Required }).ToList(),
            RequiresTopAward = true, ForbidsTopAward = true, ExpectedVersion = e.Version,
        };
        var both = await (await panitia.PutJsonAsync($"/api/v1/editions/{edition.Id}/groups/Umum", input)).ValidationErrorsAsync();
        Assert.Contains("RequiresTopAward", both.Keys);
        input.RequiresTopAward = false;
        input.ForbidsTopAward = false;
        input.MaxFinalistAwards = null;
        var saved = await (await panitia.PutJsonAsync($"/api/v1/editions/{edition.Id}/groups/Umum", input)).ShouldBeOk<EditionDto>();
        Assert.False(saved.Groups.Single(g => g.Code == "Umum").ForbidsTopAward);
        Assert.DoesNotContain(await FindingsAsync(op, umum.Id), f => f.Code == "KELOMPOK_TIDAK_SESUAI");
    }

    [Fact]
    public async Task Finalist_count_and_awards_from_the_same_edition_or_later_years_do_not_count()
    {
        var panitia = await PanitiaAsync();
        var (op, orgId) = await UnitAsync();
        var edition = await App.OpenEditionAsync(year: 2026);
        var innovation = await App.CreateInnovationAsync(orgId, publish: true);
        await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2022, "KIPP", "Top 99", "finalis", null))).ShouldBe(HttpStatusCode.Created);
        var p = await (await op.PostJsonAsync("/api/v1/proposals", new ProposalCreateInput(edition.Id, innovation.Id, "Umum"))).ShouldBeCreated<ProposalDto>();
        Assert.DoesNotContain(await FindingsAsync(op, p.Id), f => f.Code == "KELOMPOK_TIDAK_SESUAI");

        // A second finalist place exceeds Umum's "at most once".
        await (await panitia.PostJsonAsync(Base, new AwardRequest(innovation.Id, 2024, "KIPP", "Top 99", "finalis", null))).ShouldBe(HttpStatusCode.Created);
        var finding = Assert.Single(await FindingsAsync(op, p.Id), f => f.Code == "KELOMPOK_TIDAK_SESUAI");
        Assert.Contains("2 kali", finding.Message, StringComparison.Ordinal);

        // A top award this same edition gave (judging writes it with the edition id) is not a "past" award.
        var other = await App.CreateInnovationAsync(orgId, publish: true);
        await App.WithDbAsync(async db =>
        {
            db.InnovationAwards.Add(new InnovationAward { InnovationId = other.Id, Year = 2026, Competition = "KOVABLIK", Title = "Top 30", Tier = AwardTier.Top, EditionId = edition.Id });
            await db.SaveChangesAsync(Ct);
        });
        var q = await (await op.PostJsonAsync("/api/v1/proposals", new ProposalCreateInput(edition.Id, other.Id, "Umum"))).ShouldBeCreated<ProposalDto>();
        Assert.DoesNotContain(await FindingsAsync(op, q.Id), f => f.Code == "KELOMPOK_TIDAK_SESUAI");
        // ...and such an award cannot be deleted from the register.
        var id = await App.WithDbAsync(db => db.InnovationAwards.Where(a => a.InnovationId == other.Id).Select(a => a.Id).SingleAsync(Ct));
        var kept = await (await panitia.DeleteAsync($"{Base}/{id}", Ct)).ValidationErrorsAsync();
        Assert.Contains("penjurian", kept[""][0], StringComparison.Ordinal);

        // The drafts board uses the same rule as the live checklist.
        var board = await App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<KovablikDbContext>();
            var e = await db.Editions.AsNoTracking().SingleAsync(x => x.Id == edition.Id, Ct);
            return await new Kovablik.Competitions.Deadlines.DraftsBoardService(db).DraftsAsync(e, null, Ct);
        });
        Assert.Contains(board.Single(d => d.ProposalId == p.Id).Missing, m => m.Code == "KELOMPOK_TIDAK_SESUAI");
        Assert.DoesNotContain(board.Single(d => d.ProposalId == q.Id).Missing, m => m.Code == "KELOMPOK_TIDAK_SESUAI");
    }

    [Fact]
    public async Task Pages_record_an_award_show_errors_next_to_fields_and_edit_the_group_rule()
    {
        var user = await App.CreateUserAsync(Roles.Panitia, null);
        var browser = App.ClientFor(user, handleCookies: true);
        var (_, orgId) = await UnitAsync();
        var innovation = await App.CreateInnovationAsync(orgId, "Sapa Warga", publish: true);

        var search = await (await browser.GetAsync("/Panitia/Penghargaan?Cari=sapa+warga", Ct)).HtmlAsync();
        Assert.Contains(search.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"?InovasiId={innovation.Id}");

        var page = await (await browser.GetAsync($"/Panitia/Penghargaan?InovasiId={innovation.Id}", Ct)).HtmlAsync();
        Assert.Contains(innovation.Name, Http.TextOf(page), StringComparison.Ordinal);
        var bad = await browser.PostFormAsync(page, "/Panitia/Penghargaan", new Dictionary<string, string>
        {
            ["Input.InnovationId"] = innovation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Year"] = "1990", ["Input.Competition"] = "KIPP", ["Input.Title"] = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.HtmlAsync();
        Assert.Contains("Tahun penghargaan harus antara 2000", badPage.QuerySelector("[data-valmsg-for='Input.Year']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nama penghargaan wajib diisi", badPage.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await AwardCountAsync(innovation.Id));

        var ok = await browser.PostFormAsync(page, "/Panitia/Penghargaan", new Dictionary<string, string>
        {
            ["Input.InnovationId"] = innovation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Year"] = "2023", ["Input.Competition"] = "KIPP", ["Input.Title"] = "Top 45", ["Input.Tier"] = "utama",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = Http.TextOf(await (await browser.GetAsync("/Panitia/Penghargaan?Tahun=2023&Kompetisi=kipp", Ct)).HtmlAsync());
        Assert.Contains("Sapa Warga", list, StringComparison.Ordinal);
        Assert.Contains("Utama", list, StringComparison.Ordinal);

        // The group page edits the rule; contradicting choices stay on the page with the error next to them.
        var edition = await App.OpenEditionAsync();
        var groupUrl = $"/Panitia/Edisi/{edition.Id}/Kelompok/Khusus";
        var groupPage = await (await browser.GetAsync(groupUrl, Ct)).HtmlAsync();
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)groupPage.QuerySelector("input[name='Input.RequiresTopAward'][type=checkbox]")!).IsChecked);
        var contradictory = await browser.PostFormAsync(groupPage, groupUrl, FormValues(groupPage, ("Input.RequiresTopAward", "true"), ("Input.ForbidsTopAward", "true")));
        Assert.Equal(HttpStatusCode.OK, contradictory.StatusCode);
        Assert.Contains("sekaligus", (await contradictory.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.RequiresTopAward']")!.TextContent, StringComparison.Ordinal);
        var saved = await browser.PostFormAsync(groupPage, groupUrl, FormValues(groupPage, ("Input.RequiresTopAward", "false"), ("Input.MaxFinalistAwards", "2")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var group = await App.WithDbAsync(db => db.Editions.AsNoTracking().Where(e => e.Id == edition.Id).Select(e => e.Groups).SingleAsync(Ct));
        var khusus = group.Single(g => g.Code == "Khusus");
        Assert.False(khusus.RequiresTopAward);
        Assert.Equal(2, khusus.MaxFinalistAwards);
    }

    /// <summary>The form's text, number and ticked checkbox inputs as shown, plus overrides.</summary>
    private static Dictionary<string, string> FormValues(AngleSharp.Html.Dom.IHtmlDocument page, params (string Name, string Value)[] overrides)
    {
        var form = Http.FindPostForm(page)!;
        var values = form.QuerySelectorAll("input").OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type is "text" or "number" || (i.Type == "checkbox" && i.IsChecked)))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in overrides) values[name] = value;
        return values;
    }
}

public sealed class AwardTestsSqlite() : AwardTests(DatabaseProvider.Sqlite);

public sealed class AwardTestsPostgres() : AwardTests(DatabaseProvider.Postgres);
