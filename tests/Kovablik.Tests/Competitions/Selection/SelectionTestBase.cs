using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Organisations;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Selection;

/// <summary>Editions, units and approved proposals for the administrative-selection tests.</summary>
public abstract class SelectionTestBase(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected const string Proposals = "/api/v1/proposals";

    /// <summary>A unit of its own with an operator and a unit head, Panitia, and a published edition open for <paramref name="closesIn"/>.</summary>
    protected sealed record Setup(Organisation Org, AppUser OperatorUser, HttpClient Operator, HttpClient Head, HttpClient Panitia, Edition Edition);

    protected async Task<Setup> SetupAsync(TimeSpan? closesIn = null, int quota = 5, bool cookies = false)
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("UPT Seleksi", kota.Id);
        var opUser = await App.CreateUserAsync(Roles.Operator, org.Id);
        var op = App.ClientFor(opUser, handleCookies: cookies);
        var head = App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, org.Id), handleCookies: cookies);
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: cookies);
        var edition = await App.OpenEditionAsync(quota: quota, closesIn: closesIn ?? TimeSpan.FromHours(2));
        return new Setup(org, opUser, op, head, panitia, edition);
    }

    protected static string Words(string seed, int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => $"{seed}{i}"));

    /// <summary>A draft with every section written (distinct text) and an SDG chosen: ready to submit.</summary>
    protected async Task<ProposalDto> DraftAsync(Setup s, string group = "Umum")
    {
        var innovation = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        var p = await (await s.Operator.PostJsonAsync(Proposals, new ProposalCreateInput(s.Edition.Id, innovation.Id, group))).ShouldBeCreated<ProposalDto>();
        await s.Operator.UploadRequiredDocumentsAsync(p.Id);
        var sdg = await App.WithDbAsync(db => db.SdgGoals.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(Ct));
        var sections = p.Sections.Keys.ToDictionary(k => k, k => (string?)Words($"{k.ToLowerInvariant()}{p.Id}kata", 40));
        return await (await s.Operator.PutJsonAsync($"{Proposals}/{p.Id}/draft", new ProposalDraftInput { Sections = sections, SdgIds = [sdg], ExpectedVersion = p.Version }))
            .ShouldBeOk<ProposalDto>();
    }

    protected async Task<ProposalDto> SubmittedAsync(Setup s, string group = "Umum")
    {
        var p = await DraftAsync(s, group);
        return await (await s.Operator.PostJsonAsync($"{Proposals}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
    }

    /// <summary>Submitted by the operator and approved by the unit head: in Panitia's queue.</summary>
    protected async Task<ProposalDto> ApprovedAsync(Setup s, string group = "Umum")
    {
        var p = await SubmittedAsync(s, group);
        return await (await s.Head.PostJsonAsync($"{Proposals}/{p.Id}/approve", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
    }

    protected Task<Proposal> StoredAsync(int id) => App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, Ct));

    /// <summary>Moves the clock past the edition's registration close.</summary>
    protected void CloseRegistration(Setup s)
    {
        var wait = s.Edition.RegistrationClosesAt!.Value - App.Time.GetUtcNow();
        if (wait > TimeSpan.Zero) App.Time.Advance(wait + TimeSpan.FromMinutes(1));
    }
}
