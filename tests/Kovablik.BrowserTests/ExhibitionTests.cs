using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

/// <summary>
/// Issue 5's browser tests: a visitor in the hall scans a booth's QR code, reads the innovation, verifies an email
/// address with a code, votes and comments; a moderator hides a reported comment; the public pages pass axe.
/// </summary>
public sealed partial class ExhibitionTests(BrowserAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Visitor_scans_a_booth_verifies_email_votes_and_comments_and_a_moderator_hides_a_reported_comment()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (slug, innovationId, innovationName) = await PrepareExhibitionAsync(suffix);

        // 1. A phone opens the QR link of booth A-07.
        var visitor = await NewPageAsync();
        await visitor.SetViewportSizeAsync(390, 844);
        await visitor.GotoAsync($"/Pameran/{slug}/Stan/A-07?src=qr");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = innovationName, Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        Assert.Equal(1, await QrVisitsAsync(slug));

        // 2. Reads the innovation, comes back to the booth.
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Baca selengkapnya tentang inovasi ini" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"/Inovasi/{innovationId}$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = innovationName, Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.GoBackAsync();

        // 3. Verifies an email address with the emailed code and lands back on the booth.
        var email = $"warga-{suffix}@contoh.id";
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Verifikasi email untuk memilih" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Masuk sebagai pengunjung", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.GetByLabel("Email").FillAsync(email);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Masukkan kode verifikasi", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        var code = App.VisitorCodeFor(email);
        await visitor.GetByLabel("Kode", new() { Exact = true }).FillAsync(code == "000000" ? "111111" : "000000");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan masuk" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Masukkan kode verifikasi", Level = 1 })).ToBeVisibleAsync();   // a wrong code keeps the visitor on the form
        await visitor.GetByLabel("Kode", new() { Exact = true }).FillAsync(code);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan masuk" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex($"/Pameran/{slug}/Stan/A-07"));

        // 4. Votes for the booth; the tally counts one vote.
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Pilih sebagai favorit" }).ClickAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync("Anda sudah memilih inovasi ini.");
        Assert.Equal(1, await VotesAsync(slug));

        // 5. Comments on the innovation page (its own and a second visitor's rude one, for the moderator).
        await visitor.GotoAsync($"/Inovasi/{innovationId}");
        await visitor.GetByLabel("Tulis komentar atau pertanyaan").FillAsync("Layanan ini sangat membantu orang tua saya.\nTerima kasih!");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(visitor.Locator("#komentar")).ToContainTextAsync("sangat membantu orang tua saya");
        await Axe.AssertNoSeriousViolationsAsync(visitor);

        var other = await NewPageAsync();
        var otherEmail = $"tetangga-{suffix}@contoh.id";
        await other.GotoAsync($"/Pengunjung/Masuk?returnUrl=/Inovasi/{innovationId}");
        await other.GetByLabel("Email").FillAsync(otherEmail);
        await other.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
        await other.GetByLabel("Kode", new() { Exact = true }).FillAsync(App.VisitorCodeFor(otherEmail));
        await other.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan masuk" }).ClickAsync();
        await Expect(other).ToHaveURLAsync(new Regex($"/Inovasi/{innovationId}"));
        const string rude = "Ada yang tahu jadwal pertandingan sepak bola nanti malam?";
        await other.GetByLabel("Tulis komentar atau pertanyaan").FillAsync(rude);
        await other.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(other.Locator("#komentar")).ToContainTextAsync("pertandingan sepak bola");

        // 6. The first visitor reports it.
        await visitor.ReloadAsync();
        var rudeItem = visitor.Locator("#komentar li, #komentar article").Filter(new() { HasText = "pertandingan sepak bola" }).First;
        await rudeItem.GetByRole(AriaRole.Link, new() { Name = "Laporkan" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Laporkan komentar", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.GetByLabel("Tidak berkaitan dengan inovasi").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();

        // 7. A moderator opens the queue and hides it with a reason; it disappears for the public.
        var moderatorAccount = await App.CreateAccountAsync(Roles.Moderator);
        var moderator = await NewPageAsync();
        await SignInAsync(moderator, moderatorAccount);
        await moderator.GotoAsync("/Moderasi");
        await Expect(moderator.GetByRole(AriaRole.Heading, new() { Name = "Moderasi komentar", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(moderator);
        var commentId = await CommentIdAsync(rude);
        await moderator.GotoAsync($"/Moderasi/Komentar/{commentId}");
        await Axe.AssertNoSeriousViolationsAsync(moderator);
        await moderator.GetByLabel("Tidak berkaitan dengan inovasi").CheckAsync();
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Sembunyikan" }).ClickAsync();
        await Expect(moderator.Locator("main")).Not.ToContainTextAsync("Terjadi kesalahan");

        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync($"/Inovasi/{innovationId}");
        await Expect(anonymous.Locator("#komentar")).ToContainTextAsync("sangat membantu orang tua saya");
        await Expect(anonymous.Locator("#komentar")).Not.ToContainTextAsync("pertandingan sepak bola");
        await Axe.AssertNoSeriousViolationsAsync(anonymous);

        // 8. The public guide and the live tally.
        await anonymous.GotoAsync($"/Pameran/{slug}");
        await Expect(anonymous.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(innovationName)) })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(anonymous);
        await anonymous.GotoAsync($"/Pameran/{slug}/Hasil");
        await Expect(anonymous.Locator("main")).ToContainTextAsync(innovationName);
        await Axe.AssertNoSeriousViolationsAsync(anonymous);
        _ = ct;
    }

    [Fact]
    public async Task Public_catalogue_pages_pass_axe_on_a_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (slug, innovationId, _) = await PrepareExhibitionAsync(suffix);
        var page = await NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/Inovasi?Q=layanan", $"/Inovasi/{innovationId}", $"/Inovasi/{innovationId}/Cetak", "/DataTerbuka", "/Pameran", $"/Pameran/{slug}" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
        }
        // Search works without JavaScript too: the result is highlighted.
        var noJs = await NewPageAsync(javaScriptEnabled: false);
        await noJs.GotoAsync("/Inovasi?Q=pelayanan");
        await Expect(noJs.Locator("main mark").First).ToBeVisibleAsync();
    }

    private async Task<(string Slug, int InnovationId, string InnovationName)> PrepareExhibitionAsync(string suffix)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KovablikDbContext>();
        var kota = await db.Organisations.SingleAsync(o => o.Code == "35.78", ct);
        var org = await sp.GetRequiredService<OrganisationService>()
            .CreateAsync(new OrganisationInput($"UJI-PAMERAN-{suffix}", $"UPT Pameran Uji {suffix}", OrganisationType.Upt, kota.Id), ct);
        Assert.True(org.Succeeded);
        var name = $"Pelayanan Antar Obat Lansia {suffix}";
        var innovationId = await App.PublishedInnovationAsync(new InnovationInput
        {
            OrganisationId = org.Value!.Id,
            Name = name,
            ShortDescription = "Petugas puskesmas mengantar obat ke rumah warga lansia.",
            Ringkasan = "Warga lansia menerima obat di rumah.",
            StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2),
            CategoryIds = [await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct)],
        });

        // Wall-clock WIB, as an organiser types it (a Utc-kind value would be read as UTC).
        var wibNow = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(7), DateTimeKind.Unspecified);
        var exhibitions = sp.GetRequiredService<ExhibitionService>();
        var exhibition = await exhibitions.CreateAsync(new ExhibitionInput($"Pameran Inovasi Uji {suffix}", DateOnly.FromDateTime(wibNow), DateOnly.FromDateTime(wibNow).AddDays(2),
            "Grand City Surabaya", "Pameran untuk uji peramban.", wibNow.AddHours(-1), wibNow.AddDays(2), 3, Published: true), ct);
        Assert.True(exhibition.Succeeded, string.Join("; ", exhibition.Errors.Values.SelectMany(v => v)));
        var booth = await exhibitions.AddBoothAsync(exhibition.Value!.Id, new BoothInput(innovationId, "A-07", "Hall A"), ct);
        Assert.True(booth.Succeeded, string.Join("; ", booth.Errors.Values.SelectMany(v => v)));
        return (exhibition.Value.Slug, innovationId, name);
    }

    private async Task<int> QrVisitsAsync(string slug)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        var id = await db.Exhibitions.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
        var booths = await db.ExhibitionBooths.Where(b => b.ExhibitionId == id).Select(b => b.Id).ToListAsync();
        return await db.ExhibitionBoothVisits.Where(v => booths.Contains(v.BoothId)).SumAsync(v => v.Count);
    }

    private async Task<int> VotesAsync(string slug)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        var id = await db.Exhibitions.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync();
        return await db.ExhibitionVotes.CountAsync(v => v.ExhibitionId == id);
    }

    private async Task<long> CommentIdAsync(string body)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        return await db.Comments.Where(c => c.Body == body).Select(c => c.Id).SingleAsync();
    }
}
