using System.Net;
using System.Text;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;

namespace Kovablik.Tests.Platform;

/// <summary>
/// Junk ids, query strings and bodies against every API route: the answer may be any 4xx, never a 5xx.
/// Failures are collected and reported together, with the app's logged errors.
/// </summary>
public abstract class ApiFuzzTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string Huge = new('ä', 300_000);

    private static readonly string[] Ids = ["0", "-1", "999999", "2147483647", "99999999999", "abc", "1.5", "%20", "..%2F..%2Fetc"];

    private static readonly string[] Queries =
    [
        "page=-1", "page=0", "page=abc", "page=2147483647", "pageSize=100000", "pageSize=0", "pageSize=-5", "type=XYZ", "type=",
        "parentId=-5", "parentId=abc", "active=maybe", "year=99999", "year=-1", "stage=Bogus", "stage=99", "status=7", "status=Published",
        "categoryId=abc", "organisationId=999999", "kabKotaId=-1", "q=%00", "q=%27%20OR%201%3D1%20--", "q=%25", "q=_", "q=" + new string('x', 5000),
        "parentCode=" + new string('9', 3000), "entityType=" + new string('x', 3000), "entityId=%27", "entityType=%00", "parentCode=%00", "q=a%00b", "q[]=1&q[]=2", "page=1&page=2",
    ];

    private static readonly string[] Bodies =
    [
        "{}", "[]", "\"x\"", "null", "42", "{", "{\"name\":", "not json at all", "",
        "{\"name\":null,\"type\":null,\"parentId\":null}",
        "{\"name\":\"" + Huge + "\",\"type\":\"PD\",\"parentId\":1,\"organisationId\":1,\"email\":\"" + Huge + "@x.id\",\"fullName\":\"" + Huge + "\"}",
        "{\"name\":\"Uji\",\"type\":\"PD\",\"parentId\":-1,\"code\":\"" + Huge + "\"}",
        "{\"name\":\"Uji\",\"type\":123,\"parentId\":\"abc\"}",
        "{\"organisationId\":\"abc\",\"name\":\"Uji\"}",
        "{\"organisationId\":1,\"name\":\"Uji\",\"team\":null,\"categoryIds\":null,\"sdgGoalIds\":null,\"targetGroupIds\":null}",
        "{\"organisationId\":1,\"name\":\"Uji\",\"team\":[null,{\"name\":null}],\"categoryIds\":[1,1,1,-1]}",
        "{\"organisationId\":1,\"name\":\"Uji\",\"startedOn\":\"bukan tanggal\",\"stage\":\"Bogus\",\"kind\":99}",
        "{\"organisationId\":1,\"name\":\"Uji\",\"startedOn\":\"0001-01-01\",\"stage\":99,\"kind\":-1,\"expectedVersion\":\"not-a-guid\"}",
        "{\"organisationId\":1,\"name\":\"Uji\",\"ringkasan\":\"" + Huge + "\",\"videoUrl\":\"javascript:alert(1)\",\"websiteUrl\":\"" + Huge + "\"}",
        "{\"email\":\"a@b\",\"fullName\":\"A\",\"role\":\"Operator\",\"organisationId\":-1}",
        "{\"email\":\"@\",\"fullName\":\"A\",\"role\":null,\"organisationId\":null}",
        "{\"fullName\":null,\"roles\":null,\"organisationId\":-1,\"isActive\":null}",
        "{\"fullName\":\"A\",\"roles\":[\"Administrator\",\"Tidak Ada\",null],\"organisationId\":999999,\"isActive\":false}",
        "{\"parentId\":999999}",
        "{\"version\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"\\u0000\",\"type\":\"PROVINSI\"}",
    ];

    private readonly List<string> _failures = [];

    private async Task ProbeAsync(HttpClient client, HttpMethod method, string url, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await client.SendAsync(request, Ct);
        if ((int)response.StatusCode >= 500)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            _failures.Add($"{method} {url} body={Shorten(body)} → {(int)response.StatusCode}: {Shorten(text)}");
        }
    }

    private static string Shorten(string? s) => s is null ? "(none)" : s.Length > 160 ? s[..160] + "…" : s;

    private void AssertNoFailures()
    {
        var errors = App.LoggedErrors.Where(e => !e.Contains("BadHttpRequestException", StringComparison.Ordinal)).Take(5);
        Assert.True(_failures.Count == 0, $"{_failures.Count} requests answered 5xx:\n{string.Join("\n", _failures.Take(40))}\n\nLogged errors:\n{string.Join("\n---\n", errors)}");
    }

    private async Task<(HttpClient Admin, HttpClient Operator, int OrgId, int InnovationId)> SetUpAsync()
    {
        var unit = await App.CreateOrganisationAsync("Puskesmas Fuzz", (await App.KabKotaAsync()).Id);
        var innovation = await App.CreateInnovationAsync(unit.Id);
        return (App.ClientFor(await App.CreateUserAsync(Roles.Administrator, null)), App.ClientFor(await App.CreateUserAsync(Roles.Operator, unit.Id)), unit.Id, innovation.Id);
    }

    [Fact]
    public async Task Junk_query_strings_and_ids_never_cause_a_server_error()
    {
        var (admin, op, orgId, innovationId) = await SetUpAsync();
        string[] lists = ["/api/v1/organisations", "/api/v1/regions", "/api/v1/innovations", "/api/v1/innovations/manage", "/api/v1/accounts", "/api/v1/audit", "/api/v1/me"];
        foreach (var client in new[] { admin, op, App.AnonymousClient() })
            foreach (var list in lists)
                foreach (var q in Queries)
                    await ProbeAsync(client, HttpMethod.Get, $"{list}?{q}");

        string[] byId = ["/api/v1/organisations/{0}", "/api/v1/organisations/{0}/children", "/api/v1/innovations/{0}", "/api/v1/innovations/{0}/versions", "/berkas/{0}", "/berkas/{0}/thumb"];
        foreach (var client in new[] { admin, op, App.AnonymousClient() })
            foreach (var template in byId)
                foreach (var id in Ids.Append(orgId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(innovationId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(Guid.NewGuid().ToString()))
                    await ProbeAsync(client, HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));

        await ProbeAsync(App.AnonymousClient(), HttpMethod.Get, "/Bahasa?culture=xx-INVALID&returnUrl=%2F%2Fevil.example");
        await ProbeAsync(App.AnonymousClient(), HttpMethod.Get, "/Bahasa?culture=" + new string('a', 3000));
        AssertNoFailures();
    }

    [Fact]
    public async Task Junk_bodies_never_cause_a_server_error()
    {
        var (admin, op, orgId, innovationId) = await SetUpAsync();
        var org = orgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inn = innovationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (HttpMethod Method, string Url)[] writes =
        [
            (HttpMethod.Post, "/api/v1/organisations"),
            (HttpMethod.Put, $"/api/v1/organisations/{org}"),
            (HttpMethod.Put, "/api/v1/organisations/999999"),
            (HttpMethod.Post, $"/api/v1/organisations/{org}/move"),
            (HttpMethod.Post, $"/api/v1/organisations/{org}/deactivate"),
            (HttpMethod.Post, "/api/v1/organisations/-1/activate"),
            (HttpMethod.Post, "/api/v1/innovations"),
            (HttpMethod.Put, $"/api/v1/innovations/{inn}"),
            (HttpMethod.Put, "/api/v1/innovations/0"),
            (HttpMethod.Post, $"/api/v1/innovations/{inn}/publish?version=not-a-guid"),
            (HttpMethod.Post, $"/api/v1/innovations/{inn}/archive?version=00000000-0000-0000-0000-000000000000"),
            (HttpMethod.Post, "/api/v1/innovations/999999/restore"),
            (HttpMethod.Post, $"/api/v1/innovations/{inn}/attachments"),
            (HttpMethod.Delete, $"/api/v1/innovations/attachments/{Guid.NewGuid()}"),
            (HttpMethod.Post, "/api/v1/invitations"),
            (HttpMethod.Put, "/api/v1/accounts/does-not-exist"),
        ];
        foreach (var client in new[] { admin, op })
            foreach (var (method, url) in writes)
            {
                foreach (var body in Bodies)
                    await ProbeAsync(client, method, url, body);
                await ProbeAsync(client, method, url, "name=x&type=PD", "application/x-www-form-urlencoded");
                await ProbeAsync(client, method, url, "<xml/>", "application/xml");
                await ProbeAsync(client, method, url);
            }

        // A multipart body with a broken boundary.
        await ProbeAsync(admin, HttpMethod.Post, $"/api/v1/innovations/{inn}/attachments", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF", "multipart/form-data; boundary=y");
        AssertNoFailures();
    }
}

public sealed class ApiFuzzTestsSqlite() : ApiFuzzTests(DatabaseProvider.Sqlite);

public sealed class ApiFuzzTestsPostgres() : ApiFuzzTests(DatabaseProvider.Postgres);
