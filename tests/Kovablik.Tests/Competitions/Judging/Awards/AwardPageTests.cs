using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Awards;

/// <summary>The awards pages without JavaScript: Panitia awards, the public winners page, certificate verification.</summary>
public abstract class AwardPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Panitia_awards_an_edition_in_the_browser_and_the_public_sees_winners_and_verifies_the_certificate()
    {
        var s = await AwardsFixture.EditionAsync(App, "Umum", "Umum", "Replikasi");
        var p = s.Proposals;
        var panitia = await AwardsFixture.PanitiaAsync(App, cookies: true);
        var page = $"/Panitia/Edisi/{s.Edition.Id}/Penghargaan";
        var anonymous = App.BrowserClient();
        var winnersUrl = $"/Kompetisi/{s.Edition.Slug}/Pemenang";

        var before = await (await panitia.GetAsync(page, Ct)).HtmlAsync();
        Assert.Contains("dibekukan", Http.TextOf(before));
        await (await panitia.SubmitFormAsync(page, new Dictionary<string, string>(), page + "?handler=Defaults")).ShouldBe(HttpStatusCode.Redirect);
        var tiers = await App.WithDbAsync(db => db.EditionAwardTiers.AsNoTracking().Where(t => t.EditionId == s.Edition.Id).OrderBy(t => t.Order).ToListAsync(Ct));
        Assert.Equal(["Top 30", "Top 45", "Terbaik Kategori Replikasi", "Outstanding Achievement"], tiers.Select(t => t.Title));
        await AwardsFixture.FreezeAsync(App, s, 1, [p[1], p[0], p[2]], 3);

        // A bad tier and a change without a reason: the page answers with the message next to the field; nothing is written.
        var badTier = await panitia.SubmitFormAsync(page, new Dictionary<string, string> { ["Tier.Title"] = "", ["Tier.Tier"] = "utama" }, page + "?handler=Tier");
        await badTier.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Nama penghargaan wajib diisi", (await badTier.HtmlAsync()).QuerySelector("[data-valmsg-for='Tier.Title']")!.TextContent);
        var outstanding = tiers[3].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var noReason = await panitia.SubmitFormAsync(page, new Dictionary<string, string>
            { ["Adjust.TierId"] = outstanding, ["Adjust.ProposalId"] = p[2].Proposal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Adjust.Action"] = "add", ["Adjust.Reason"] = "" }, page + "?handler=Adjust");
        await noReason.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Alasan wajib diisi", (await noReason.HtmlAsync()).QuerySelector("[data-valmsg-for='Adjust.Reason']")!.TextContent);
        Assert.Equal(4, await App.WithDbAsync(db => db.EditionAwardTiers.CountAsync(t => t.EditionId == s.Edition.Id, Ct)));
        Assert.Equal(0, await App.WithDbAsync(db => db.EditionAwardAdjustments.CountAsync(a => a.EditionId == s.Edition.Id, Ct)));

        var empty = await (await anonymous.GetAsync(winnersUrl, Ct)).HtmlAsync();
        Assert.Contains("Pemenang belum ditetapkan.", Http.TextOf(empty));

        await (await panitia.SubmitFormAsync(page, new Dictionary<string, string>
            { ["Adjust.TierId"] = outstanding, ["Adjust.ProposalId"] = p[2].Proposal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Adjust.Action"] = "add", ["Adjust.Reason"] = "Keputusan TPI" }, page + "?handler=Adjust"))
            .ShouldBe(HttpStatusCode.Redirect);
        await (await panitia.SubmitFormAsync(page, new Dictionary<string, string>(), page + "?handler=Confirm")).ShouldBe(HttpStatusCode.Redirect);
        var after = await (await panitia.GetAsync(page, Ct)).HtmlAsync();
        Assert.Contains("Ditetapkan", Http.TextOf(after));
        Assert.Contains("Keputusan TPI", Http.TextOf(after));

        var winners = await (await anonymous.GetAsync(winnersUrl, Ct)).HtmlAsync();
        Assert.Equal(["Top 30", "Terbaik Kategori Replikasi", "Outstanding Achievement"],
            winners.QuerySelectorAll("main h2").Select(h => h.TextContent.Split('(')[0].Trim()));
        Assert.NotNull(winners.QuerySelector($"a[href='/Inovasi/{p[1].InnovationId}']"));
        Assert.Contains(s.Kota.Name, Http.TextOf(winners));

        var code = await App.WithDbAsync(db => db.Certificates.Where(c => c.ProposalId == p[1].Proposal.Id).Select(c => c.Code).SingleAsync(Ct));
        var sha = await App.WithDbAsync(db => db.Certificates.Where(c => c.Code == code).Select(c => c.Sha256).SingleAsync(Ct));
        var verify = await anonymous.GetAsync($"/Sertifikat/{code}", Ct);
        await verify.ShouldBe(HttpStatusCode.OK);
        var text = Http.TextOf(await verify.HtmlAsync());
        Assert.Contains("Sertifikat asli", text);
        Assert.Contains(sha, text);
        Assert.Contains(p[1].InnovationName, text);
        Assert.DoesNotContain("Unduh PDF sertifikat", text);

        var unknown = await anonymous.GetAsync($"/Sertifikat/{Kovablik.Competitions.Judging.Awards.EditionAwardService.NewCode()}", Ct);
        await unknown.ShouldBe(HttpStatusCode.NotFound);
        Assert.Contains("Sertifikat tidak ditemukan", Http.TextOf(await unknown.HtmlAsync()));

        // The unit downloads from the verification page; another unit is told it does not exist.
        var own = App.ClientFor(await App.CreateUserAsync(Roles.Operator, p[1].Organisation.Id));
        Assert.Contains("Unduh PDF sertifikat", Http.TextOf(await (await own.GetAsync($"/Sertifikat/{code}", Ct)).HtmlAsync()));
        await (await own.GetAsync($"/Sertifikat/{code}?handler=Pdf", Ct)).ShouldBe(HttpStatusCode.OK);
        var other = App.ClientFor(await App.CreateUserAsync(Roles.Operator, p[0].Organisation.Id));
        await (await other.GetAsync($"/Sertifikat/{code}?handler=Pdf", Ct)).ShouldBe(HttpStatusCode.NotFound);

        // Revoking needs a reason; then the page says revoked.
        var noRevokeReason = await panitia.SubmitFormAsync(page, new Dictionary<string, string> { ["Revoke.Code"] = code, ["Revoke.Reason"] = "" }, page + "?handler=Revoke");
        await noRevokeReason.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Null(await App.WithDbAsync(db => db.Certificates.Where(c => c.Code == code).Select(c => c.RevokedAt).SingleAsync(Ct)));
        await (await panitia.SubmitFormAsync(page, new Dictionary<string, string> { ["Revoke.Code"] = code, ["Revoke.Reason"] = "Salah penerima" }, page + "?handler=Revoke"))
            .ShouldBe(HttpStatusCode.Redirect);
        var revoked = Http.TextOf(await (await anonymous.GetAsync($"/Sertifikat/{code}", Ct)).HtmlAsync());
        Assert.Contains("Sertifikat dicabut", revoked);
        Assert.Contains("Salah penerima", revoked);
        Assert.DoesNotContain("Sertifikat asli", revoked);

        // The KIPP pack from the page.
        var grant = await App.WithDbAsync(db => db.EditionAwardGrants.Where(g => g.ProposalId == p[1].Proposal.Id).Select(g => g.Id).SingleAsync(Ct));
        var none = await panitia.SubmitFormAsync(page, new Dictionary<string, string>(), page + "?handler=Kipp");
        await none.ShouldBe(HttpStatusCode.BadRequest);
        var zip = await panitia.SubmitFormAsync(page, new Dictionary<string, string> { ["GrantIds"] = grant.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Kipp");
        await zip.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class AwardPageTestsSqlite() : AwardPageTests(DatabaseProvider.Sqlite);

public sealed class AwardPageTestsPostgres() : AwardPageTests(DatabaseProvider.Postgres);
