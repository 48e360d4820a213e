using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Organisations;

/// <summary>The organisation import through the API and the web page, end to end on a real database.</summary>
public abstract class ImportFlowTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static MultipartFormDataContent FileContent(string csv, string name = "units.csv")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", name);
        return content;
    }

    private static string Csv(string prefix) => $"""
        code,name,type,parent_code
        {prefix}.UPT,UPT Uji {prefix},UPT,35.78
        {prefix}.UPP1,Puskesmas Uji {prefix} Satu,UPP,{prefix}.UPT
        {prefix}.UPP2,Puskesmas Uji {prefix} Dua,UPP,{prefix}.UPT
        """;

    private static async Task<JsonElement> WaitForJobAsync(HttpClient client, Uri location)
    {
        // The job runs on the app's background worker; poll its status as a client would (bounded).
        for (var i = 0; i < 300; i++)
        {
            var job = await (await client.GetAsync(location, Ct)).ShouldBeOk<JsonElement>();
            var status = job.GetProperty("status").GetString();
            if (status is "Succeeded" or "Failed") return job;
            await Task.Delay(100, Ct);
        }
        throw new InvalidOperationException("The import job did not finish.");
    }

    [Fact]
    public async Task Dry_run_reports_the_plan_and_changes_nothing()
    {
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var prefix = "T" + KovablikAppFactory.Unique();
        var before = await App.WithDbAsync(db => db.Organisations.CountAsync(Ct));
        var plan = await (await admin.PostAsync("/api/v1/organisations/import?dryRun=true", FileContent(Csv(prefix)), Ct)).ShouldBeOk<JsonElement>();
        Assert.Equal(3, plan.GetProperty("create").GetInt32());
        Assert.Equal(0, plan.GetProperty("errors").GetInt32());
        Assert.Equal(before, await App.WithDbAsync(db => db.Organisations.CountAsync(Ct)));
    }

    [Fact]
    public async Task File_with_a_bad_row_is_refused_with_row_numbers_and_imports_nothing()
    {
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));
        var prefix = "T" + KovablikAppFactory.Unique();
        var csv = Csv(prefix) + $"\n{prefix}.BAD,,UPP,{prefix}.UPT\n{prefix}.X,Unit X,PLANET,35.78\n";
        var before = await App.WithDbAsync(db => db.Organisations.CountAsync(Ct));
        var problem = await (await admin.PostAsync("/api/v1/organisations/import", FileContent(csv), Ct)).ProblemAsync(HttpStatusCode.BadRequest);
        var rows = problem.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("rowNumber").GetInt32() == 5 && r.GetProperty("code").GetString() == $"{prefix}.BAD");
        Assert.Contains(rows, r => r.GetProperty("rowNumber").GetInt32() == 6);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        Assert.Equal(before, await App.WithDbAsync(db => db.Organisations.CountAsync(Ct)));
    }

    [Fact]
    public async Task Import_runs_as_a_job_builds_the_tree_and_a_second_import_changes_nothing()
    {
        var user = await App.CreateUserAsync(Roles.Administrator, null);
        var admin = App.ClientFor(user);
        var prefix = "T" + KovablikAppFactory.Unique();

        var started = await admin.PostAsync("/api/v1/organisations/import", FileContent(Csv(prefix)), Ct);
        await started.ShouldBe(HttpStatusCode.Accepted);
        var job = await WaitForJobAsync(admin, started.Headers.Location!);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("report").GetProperty("created").GetInt32());

        var (upt, child, surabaya) = await App.WithDbAsync(async db => (
            await db.Organisations.SingleAsync(o => o.Code == $"{prefix}.UPT", Ct),
            await db.Organisations.SingleAsync(o => o.Code == $"{prefix}.UPP1", Ct),
            await db.Organisations.SingleAsync(o => o.Code == "35.78", Ct)));
        Assert.Equal(surabaya.Id, upt.ParentId);
        Assert.Equal($"{upt.Path}{child.Id}/", child.Path);

        // The audit log names the person who started the import, not "system".
        var audited = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Organisation" && a.EntityId == upt.Id.ToString()).ToListAsync(Ct));
        Assert.NotEmpty(audited);
        Assert.All(audited, a => Assert.Equal(user.UserName, a.UserName));

        var auditCount = await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct));
        var again = await admin.PostAsync("/api/v1/organisations/import", FileContent(Csv(prefix)), Ct);
        await again.ShouldBe(HttpStatusCode.Accepted);
        var second = await WaitForJobAsync(admin, again.Headers.Location!);
        Assert.Equal(0, second.GetProperty("report").GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("report").GetProperty("updated").GetInt32());
        Assert.Equal(3, second.GetProperty("report").GetProperty("unchanged").GetInt32());
        Assert.Equal(auditCount, await App.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task Malformed_file_gets_a_clear_message()
    {
        var admin = App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null));
        var content = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]), "file", "rusak.xlsx" } };
        var errors = await (await admin.PostAsync("/api/v1/organisations/import", content, Ct)).ValidationErrorsAsync();
        Assert.True(errors.ContainsKey("file"));
        Assert.False(string.IsNullOrWhiteSpace(errors["file"][0]));
    }

    [Fact]
    public async Task Operators_and_anonymous_visitors_cannot_import()
    {
        var org = await App.KabKotaAsync();
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id));
        await (await op.PostAsync("/api/v1/organisations/import", FileContent(Csv("T" + KovablikAppFactory.Unique())), Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().PostAsync("/api/v1/organisations/import", FileContent(Csv("T" + KovablikAppFactory.Unique())), Ct)).ShouldBe(HttpStatusCode.Unauthorized);
        var page = await App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id)).GetAsync("/Organisasi/Impor", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Akun/AksesDitolak", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_page_imports_the_file_and_shows_the_result()
    {
        var client = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var prefix = "T" + KovablikAppFactory.Unique();
        var form = await (await client.GetAsync("/Organisasi/Impor", Ct)).HtmlAsync();
        var token = form.QuerySelectorAll("main form input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().First().Value;

        var content = FileContent(Csv(prefix));
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var posted = await client.PostAsync("/Organisasi/Impor", content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var status = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/Organisasi/Impor/Status/", status, StringComparison.Ordinal);

        string text = "";
        for (var i = 0; i < 300 && !text.Contains("Impor selesai", StringComparison.Ordinal); i++)
        {
            if (i > 0) await Task.Delay(100, Ct);
            text = Http.TextOf(await (await client.GetAsync(status, Ct)).HtmlAsync());
        }
        Assert.Contains("Impor selesai", text, StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Code == $"{prefix}.UPP2", Ct)));
    }

    [Fact]
    public async Task Web_page_lists_bad_rows_and_imports_nothing()
    {
        var client = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var prefix = "T" + KovablikAppFactory.Unique();
        var form = await (await client.GetAsync("/Organisasi/Impor", Ct)).HtmlAsync();
        var token = form.QuerySelectorAll("main form input[name=__RequestVerificationToken]").OfType<IHtmlInputElement>().First().Value;
        var content = FileContent(Csv(prefix) + $"\n{prefix}.ORPHAN,Unit Yatim,UPP,TIDAK.ADA\n");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var page = await client.PostAsync("/Organisasi/Impor", content, Ct);
        await page.ShouldBe(HttpStatusCode.OK);
        var doc = await page.HtmlAsync();
        Assert.Equal("1", doc.QuerySelector("#count-error")!.TextContent.Trim());
        Assert.Contains(doc.QuerySelectorAll("td"), td => td.TextContent.Trim() == "5");
        Assert.False(await App.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Code == $"{prefix}.UPT", Ct)));
    }
}

public sealed class ImportFlowTestsSqlite() : ImportFlowTests(DatabaseProvider.Sqlite);

public sealed class ImportFlowTestsPostgres() : ImportFlowTests(DatabaseProvider.Postgres);
