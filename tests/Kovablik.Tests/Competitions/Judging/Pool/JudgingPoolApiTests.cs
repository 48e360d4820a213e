using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Pool;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Pool;

/// <summary>The pool, declarations and assignment through the API: ProblemDetails on bad input, and nothing changes.</summary>
public abstract class JudgingPoolApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<HttpClient> PanitiaAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));

    private Task<int> JurorCountAsync(int editionId) => App.WithDbAsync(db => db.Jurors.CountAsync(j => j.EditionId == editionId, Ct));

    [Fact]
    public async Task Panitia_adds_a_Juri_account_and_every_bad_input_is_refused_with_field_errors_and_changes_nothing()
    {
        var w = await PoolFixture.EditionAsync(App);
        var panitia = await PanitiaAsync();
        var url = $"/api/v1/editions/{w.Edition.Id}/judging/jurors";
        var juri = await App.CreateUserAsync(Roles.Juri, null);
        var panels = await PoolFixture.PanelsAsync(App, w.Edition.Id);

        var added = await (await panitia.PostJsonAsync(url, new JurorRequest(juri.Id, "Dr. Penilai", w.OtherKota.Id, 12, [panels[0]],
            App.Time.GetUtcNow(), App.Time.GetUtcNow().AddDays(10), null, null))).ShouldBeCreated<JurorDto>();
        Assert.Equal("Dr. Penilai", added.DisplayName);
        Assert.Equal([panels[0]], added.Panels);
        Assert.Empty(added.Warnings);
        // The juror is told to make the declaration first.
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == juri.Id && n.Link == $"/Juri/Deklarasi/{w.Edition.Id}", Ct)));
        var list = await (await panitia.GetAsync(url, Ct)).ShouldBeOk<List<JurorDto>>();
        Assert.Equal(added.Id, Assert.Single(list).Id);
        var candidates = await (await panitia.GetAsync($"/api/v1/editions/{w.Edition.Id}/judging/juror-candidates?q={Uri.EscapeDataString(juri.Email!)}", Ct)).ShouldBeOk<List<JurorCandidateDto>>();
        Assert.True(Assert.Single(candidates).InPool);

        var operatorUser = await App.CreateUserAsync(Roles.Operator, w.UnitA.Id);
        var other = await App.CreateUserAsync(Roles.Juri, null);
        var now = App.Time.GetUtcNow();
        var bad = new (JurorRequest Request, string Field)[]
        {
            (new JurorRequest("tidak-ada", null, null, null, null, null, null, null, null), "UserId"),
            (new JurorRequest(operatorUser.Id, null, null, null, null, null, null, null, null), "UserId"),
            (new JurorRequest(juri.Id, null, null, null, null, null, null, null, null), "UserId"),
            (new JurorRequest(other.Id, null, null, -1, null, null, null, null, null), "LoadLimit"),
            (new JurorRequest(other.Id, null, null, null, null, now.AddDays(5), now, null, null), "ReadingUntil"),
            (new JurorRequest(other.Id, null, 99999999, null, null, null, null, null, null), "OrganisationId"),
            (new JurorRequest(other.Id, null, null, null, ["Panel karangan"], null, null, null, null), "Panels"),
        };
        foreach (var (request, field) in bad)
        {
            var errors = await (await panitia.PostJsonAsync(url, request)).ValidationErrorsAsync();
            Assert.True(errors.ContainsKey(field), $"{field}: {string.Join("; ", errors.Keys)}");
        }
        Assert.Equal(1, await JurorCountAsync(w.Edition.Id));

        // Changing settings: the same checks, nothing changes on a refusal.
        var put = $"{url}/{added.Id}";
        Assert.True((await (await panitia.PutJsonAsync(put, new JurorRequest(null, "Dr. Penilai", null, -3, null, null, null, null, null))).ValidationErrorsAsync()).ContainsKey("LoadLimit"));
        Assert.Equal(12, (await App.WithDbAsync(db => db.Jurors.AsNoTracking().SingleAsync(j => j.Id == added.Id, Ct))).LoadLimit);
        var province = await App.ProvinceAsync();
        var rooted = await (await panitia.PutJsonAsync(put, new JurorRequest(null, "Dr. Penilai", province.Id, 5, null, null, null, null, added.Version))).ShouldBeOk<JurorDto>();
        Assert.Contains("semua proposal", Assert.Single(rooted.Warnings), StringComparison.Ordinal);
        await (await panitia.PutJsonAsync(put, new JurorRequest(null, "Lama", null, 5, null, null, null, null, added.Version))).ProblemAsync(HttpStatusCode.Conflict);

        // Not for units or jurors.
        await App.ClientFor(operatorUser).GetAsync(url, Ct).ShouldBe(HttpStatusCode.Forbidden);
        await App.ClientFor(juri).PostJsonAsync(url, new JurorRequest(other.Id, null, null, null, null, null, null, null, null)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(1, await JurorCountAsync(w.Edition.Id));
    }

    [Fact]
    public async Task The_juror_declares_through_the_API_and_only_then_has_access()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p1 = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, "Proposal Satu");
        var p2 = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, "Proposal Dua");
        var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, declared: false);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p1.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p2.Id);
        var client = App.ClientFor(user);
        var url = $"/api/v1/judging/me/editions/{w.Edition.Id}/declaration";

        var view = await (await client.GetAsync(url, Ct)).ShouldBeOk<JurorDeclarationDto>();
        Assert.Equal(["Proposal Dua", "Proposal Satu"], view.Proposals.Select(p => p.Title).Order());
        Assert.Null(view.CompletedAt);

        // Neither a conflict nor "none": refused. A conflict without a reason: refused. A contradiction: refused.
        Assert.True((await (await client.PostJsonAsync(url, new JurorDeclarationInput())).ValidationErrorsAsync()).ContainsKey("NoneConfirmed"));
        Assert.True((await (await client.PostJsonAsync(url, new JurorDeclarationInput { Conflicts = [new(p1.Id, " ")] })).ValidationErrorsAsync()).ContainsKey($"Conflicts[{p1.Id}]"));
        Assert.True((await (await client.PostJsonAsync(url, new JurorDeclarationInput { Conflicts = [new(p1.Id, "Mantan atasan")], NoneConfirmed = true })).ValidationErrorsAsync()).ContainsKey("NoneConfirmed"));
        Assert.True((await (await client.PostJsonAsync(url, new JurorDeclarationInput { Conflicts = [new(999999, "x")] })).ValidationErrorsAsync()).ContainsKey("Conflicts[999999]"));
        Assert.Null((await App.WithDbAsync(db => db.Jurors.AsNoTracking().SingleAsync(j => j.Id == juror.Id, Ct))).DeclarationCompletedAt);
        Assert.Equal(0, await App.WithDbAsync(db => db.ConflictDeclarations.CountAsync(c => c.JurorId == juror.Id, Ct)));
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p2.Id, Ct)));

        var done = await (await client.PostJsonAsync(url, new JurorDeclarationInput { Conflicts = [new(p1.Id, "Mantan atasan")] })).ShouldBeOk<JurorDeclarationDto>();
        Assert.NotNull(done.CompletedAt);
        Assert.True(done.Proposals.Single(p => p.Id == p1.Id).Declared);
        // The declared proposal's assignment went; the other one opens now.
        Assert.False(await App.WithDbAsync(db => db.JurorAssignments.AnyAsync(a => a.JurorId == juror.Id && a.ProposalId == p1.Id, Ct)));
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p1.Id, Ct)));
        Assert.NotNull(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p2.Id, Ct)));

        // Someone who is not in this edition's pool sees nothing.
        var stranger = App.ClientFor(await App.CreateUserAsync(Roles.Juri, null));
        await (await stranger.GetAsync(url, Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_unit_declares_for_its_own_proposal_only_and_the_conflicted_juror_loses_the_assignment_and_access()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id);
        var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, w.OtherKota.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p.Id);
        await App.WithDbAsync(async db =>
        {
            db.JurorScores.Add(new JurorScore { StageId = w.Stage1.Id, JurorId = juror.Id, ProposalId = p.Id });
            await db.SaveChangesAsync(Ct);
        });
        Assert.NotNull(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p.Id, Ct)));

        var url = $"/api/v1/proposals/{p.Id}/judging/conflicts";
        // Another kota's operator cannot see or declare for this proposal.
        var outsider = App.ClientFor(await App.CreateUserAsync(Roles.Operator, (await App.CreateOrganisationAsync("UPT Luar", w.OtherKota.Id)).Id));
        await (await outsider.PostJsonAsync(url, new UnitConflictRequest(juror.Id, "Bukan urusan kami"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/v1/proposals/{p.Id}/judging/jurors", Ct)).ProblemAsync(HttpStatusCode.NotFound);

        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, w.UnitA.Id));
        var jurors = await (await op.GetAsync($"/api/v1/proposals/{p.Id}/judging/jurors", Ct)).ShouldBeOk<UnitConflictsDto>();
        Assert.Contains(jurors.Jurors, j => j.Id == juror.Id);
        Assert.True((await (await op.PostJsonAsync(url, new UnitConflictRequest(juror.Id, ""))).ValidationErrorsAsync()).ContainsKey("Reason"));
        Assert.True((await (await op.PostJsonAsync(url, new UnitConflictRequest(999999, "Pembina kami"))).ValidationErrorsAsync()).ContainsKey("JurorId"));
        Assert.Equal(0, await App.WithDbAsync(db => db.ConflictDeclarations.CountAsync(c => c.JurorId == juror.Id, Ct)));
        Assert.True(await App.WithDbAsync(db => db.JurorAssignments.AnyAsync(a => a.JurorId == juror.Id, Ct)));

        var declared = await (await op.PostJsonAsync(url, new UnitConflictRequest(juror.Id, "Juri ini pembina inovasi kami"))).ShouldBeCreated<ConflictDeclarationDto>();
        Assert.Equal("Unit", declared.Source);
        Assert.Equal(1, declared.RemovedAssignments);
        // The scoring-style check: 404 for the juror from now on, and the assignment and draft sheet are gone (audited).
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p.Id, Ct)));
        Assert.False(await App.WithDbAsync(db => db.JurorAssignments.AnyAsync(a => a.JurorId == juror.Id, Ct)));
        Assert.False(await App.WithDbAsync(db => db.JurorScores.AnyAsync(s => s.JurorId == juror.Id, Ct)));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "JurorAssignment" && a.Action == "Delete", Ct)));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ConflictDeclaration" && a.Action == "Create", Ct)));
        await (await op.PostJsonAsync(url, new UnitConflictRequest(juror.Id, "Lagi"))).ValidationErrorsAsync();

        // Panitia sees it, and the removed assignment, in the overview; a manual assignment of the pair is refused.
        var panitia = await PanitiaAsync();
        var overview = await (await panitia.GetAsync($"/api/v1/editions/{w.Edition.Id}/judging/conflicts", Ct)).ShouldBeOk<ConflictOverviewDto>();
        var row = Assert.Single(overview.Declarations, d => d.JurorId == juror.Id);
        Assert.Equal(1, row.RemovedAssignments);
        Assert.Contains(overview.Conflicts, c => c.JurorId == juror.Id && c.ProposalId == p.Id && !c.FromOrganisationTree);
        var refused = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{w.Stage1.Id}/assignments", new ManualAssignmentRequest(juror.Id, p.Id))).ValidationErrorsAsync();
        Assert.Contains("konflik kepentingan", Assert.Single(refused["JurorId"]), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.JurorAssignments.AnyAsync(a => a.JurorId == juror.Id, Ct)));

        // Withdrawing needs a reason; withdrawn, the pair may be assigned again by hand.
        var withdraw = $"/api/v1/editions/{w.Edition.Id}/judging/conflicts/{declared.Id}/withdraw";
        Assert.True((await (await panitia.PostJsonAsync(withdraw, new WithdrawRequest(" "))).ValidationErrorsAsync()).ContainsKey("Reason"));
        Assert.Equal("Keliru", (await (await panitia.PostJsonAsync(withdraw, new WithdrawRequest("Keliru"))).ShouldBeOk<ConflictDeclarationDto>()).WithdrawalReason);
        await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{w.Stage1.Id}/assignments", new ManualAssignmentRequest(juror.Id, p.Id))).ShouldBeCreated<AssignmentDto>();
    }

    [Fact]
    public async Task A_frozen_stage_refuses_every_assignment_change_with_409()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id);
        var (_, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, w.OtherKota.Id);
        var (_, other) = await PoolFixture.JurorAsync(App, w.Edition.Id, w.OtherKota.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p.Id);
        await App.WithDbAsync(db => db.JudgingStages.Where(s => s.Id == w.Stage1.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, JudgingStageStatus.Frozen), Ct));
        var assignmentId = await App.WithDbAsync(db => db.JurorAssignments.Where(a => a.JurorId == juror.Id).Select(a => a.Id).SingleAsync(Ct));
        var panitia = await PanitiaAsync();
        var baseUrl = $"/api/v1/judging/stages/{w.Stage1.Id}/assignments";

        foreach (var response in new[]
        {
            await panitia.PostAsync(baseUrl + "/preview", null, Ct),
            await panitia.PostAsync(baseUrl + "/confirm", null, Ct),
            await panitia.PostJsonAsync(baseUrl, new ManualAssignmentRequest(other.Id, p.Id)),
            await panitia.DeleteAsync($"{baseUrl}/{assignmentId}", Ct),
        })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("dibekukan", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal([juror.Id], await App.WithDbAsync(db => db.JurorAssignments.Where(a => a.StageId == w.Stage1.Id).Select(a => a.JurorId).ToListAsync(Ct)));
        // A unit's later declaration does not touch a frozen stage's history (the juror is still refused by JudgingAccess).
        await PoolFixture.ServiceAsync<ConflictService, object>(App, async s => await s.DeclareAsPanitiaAsync(w.Edition.Id,
            new PanitiaConflictInput { JurorId = juror.Id, ProposalId = p.Id, Reason = "Terlambat diketahui" }, null, Ct));
        Assert.True(await App.WithDbAsync(db => db.JurorAssignments.AnyAsync(a => a.Id == assignmentId, Ct)));
    }
}

public sealed class JudgingPoolApiTestsSqlite() : JudgingPoolApiTests(DatabaseProvider.Sqlite);

public sealed class JudgingPoolApiTestsPostgres() : JudgingPoolApiTests(DatabaseProvider.Postgres);
