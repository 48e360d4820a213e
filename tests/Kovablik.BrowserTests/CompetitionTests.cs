using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

public sealed class CompetitionTests(BrowserAppFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Organiser_opens_an_edition_and_the_public_sees_its_timeline_in_WIB()
    {
        var year = 2030 + Random.Shared.Next(0, 60);
        var organiser = await App.CreateAccountAsync(Roles.Panitia, withAuthenticator: true);
        var page = await NewPageAsync();
        await SignInAsync(page, organiser);

        await page.GotoAsync("/Panitia/Edisi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edisi kompetisi" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Tahun" }).FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat edisi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"KOVABLIK {year}" })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // A midday cut-off, entered as WIB wall-clock time.
        await page.GetByLabel("Pendaftaran dibuka (WIB)").FillAsync($"{year}-03-02T08:00");
        await page.GetByLabel("Pendaftaran ditutup (WIB)").FillAsync($"{year}-06-30T12:00");
        var starts = page.GetByLabel("Mulai (WIB)");
        var ends = page.GetByLabel("Selesai (WIB)");
        var stages = await starts.CountAsync();
        for (var i = 0; i < stages; i++)
        {
            await starts.Nth(i).FillAsync($"{year}-{7 + i:00}-01T08:00");
            await ends.Nth(i).FillAsync($"{year}-{7 + i:00}-20T16:00");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(page.GetByLabel("Pendaftaran ditutup (WIB)")).ToHaveValueAsync($"{year}-06-30T12:00");

        // The group and eligibility pages render and pass axe.
        await page.GetByRole(AriaRole.Link, new() { Name = "Persyaratan peserta dan kuota" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GoBackAsync();
        await page.Locator("main a[href*='/Kelompok/']").First.ClickAsync();
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publikasikan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publikasikan" })).ToHaveCountAsync(0);

        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/Kompetisi");
        await Axe.AssertNoSeriousViolationsAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"KOVABLIK {year}" }).ClickAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync("30 Juni");
        await Expect(visitor.Locator("main")).ToContainTextAsync("12.00 WIB");
        await Axe.AssertNoSeriousViolationsAsync(visitor);
    }
}
