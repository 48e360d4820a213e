using System.Net;
using AngleSharp.Html.Dom;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions;

/// <summary>The organiser pages, posted as a browser without JavaScript would, and the public pages they feed.</summary>
public abstract class EditionPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    /// <summary>Every field of the page's main form as the browser would send it, with some changed.</summary>
    private static async Task<HttpResponseMessage> PostAllAsync(HttpClient client, string url, IDictionary<string, string> changes, string? handler = null)
    {
        var page = await client.GetAsync(url);
        await page.ShouldBe(HttpStatusCode.OK);
        var doc = await page.HtmlAsync();
        var form = Http.FindPostForm(doc)!;
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name)) continue;
            if (input.Type == "checkbox") { if (input.IsChecked) values[input.Name] = input.Value; }
            else if (!values.ContainsKey(input.Name) || input.Type != "hidden") values[input.Name] = input.Value;
        }
        foreach (var t in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>()) values[t.Name!] = t.Value;
        foreach (var (k, v) in changes) values[k] = v;
        return await client.PostAsync(handler is null ? url : $"{url}?handler={handler}", new FormUrlEncodedContent(values));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        await response.ShouldBe(HttpStatusCode.OK);
        return Http.TextOf(await response.HtmlAsync());
    }

    private static string ErrorFor(IHtmlDocument doc, string field) =>
        doc.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent ?? "";

    [Fact]
    public async Task Organiser_creates_times_and_publishes_an_edition_with_forms_and_the_public_sees_the_midday_cut_off()
    {
        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var name = $"KOVABLIK 2031 {KovablikAppFactory.Unique()}";
        var created = await organiser.SubmitFormAsync("/Panitia/Edisi", new Dictionary<string, string> { ["Input.Year"] = "2031", ["Input.Name"] = name });
        await created.ShouldBe(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.OriginalString;
        var id = await App.WithDbAsync(db => db.Editions.Where(e => e.Name == name).Select(e => e.Id).SingleAsync(Ct));
        Assert.Equal($"/Panitia/Edisi/{id}", url);
        Assert.Contains(name, await TextAsync(await organiser.GetAsync("/Panitia/Edisi", Ct)), StringComparison.Ordinal);

        var timeline = new Dictionary<string, string>
        {
            ["Input.RegistrationOpensAt"] = "2031-05-01T08:00",
            ["Input.RegistrationClosesAt"] = "2031-06-30T12:00",
        };
        for (var i = 0; i < 5; i++)
        {
            timeline[$"Input.Stages[{i}].StartsAt"] = $"2031-07-{1 + 5 * i:00}T08:00";
            timeline[$"Input.Stages[{i}].EndsAt"] = $"2031-07-{4 + 5 * i:00}T16:00";
        }

        // Closing before opening: the error shows next to the field and nothing is saved.
        var bad = await PostAllAsync(organiser, url, new Dictionary<string, string>(timeline) { ["Input.RegistrationClosesAt"] = "2031-04-30T12:00" });
        await bad.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Pendaftaran harus ditutup setelah dibuka.", ErrorFor(await bad.HtmlAsync(), "Input.RegistrationClosesAt"), StringComparison.Ordinal);
        Assert.Null((await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == id, Ct))).RegistrationClosesAt);

        await (await PostAllAsync(organiser, url, timeline)).ShouldBe(HttpStatusCode.Redirect);
        var stored = await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == id, Ct));
        Assert.Equal(new DateTimeOffset(2031, 6, 30, 5, 0, 0, TimeSpan.Zero), stored.RegistrationClosesAt!.Value.ToUniversalTime());
        // The form shows the WIB time again.
        var form = await (await organiser.GetAsync(url, Ct)).HtmlAsync();
        Assert.Equal("2031-06-30T12:00", (form.QuerySelector("input[name='Input.RegistrationClosesAt']") as IHtmlInputElement)!.Value);

        var publish = await PostAllAsync(organiser, url, new Dictionary<string, string>(), handler: "Publish");
        await publish.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(EditionStatus.Published, (await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == id, Ct))).Status);

        var anonymous = App.AnonymousClient();
        var text = await TextAsync(await anonymous.GetAsync($"/Kompetisi/{stored.Slug}", Ct));
        Assert.Contains("Senin, 30 Juni 2031 pukul 12.00 WIB", text, StringComparison.Ordinal);
        Assert.Contains("Latar Belakang dan Tujuan", text, StringComparison.Ordinal);
        Assert.Contains("Seleksi Administrasi", text, StringComparison.Ordinal);
        Assert.Contains("12.00 WIB", await TextAsync(await anonymous.GetAsync("/Kompetisi", Ct)), StringComparison.Ordinal);
        var english = await TextAsync(await anonymous.GetAsync($"/Kompetisi/{stored.Slug}?culture=en", Ct));
        Assert.Contains("Monday, 30 June 2031 at 12:00 WIB", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organiser_edits_a_groups_sections_and_the_eligibility_with_errors_next_to_fields()
    {
        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null), handleCookies: true);
        var created = await organiser.SubmitFormAsync("/Panitia/Edisi", new Dictionary<string, string> { ["Input.Year"] = "2032" });
        await created.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var groupUrl = $"/Panitia/Edisi/{id}/Kelompok/Replikasi";

        var bad = await PostAllAsync(organiser, groupUrl, new Dictionary<string, string> { ["Input.Sections[2].WordLimit"] = "0" });
        await bad.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Batas kata harus antara 1 dan 5.000.", ErrorFor(await bad.HtmlAsync(), "Input.Sections[2].WordLimit"), StringComparison.Ordinal);

        // Change Proses Replikasi to 300 words, remove Faktor Pembeda, add a section in the blank row.
        var doc = await (await organiser.GetAsync(groupUrl, Ct)).HtmlAsync();
        var rows = doc.QuerySelectorAll("input[name$='.Title']").OfType<IHtmlInputElement>().ToList();
        var proses = rows.FindIndex(r => r.Value == "Proses Replikasi");
        var faktor = rows.FindIndex(r => r.Value == "Faktor Pembeda");
        var blank = rows.FindIndex(r => r.Value.Length == 0);
        var ok = await PostAllAsync(organiser, groupUrl, new Dictionary<string, string>
        {
            [$"Input.Sections[{proses}].WordLimit"] = "300",
            [$"Input.Sections[{faktor}].Title"] = "",
            [$"Input.Sections[{blank}].Title"] = "Dukungan Pemangku Kepentingan",
            [$"Input.Sections[{blank}].WordLimit"] = "150",
        });
        await ok.ShouldBe(HttpStatusCode.Redirect);
        var group = (await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == id, Ct))).Group("Replikasi")!;
        Assert.Equal(300, group.Sections.Single(s => s.Key == "ProsesReplikasi").WordLimit);
        Assert.DoesNotContain(group.Sections, s => s.Key == "FaktorPembeda");
        Assert.Equal(150, group.Sections.Single(s => s.Key == "DukunganPemangkuKepentingan").WordLimit);
        Assert.Equal(2, group.Documents.Count);

        var eligibilityUrl = $"/Panitia/Edisi/{id}/Kelayakan";
        var badQuota = await PostAllAsync(organiser, eligibilityUrl, new Dictionary<string, string> { ["Input.DefaultQuota"] = "0" });
        await badQuota.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Kuota harus antara 1 dan 50.", ErrorFor(await badQuota.HtmlAsync(), "Input.DefaultQuota"), StringComparison.Ordinal);
        await (await PostAllAsync(organiser, eligibilityUrl, new Dictionary<string, string> { ["Input.DefaultQuota"] = "4", ["Input.MinimumImplementationMonths"] = "24" }))
            .ShouldBe(HttpStatusCode.Redirect);
        var el = (await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == id, Ct))).Eligibility;
        Assert.Equal(4, el.DefaultQuota);
        Assert.Equal(24, el.MinimumImplementationMonths);
        Assert.Equal(5, el.QuotaFor(Kovablik.Organisations.OrganisationType.PerangkatDaerah));
        Assert.False(el.Allows(Kovablik.Organisations.OrganisationType.Provinsi));
    }

    [Fact]
    public async Task Organiser_pages_are_closed_to_operators_and_anonymous_visitors()
    {
        var kota = await App.KabKotaAsync();
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, kota.Id));
        var response = await op.GetAsync("/Panitia/Edisi", Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, response.StatusCode.ToString());
        if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("AksesDitolak", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var anonymous = await App.AnonymousClient().GetAsync("/Panitia/Edisi", Ct);
        await anonymous.ShouldBe(HttpStatusCode.Redirect);
        Assert.Contains("/Akun/Masuk", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await (await App.AnonymousClient().GetAsync("/Kompetisi", Ct)).ShouldBe(HttpStatusCode.OK);
        await (await App.AnonymousClient().GetAsync("/Kompetisi/tidak-ada", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class EditionPageTestsSqlite() : EditionPageTests(DatabaseProvider.Sqlite);

public sealed class EditionPageTestsPostgres() : EditionPageTests(DatabaseProvider.Postgres);
