using System.Globalization;
using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions.Judging;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Pool;

/// <summary>The pool, declaration, conflict and assignment pages without JavaScript: plain forms, errors next to fields, PRG.</summary>
public abstract class JudgingPoolPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Panitia_adds_a_juror_on_the_pool_page_and_a_bad_load_is_shown_next_to_its_field()
    {
        var w = await PoolFixture.EditionAsync(App);
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var juri = await App.CreateUserAsync(Roles.Juri, null);
        var url = $"/Panitia/Edisi/{w.Edition.Id}/Penjurian/Juri";

        var page = await (await panitia.GetAsync(url, Ct)).HtmlAsync();
        Assert.NotNull(page.QuerySelector($"select[name='Input.UserId'] option[value='{juri.Id}']"));
        var refused = await panitia.PostFormAsync(page, url, new Dictionary<string, string>
        {
            ["Input.UserId"] = juri.Id,
            ["Input.LoadLimit"] = "-2",
            ["Input.ReadingFrom"] = "2026-12-10",
            ["Input.ReadingUntil"] = "2026-12-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var doc = await refused.HtmlAsync();
        Assert.Contains("tidak boleh negatif", doc.QuerySelector("[data-valmsg-for='Input.LoadLimit']")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("setelah awalnya", doc.QuerySelector("[data-valmsg-for='Input.ReadingUntil']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Jurors.CountAsync(j => j.EditionId == w.Edition.Id, Ct)));

        var added = await panitia.PostFormAsync(doc, url, new Dictionary<string, string>
        {
            ["Input.UserId"] = juri.Id,
            ["Input.LoadLimit"] = "7",
            ["Input.OrganisationId"] = S(w.OtherKota.Id),
            ["Input.ReadingFrom"] = "2026-12-01",
            ["Input.ReadingUntil"] = "2026-12-10",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var juror = await App.WithDbAsync(db => db.Jurors.AsNoTracking().SingleAsync(j => j.EditionId == w.Edition.Id, Ct));
        Assert.Equal(7, juror.LoadLimit);
        Assert.Equal("Pengguna Uji Juri", juror.DisplayName);
        // WIB dates in the form, UTC instants stored: 1 December 00:00 WIB is 30 November 17:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero), juror.ReadingFrom);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 16, 59, 59, TimeSpan.Zero), juror.ReadingUntil);
        var listed = Http.TextOf(await (await panitia.GetAsync(url, Ct)).HtmlAsync());
        Assert.Contains("ditambahkan ke kelompok juri", listed, StringComparison.Ordinal);
        Assert.Contains(w.OtherKota.Name, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_declaration_page_never_lists_a_proposal_the_juror_already_conflicts_with()
    {
        var w = await PoolFixture.EditionAsync(App);
        var elsewhere = await App.CreateOrganisationAsync("UPT Kota Lain", w.OtherKota.Id);
        var own = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, "Klinik Keliling Milik Afiliasi Juri");
        var declaredByUnit = await PoolFixture.PassedAsync(App, w, elsewhere.Id, "Sekolah Lapang Yang Dideklarasikan Unit");
        var open = await PoolFixture.PassedAsync(App, w, elsewhere.Id, "Pasar Digital Kota Lain");
        var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, organisationId: w.UnitA.Id, declared: false);
        await App.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                EditionId = w.Edition.Id, JurorId = juror.Id, ProposalId = declaredByUnit.Id, Source = ConflictSource.Unit, Reason = "Juri pernah menjadi konsultan kami",
            });
            await db.SaveChangesAsync(Ct);
        });

        var text = Http.TextOf(await (await App.ClientFor(user).GetAsync($"/Juri/Deklarasi/{w.Edition.Id}", Ct)).HtmlAsync());
        Assert.Contains(open.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain(declaredByUnit.Title, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_juror_declares_on_the_page_then_the_conflict_shows_on_Panitias_conflict_page()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p1 = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, "Layanan Kesehatan Keliling");
        var p2 = await PoolFixture.PassedAsync(App, w, w.UnitB.Id, "Sekolah Lapang");
        var (user, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id, declared: false);
        await PoolFixture.AssignAsync(App, w.Stage1.Id, juror.Id, p1.Id);
        var client = App.ClientFor(user, handleCookies: true);
        var url = $"/Juri/Deklarasi/{w.Edition.Id}";

        var page = await (await client.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Layanan Kesehatan Keliling", Http.TextOf(page), StringComparison.Ordinal);
        Assert.Contains(w.UnitB.Name, Http.TextOf(page), StringComparison.Ordinal);
        var refused = await client.PostFormAsync(page, url, new Dictionary<string, string> { ["Declared"] = S(p1.Id) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("wajib diisi", (await refused.HtmlAsync()).QuerySelector($"[data-valmsg-for='Reasons[{p1.Id}]']")?.TextContent, StringComparison.Ordinal);
        Assert.Null((await App.WithDbAsync(db => db.Jurors.AsNoTracking().SingleAsync(j => j.Id == juror.Id, Ct))).DeclarationCompletedAt);

        var saved = await client.PostFormAsync(page, url, new Dictionary<string, string> { ["Declared"] = S(p1.Id), [$"Reasons[{p1.Id}]"] = "Saya pembina unit ini" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotNull((await App.WithDbAsync(db => db.Jurors.AsNoTracking().SingleAsync(j => j.Id == juror.Id, Ct))).DeclarationCompletedAt);
        Assert.False(await App.WithDbAsync(db => db.JurorAssignments.AnyAsync(a => a.JurorId == juror.Id, Ct)));

        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var konflik = Http.TextOf(await (await panitia.GetAsync($"/Panitia/Edisi/{w.Edition.Id}/Penjurian/Konflik", Ct)).HtmlAsync());
        Assert.Contains("Saya pembina unit ini", konflik, StringComparison.Ordinal);
        Assert.Contains(juror.DisplayName, konflik, StringComparison.Ordinal);

        // Someone else's edition: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Juri/Deklarasi/{(await PoolFixture.EditionAsync(App)).Edition.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Panitia_previews_and_confirms_the_assignment_on_the_page_and_a_unit_declares_on_its_judging_page()
    {
        var w = await PoolFixture.EditionAsync(App);
        var p = await PoolFixture.PassedAsync(App, w, w.UnitA.Id, "Pasar Digital");
        var (jurorUser, juror) = await PoolFixture.JurorAsync(App, w.Edition.Id);
        await PoolFixture.JurorAsync(App, w.Edition.Id);
        await PoolFixture.JurorAsync(App, w.Edition.Id);
        var panitia = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var url = $"/Panitia/Penjurian/Tahap/{w.Stage1.Id}/Penugasan";

        var preview = await (await panitia.GetAsync(url + "?handler=Preview", Ct)).HtmlAsync();
        Assert.Contains("3 penugasan ditambahkan", Http.TextOf(preview), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.JurorAssignments.CountAsync(a => a.StageId == w.Stage1.Id, Ct)));
        var confirmed = await panitia.PostFormAsync(preview, url + "?handler=Confirm", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(3, await App.WithDbAsync(db => db.JurorAssignments.CountAsync(a => a.StageId == w.Stage1.Id, Ct)));
        Assert.Contains("Penugasan dikonfirmasi", Http.TextOf(await (await panitia.GetAsync(url, Ct)).HtmlAsync()), StringComparison.Ordinal);
        Assert.NotNull(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(jurorUser.Id, w.Stage1.Id, p.Id, Ct)));

        // The unit head declares a conflict with that juror on the proposal's conflict page, reached from its judging
        // page; the judging page itself (which shows the jurors' comments) never names a juror.
        var head = App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, w.UnitA.Id), handleCookies: true);
        var judgingPage = Http.TextOf(await (await head.GetAsync($"/Kelola/Proposal/{p.Id}/Penjurian", Ct)).HtmlAsync());
        Assert.DoesNotContain(juror.DisplayName, judgingPage, StringComparison.Ordinal);
        var judging = $"/Kelola/Proposal/{p.Id}/Penjurian/Konflik";
        var page = await (await head.GetAsync(judging, Ct)).HtmlAsync();
        Assert.NotNull(page.QuerySelector($"select[name='jurorId'] option[value='{juror.Id}']"));
        var missing = await head.PostFormAsync(page, judging, new Dictionary<string, string> { ["jurorId"] = S(juror.Id) });
        Assert.Equal(HttpStatusCode.Redirect, missing.StatusCode);
        Assert.Contains("wajib diisi", Http.TextOf(await (await head.GetAsync(judging, Ct)).HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal(3, await App.WithDbAsync(db => db.JurorAssignments.CountAsync(a => a.StageId == w.Stage1.Id, Ct)));

        var declared = await head.PostFormAsync(page, judging, new Dictionary<string, string> { ["jurorId"] = S(juror.Id), ["reason"] = "Mantan kepala unit kami" });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        Assert.Null(await PoolFixture.AccessAsync(App, a => a.ForJurorAsync(jurorUser.Id, w.Stage1.Id, p.Id, Ct)));
        Assert.Equal(2, await App.WithDbAsync(db => db.JurorAssignments.CountAsync(a => a.StageId == w.Stage1.Id, Ct)));
        Assert.Contains("Mantan kepala unit kami", Http.TextOf(await (await head.GetAsync(judging, Ct)).HtmlAsync()), StringComparison.Ordinal);

        // A unit elsewhere does not even see the page.
        var outsider = App.ClientFor(await App.CreateUserAsync(Roles.Operator, w.OtherKota.Id), handleCookies: true);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(judging, Ct)).StatusCode);
    }
}

public sealed class JudgingPoolPageTestsSqlite() : JudgingPoolPageTests(DatabaseProvider.Sqlite);

public sealed class JudgingPoolPageTestsPostgres() : JudgingPoolPageTests(DatabaseProvider.Postgres);
