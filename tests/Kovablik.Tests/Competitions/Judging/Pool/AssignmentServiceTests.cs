using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Pool;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Pool;

/// <summary>
/// A real assignment run through the service, on generated pools: no conflicted juror is ever assigned, every proposal
/// gets k jurors where enough may read it, loads stay within ±1, pins survive, and each juror gets one notice.
/// </summary>
public abstract class AssignmentServiceTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Confirmed_assignments_never_pair_a_conflicted_juror_and_keep_loads_within_one(int seed)
    {
        var random = new Random(seed);
        var w = await PoolFixture.EditionAsync(App);
        var kota3 = await App.KabKotaAsync("35.07");
        var unitC = await App.CreateOrganisationAsync("UPT Juri C", w.OtherKota.Id);
        var unitD = await App.CreateOrganisationAsync("UPT Juri D", kota3.Id);
        var orgs = new[] { w.UnitA.Id, w.UnitB.Id, unitC.Id, unitD.Id, w.Kota.Id, w.OtherKota.Id, kota3.Id };
        var proposals = new List<int>();
        for (var i = 0; i < 24 + random.Next(10); i++)
            proposals.Add((await PoolFixture.PassedAsync(App, w, orgs[random.Next(orgs.Length)], $"Usulan {seed}-{i}")).Id);
        var jurors = new List<(string UserId, Juror Juror)>();
        for (var i = 0; i < 8; i++)
        {
            // Some jurors are affiliated (tree conflicts), most are not.
            int? org = random.Next(3) == 0 ? orgs[random.Next(orgs.Length)] : null;
            var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, org);
            jurors.Add((user.Id, juror));
        }
        // Declarations by proposal and by organisation, and one manual pin.
        for (var i = 0; i < 6; i++)
            await PoolFixture.DeclareAsync(App, w.Edition.Id, jurors[random.Next(jurors.Count)].Juror.Id, proposalId: proposals[random.Next(proposals.Count)]);
        await PoolFixture.DeclareAsync(App, w.Edition.Id, jurors[random.Next(jurors.Count)].Juror.Id, organisationId: orgs[random.Next(orgs.Length)]);
        var all = await App.WithDbAsync(db => db.Jurors.AsNoTracking().Where(j => j.EditionId == w.Edition.Id).ToListAsync(Ct));
        var stageProposals = await PoolFixture.AccessAsync(App, a => a.StageProposalsAsync(w.Stage1, Ct));
        var conflicts = await PoolFixture.AccessAsync(App, a => a.ConflictsAsync(w.Edition.Id, all, stageProposals, Ct));
        var pin = jurors.SelectMany(j => proposals.Select(p => (j.Juror.Id, p))).First(x => !conflicts.Contains(x));
        await PoolFixture.AssignAsync(App, w.Stage1.Id, pin.Item1, pin.Item2);

        var preview = await PoolFixture.ServiceAsync<AssignmentService, Kovablik.Platform.Result<AssignmentPlan>>(App, s => s.PreviewAsync(w.Stage1.Id, Ct));
        Assert.True(preview.Succeeded);
        Assert.Equal(0, await App.WithDbAsync(db => db.JurorAssignments.CountAsync(a => a.StageId == w.Stage1.Id && a.Source == AssignmentSource.Automatic, Ct)));
        var confirmed = await PoolFixture.ServiceAsync<AssignmentService, Kovablik.Platform.Result<AssignmentPlan>>(App, s => s.ConfirmAsync(w.Stage1.Id, null, Ct));
        Assert.True(confirmed.Succeeded);
        Assert.Equal(preview.Value!.Loads.Select(l => (l.JurorId, l.Load)), confirmed.Value!.Loads.Select(l => (l.JurorId, l.Load)));

        var stored = await App.WithDbAsync(db => db.JurorAssignments.AsNoTracking().Where(a => a.StageId == w.Stage1.Id).ToListAsync(Ct));
        Assert.DoesNotContain(stored, a => conflicts.Contains((a.JurorId, a.ProposalId)));
        Assert.Contains(stored, a => a.JurorId == pin.Item1 && a.ProposalId == pin.Item2 && a.Source == AssignmentSource.Manual);
        var k = w.Stage1.JurorsPerProposal;
        foreach (var p in proposals)
        {
            var eligible = all.Count(j => !conflicts.Contains((j.Id, p)));
            Assert.Equal(Math.Min(k, eligible), stored.Count(a => a.ProposalId == p));
        }
        var loads = all.Select(j => stored.Count(a => a.JurorId == j.Id)).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1 || LoadsBalancedUnderConflicts(all, conflicts, stored), $"loads {string.Join(",", loads)}");
        // Every stored pair opens for its juror through the one access check.
        foreach (var a in stored.Take(10))
        {
            var userId = jurors.Single(j => j.Juror.Id == a.JurorId).UserId;
            Assert.NotNull(await PoolFixture.AccessAsync(App, x => x.ForJurorAsync(userId, w.Stage1.Id, a.ProposalId, Ct)));
        }
        // One notice per juror with new assignments, however many proposals.
        var newly = stored.Where(a => a.Source == AssignmentSource.Automatic).Select(a => a.JurorId).Distinct().ToList();
        foreach (var jurorId in newly)
        {
            var userId = jurors.Single(j => j.Juror.Id == jurorId).UserId;
            Assert.Equal(1, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.Link == "/Juri", Ct)));
        }

        // Confirming again changes nothing and notifies nobody.
        var again = await PoolFixture.ServiceAsync<AssignmentService, Kovablik.Platform.Result<AssignmentPlan>>(App, s => s.ConfirmAsync(w.Stage1.Id, null, Ct));
        Assert.Equal(0, again.Value!.ToAdd);
        Assert.Equal(0, again.Value.ToRemove);
        Assert.Equal(stored.Select(a => a.Id).Order(), await App.WithDbAsync(db => db.JurorAssignments.Where(a => a.StageId == w.Stage1.Id).Select(a => a.Id).OrderBy(x => x).ToListAsync(Ct)));
        Assert.Equal(newly.Count, await App.WithDbAsync(db => db.Notifications.CountAsync(n => jurors.Select(j => j.UserId).Contains(n.UserId) && n.Link == "/Juri", Ct)));
    }

    /// <summary>
    /// Where conflicts bind, ±1 holds among jurors who could still take more: a juror two above another must hold no
    /// proposal the lighter one may read (otherwise a hand-over would have balanced them).
    /// </summary>
    private static bool LoadsBalancedUnderConflicts(List<Juror> jurors, HashSet<(int, int)> conflicts, List<JurorAssignment> stored)
    {
        var load = jurors.ToDictionary(j => j.Id, j => stored.Count(a => a.JurorId == j.Id));
        foreach (var heavy in jurors)
            foreach (var light in jurors.Where(l => load[heavy.Id] - load[l.Id] >= 2))
                if (stored.Any(a => a.JurorId == heavy.Id && a.Source == AssignmentSource.Automatic && !conflicts.Contains((light.Id, a.ProposalId)) && !stored.Any(b => b.JurorId == light.Id && b.ProposalId == a.ProposalId)))
                    return false;
        return true;
    }

    [Fact]
    public async Task Panels_limit_jurors_to_their_categories_and_a_juror_without_panels_reads_anything()
    {
        var w = await PoolFixture.EditionAsync(App);
        var categories = await App.WithDbAsync(db => db.Editions.Where(e => e.Id == w.Edition.Id).SelectMany(e => e.Categories).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(Ct));
        var first = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, categoryIds: [categories[0].Id, categories[1].Id]);
        var second = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, categoryIds: [categories[1].Id]);
        var (_, panel0) = await PoolFixture.JurorAsync(App, w.Edition.Id, panels: [categories[0].Name]);
        var (_, panel1) = await PoolFixture.JurorAsync(App, w.Edition.Id, panels: [categories[1].Name]);
        var (_, any) = await PoolFixture.JurorAsync(App, w.Edition.Id);
        await App.WithDbAsync(db => db.JudgingStages.Where(s => s.Id == w.Stage1.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.JurorsPerProposal, 2), Ct));

        var plan = await PoolFixture.ServiceAsync<AssignmentService, Kovablik.Platform.Result<AssignmentPlan>>(App, s => s.ConfirmAsync(w.Stage1.Id, null, Ct));
        Assert.True(plan.Succeeded);
        var stored = await App.WithDbAsync(db => db.JurorAssignments.AsNoTracking().Where(a => a.StageId == w.Stage1.Id).ToListAsync(Ct));
        // The first proposal's panel is its first category.
        Assert.Equal([panel0.Id, any.Id], stored.Where(a => a.ProposalId == first.Id).Select(a => a.JurorId).Order());
        Assert.Equal([panel1.Id, any.Id], stored.Where(a => a.ProposalId == second.Id).Select(a => a.JurorId).Order());
    }
}

public sealed class AssignmentServiceTestsSqlite() : AssignmentServiceTests(DatabaseProvider.Sqlite);

public sealed class AssignmentServiceTestsPostgres() : AssignmentServiceTests(DatabaseProvider.Postgres);
