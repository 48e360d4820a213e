using Kovablik.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

public sealed class PublicPagesTests(BrowserAppFixture app) : BrowserTest(app)
{
    private static readonly string[] PublicPaths = ["/", "/Inovasi", "/Organisasi", "/Tentang", "/Akun/Masuk", "/Akun/LupaSandi", "/halaman-yang-tidak-ada"];

    [Fact]
    public async Task Public_pages_pass_axe()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await CheckAllAsync(page, "id");

        // Switch language the way a visitor does: the link in the navigation, remembered by a cookie.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await CheckAllAsync(page, "en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
    }

    private static async Task CheckAllAsync(IPage page, string lang)
    {
        foreach (var path in PublicPaths)
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(path == "/halaman-yang-tidak-ada" ? 404 : 200, response.Status);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
        }
    }
}
