using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Exhibitions;

/// <summary>Organisers' exhibition pages, the QR sheet, QR visit counting and the public guide.</summary>
public abstract partial class ExhibitionOrganiserTests(DatabaseProvider provider) : ExhibitionTestBase(provider)
{
    private async Task<HttpClient> OrganiserAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);

    private static Dictionary<string, string> Form(string name = "Pameran Inovasi Jatim", string starts = "2026-12-01", string ends = "2026-12-03",
        string venue = "Grand City Surabaya", string opens = "2026-12-01T09:00", string closes = "2026-12-03T15:00", string max = "3") => new()
    {
        ["Input.Name"] = name, ["Input.StartsOn"] = starts, ["Input.EndsOn"] = ends, ["Input.Venue"] = venue, ["Input.Description"] = "",
        ["Input.VotingOpensAt"] = opens, ["Input.VotingClosesAt"] = closes, ["Input.MaxVotesPerPerson"] = max, ["Input.Published"] = "true",
    };

    private static string? FieldError(AngleSharp.Html.Dom.IHtmlDocument doc, string field) => doc.QuerySelector($"[data-field='{field}']")?.TextContent.Trim();

    [Fact]
    public async Task Bad_input_gives_field_errors_in_Indonesian_and_creates_nothing()
    {
        var organiser = await OrganiserAsync();
        var before = await App.WithDbAsync(db => db.Exhibitions.CountAsync(Ct));
        var response = await organiser.SubmitFormAsync("/Panitia/Pameran", Form(name: "", ends: "2026-11-30", venue: "", closes: "2026-12-01T08:00", max: "0"));
        await response.ShouldBe(HttpStatusCode.BadRequest);
        var doc = await response.HtmlAsync();
        Assert.Equal("Nama pameran wajib diisi.", FieldError(doc, "Input.Name"));
        Assert.Equal("Tanggal selesai tidak boleh sebelum tanggal mulai.", FieldError(doc, "Input.EndsOn"));
        Assert.Equal("Tempat wajib diisi.", FieldError(doc, "Input.Venue"));
        Assert.Equal("Pemungutan suara harus ditutup setelah dibuka.", FieldError(doc, "Input.VotingClosesAt"));
        Assert.Equal("Jumlah suara per orang harus antara 1 dan 50.", FieldError(doc, "Input.MaxVotesPerPerson"));

        var garbage = await organiser.SubmitFormAsync("/Panitia/Pameran", Form(starts: "bukan-tanggal", opens: "0001-01-01T00:00"));
        await garbage.ShouldBe(HttpStatusCode.BadRequest);
        var garbageDoc = await garbage.HtmlAsync();
        Assert.False(string.IsNullOrEmpty(FieldError(garbageDoc, "Input.StartsOn")));
        Assert.Equal(before, await App.WithDbAsync(db => db.Exhibitions.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_organiser_creates_an_exhibition_adds_and_removes_booths_and_the_public_guide_lists_them_by_hall()
    {
        var organiser = await OrganiserAsync();
        var created = await organiser.SubmitFormAsync("/Panitia/Pameran", Form(name: "Gelar Inovasi " + KovablikAppFactory.Unique()));
        await created.ShouldBe(HttpStatusCode.Redirect);
        var editUrl = created.Headers.Location!.OriginalString;
        var id = int.Parse(editUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var exhibition = await App.WithDbAsync(db => db.Exhibitions.SingleAsync(e => e.Id == id, Ct));
        // 09:00 WIB is 02:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), exhibition.VotingOpensAt);
        Assert.Equal(3, exhibition.MaxVotesPerPerson);

        var org = await App.KabKotaAsync();
        var published = await App.CreateInnovationAsync(org.Id, "Inovasi Stan", publish: true);
        var second = await App.CreateInnovationAsync(org.Id, "Inovasi Stan Dua", publish: true);
        var draft = await App.CreateInnovationAsync(org.Id, "Inovasi Draf");

        // Finding the innovation by name, as the page offers it.
        var search = await (await organiser.GetAsync($"{editUrl}?Cari={Uri.EscapeDataString(published.Name)}", Ct)).HtmlAsync();
        Assert.NotNull(search.QuerySelector($"a[href='?InovasiId={published.Id}']"));

        async Task<HttpResponseMessage> AddBooth(int? innovation, string number, string hall) =>
            await organiser.SubmitFormAsync(editUrl, new Dictionary<string, string>
            {
                ["Booth.InnovationId"] = innovation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", ["Booth.Number"] = number, ["Booth.Hall"] = hall,
            }, editUrl + "?handler=Stan");

        var ok = await AddBooth(published.Id, "B-12", "Hall Barat");
        await ok.ShouldBe(HttpStatusCode.Redirect);
        var duplicate = await AddBooth(second.Id, "B-12", "Hall Barat");
        await duplicate.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("Nomor stan ini sudah dipakai di pameran ini.", FieldError(await duplicate.HtmlAsync(), "Booth.Number"));
        var notPublished = await AddBooth(draft.Id, "B-13", "Hall Barat");
        Assert.Equal("Hanya inovasi yang sudah dipublikasikan yang dapat menjadi stan.", FieldError(await notPublished.HtmlAsync(), "Booth.InnovationId"));
        var sameInnovation = await AddBooth(published.Id, "B-14", "Hall Barat");
        Assert.Equal("Inovasi ini sudah memiliki stan di pameran ini.", FieldError(await sameInnovation.HtmlAsync(), "Booth.InnovationId"));
        var badNumber = await AddBooth(second.Id, "B 15/<x>", "");
        Assert.Equal("Nomor stan hanya huruf, angka dan tanda hubung, maksimal 20 karakter.", FieldError(await badNumber.HtmlAsync(), "Booth.Number"));
        var missing = await AddBooth(null, "", "");
        var missingDoc = await missing.HtmlAsync();
        Assert.Equal("Pilih inovasi.", FieldError(missingDoc, "Booth.InnovationId"));
        Assert.Equal("Nomor stan wajib diisi.", FieldError(missingDoc, "Booth.Number"));
        await (await AddBooth(second.Id, "A-2", "Hall Timur")).ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(2, await App.WithDbAsync(db => db.ExhibitionBooths.CountAsync(b => b.ExhibitionId == id, Ct)));

        var guide = await (await App.AnonymousClient().GetAsync($"/Pameran/{exhibition.Slug}", Ct)).HtmlAsync();
        var halls = guide.QuerySelectorAll("main h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Hall Barat", "Hall Timur"], halls);
        Assert.NotNull(guide.QuerySelector($"a[href='/Pameran/{exhibition.Slug}/Stan/B-12']"));

        var boothId = await App.WithDbAsync(db => db.ExhibitionBooths.Where(b => b.ExhibitionId == id && b.Number == "A-2").Select(b => b.Id).SingleAsync(Ct));
        var page = await (await organiser.GetAsync(editUrl, Ct)).HtmlAsync();
        var removeForm = page.QuerySelectorAll("form").Single(f => (f.GetAttribute("action") ?? "").Contains($"boothId={boothId}", StringComparison.Ordinal));
        var token = removeForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var removed = await organiser.PostAsync(System.Net.WebUtility.HtmlDecode(removeForm.GetAttribute("action")!), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        await removed.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(1, await App.WithDbAsync(db => db.ExhibitionBooths.CountAsync(b => b.ExhibitionId == id, Ct)));

        // Changes are audited; the IP salt never is.
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Exhibition" && a.EntityId == id.ToString()).Select(a => a.ChangesJson).ToListAsync(Ct));
        Assert.NotEmpty(audit);
        Assert.All(audit, j => Assert.DoesNotContain("IpSalt", j ?? "", StringComparison.Ordinal));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ExhibitionBooth" && a.Action == "Delete", Ct)));
    }

    [Fact]
    public async Task A_stale_edit_is_refused()
    {
        var s = await ExhibitionAsync(booths: 1);
        var organiser = await OrganiserAsync();
        var url = $"/Panitia/Pameran/{s.Exhibition.Id}";
        var page = await (await organiser.GetAsync(url, Ct)).HtmlAsync();
        await App.WithDbAsync(async db =>
        {
            var e = await db.Exhibitions.SingleAsync(x => x.Id == s.Exhibition.Id, Ct);
            e.Venue = "Tempat lain";
            await db.SaveChangesAsync(Ct);
        });
        var response = await organiser.PostFormAsync(page, url, new Dictionary<string, string> { ["Input.Name"] = "Nama Baru", ["Input.Venue"] = "Tempat baru" });
        await response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("baru saja diubah orang lain", Http.TextOf(await response.HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal("Tempat lain", await App.WithDbAsync(db => db.Exhibitions.Where(e => e.Id == s.Exhibition.Id).Select(e => e.Venue).SingleAsync(Ct)));
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [Fact]
    public async Task The_QR_sheet_is_an_A4_PDF_with_one_linked_QR_card_per_booth()
    {
        var s = await ExhibitionAsync(booths: 7);
        var organiser = await OrganiserAsync();
        var response = await organiser.GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}?handler=Qr", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));

        using var pdf = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(2, pdf.PageCount); // six cards per page
        Assert.All(pdf.Pages.Cast<PdfSharp.Pdf.PdfPage>(), p => Assert.Equal(595, (int)Math.Round(p.Width.Point)));
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Equal(2, PageObject().Count(text));
        foreach (var b in s.Booths)
        {
            var url = $"http://localhost/Pameran/{s.Slug}/Stan/{b.Number}?src=qr";
            Assert.Equal(1, Regex.Count(text, Regex.Escape($"({url})")));
        }
        // Organisers only.
        var visitor = await App.ClientFor(await VisitorAsync()).GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}?handler=Qr", Ct);
        Assert.NotEqual(HttpStatusCode.OK, visitor.StatusCode);
    }

    private Task<int> QrVisitsAsync(int boothId) =>
        App.WithDbAsync(db => db.ExhibitionBoothVisits.Where(v => v.BoothId == boothId).SumAsync(v => v.Count, Ct));

    [Fact]
    public async Task QR_visits_count_once_per_browser_booth_and_day_and_never_for_plain_views_or_prefetches()
    {
        var s = await ExhibitionAsync(booths: 2);
        var qr = s.BoothUrl(0) + "?src=qr";
        var phone = App.BrowserClient();
        var page = await (await phone.GetAsync(qr, Ct)).HtmlAsync();
        Assert.Contains(s.Booths[0].Number, Http.TextOf(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/Inovasi/{s.Booths[0].InnovationId}']"));
        await (await phone.GetAsync(qr, Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, await QrVisitsAsync(s.Booths[0].Id));

        await (await App.BrowserClient().GetAsync(qr, Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, await QrVisitsAsync(s.Booths[0].Id));

        await (await App.BrowserClient().GetAsync(s.BoothUrl(0), Ct)).ShouldBe(HttpStatusCode.OK);
        var prefetch = App.BrowserClient();
        prefetch.DefaultRequestHeaders.Add("Sec-Purpose", "prefetch");
        await (await prefetch.GetAsync(qr, Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, await QrVisitsAsync(s.Booths[0].Id));

        // The same phone at another booth, and at the first booth the next day.
        await (await phone.GetAsync(s.BoothUrl(1) + "?src=qr", Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, await QrVisitsAsync(s.Booths[1].Id));
        App.Time.Advance(TimeSpan.FromDays(1));
        await (await phone.GetAsync(qr, Ct)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, await QrVisitsAsync(s.Booths[0].Id));

        // Many phones at once: every visit counted, no lost update.
        var phones = Enumerable.Range(0, 20).Select(_ => App.BrowserClient()).ToList();
        await Task.WhenAll(phones.Select(p => p.GetAsync(s.BoothUrl(1) + "?src=qr", Ct)));
        Assert.Equal(21, await QrVisitsAsync(s.Booths[1].Id));

        var organiser = await OrganiserAsync();
        var watch = await (await organiser.GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}/Pantau", Ct)).HtmlAsync();
        Assert.Equal("3", watch.QuerySelector($"tr[data-booth='{s.Booths[0].Number}'] [data-visits]")?.TextContent.Trim());

        await (await App.AnonymousClient().GetAsync($"/Pameran/{s.Slug}/Stan/ZZ9", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ExhibitionOrganiserTestsSqlite() : ExhibitionOrganiserTests(DatabaseProvider.Sqlite);

public sealed class ExhibitionOrganiserTestsPostgres() : ExhibitionOrganiserTests(DatabaseProvider.Postgres);
