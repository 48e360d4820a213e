using System.Globalization;
using System.Net;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Feedback;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Feedback;

/// <summary>Comments, questions and the unit's replies, through the pages (no JavaScript) and the API.</summary>
public abstract class CommentTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected sealed record Setup(Organisation Unit, Innovation Innovation, AppUser Operator);

    protected async Task<Setup> PublishedInnovationAsync()
    {
        var kota = await App.KabKotaAsync();
        var unit = await App.CreateOrganisationAsync("UPT Komentar", kota.Id);
        var innovation = await App.CreateInnovationAsync(unit.Id, publish: true);
        var op = await App.CreateUserAsync(Roles.Operator, unit.Id);
        return new Setup(unit, innovation, op);
    }

    protected Task<List<Comment>> CommentsOfAsync(string authorId) =>
        App.WithDbAsync(db => db.Comments.AsNoTracking().Where(c => c.AuthorId == authorId).OrderBy(c => c.Id).ToListAsync(Ct));

    protected static string Url(Innovation i) => "/Inovasi/" + i.Id.ToString(CultureInfo.InvariantCulture);

    protected static async Task<HttpResponseMessage> PostCommentPageAsync(HttpClient client, Innovation innovation, string body, string kind = "Comment")
    {
        var page = await (await client.GetAsync(Url(innovation), Ct)).HtmlAsync();
        return await client.PostFormAsync(page, Url(innovation) + "/Komentar", new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.Body"] = body });
    }

    [Fact]
    public async Task Visitor_asks_a_question_on_the_page_and_the_unit_is_notified()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var client = App.ClientFor(visitor, handleCookies: true);

        var posted = await PostCommentPageAsync(client, s.Innovation, "Apakah layanan ini\nbisa dipakai warga luar kota?", "Question");
        await posted.ShouldBe(HttpStatusCode.Redirect);
        var comment = Assert.Single(await CommentsOfAsync(visitor.Id));
        Assert.Equal(CommentKind.Question, comment.Kind);
        Assert.Equal(CommentStatus.Published, comment.Status);
        Assert.Equal("Apakah layanan ini\nbisa dipakai warga luar kota?", comment.Body);
        Assert.Equal($"{Url(s.Innovation)}#komentar-{comment.Id}", posted.Headers.Location?.ToString());

        // Anyone reads it, line break kept in a pre-line block; the author sees the thank-you.
        var own = Http.TextOf(await (await client.GetAsync(Url(s.Innovation), Ct)).HtmlAsync());
        Assert.Contains("komentar Anda sudah tampil", own, StringComparison.Ordinal);
        var publicPage = await (await App.AnonymousClient().GetAsync(Url(s.Innovation), Ct)).HtmlAsync();
        var body = publicPage.QuerySelector($"#komentar-{comment.Id} .comment-body");
        Assert.NotNull(body);
        Assert.Equal("Apakah layanan ini\nbisa dipakai warga luar kota?", body.TextContent);
        Assert.Contains("Pertanyaan", publicPage.QuerySelector($"#komentar-{comment.Id}")!.TextContent, StringComparison.Ordinal);

        // The unit's operator hears about the question, with a link to it.
        var notice = await App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == s.Operator.Id, Ct));
        Assert.Contains("Pertanyaan baru", notice.Title, StringComparison.Ordinal);
        Assert.Equal(FeedbackService.Link(s.Innovation.Id, comment.Id), notice.Link);
    }

    [Fact]
    public async Task Script_injection_is_stored_as_written_and_rendered_inert()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var client = App.ClientFor(visitor, handleCookies: true);
        const string payload = "<script>alert('x')</script> dan <img src=x onerror=alert(1)> serta \"><svg onload=alert(2)>";

        await (await PostCommentPageAsync(client, s.Innovation, payload)).ShouldBe(HttpStatusCode.Redirect);
        var viaApi = await App.ClientFor(visitor).PostJsonAsync($"/api/v1/innovations/{s.Innovation.Id}/comments", new { kind = "Comment", body = payload + " (api)" });
        await viaApi.ShouldBe(HttpStatusCode.Created);
        var stored = await CommentsOfAsync(visitor.Id);
        Assert.Equal(payload, stored[0].Body);

        var response = await App.AnonymousClient().GetAsync(Url(s.Innovation), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var doc = await response.HtmlAsync();
        foreach (var c in stored)
        {
            var node = doc.QuerySelector($"#komentar-{c.Id} .comment-body");
            Assert.NotNull(node);
            Assert.Empty(node.Children);
            Assert.Equal(c.Body, node.TextContent);
        }
        Assert.Empty(doc.QuerySelectorAll("[onerror], [onload], svg"));

        // The API hands the text back as text (JSON-escaped), for clients to encode.
        var list = await App.AnonymousClient().GetAsync($"/api/v1/innovations/{s.Innovation.Id}/comments", Ct);
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync(Ct));
        Assert.Contains(json.RootElement.GetProperty("items").EnumerateArray(), e => e.GetProperty("body").GetString() == payload);
    }

    [Fact]
    public async Task Oversized_and_empty_comments_are_refused_next_to_the_field_and_nothing_is_saved()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var client = App.ClientFor(visitor, handleCookies: true);

        var tooLong = await PostCommentPageAsync(client, s.Innovation, new string('a', 1500) + " " + new string('b', 600));
        await tooLong.ShouldBe(HttpStatusCode.BadRequest);
        var page = await tooLong.HtmlAsync();
        var error = page.QuerySelector("[data-valmsg-for='Input.Body']")?.TextContent ?? "";
        Assert.Contains("Maksimal 2.000 karakter", error, StringComparison.Ordinal);
        // The text is kept in the form so nothing typed is lost.
        Assert.StartsWith("aaaa", page.QuerySelector("textarea[name='Input.Body']")?.TextContent ?? "", StringComparison.Ordinal);

        await (await PostCommentPageAsync(client, s.Innovation, "  ")).ShouldBe(HttpStatusCode.BadRequest);
        await (await PostCommentPageAsync(client, s.Innovation, "ok")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Empty(await CommentsOfAsync(visitor.Id));

        // Exactly 2,000 characters is fine.
        await (await PostCommentPageAsync(client, s.Innovation, new string('c', 1000) + " " + new string('d', 999))).ShouldBe(HttpStatusCode.Redirect);
        Assert.Single(await CommentsOfAsync(visitor.Id));
    }

    [Fact]
    public async Task Api_answers_bad_input_with_problem_details_and_saves_nothing()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var api = App.ClientFor(visitor);
        var url = $"/api/v1/innovations/{s.Innovation.Id}/comments";

        var oversized = await (await api.PostJsonAsync(url, new { kind = "Comment", body = new string('x', 2001) })).ValidationErrorsAsync();
        Assert.Contains("2.000", oversized["body"][0], StringComparison.Ordinal);
        Assert.True((await (await api.PostJsonAsync(url, new { kind = "Comment", body = "" })).ValidationErrorsAsync()).ContainsKey("body"));
        Assert.True((await (await api.PostJsonAsync(url, new { kind = "Pujian", body = "Kata yang cukup panjang" })).ValidationErrorsAsync()).ContainsKey("kind"));
        await (await api.PostRawJsonAsync(url, "{\"body\": 12")).ShouldBe(HttpStatusCode.BadRequest);
        await (await api.PostJsonAsync("/api/v1/innovations/999999/comments", new { body = "Inovasi yang tidak ada" })).ProblemAsync(HttpStatusCode.NotFound);
        var draft = await App.CreateInnovationAsync(s.Unit.Id);
        await (await api.PostJsonAsync($"/api/v1/innovations/{draft.Id}/comments", new { body = "Draf tidak menerima komentar" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await App.AnonymousClient().GetAsync($"/api/v1/innovations/{draft.Id}/comments", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await CommentsOfAsync(visitor.Id));

        var english = App.ClientFor(visitor);
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c=en|uic=en");
        var en = await (await english.PostJsonAsync(url, new { kind = "Comment", body = new string('x', 2001) })).ValidationErrorsAsync();
        Assert.Contains("At most 2,000 characters", en["body"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_and_unverified_people_cannot_comment()
    {
        var s = await PublishedInnovationAsync();
        var anonymous = App.AnonymousClient();
        var page = await (await anonymous.GetAsync(Url(s.Innovation), Ct)).HtmlAsync();
        Assert.Null(page.QuerySelector("textarea[name='Input.Body']"));
        Assert.NotNull(page.QuerySelector("#komentar a[href^='/Pengunjung/Masuk']"));

        var before = await App.WithDbAsync(db => db.Comments.CountAsync(Ct));
        await (await anonymous.PostJsonAsync($"/api/v1/innovations/{s.Innovation.Id}/comments", new { body = "Tanpa akun" })).ProblemAsync(HttpStatusCode.Unauthorized);
        var form = await anonymous.PostAsync(Url(s.Innovation) + "/Komentar", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Body"] = "Tanpa akun" }), Ct);
        Assert.True(form.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, form.StatusCode.ToString());

        var unverified = await App.CreateUserAsync(Roles.Pengunjung, null);
        await App.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = await users.FindByIdAsync(unverified.Id);
            u!.EmailConfirmed = false;
            return await users.UpdateAsync(u);
        });
        await (await App.ClientFor(unverified).PostJsonAsync($"/api/v1/innovations/{s.Innovation.Id}/comments", new { body = "Belum verifikasi" })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await App.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Fact]
    public async Task Profanity_is_held_for_moderation_and_seen_only_by_its_author()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var client = App.ClientFor(visitor, handleCookies: true);

        var posted = await PostCommentPageAsync(client, s.Innovation, "Petugasnya anj1ng, antre tiga jam!", "Question");
        await posted.ShouldBe(HttpStatusCode.Redirect);
        var comment = Assert.Single(await CommentsOfAsync(visitor.Id));
        Assert.Equal(CommentStatus.Held, comment.Status);
        Assert.Contains("Profanity=anjing", comment.FilterFindings, StringComparison.Ordinal);

        var own = await (await client.GetAsync(Url(s.Innovation), Ct)).HtmlAsync();
        Assert.Contains("menunggu moderasi", Http.TextOf(own), StringComparison.Ordinal);
        Assert.Contains("Menunggu moderasi", own.QuerySelector($"#komentar-{comment.Id}")!.TextContent, StringComparison.Ordinal);
        var publicPage = await (await App.AnonymousClient().GetAsync(Url(s.Innovation), Ct)).HtmlAsync();
        Assert.Null(publicPage.QuerySelector($"#komentar-{comment.Id}"));
        // A held question reaches the unit only once a moderator approves it.
        Assert.Equal(0, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == s.Operator.Id, Ct)));

        var api = await App.ClientFor(visitor).PostJsonAsync($"/api/v1/innovations/{s.Innovation.Id}/comments", new { kind = "Comment", body = "Ayo main slot gacor di sini" });
        var dto = await api.ShouldBeCreated<JsonElement>();
        Assert.Equal("Held", dto.GetProperty("status").GetString());
        Assert.Contains("menunggu moderasi", dto.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Innocent words that contain a bad one are published at once.
        var innocent = await App.ClientFor(visitor).PostJsonAsync($"/api/v1/innovations/{s.Innovation.Id}/comments",
            new { kind = "Comment", body = "Kami dari Pantai Kenjeran, santai saja masuk antrean; asuransinya jelas." });
        Assert.Equal("Published", (await innocent.ShouldBeCreated<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_unit_answers_in_scope_and_another_unit_is_refused()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var created = await (await App.ClientFor(visitor).PostJsonAsync($"/api/v1/innovations/{s.Innovation.Id}/comments",
            new { kind = "Question", body = "Jam berapa layanan buka?" })).ShouldBeCreated<JsonElement>();
        var id = created.GetProperty("id").GetInt64();

        // The operator sees a reply form on the page and answers without JavaScript.
        var op = App.ClientFor(s.Operator, handleCookies: true);
        var page = await (await op.GetAsync(Url(s.Innovation), Ct)).HtmlAsync();
        Assert.NotNull(page.QuerySelector($"form[action='/Inovasi/Komentar/{id}/Balas'] textarea"));
        var replyPage = await (await op.GetAsync($"/Inovasi/Komentar/{id}/Balas", Ct)).HtmlAsync();
        var replied = await op.PostFormAsync(replyPage, $"/Inovasi/Komentar/{id}/Balas", new Dictionary<string, string> { ["Input.Body"] = "Buka pukul 08.00–15.00 WIB." });
        await replied.ShouldBe(HttpStatusCode.Redirect);
        var reply = await App.WithDbAsync(db => db.CommentReplies.AsNoTracking().SingleAsync(r => r.CommentId == id, Ct));
        Assert.Equal(s.Unit.Id, reply.OrganisationId);

        var shown = (await (await App.AnonymousClient().GetAsync(Url(s.Innovation), Ct)).HtmlAsync()).QuerySelector($"#komentar-{id}")!;
        Assert.Contains("Jawaban resmi unit", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains(s.Unit.Name, shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("Buka pukul 08.00–15.00 WIB.", shown.QuerySelector(".comment-reply .comment-body")!.TextContent, StringComparison.Ordinal);
        var notice = await App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == visitor.Id, Ct));
        Assert.Contains("menjawab pertanyaan Anda", notice.Title, StringComparison.Ordinal);

        // The parent agency's operator covers the unit's subtree; a neighbouring unit's does not.
        var agencyOp = await App.CreateUserAsync(Roles.Operator, s.Unit.ParentId);
        await (await App.ClientFor(agencyOp).PostJsonAsync($"/api/v1/comments/{id}/replies", new { body = "Tambahan dari dinas induk." })).ShouldBe(HttpStatusCode.Created);

        var other = await App.CreateOrganisationAsync("UPT Tetangga", (await App.KabKotaAsync()).Id);
        var otherOp = await App.CreateUserAsync(Roles.Operator, other.Id);
        var otherClient = App.ClientFor(otherOp, handleCookies: true);
        Assert.Null((await (await otherClient.GetAsync(Url(s.Innovation), Ct)).HtmlAsync()).QuerySelector("form[action$='/Balas']"));
        var refused = await otherClient.GetAsync($"/Inovasi/Komentar/{id}/Balas", Ct);
        await refused.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Contains("Hanya operator atau pimpinan unit", Http.TextOf(await refused.HtmlAsync()), StringComparison.Ordinal);
        var problem = await (await App.ClientFor(otherOp).PostJsonAsync($"/api/v1/comments/{id}/replies", new { body = "Bukan unit kami." })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Hanya operator", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Visitors cannot answer for a unit at all.
        await (await App.ClientFor(visitor).PostJsonAsync($"/api/v1/comments/{id}/replies", new { body = "Saya jawab sendiri." })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(2, await App.WithDbAsync(db => db.CommentReplies.CountAsync(r => r.CommentId == id, Ct)));
    }

    [Fact]
    public async Task An_account_posting_too_fast_is_refused_until_a_minute_has_passed()
    {
        var s = await PublishedInnovationAsync();
        var visitor = await App.CreateUserAsync(Roles.Pengunjung, null);
        var api = App.ClientFor(visitor);
        var url = $"/api/v1/innovations/{s.Innovation.Id}/comments";
        for (var n = 0; n < 5; n++)
            await (await api.PostJsonAsync(url, new { body = $"Komentar nomor {n} tentang layanan" })).ShouldBe(HttpStatusCode.Created);
        var refused = await (await api.PostJsonAsync(url, new { body = "Komentar keenam" })).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("terlalu banyak komentar", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, (await CommentsOfAsync(visitor.Id)).Count);

        App.Time.Advance(TimeSpan.FromSeconds(61));
        await (await api.PostJsonAsync(url, new { body = "Komentar keenam" })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public void Posting_endpoints_run_under_the_per_address_feedback_limit()
    {
        var endpoints = App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        string? Policy(string pattern, string method) => endpoints
            .Where(e => e.RoutePattern.RawText == pattern && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains(method) ?? true))
            .Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName).FirstOrDefault();
        foreach (var (pattern, method) in new[]
        {
            ("/api/v1/innovations/{id:int}/comments", "POST"), ("/api/v1/comments/{id:long}/replies", "POST"), ("/api/v1/comments/{id:long}/reports", "POST"),
            ("Inovasi/{id:int}/Komentar", "POST"), ("Inovasi/Komentar/{commentId:long}/Balas", "POST"), ("Inovasi/Komentar/{commentId:long}/Lapor", "POST"),
        })
            Assert.True(Policy(pattern, method) == Kovablik.Web.Infrastructure.WebSetup.FeedbackRateLimit, $"{method} {pattern}: {Policy(pattern, method) ?? "no limit"}");
    }
}

public sealed class CommentTestsSqlite() : CommentTests(DatabaseProvider.Sqlite);

public sealed class CommentTestsPostgres() : CommentTests(DatabaseProvider.Postgres);
