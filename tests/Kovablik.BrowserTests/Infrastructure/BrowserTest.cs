using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests.Infrastructure;

/// <summary>
/// Base class for browser tests: a fresh BrowserContext (Indonesian locale, Jakarta time) per visitor, traced;
/// when the test fails, a screenshot of every open page and the Playwright trace go to .test-run/browser/.
/// </summary>
public abstract partial class BrowserTest(BrowserAppFixture app) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected BrowserAppFixture App => app;

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>A new visitor: its own cookies, its own client address.</summary>
    protected async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = app.NextClientAddress() },
        });
        _contexts.Add(context);
        // DOM snapshots of every step (no screencast: the machines are small); kept only when the test fails.
        await context.Tracing.StartAsync(new TracingStartOptions { Title = TestName(), Snapshots = true });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through /Akun/Masuk, with the authenticator code when the account has one, and waits for the home page.</summary>
    protected static async Task SignInAsync(IPage page, TestAccount account)
    {
        await page.GotoAsync("/Akun/Masuk");
        await page.GetByLabel("Email").FillAsync(account.Email);
        await page.GetByLabel("Kata sandi").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        if (account.AuthenticatorKey is { } key)
        {
            await Expect(page).ToHaveURLAsync(new Regex("/Akun/MasukDuaFaktor"));
            await page.GetByLabel("Kode autentikator atau kode pemulihan").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        }
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keluar" })).ToBeVisibleAsync();
    }

    /// <summary>The flash message shown after a redirect (role=status at the top of main).</summary>
    protected static ILocator Flash(IPage page) => page.Locator("main > .alert[role=status]");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Known only after the test ran; a missing state is treated as a failure so nothing is lost.
        var failed = TestContext.Current.TestState?.Result is not TestResult.Passed;
        var name = FileSafe().Replace(TestName(), "_");
        if (failed) Directory.CreateDirectory(BrowserAppFixture.ArtifactsDirectory);
        for (var c = 0; c < _contexts.Count; c++)
        {
            var context = _contexts[c];
            try
            {
                if (failed)
                {
                    for (var p = 0; p < context.Pages.Count; p++)
                    {
                        var file = Path.Combine(BrowserAppFixture.ArtifactsDirectory, $"{name}-context{c + 1}-page{p + 1}.png");
                        await context.Pages[p].ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                        TestContext.Current.SendDiagnosticMessage($"Screenshot: {file}");
                    }
                    var trace = Path.Combine(BrowserAppFixture.ArtifactsDirectory, $"{name}-context{c + 1}-trace.zip");
                    await context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
                    TestContext.Current.SendDiagnosticMessage($"Trace (npx playwright show-trace): {trace}");
                }
                else
                {
                    await context.Tracing.StopAsync();
                }
            }
            catch (PlaywrightException)
            {
                // A crashed page must not hide the test's own failure.
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        GC.SuppressFinalize(this);
    }

    private static string TestName() => TestContext.Current.Test?.TestDisplayName ?? "browser-test";

    [GeneratedRegex(@"[^A-Za-z0-9_.-]+")]
    private static partial Regex FileSafe();
}
