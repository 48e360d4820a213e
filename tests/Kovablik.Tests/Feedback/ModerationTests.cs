using System.Net;
using System.Text.Json;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Feedback;
using Kovablik.Innovations;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Feedback;

/// <summary>Reports, auto-hide, the moderators' queue and decisions, and the audit trail of all of it.</summary>
public abstract class ModerationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(Innovation Innovation, AppUser Operator)> InnovationAsync()
    {
        var unit = await App.CreateOrganisationAsync("UPT Moderasi", (await App.KabKotaAsync()).Id);
        return (await App.CreateInnovationAsync(unit.Id, publish: true), await App.CreateUserAsync(Roles.Operator, unit.Id));
    }

    private async Task<long> PostAsync(AppUser author, Innovation innovation, string body, string kind = "Comment")
    {
        var dto = await (await App.ClientFor(author).PostJsonAsync($"/api/v1/innovations/{innovation.Id}/comments", new { kind, body })).ShouldBeCreated<JsonElement>();
        return dto.GetProperty("id").GetInt64();
    }

    private Task<Comment> CommentAsync(long id) => App.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id, Ct));

    private Task<HttpResponseMessage> ReportAsync(AppUser who, long id, string reason = "Harassment", string? note = null) =>
        App.ClientFor(who).PostJsonAsync($"/api/v1/comments/{id}/reports", new { reason, note });

    [Fact]
    public async Task A_person_reports_a_comment_once_through_the_page_and_the_api()
    {
        var (innovation, _) = await InnovationAsync();
        var author = await App.CreateUserAsync(Roles.Pengunjung, null);
        var id = await PostAsync(author, innovation, "Pelayanannya lambat sekali minggu ini.");
        var reporter = await App.CreateUserAsync(Roles.Pengunjung, null);
        var browser = App.ClientFor(reporter, handleCookies: true);

        // The report link on the innovation page leads to a form with the reasons.
        var page = await (await browser.GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync();
        Assert.NotNull(page.QuerySelector($"#komentar-{id} a[href='/Inovasi/Komentar/{id}/Lapor']"));
        var form = await (await browser.GetAsync($"/Inovasi/Komentar/{id}/Lapor", Ct)).HtmlAsync();
        Assert.Equal(FeedbackLabels.Reasons.Count, form.QuerySelectorAll("input[name='Input.Reason']").Length);

        var noReason = await browser.PostFormAsync(form, $"/Inovasi/Komentar/{id}/Lapor", new Dictionary<string, string>());
        await noReason.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Pilih alasan laporan", (await noReason.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent, StringComparison.Ordinal);
        var otherWithoutNote = await browser.PostFormAsync(form, $"/Inovasi/Komentar/{id}/Lapor", new Dictionary<string, string> { ["Input.Reason"] = "Other" });
        await otherWithoutNote.ShouldBe(HttpStatusCode.BadRequest);

        await (await browser.PostFormAsync(form, $"/Inovasi/Komentar/{id}/Lapor", new Dictionary<string, string> { ["Input.Reason"] = "Spam", ["Input.Note"] = "Iklan" }))
            .ShouldBe(HttpStatusCode.Redirect);
        var again = await browser.PostFormAsync(form, $"/Inovasi/Komentar/{id}/Lapor", new Dictionary<string, string> { ["Input.Reason"] = "Spam" });
        await again.ShouldBe(HttpStatusCode.Conflict);
        Assert.Contains("sudah melaporkan", Http.TextOf(await again.HtmlAsync()), StringComparison.Ordinal);
        await (await ReportAsync(reporter, id)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.True((await (await ReportAsync(author, id)).ValidationErrorsAsync()).ContainsKey(""));
        Assert.True((await (await ReportAsync(await App.CreateUserAsync(Roles.Pengunjung, null), id, "Kesal")).ValidationErrorsAsync()).ContainsKey("reason"));
        await (await ReportAsync(reporter, 987654321)).ProblemAsync(HttpStatusCode.NotFound);
        await (await App.AnonymousClient().PostJsonAsync($"/api/v1/comments/{id}/reports", new { reason = "Spam" })).ProblemAsync(HttpStatusCode.Unauthorized);

        var comment = await CommentAsync(id);
        Assert.Equal(1, comment.ReportCount);
        Assert.Equal(CommentStatus.Published, comment.Status);
        Assert.Equal(1, await App.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == id, Ct)));
    }

    [Fact]
    public async Task Three_distinct_reports_hide_a_comment_until_a_moderator_decides()
    {
        var (innovation, _) = await InnovationAsync();
        var author = await App.CreateUserAsync(Roles.Pengunjung, null);
        var id = await PostAsync(author, innovation, "Komentar yang memancing keributan di sini.");

        for (var n = 1; n <= 3; n++)
        {
            var outcome = await (await ReportAsync(await App.CreateUserAsync(Roles.Pengunjung, null), id)).ShouldBeCreated<JsonElement>();
            Assert.Equal(n == 3, outcome.GetProperty("autoHidden").GetBoolean());
            Assert.Equal(n == 3 ? CommentStatus.Hidden : CommentStatus.Published, (await CommentAsync(id)).Status);
        }
        var hidden = await CommentAsync(id);
        Assert.Equal(3, hidden.ReportCount);
        Assert.Equal(ModerationReason.Harassment, hidden.HiddenReason);

        // Gone from the public page and the public API; the author still sees it, marked with the reason.
        Assert.Null((await (await App.AnonymousClient().GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync()).QuerySelector($"#komentar-{id}"));
        var list = await (await App.AnonymousClient().GetAsync($"/api/v1/innovations/{innovation.Id}/comments", Ct)).ShouldBeOk<JsonElement>();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetInt64() == id);
        var own = (await (await App.ClientFor(author).GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync()).QuerySelector($"#komentar-{id}");
        Assert.NotNull(own);
        Assert.Contains("Menghina atau melecehkan", own.TextContent, StringComparison.Ordinal);

        // It waits in the moderators' queue; approving it publishes it and resets the count toward auto-hide.
        var moderator = await App.CreateUserAsync(Roles.Moderator, null);
        var queue = await (await App.ClientFor(moderator).GetAsync("/api/v1/moderation/comments", Ct)).ShouldBeOk<JsonElement>();
        Assert.Contains(queue.EnumerateArray(), e => e.GetProperty("id").GetInt64() == id && e.GetProperty("newReports").GetInt32() == 3);
        await (await App.ClientFor(moderator).PostJsonAsync($"/api/v1/moderation/comments/{id}/approve", new { note = "Kritik yang sah." })).ShouldBe(HttpStatusCode.OK);
        var approved = await CommentAsync(id);
        Assert.Equal(CommentStatus.Published, approved.Status);
        Assert.Equal(3, approved.ReviewedReportCount);
        var after = await (await App.ClientFor(moderator).GetAsync("/api/v1/moderation/comments", Ct)).ShouldBeOk<JsonElement>();
        Assert.DoesNotContain(after.EnumerateArray(), e => e.GetProperty("id").GetInt64() == id);
        // One more report does not hide it again: only reports after the review count.
        await (await ReportAsync(await App.CreateUserAsync(Roles.Pengunjung, null), id)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(CommentStatus.Published, (await CommentAsync(id)).Status);

        var decisions = await App.WithDbAsync(db => db.ModerationDecisions.AsNoTracking().Where(d => d.CommentId == id).OrderBy(d => d.Id).ToListAsync(Ct));
        Assert.Equal([ModerationAction.AutoHide, ModerationAction.Approve], decisions.Select(d => d.Action));
        Assert.Null(decisions[0].ModeratorId);
        Assert.Equal(moderator.Id, decisions[1].ModeratorId);
    }

    [Fact]
    public async Task Moderator_approves_a_held_question_and_hides_a_comment_with_a_reason_on_the_pages()
    {
        var (innovation, op) = await InnovationAsync();
        var author = await App.CreateUserAsync(Roles.Pengunjung, null);
        var held = await PostAsync(author, innovation, "Goblok, kapan layanan ini buka di kecamatan kami?", "Question");
        var rude = await PostAsync(author, innovation, "Komentar ini akan disembunyikan moderator nanti.");
        Assert.Equal(CommentStatus.Held, (await CommentAsync(held)).Status);

        var moderator = await App.CreateUserAsync(Roles.Moderator, null);
        var mod = App.ClientFor(moderator, handleCookies: true);
        var queue = await (await mod.GetAsync("/Moderasi", Ct)).HtmlAsync();
        Assert.NotNull(queue.QuerySelector($"a[href='/Moderasi/Komentar/{held}']"));
        Assert.Contains("Kata kasar: goblok", Http.TextOf(queue), StringComparison.Ordinal);

        // Approve: published, and the unit now hears about the question.
        var page = await (await mod.GetAsync($"/Moderasi/Komentar/{held}", Ct)).HtmlAsync();
        var approveForm = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.Action.Contains("handler=Approve", StringComparison.Ordinal));
        await (await mod.PostAsync(approveForm.Action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ((AngleSharp.Html.Dom.IHtmlInputElement)approveForm.QuerySelector("input[name='__RequestVerificationToken']")!).Value,
        }), Ct)).ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(CommentStatus.Published, (await CommentAsync(held)).Status);
        Assert.Equal(1, await App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == op.Id && n.Link == FeedbackService.Link(innovation.Id, held), Ct)));

        // Hide: a reason is required, shown next to the field; with one, the author is told and sees it on the page.
        var url = $"/Moderasi/Komentar/{rude}?handler=Hide";
        page = await (await mod.GetAsync($"/Moderasi/Komentar/{rude}", Ct)).HtmlAsync();
        var missing = await mod.PostFormAsync(page, url, new Dictionary<string, string> { ["Input.Note"] = "" });
        await missing.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("Pilih alasan penyembunyian", (await missing.HtmlAsync()).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Published, (await CommentAsync(rude)).Status);
        await (await mod.PostFormAsync(page, url, new Dictionary<string, string> { ["Input.Reason"] = "OffTopic", ["Input.Note"] = "Tidak membahas inovasi." }))
            .ShouldBe(HttpStatusCode.Redirect);
        var hidden = await CommentAsync(rude);
        Assert.Equal(CommentStatus.Hidden, hidden.Status);
        Assert.Equal(ModerationReason.OffTopic, hidden.HiddenReason);

        var notice = await App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == author.Id, Ct));
        Assert.Contains("disembunyikan moderator", notice.Title, StringComparison.Ordinal);
        Assert.Contains("Tidak berkaitan dengan inovasi", Kovablik.Platform.Message.ToIndonesian(notice.Body), StringComparison.Ordinal);
        Assert.Contains("Tidak membahas inovasi.", notice.Body, StringComparison.Ordinal);
        var own = (await (await App.ClientFor(author).GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync()).QuerySelector($"#komentar-{rude}")!;
        Assert.Contains("Disembunyikan", own.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tidak berkaitan dengan inovasi", own.TextContent, StringComparison.Ordinal);
        Assert.Null((await (await App.AnonymousClient().GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync()).QuerySelector($"#komentar-{rude}"));

        // The moderator's page keeps the history.
        var history = Http.TextOf(await (await mod.GetAsync($"/Moderasi/Komentar/{rude}", Ct)).HtmlAsync());
        Assert.Contains("Disembunyikan moderator", history, StringComparison.Ordinal);
        Assert.Contains("Disembunyikan", Http.TextOf(await (await mod.GetAsync("/Moderasi", Ct)).HtmlAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitors_and_unit_staff_cannot_moderate()
    {
        var (innovation, op) = await InnovationAsync();
        var author = await App.CreateUserAsync(Roles.Pengunjung, null);
        var id = await PostAsync(author, innovation, "Komentar biasa tentang layanan.");
        foreach (var user in new[] { author, op })
        {
            foreach (var page in new[] { "/Moderasi", $"/Moderasi/Komentar/{id}" })
            {
                var denied = await App.ClientFor(user).GetAsync(page, Ct);
                await denied.ShouldBe(HttpStatusCode.Redirect);
                Assert.StartsWith("/Akun/AksesDitolak", denied.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reason"] = "Spam" });
            Assert.NotEqual(HttpStatusCode.OK, (await App.ClientFor(user).PostAsync($"/Moderasi/Komentar/{id}?handler=Hide", form, Ct)).StatusCode);
            await (await App.ClientFor(user).PostJsonAsync($"/api/v1/moderation/comments/{id}/hide", new { reason = "Spam" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await App.ClientFor(user).GetAsync("/api/v1/moderation/comments", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(CommentStatus.Published, (await CommentAsync(id)).Status);

        var panitia = await App.CreateUserAsync(Roles.Panitia, null);
        var bad = await (await App.ClientFor(panitia).PostJsonAsync($"/api/v1/moderation/comments/{id}/hide", new { reason = "Other" })).ValidationErrorsAsync();
        Assert.True(bad.ContainsKey("note"));
        await (await App.ClientFor(panitia).PostJsonAsync($"/api/v1/moderation/comments/{id}/hide", new { reason = "Bebas" })).ValidationErrorsAsync();
        Assert.Equal(CommentStatus.Published, (await CommentAsync(id)).Status);
    }

    [Fact]
    public async Task Comments_replies_reports_and_decisions_are_audited()
    {
        var (innovation, op) = await InnovationAsync();
        var author = await App.CreateUserAsync(Roles.Pengunjung, null);
        var id = await PostAsync(author, innovation, "Apakah ada layanan antar jemput?", "Question");
        await (await App.ClientFor(op).PostJsonAsync($"/api/v1/comments/{id}/replies", new { body = "Ada, hubungi kantor kecamatan." })).ShouldBe(HttpStatusCode.Created);
        await (await ReportAsync(await App.CreateUserAsync(Roles.Pengunjung, null), id, "Spam")).ShouldBe(HttpStatusCode.Created);
        var moderator = await App.CreateUserAsync(Roles.Moderator, null);
        await (await App.ClientFor(moderator).PostJsonAsync($"/api/v1/moderation/comments/{id}/hide", new { reason = "Spam", note = "Promosi." })).ShouldBe(HttpStatusCode.OK);

        var replyId = await App.WithDbAsync(db => db.CommentReplies.Where(r => r.CommentId == id).Select(r => r.Id).SingleAsync(Ct));
        var reportId = await App.WithDbAsync(db => db.CommentReports.Where(r => r.CommentId == id).Select(r => r.Id).SingleAsync(Ct));
        var decisionId = await App.WithDbAsync(db => db.ModerationDecisions.Where(r => r.CommentId == id).Select(r => r.Id).SingleAsync(Ct));
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Comment" || a.EntityType == "CommentReply" || a.EntityType == "CommentReport" || a.EntityType == "ModerationDecision")
            .ToListAsync(Ct));
        Assert.Contains(audit, a => a is { EntityType: "Comment", Action: "Create" } && a.EntityId == id.ToString() && a.UserId == author.Id
            && a.ChangesJson!.Contains("antar jemput", StringComparison.Ordinal));
        Assert.Contains(audit, a => a is { EntityType: "CommentReply", Action: "Create" } && a.EntityId == replyId.ToString() && a.UserId == op.Id);
        Assert.Contains(audit, a => a is { EntityType: "CommentReport", Action: "Create" } && a.EntityId == reportId.ToString());
        Assert.Contains(audit, a => a is { EntityType: "ModerationDecision", Action: "Create" } && a.EntityId == decisionId.ToString() && a.UserId == moderator.Id);
        Assert.Contains(audit, a => a is { EntityType: "Comment", Action: "Update" } && a.EntityId == id.ToString() && a.UserId == moderator.Id
            && a.ChangesJson!.Contains("Status", StringComparison.Ordinal));
    }
}

public sealed class ModerationTestsSqlite() : ModerationTests(DatabaseProvider.Sqlite);

public sealed class ModerationTestsPostgres() : ModerationTests(DatabaseProvider.Postgres);
