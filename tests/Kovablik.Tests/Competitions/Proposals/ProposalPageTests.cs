using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Proposals;

public abstract class ProposalPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Operator_starts_writes_and_submits_through_the_pages_and_the_unit_head_approves()
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("UPT Halaman", kota.Id);
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id), handleCookies: true);
        var edition = await App.OpenEditionAsync();
        var innovation = await App.CreateInnovationAsync(org.Id, publish: true);

        var created = await op.SubmitFormAsync("/Kelola/Proposal", new Dictionary<string, string>
        {
            ["EditionId"] = edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["InnovationId"] = innovation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GroupCode"] = "Umum",
        });
        var id = await App.WithDbAsync(db => db.Proposals.Where(p => p.InnovationId == innovation.Id).Select(p => p.Id).SingleAsync(Ct));
        var url = $"/Kelola/Proposal/Ubah/{id}";
        Assert.True(created.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, created.StatusCode.ToString());

        var page = await (await op.GetAsync(url, Ct)).HtmlAsync();
        var text = Http.TextOf(page);
        Assert.Contains("Daftar periksa", text, StringComparison.Ordinal);
        Assert.Contains("dari 200 kata", text, StringComparison.Ordinal);
        Assert.Contains("Kolaborasi wajib diisi", text, StringComparison.Ordinal);

        // Submitting with missing sections is refused with the checklist's message; nothing changes.
        var refused = await op.PostFormAsync(page, url + "?handler=Submit", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("wajib diisi", Http.TextOf(await refused.HtmlAsync()), StringComparison.Ordinal);

        // Every section written through the plain form, then submitted.
        var sdg = await App.WithDbAsync(db => db.SdgGoals.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(Ct));
        await App.WithDbAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == id, Ct);
            p.SdgIds = [sdg];
            await db.SaveChangesAsync(Ct);
        });
        page = await (await op.GetAsync(url, Ct)).HtmlAsync();
        var fields = edition.Group("Umum")!.Sections.ToDictionary(s => $"Sections[{s.Key}]",
            s => string.Join(' ', Enumerable.Range(0, 30).Select(i => $"{s.Key.ToLowerInvariant()}kata{i}")));
        var saved = await op.PostFormAsync(page, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("kolaborasikata29", (await App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(x => x.Id == id, Ct))).Section("Kolaborasi"), StringComparison.Ordinal);
        page = await (await op.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Tersimpan", Http.TextOf(page), StringComparison.Ordinal);

        // htmx autosave: answers "Tersimpan" with the new version for the page's forms; a stale tab is told, not overwritten.
        Assert.NotNull(page.QuerySelector("textarea[hx-post][hx-trigger]"));
        var autosaved = await op.PostFormAsync(page, url + "?handler=Autosave", new Dictionary<string, string> { ["Sections[Kebaruan]"] = fields["Sections[Kebaruan]"] + " tambahan" });
        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);
        var fragment = await autosaved.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Tersimpan", fragment, StringComparison.Ordinal);
        var stored = await App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(x => x.Id == id, Ct));
        Assert.EndsWith("tambahan", stored.Section("Kebaruan"), StringComparison.Ordinal);
        Assert.Contains(stored.Version.ToString(), fragment, StringComparison.Ordinal);
        var stale = await op.PostFormAsync(page, url + "?handler=Autosave", new Dictionary<string, string> { ["Sections[Kebaruan]"] = "tab lama" });
        Assert.Contains("baru saja diubah", await stale.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.EndsWith("tambahan", (await App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(x => x.Id == id, Ct))).Section("Kebaruan"), StringComparison.Ordinal);
        await op.UploadRequiredDocumentsAsync(id);
        page = await (await op.GetAsync(url, Ct)).HtmlAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await op.PostFormAsync(page, url + "?handler=Submit", new Dictionary<string, string>())).StatusCode);

        var head = App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, org.Id), handleCookies: true);
        page = await (await head.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Kembalikan untuk perbaikan", Http.TextOf(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await head.PostFormAsync(page, url + "?handler=Approve", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(ProposalStatus.Approved, (await App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(x => x.Id == id, Ct))).Status);

        // Another unit's operator does not find it.
        var other = await App.CreateOrganisationAsync("UPT Lain Halaman", kota.Id);
        var otherOp = App.ClientFor(await App.CreateUserAsync(Roles.Operator, other.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await otherOp.GetAsync(url, Ct)).StatusCode);
        Assert.DoesNotContain(innovation.Name, Http.TextOf(await (await otherOp.GetAsync("/Kelola/Proposal", Ct)).HtmlAsync()), StringComparison.Ordinal);
    }
}

public sealed class ProposalPageTestsSqlite() : ProposalPageTests(DatabaseProvider.Sqlite);

public sealed class ProposalPageTestsPostgres() : ProposalPageTests(DatabaseProvider.Postgres);
