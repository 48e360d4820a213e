using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Proposals;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Pool;

/// <summary>Editions in judging, passed proposals and jurors written straight to the database for the pool tests.</summary>
public static class PoolFixture
{
    /// <summary>A published edition with its judging started (four default stages) and every category as a panel.</summary>
    public sealed record JudgedEdition(Edition Edition, JudgingStage Stage1, JudgingStage Stage2, int InnovationId, Organisation Kota, Organisation UnitA, Organisation UnitB, Organisation OtherKota);

    public static async Task<JudgedEdition> EditionAsync(KovablikAppFactory app)
    {
        var edition = await app.OpenEditionAsync();
        await app.WithDbAsync(async db =>
        {
            var e = await db.Editions.Include(x => x.Categories).SingleAsync(x => x.Id == edition.Id);
            e.Categories = await db.Categories.OrderBy(c => c.Id).Take(3).ToListAsync();
            await db.SaveChangesAsync();
        });
        var stages = await app.WithDbAsync(db => new JudgingSetupService(db).StartAsync(edition.Id));
        var kota = await app.KabKotaAsync("35.78");
        var other = await app.KabKotaAsync("35.73");
        var unitA = await app.CreateOrganisationAsync("UPT Juri A", kota.Id);
        var unitB = await app.CreateOrganisationAsync("UPT Juri B", kota.Id);
        var innovation = await app.CreateInnovationAsync(unitA.Id);
        return new JudgedEdition(edition, stages.Value![0], stages.Value[1], innovation.Id, kota, unitA, unitB, other);
    }

    public static Task<List<string>> PanelsAsync(KovablikAppFactory app, int editionId) =>
        app.WithDbAsync(db => db.Editions.Where(e => e.Id == editionId).SelectMany(e => e.Categories).OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());

    /// <summary>A proposal that passed administrative selection (so it is in stage 1).</summary>
    public static Task<Proposal> PassedAsync(KovablikAppFactory app, JudgedEdition w, int organisationId, string? title = null, List<int>? categoryIds = null) =>
        app.WithDbAsync(async db =>
        {
            var p = new Proposal
            {
                EditionId = w.Edition.Id,
                GroupCode = "Umum",
                InnovationId = w.InnovationId,
                OrganisationId = organisationId,
                Title = title ?? $"Proposal {KovablikAppFactory.Unique()}",
                Status = ProposalStatus.Approved,
                Selection = SelectionOutcome.Passed,
                CategoryIds = categoryIds ?? [],
            };
            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            return p;
        });

    /// <summary>An account with the Juri role in the pool of the edition.</summary>
    public static async Task<(AppUser User, Juror Juror)> JurorAsync(KovablikAppFactory app, int editionId, int? organisationId = null, bool declared = true,
        int? loadLimit = null, List<string>? panels = null)
    {
        var user = await app.CreateUserAsync(Roles.Juri, null);
        var juror = await app.WithDbAsync(async db =>
        {
            var j = new Juror
            {
                EditionId = editionId,
                UserId = user.Id,
                DisplayName = "Juri " + KovablikAppFactory.Unique(),
                OrganisationId = organisationId,
                LoadLimit = loadLimit,
                Panels = panels ?? [],
                DeclarationCompletedAt = declared ? app.Time.GetUtcNow() : null,
            };
            db.Jurors.Add(j);
            await db.SaveChangesAsync();
            return j;
        });
        return (user, juror);
    }

    public static Task AssignAsync(KovablikAppFactory app, int stageId, int jurorId, int proposalId, AssignmentSource source = AssignmentSource.Manual) =>
        app.WithDbAsync(async db =>
        {
            db.JurorAssignments.Add(new JurorAssignment { StageId = stageId, JurorId = jurorId, ProposalId = proposalId, Source = source, AssignedAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        });

    public static Task DeclareAsync(KovablikAppFactory app, int editionId, int jurorId, int? proposalId = null, int? organisationId = null, DateTimeOffset? withdrawnAt = null) =>
        app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                EditionId = editionId,
                JurorId = jurorId,
                ProposalId = proposalId,
                OrganisationId = organisationId,
                Source = ConflictSource.Panitia,
                Reason = "Uji",
                DeclaredAt = app.Time.GetUtcNow(),
                WithdrawnAt = withdrawnAt,
            });
            await db.SaveChangesAsync();
        });

    public static Task<T> AccessAsync<T>(KovablikAppFactory app, Func<JudgingAccess, Task<T>> work) =>
        app.WithServicesAsync(sp => work(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JudgingAccess>(sp)));

    public static Task<T> ServiceAsync<TService, T>(KovablikAppFactory app, Func<TService, Task<T>> work) where TService : notnull =>
        app.WithServicesAsync(sp => work(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TService>(sp)));
}
