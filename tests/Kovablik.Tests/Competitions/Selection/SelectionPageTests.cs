using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Selection;

public abstract class SelectionPageTests(DatabaseProvider provider) : SelectionTestBase(provider)
{
    [Fact]
    public async Task Panitia_rejects_and_asks_for_a_repair_through_the_pages_and_the_unit_reads_the_reasons_after_publishing()
    {
        var s = await SetupAsync(cookies: true);
        var rejected = await ApprovedAsync(s);
        var repaired = await ApprovedAsync(s);
        // Changed after approval (e.g. by an import): the checklist now has a blocking finding Panitia starts from.
        await App.WithDbAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == rejected.Id, Ct);
            p.SdgIds = [];
            await db.SaveChangesAsync(Ct);
        });
        CloseRegistration(s);

        var edition = Http.TextOf(await (await s.Panitia.GetAsync($"/Panitia/Edisi/{s.Edition.Id}", Ct)).HtmlAsync());
        Assert.Contains("Seleksi administrasi", edition, StringComparison.Ordinal);
        var queueUrl = $"/Panitia/Seleksi/{s.Edition.Id}";
        var queue = await (await s.Panitia.GetAsync(queueUrl, Ct)).HtmlAsync();
        Assert.NotNull(queue.QuerySelector($"a[href='/Panitia/Seleksi/Periksa/{rejected.Id}']"));
        Assert.Contains("Belum diputuskan: 2", Http.TextOf(queue), StringComparison.Ordinal);

        // The checklist's blocking finding is pre-ticked; the proposal's sections are shown read-only.
        var url = $"/Panitia/Seleksi/Periksa/{rejected.Id}";
        var page = await (await s.Panitia.GetAsync(url, Ct)).HtmlAsync();
        Assert.True(((IHtmlInputElement)page.QuerySelector("#reason-SDG_KOSONG")!).IsChecked);
        Assert.False(((IHtmlInputElement)page.QuerySelector("#reason-JUDUL_GANDA")!).IsChecked);
        Assert.Contains(rejected.Sections["Ringkasan"], Http.TextOf(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("textarea[name^='Sections']"));

        // Failing without a reason or a note: the error sits next to the reason codes, nothing changes.
        var refused = await s.Panitia.PostFormAsync(page, url, new Dictionary<string, string> { ["Outcome"] = "Failed" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.HtmlAsync();
        Assert.Contains("Pilih minimal satu kode alasan", refusedPage.QuerySelector("#reasons-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SelectionOutcome.Pending, (await StoredAsync(rejected.Id)).Selection);

        var decided = await s.Panitia.PostFormAsync(page, url, new Dictionary<string, string> { ["Outcome"] = "Failed", ["ReasonCodes"] = "SDG_KOSONG" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(queueUrl, decided.Headers.Location!.OriginalString);
        Assert.Equal(SelectionOutcome.Failed, (await StoredAsync(rejected.Id)).Selection);

        // A repair deadline typed in WIB (UTC+7).
        var deadline = Wib.ToWib(App.Time.GetUtcNow().AddDays(2)).DateTime;
        deadline = new DateTime(deadline.Year, deadline.Month, deadline.Day, deadline.Hour, deadline.Minute, 0, DateTimeKind.Unspecified);
        var repairUrl = $"/Panitia/Seleksi/Periksa/{repaired.Id}";
        var repairPage = await (await s.Panitia.GetAsync(repairUrl, Ct)).HtmlAsync();
        var past = await s.Panitia.PostFormAsync(repairPage, repairUrl, new Dictionary<string, string>
        {
            ["Outcome"] = "RepairRequested", ["ReasonCodes"] = "MELEBIHI_BATAS_KATA", ["RepairUntil"] = "2020-01-01T10:00",
        });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("masa mendatang", Http.TextOf(await past.HtmlAsync()), StringComparison.Ordinal);
        var asked = await s.Panitia.PostFormAsync(repairPage, repairUrl, new Dictionary<string, string>
        {
            ["Outcome"] = "RepairRequested", ["ReasonCodes"] = "MELEBIHI_BATAS_KATA", ["Note"] = "Ringkasan terlalu panjang.",
            ["RepairUntil"] = deadline.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var stored = await StoredAsync(repaired.Id);
        Assert.Equal(new DateTimeOffset(deadline, TimeSpan.FromHours(7)), stored.RepairUntil);
        Assert.Equal(ProposalStatus.Repair, stored.Status);

        // The unit sees the repair request at once, but not the failure before it is announced.
        var unitRepair = Http.TextOf(await (await s.Operator.GetAsync($"/Kelola/Proposal/Ubah/{repaired.Id}", Ct)).HtmlAsync());
        Assert.Contains("MELEBIHI_BATAS_KATA", unitRepair, StringComparison.Ordinal);
        Assert.Contains("Isian melebihi batas kata", unitRepair, StringComparison.Ordinal);
        Assert.Contains("Ringkasan terlalu panjang.", unitRepair, StringComparison.Ordinal);
        var unitUrl = $"/Kelola/Proposal/Ubah/{rejected.Id}";
        var before = Http.TextOf(await (await s.Operator.GetAsync(unitUrl, Ct)).HtmlAsync());
        Assert.DoesNotContain("SDG_KOSONG", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak lolos", before, StringComparison.Ordinal);

        // Publishing waits for the open repair window, and says so on the page.
        queue = await (await s.Panitia.GetAsync(queueUrl, Ct)).HtmlAsync();
        var early = await s.Panitia.PostFormAsync(queue, queueUrl + "?handler=Publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("1 proposal masih dalam masa perbaikan", Http.TextOf(await early.HtmlAsync()), StringComparison.Ordinal);

        // The unit lets the window run out; the announcement counts it as not passed.
        App.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        queue = await (await s.Panitia.GetAsync(queueUrl, Ct)).HtmlAsync();
        var published = await s.Panitia.PostFormAsync(queue, queueUrl + "?handler=Publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("0 lolos, 2 tidak lolos", Http.TextOf(await (await s.Panitia.GetAsync(queueUrl, Ct)).HtmlAsync()), StringComparison.Ordinal);

        var after = Http.TextOf(await (await s.Operator.GetAsync(unitUrl, Ct)).HtmlAsync());
        Assert.Contains("Tidak lolos", after, StringComparison.Ordinal);
        Assert.Contains("SDG_KOSONG", after, StringComparison.Ordinal);
        Assert.Contains("Tujuan SDG belum dipilih", after, StringComparison.Ordinal);
        var expired = Http.TextOf(await (await s.Operator.GetAsync($"/Kelola/Proposal/Ubah/{repaired.Id}", Ct)).HtmlAsync());
        Assert.Contains("Masa perbaikan berakhir tanpa pengajuan ulang.", expired, StringComparison.Ordinal);

        // Unit staff cannot open Panitia's pages.
        Assert.NotEqual(HttpStatusCode.OK, (await s.Operator.GetAsync(url, Ct)).StatusCode);
    }
}

public sealed class SelectionPageTestsSqlite() : SelectionPageTests(DatabaseProvider.Sqlite);

public sealed class SelectionPageTestsPostgres() : SelectionPageTests(DatabaseProvider.Postgres);
