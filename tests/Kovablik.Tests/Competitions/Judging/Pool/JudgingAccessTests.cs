using Kovablik.Competitions.Judging;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Pool;

/// <summary>
/// JudgingAccess is the security boundary of judging: a juror opens a proposal only when active in the pool, declared,
/// assigned in that stage and not conflicted (organisation tree, a declaration of the proposal or of its organisation).
/// </summary>
public abstract class JudgingAccessTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task An_assigned_declared_unconflicted_juror_gets_a_grant()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id);
        var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, w.OtherKota.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p.Id);

        var grant = await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p.Id, Ct));
        Assert.NotNull(grant);
        Assert.Equal(juror.Id, grant.Juror.Id);
        Assert.Equal(w.UnitA.Id, grant.ProposalOrganisationId);
        // Not assigned in another stage, and no proposal of another id.
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage2.Id, p.Id, Ct)));
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p.Id + 100000, Ct)));
    }

    [Fact]
    public async Task A_juror_conflicted_by_the_organisation_tree_is_refused_even_when_assigned()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id);
        // Same unit, the kabupaten/kota above it, a sibling unit of the same kota, the province root: all conflict.
        foreach (var org in new[] { w.UnitA.Id, w.Kota.Id, w.UnitB.Id, (await App.ProvinceAsync()).Id })
        {
            var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, org);
            await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p.Id);
            Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(user.Id, w.Stage1.Id, p.Id, Ct)));
        }
    }

    [Fact]
    public async Task A_declaration_of_the_proposal_or_of_its_organisation_refuses_and_a_withdrawn_one_does_not()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id);

        var (byProposal, j1) = await PoolFixture.JurorAsync(App, w.Edition.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j1.Id, p.Id);
        await PoolFixture.DeclareAsync(App, w.Edition.Id, j1.Id, proposalId: p.Id);
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(byProposal.Id, w.Stage1.Id, p.Id, Ct)));

        var (byOrganisation, j2) = await PoolFixture.JurorAsync(App, w.Edition.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j2.Id, p.Id);
        await PoolFixture.DeclareAsync(App, w.Edition.Id, j2.Id, organisationId: w.UnitA.Id);
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(byOrganisation.Id, w.Stage1.Id, p.Id, Ct)));

        var (withdrawn, j3) = await PoolFixture.JurorAsync(App, w.Edition.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j3.Id, p.Id);
        await PoolFixture.DeclareAsync(App, w.Edition.Id, j3.Id, proposalId: p.Id, withdrawnAt: App.Time.GetUtcNow());
        Assert.NotNull(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(withdrawn.Id, w.Stage1.Id, p.Id, Ct)));

        // The bulk check used by assignment and the overview agrees, and names the causes.
        var jurors = await App.WithDbAsync(db => db.Jurors.AsNoTracking().Where(j => j.EditionId == w.Edition.Id).ToListAsync(Ct));
        var causes = await PoolFixture.AccessAsync(App, a => a.ExplainConflictsAsync(w.Edition.Id, jurors, [(p.Id, w.UnitA.Id)], Ct));
        Assert.Equal([j1.Id, j2.Id], causes.Select(c => c.JurorId).Order());
        Assert.All(causes, c => Assert.False(c.FromOrganisationTree));
        Assert.All(causes, c => Assert.Single(c.DeclarationIds));
    }

    [Fact]
    public async Task Without_the_declaration_inactive_or_from_another_edition_the_juror_gets_nothing()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id);

        var (undeclared, j1) = await PoolFixture.JurorAsync(App, w.Edition.Id, declared: false);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j1.Id, p.Id);
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(undeclared.Id, w.Stage1.Id, p.Id, Ct)));

        var (inactive, j2) = await PoolFixture.JurorAsync(App, w.Edition.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j2.Id, p.Id);
        await App.WithDbAsync(db => db.Jurors.Where(j => j.Id == j2.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Active, false), Ct));
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(inactive.Id, w.Stage1.Id, p.Id, Ct)));

        // A juror of another edition, even assigned to this stage by a bad row, is not a juror of this edition.
        var other = await PoolFixture.EditionAsync(App);
        var (stranger, j3) = await PoolFixture.JurorAsync(App, other.Edition.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j3.Id, p.Id);
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(stranger.Id, w.Stage1.Id, p.Id, Ct)));
        // And a proposal of another edition is never opened through this edition's stage.
        var foreign = await PoolFixture.PassedAsync(App, other, other.UnitA.Id);
        var (mine, j4) = await PoolFixture.JurorAsync(App, w.Edition.Id, w.OtherKota.Id);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, j4.Id, foreign.Id);
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(mine.Id, w.Stage1.Id, foreign.Id, Ct)));
    }
}

public sealed class JudgingAccessTestsSqlite() : JudgingAccessTests(DatabaseProvider.Sqlite);

public sealed class JudgingAccessTestsPostgres() : JudgingAccessTests(DatabaseProvider.Postgres);
