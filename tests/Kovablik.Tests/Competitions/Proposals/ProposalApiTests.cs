using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Proposals;

public abstract class ProposalApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/proposals";

    /// <summary>A unit of its own (so quotas never mix between tests), its operator and a published edition open now.</summary>
    private sealed record Setup(Organisation Org, HttpClient Operator, Edition Edition);

    private async Task<Setup> SetupAsync(int quota = 3, TimeSpan? closesIn = null)
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("UPT Proposal", kota.Id);
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id));
        var edition = await App.OpenEditionAsync(quota: quota, closesIn: closesIn);
        return new Setup(org, op, edition);
    }

    private async Task<ProposalDto> CreateAsync(Setup s, string group = "Umum")
    {
        var innovation = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        return await (await s.Operator.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, innovation.Id, group))).ShouldBeCreated<ProposalDto>();
    }

    private static string Words(string seed, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(i => $"{seed}{i}"));

    /// <summary>Every section of the group written (distinct text), an SDG chosen, the required documents uploaded: ready to submit.</summary>
    private async Task<ProposalDto> FillAsync(HttpClient client, ProposalDto p)
    {
        var sdg = await App.WithDbAsync(db => db.SdgGoals.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(Ct));
        var sections = p.Sections.Keys.ToDictionary(k => k, k => (string?)Words($"{k.ToLowerInvariant()}{p.Id}kata", 40));
        var filled = await (await client.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput { Sections = sections, SdgIds = [sdg], ExpectedVersion = p.Version }))
            .ShouldBeOk<ProposalDto>();
        await client.UploadRequiredDocumentsAsync(p.Id);
        return filled;
    }

    private Task<Proposal> StoredAsync(int id) => App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, Ct));

    [Fact]
    public async Task Operator_creates_a_draft_from_a_published_innovation()
    {
        var s = await SetupAsync();
        var innovation = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        var response = await s.Operator.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, innovation.Id, "Umum"));
        var p = await response.ShouldBeCreated<ProposalDto>();
        Assert.Equal($"{Base}/{p.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Draft", p.Status);
        Assert.Equal(innovation.Name, p.Title);
        Assert.Equal(s.Org.Id, p.OrganisationId);
        Assert.Equal(innovation.Ringkasan, p.Sections["Ringkasan"]);
        Assert.Contains("Kolaborasi", p.Sections.Keys);
        Assert.NotEmpty(p.CategoryIds);

        // Once per edition; a draft innovation cannot enter; an unknown group is refused.
        var again = await (await s.Operator.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, innovation.Id, "Umum"))).ValidationErrorsAsync();
        Assert.Contains("sudah diajukan", again["InnovationId"][0], StringComparison.Ordinal);
        var draft = await App.CreateInnovationAsync(s.Org.Id);
        await (await s.Operator.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, draft.Id, "Umum"))).ValidationErrorsAsync();
        var other = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        Assert.Contains("GroupCode", (await (await s.Operator.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, other.Id, "Tidakada"))).ValidationErrorsAsync()).Keys);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Proposal").Select(a => a.EntityId).ToListAsync(Ct)),
            id => id == p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Autosave_keeps_the_text_and_a_stale_version_gets_409()
    {
        var s = await SetupAsync();
        var p = await CreateAsync(s);
        var saved = await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput
        {
            Title = "Judul Baru Proposal", Sections = new() { ["LatarBelakang"] = "Latar belakang yang ditulis." }, ExpectedVersion = p.Version,
        })).ShouldBeOk<ProposalDto>();
        Assert.NotEqual(p.Version, saved.Version);
        Assert.Equal("Latar belakang yang ditulis.", saved.Sections["LatarBelakang"]);
        Assert.Equal(p.Sections["Ringkasan"], saved.Sections["Ringkasan"]);

        // The second tab still holds the old version.
        var stale = await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["LatarBelakang"] = "Teks tab lama." }, ExpectedVersion = p.Version,
        })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("baru saja diubah", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await StoredAsync(p.Id);
        Assert.Equal("Latar belakang yang ditulis.", stored.Section("LatarBelakang"));
        Assert.Equal("Judul Baru Proposal", stored.Title);
        Assert.Equal(saved.Version, stored.Version);

        // The audit log records the change with words per section, not one more copy of the text per autosave.
        var key = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Proposal" && a.EntityId == key && a.Action == "Update")
            .OrderByDescending(a => a.Id).Select(a => a.ChangesJson).FirstAsync(Ct));
        Assert.Contains("\"LatarBelakang\":4", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("ditulis", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_reports_over_limit_words_and_missing_sections_and_blocks_submission()
    {
        var s = await SetupAsync();
        var p = await FillAsync(s.Operator, await CreateAsync(s));
        p = await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Ringkasan"] = Words("ringkas", 250), ["Kolaborasi"] = "" }, ExpectedVersion = p.Version,
        })).ShouldBeOk<ProposalDto>();
        var checklist = await (await s.Operator.GetAsync($"{Base}/{p.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>();
        Assert.False(checklist.CanSubmit);
        Assert.Contains(checklist.Findings, f => f.Code == "MELEBIHI_BATAS_KATA" && f.SectionKey == "Ringkasan");
        Assert.Contains(checklist.Findings, f => f.Code == "BAGIAN_WAJIB_KOSONG" && f.SectionKey == "Kolaborasi");
        var ringkasan = checklist.Sections.Single(c => c.Key == "Ringkasan");
        Assert.Equal(250, ringkasan.Words);
        Assert.Equal(200, ringkasan.WordLimit);
        Assert.Equal(3, checklist.QuotaLeft);

        var errors = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(p.Version))).ValidationErrorsAsync();
        Assert.Contains(errors.Values.SelectMany(v => v), m => m.Contains("melebihi batas 200 kata", StringComparison.Ordinal));
        Assert.Contains(errors.Values.SelectMany(v => v), m => m.Contains("wajib diisi", StringComparison.Ordinal));
        Assert.Equal(ProposalStatus.Draft, (await StoredAsync(p.Id)).Status);

        // Fixed: it goes through.
        p = await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Ringkasan"] = Words("ringkas", 150), ["Kolaborasi"] = Words("kolab", 30) }, ExpectedVersion = p.Version,
        })).ShouldBeOk<ProposalDto>();
        Assert.True((await (await s.Operator.GetAsync($"{Base}/{p.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>()).CanSubmit);
        var submitted = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Submitted", submitted.Status);
        // A double submission changes nothing.
        await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(null))).ValidationErrorsAsync();
        await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput { Title = "Ganti" })).ValidationErrorsAsync();
    }

    [Fact]
    public async Task Submission_and_edits_are_refused_after_the_deadline()
    {
        var s = await SetupAsync(closesIn: TimeSpan.FromHours(1));
        var p = await FillAsync(s.Operator, await CreateAsync(s));
        App.Time.Advance(TimeSpan.FromHours(2));
        var errors = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(p.Version))).ValidationErrorsAsync();
        Assert.Contains(errors.Values.SelectMany(v => v), m => m.Contains("sudah ditutup", StringComparison.Ordinal));
        await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput { Title = "Terlambat" })).ValidationErrorsAsync();
        await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/withdraw", new ProposalActionInput(null))).ValidationErrorsAsync();
        var stored = await StoredAsync(p.Id);
        Assert.Equal(ProposalStatus.Draft, stored.Status);
        Assert.Equal(p.Version, stored.Version);
    }

    [Fact]
    public async Task Quota_holds_when_two_operators_submit_the_last_slot_at_once()
    {
        var s = await SetupAsync(quota: 4);
        var second = App.ClientFor(await App.CreateUserAsync(Roles.Operator, s.Org.Id));
        var proposals = new List<ProposalDto>();
        for (var i = 0; i < 5; i++) proposals.Add(await FillAsync(s.Operator, await CreateAsync(s)));
        foreach (var p in proposals.Take(3))
            await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(null))).ShouldBeOk<ProposalDto>();

        var responses = await Task.WhenAll(
            s.Operator.PostJsonAsync($"{Base}/{proposals[3].Id}/submit", new ProposalActionInput(null)),
            second.PostJsonAsync($"{Base}/{proposals[4].Id}/submit", new ProposalActionInput(null)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        var errors = await refused.ValidationErrorsAsync();
        Assert.Contains(errors.Values.SelectMany(v => v), m => m.Contains("Kuota organisasi untuk edisi ini sudah penuh", StringComparison.Ordinal));
        var submitted = await App.WithDbAsync(db => db.Proposals.CountAsync(p => p.EditionId == s.Edition.Id && p.Status == ProposalStatus.Submitted, Ct));
        Assert.Equal(4, submitted);
        var loser = responses[0].StatusCode == HttpStatusCode.OK ? proposals[4] : proposals[3];
        Assert.Equal(ProposalStatus.Draft, (await StoredAsync(loser.Id)).Status);
        var checklist = await (await s.Operator.GetAsync($"{Base}/{loser.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>();
        Assert.Equal(0, checklist.QuotaLeft);
    }

    [Fact]
    public async Task Units_submitting_at_the_same_moment_do_not_refuse_each_other()
    {
        // The quota lock is per unit: eight units submitting at once must all get through (a serializable
        // transaction on PostgreSQL turned most of these into false "quota full" answers under load).
        var s = await SetupAsync(quota: 1);
        var kota = await App.KabKotaAsync();
        var units = new List<(HttpClient Client, ProposalDto Proposal)>();
        for (var i = 0; i < 8; i++)
        {
            var org = await App.CreateOrganisationAsync($"UPT Serentak {i}", kota.Id);
            var client = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id));
            units.Add((client, await FillAsync(client, await CreateAsync(s with { Org = org, Operator = client }))));
        }
        var responses = await Task.WhenAll(units.Select(u => u.Client.PostJsonAsync($"{Base}/{u.Proposal.Id}/submit", new ProposalActionInput(null))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(8, await App.WithDbAsync(db => db.Proposals.CountAsync(p => p.EditionId == s.Edition.Id && p.Status == ProposalStatus.Submitted, Ct)));
    }

    [Fact]
    public async Task Snapshot_is_frozen_at_submission()
    {
        var s = await SetupAsync();
        var p = await FillAsync(s.Operator, await CreateAsync(s));
        Assert.False(p.HasSnapshot);
        var submitted = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
        Assert.True(submitted.HasSnapshot);
        var before = (await StoredAsync(p.Id)).SnapshotJson;
        Assert.Contains("Layanan antar jemput pasien lansia.", before, StringComparison.Ordinal);

        await App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<KovablikDbContext>();
            var input = await KovablikAppFactory.CompleteInputAsync(db, s.Org.Id, "Nama Inovasi Diubah " + KovablikAppFactory.Unique());
            input.ShortDescription = "Deskripsi yang diubah setelah pengajuan.";
            var result = await sp.GetRequiredService<InnovationService>().UpdateAsync(p.InnovationId, input, OrganisationScope.Everything);
            Assert.True(result.Succeeded);
            return 0;
        });
        var after = await StoredAsync(p.Id);
        Assert.Equal(before, after.SnapshotJson);
        Assert.DoesNotContain("diubah setelah pengajuan", after.SnapshotJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_head_returns_with_a_comment_then_approves()
    {
        var s = await SetupAsync();
        var head = App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, s.Org.Id));
        var p = await FillAsync(s.Operator, await CreateAsync(s));
        p = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();

        // Operators cannot review; a return needs a reason.
        await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/approve", new ProposalActionInput(null))).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Contains("Comment", (await (await head.PostJsonAsync($"{Base}/{p.Id}/return", new ProposalReturnInput("  "))).ValidationErrorsAsync()).Keys);

        var returned = await (await head.PostJsonAsync($"{Base}/{p.Id}/return", new ProposalReturnInput("Lengkapi data kolaborasi.", p.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Returned", returned.Status);
        Assert.Equal("Lengkapi data kolaborasi.", returned.ReturnComment);
        // A returned proposal cannot be approved until it is submitted again.
        await (await head.PostJsonAsync($"{Base}/{p.Id}/approve", new ProposalActionInput(null))).ValidationErrorsAsync();

        var revised = await (await s.Operator.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Kolaborasi"] = Words("kolaborasibaru", 30) }, ExpectedVersion = returned.Version,
        })).ShouldBeOk<ProposalDto>();
        var resubmitted = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(revised.Version))).ShouldBeOk<ProposalDto>();
        Assert.Null(resubmitted.ReturnComment);
        var approved = await (await head.PostJsonAsync($"{Base}/{p.Id}/approve", new ProposalActionInput(resubmitted.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Approved", approved.Status);
        Assert.NotNull(approved.ApprovedAt);
        var key = p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Proposal" && a.EntityId == key, Ct)) >= 6);
    }

    [Fact]
    public async Task Another_units_staff_cannot_see_or_touch_the_proposal()
    {
        var s = await SetupAsync();
        var p = await FillAsync(s.Operator, await CreateAsync(s));
        var kota = await App.KabKotaAsync();
        var otherOrg = await App.CreateOrganisationAsync("UPT Lain", kota.Id);
        var otherOp = App.ClientFor(await App.CreateUserAsync(Roles.Operator, otherOrg.Id));
        var otherHead = App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, otherOrg.Id));
        await (await otherOp.GetAsync($"{Base}/{p.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherOp.GetAsync($"{Base}/{p.Id}/checklist", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherOp.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput { Title = "Diambil" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherOp.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(null))).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherHead.PostJsonAsync($"{Base}/{p.Id}/approve", new ProposalActionInput(null))).ProblemAsync(HttpStatusCode.NotFound);
        // Nor propose an innovation outside its scope.
        var innovation = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        await (await otherOp.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, innovation.Id, "Umum"))).ValidationErrorsAsync();
        var list = await (await otherOp.GetAsync($"{Base}?editionId={s.Edition.Id}", Ct)).ShouldBeOk<List<ProposalDto>>();
        Assert.Empty(list);
        var own = await (await s.Operator.GetAsync($"{Base}?editionId={s.Edition.Id}", Ct)).ShouldBeOk<List<ProposalDto>>();
        Assert.Contains(own, x => x.Id == p.Id);
        await (await App.AnonymousClient().GetAsync($"{Base}/{p.Id}", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(p.Version, (await StoredAsync(p.Id)).Version);
    }

    [Fact]
    public async Task Proposal_can_be_withdrawn_before_the_deadline()
    {
        var s = await SetupAsync();
        var p = await FillAsync(s.Operator, await CreateAsync(s));
        p = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
        var withdrawn = await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/withdraw", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Withdrawn", withdrawn.Status);
        // A withdrawn proposal frees its quota slot and cannot be submitted again.
        await (await s.Operator.PostJsonAsync($"{Base}/{p.Id}/submit", new ProposalActionInput(null))).ValidationErrorsAsync();
        var next = await CreateAsync(s);
        Assert.Equal(3, (await (await s.Operator.GetAsync($"{Base}/{next.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>()).QuotaLeft);
    }

    [Fact]
    public async Task Text_copied_from_a_submitted_proposal_is_flagged_through_the_fingerprint_index()
    {
        var s = await SetupAsync();
        var source = await FillAsync(s.Operator, await CreateAsync(s));
        source = await (await s.Operator.PostJsonAsync($"{Base}/{source.Id}/submit", new ProposalActionInput(source.Version))).ShouldBeOk<ProposalDto>();
        Assert.True(await App.WithDbAsync(db => db.ProposalFingerprints.AnyAsync(f => f.ProposalId == source.Id, Ct)));

        // Another unit pastes 35 consecutive words of the submitted Implementasi into its own.
        var otherOrg = await App.CreateOrganisationAsync("UPT Penyalin", (await App.KabKotaAsync()).Id);
        var copier = App.ClientFor(await App.CreateUserAsync(Roles.Operator, otherOrg.Id));
        var copy = await FillAsync(copier, await CreateAsync(s with { Org = otherOrg, Operator = copier }));
        var pasted = string.Join(' ', source.Sections["Implementasi"].Split(' ').Skip(2).Take(35));
        copy = await (await copier.PutJsonAsync($"{Base}/{copy.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Implementasi"] = Words("milik", 20) + " " + pasted }, ExpectedVersion = copy.Version,
        })).ShouldBeOk<ProposalDto>();
        var finding = Assert.Single((await (await copier.GetAsync($"{Base}/{copy.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>()).Findings,
            f => f.Code == "ISIAN_MENYALIN_PROPOSAL_LAIN");
        Assert.Equal("Implementasi", finding.SectionKey);
        Assert.Contains("35 kata", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(source.Title, finding.Message, StringComparison.Ordinal);

        // Withdrawn, the source leaves the index and the flag goes.
        await (await s.Operator.PostJsonAsync($"{Base}/{source.Id}/withdraw", new ProposalActionInput(source.Version))).ShouldBeOk<ProposalDto>();
        Assert.False(await App.WithDbAsync(db => db.ProposalFingerprints.AnyAsync(f => f.ProposalId == source.Id, Ct)));
        Assert.DoesNotContain((await (await copier.GetAsync($"{Base}/{copy.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>()).Findings,
            f => f.Code == "ISIAN_MENYALIN_PROPOSAL_LAIN");
    }
}

public sealed class ProposalApiTestsSqlite() : ProposalApiTests(DatabaseProvider.Sqlite);

public sealed class ProposalApiTestsPostgres() : ProposalApiTests(DatabaseProvider.Postgres);
