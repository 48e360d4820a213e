using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Deadlines;

/// <summary>Editions, units and proposals for the deadline, reminder, board and notification tests.</summary>
public static class DeadlineTestData
{
    public const string ProposalsUrl = "/api/v1/proposals";

    public sealed record Unit(Organisation Org, AppUser Operator, HttpClient Client);

    public static Task<Edition> EditionAsync(KovablikAppFactory app, TimeSpan closesIn, EditionStatus status = EditionStatus.Published, TimeSpan? stageStartsAfterClose = null) =>
        app.WithDbAsync(async db =>
        {
            var e = EditionDefaults.Create(2026, app.Time);
            var unique = KovablikAppFactory.Unique();
            e.Name = $"KOVABLIK Tenggat {unique}";
            e.Slug = $"kovablik-tenggat-{unique}";
            var now = app.Time.GetUtcNow();
            e.RegistrationOpensAt = now.AddDays(-1);
            e.RegistrationClosesAt = now + closesIn;
            e.Status = status;
            if (stageStartsAfterClose is { } gap)
                e.Stages = [new EditionStage { Name = "Seleksi Administrasi", StartsAt = now + closesIn + gap, EndsAt = now + closesIn + gap + TimeSpan.FromDays(14) }];
            db.Editions.Add(e);
            await db.SaveChangesAsync(CancellationToken.None);
            return e;
        });

    public static async Task<Unit> UnitAsync(KovablikAppFactory app, string kotaCode = "35.78", string name = "UPT Tenggat")
    {
        var kota = await app.KabKotaAsync(kotaCode);
        var org = await app.CreateOrganisationAsync(name, kota.Id);
        var op = await app.CreateUserAsync(Roles.Operator, org.Id);
        return new Unit(org, op, app.ClientFor(op));
    }

    public static async Task<ProposalDto> DraftAsync(KovablikAppFactory app, Unit unit, Edition edition)
    {
        var innovation = await app.CreateInnovationAsync(unit.Org.Id, publish: true);
        return await (await unit.Client.PostJsonAsync(ProposalsUrl, new ProposalCreateInput(edition.Id, innovation.Id, "Umum"))).ShouldBeCreated<ProposalDto>();
    }

    /// <summary>Every section written (distinct text) and an SDG chosen: ready to submit.</summary>
    public static async Task<ProposalDto> FilledAsync(KovablikAppFactory app, Unit unit, Edition edition)
    {
        var p = await DraftAsync(app, unit, edition);
        await unit.Client.UploadRequiredDocumentsAsync(p.Id);
        var sdg = await app.WithDbAsync(db => db.SdgGoals.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        var sections = p.Sections.Keys.ToDictionary(k => k, k => (string?)string.Join(' ', Enumerable.Range(0, 40).Select(i => $"{k.ToLowerInvariant()}{p.Id}kata{i}")));
        return await (await unit.Client.PutJsonAsync($"{ProposalsUrl}/{p.Id}/draft", new ProposalDraftInput { Sections = sections, SdgIds = [sdg], ExpectedVersion = p.Version }))
            .ShouldBeOk<ProposalDto>();
    }

    public static async Task<ProposalDto> SubmittedAsync(KovablikAppFactory app, Unit unit, Edition edition)
    {
        var p = await FilledAsync(app, unit, edition);
        return await (await unit.Client.PostJsonAsync($"{ProposalsUrl}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
    }

    public static Task<List<Kovablik.Notifications.Notification>> NoticesAsync(KovablikAppFactory app, string userId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync());
}
