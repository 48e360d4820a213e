using System.Net;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Platform;

/// <summary>Bad input through page forms: refused with a clear message, nothing changed, never a 500.</summary>
public abstract class PageInputTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Form_text_with_a_NUL_character_is_refused_and_changes_nothing()
    {
        var client = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null), handleCookies: true);
        var before = await App.WithDbAsync(db => db.Organisations.CountAsync(Ct));
        var response = await client.SubmitFormAsync("/Organisasi/Tambah", new Dictionary<string, string>
        {
            ["Input.Name"] = "Unit\0Rusak",
            ["Input.Type"] = "Upp",
            ["Input.Parent"] = "35.78",
        });
        await response.ShouldBe(HttpStatusCode.BadRequest);
        // Refused before any handler runs, with an Indonesian message (never a 500 from the database).
        Assert.Contains("tidak", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.Organisations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Duplicate_code_on_the_create_page_is_shown_next_to_the_field()
    {
        var client = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var before = await App.WithDbAsync(db => db.Organisations.CountAsync(Ct));
        var response = await client.SubmitFormAsync("/Organisasi/Tambah", new Dictionary<string, string>
        {
            ["Input.Name"] = "Unit Kembar",
            ["Input.Code"] = "35.78",
            ["Input.Type"] = "Upp",
            ["Input.Parent"] = "35.78",
        });
        await response.ShouldBe(HttpStatusCode.OK);
        var doc = await response.HtmlAsync();
        var message = doc.QuerySelector("[data-valmsg-for='Input.Code']")?.TextContent ?? "";
        Assert.Contains("Kode sudah dipakai", message, StringComparison.Ordinal);
        Assert.Equal(before, await App.WithDbAsync(db => db.Organisations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Unknown_filter_values_and_page_numbers_get_a_message_not_an_error()
    {
        var client = App.AnonymousClient();
        var badPage = await client.GetAsync("/Inovasi?Page=-3", Ct);
        await badPage.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Nomor halaman tidak valid", Http.TextOf(await badPage.HtmlAsync()), StringComparison.Ordinal);
        var badStage = await client.GetAsync("/Inovasi?Stage=Mustahil", Ct);
        await badStage.ShouldNotBe(HttpStatusCode.InternalServerError);
        Assert.Contains("Filter tidak valid", Http.TextOf(await badStage.HtmlAsync()), StringComparison.Ordinal);
        var farPage = await client.GetAsync("/Inovasi?Page=99999", Ct);
        await farPage.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class PageInputTestsSqlite() : PageInputTests(DatabaseProvider.Sqlite);

public sealed class PageInputTestsPostgres() : PageInputTests(DatabaseProvider.Postgres);
