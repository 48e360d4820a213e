using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Kovablik.Tests.Infrastructure;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidOperationException($"Empty JSON body: {text}");
    }

    /// <summary>Asserts the status code and shows the body when it differs (far easier to debug).</summary>
    public static async Task<HttpResponseMessage> ShouldBe(this Task<HttpResponseMessage> pending, HttpStatusCode expected)
    {
        var response = await pending;
        await response.ShouldBe(expected);
        return response;
    }

    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}. Location: {response.Headers.Location}. Body: {Truncate(body)}");
        }
    }

    public static async Task ShouldNotBe(this HttpResponseMessage response, HttpStatusCode unexpected)
    {
        if (response.StatusCode == unexpected)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: did not expect {(int)unexpected} {unexpected}. Body: {Truncate(await response.Content.ReadAsStringAsync())}");
    }

    private static string Truncate(string s) => s.Length > 3000 ? s[..3000] + "…" : s;

    /// <summary>An RFC 7807 response: checks the media type and returns the parsed document.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement.Clone();
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        return root;
    }

    /// <summary>A 400 ValidationProblem: returns its field errors (keys compared case-insensitively).</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No 'errors' in {problem}");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new HtmlParser().ParseDocument(html);
    }

    /// <summary>Fetches a page with a form and posts it back with the given fields and the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        await page.ShouldBe(HttpStatusCode.OK);
        var doc = await page.HtmlAsync();
        return await client.PostFormAsync(doc, postUrl ?? pageUrl, fields);
    }

    /// <summary>
    /// Posts the first POST form in the page's main content (the layout's sign-out form comes earlier) with
    /// its hidden inputs (antiforgery token) plus the given fields.
    /// </summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlDocument page, string postUrl, IDictionary<string, string> fields)
    {
        var form = FindPostForm(page) ?? throw new InvalidOperationException("The page has no POST form: " + page.Title);
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            if (!string.IsNullOrEmpty(input.Name)) values[input.Name] = input.Value;
        Assert.True(values.ContainsKey("__RequestVerificationToken"), "The form carries no antiforgery token.");
        foreach (var (k, v) in fields) values[k] = v;
        return client.PostAsync(postUrl, new FormUrlEncodedContent(values));
    }

    public static IHtmlFormElement? FindPostForm(IHtmlDocument page) =>
        page.QuerySelectorAll("main form").Concat(page.QuerySelectorAll("form")).OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));

    public static string TextOf(IHtmlDocument doc) => doc.Body?.TextContent ?? "";
}

public static class HttpAssertions
{
    public static async Task<T> ShouldBeOk<T>(this HttpResponseMessage response)
    {
        await response.ShouldBe(System.Net.HttpStatusCode.OK);
        return await response.ReadAsync<T>();
    }

    public static async Task<T> ShouldBeCreated<T>(this HttpResponseMessage response)
    {
        await response.ShouldBe(System.Net.HttpStatusCode.Created);
        Assert.NotNull(response.Headers.Location);
        return await response.ReadAsync<T>();
    }
}
