using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions.Proposals;
using Kovablik.Notifications;
using Kovablik.Platform;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Kovablik.Tests.Competitions.Deadlines.DeadlineTestData;

namespace Kovablik.Tests.Notifications;

public abstract class NotificationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    /// <summary>Adds notices for an account as a domain change would (outbox rows, saved together).</summary>
    private async Task AddAsync(AppUser user, int count, string? link = null) => await App.WithServicesAsync(async sp =>
    {
        var service = sp.GetRequiredService<NotificationService>();
        for (var i = 0; i < count; i++)
            service.Add([(user.Id, user.Email)], Message.Format("Pemberitahuan uji {0}", i), "Isi pemberitahuan.", link);
        await sp.GetRequiredService<Kovablik.Data.KovablikDbContext>().SaveChangesAsync(Ct);
        return 0;
    });

    private Task<int> UnreadAsync(string userId) => App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, Ct));

    [Fact]
    public async Task Inbox_lists_newest_first_highlights_unread_and_marks_read_without_javascript()
    {
        var user = await App.CreateUserAsync(Roles.Operator, (await App.KabKotaAsync()).Id);
        await AddAsync(user, 2);
        await AddAsync(user, 1, "/Kelola/Proposal");
        var client = App.ClientFor(user, handleCookies: true);

        var page = await (await client.GetAsync("/Notifikasi", Ct)).HtmlAsync();
        var items = page.QuerySelectorAll("main li.list-group-item").ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains("Pemberitahuan uji 0", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/Notifikasi/Buka/" + (await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == user.Id).MaxAsync(n => n.Id, Ct))),
            items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.All(items, i => Assert.Contains("unread", i.ClassList));
        // The navbar badge counts unread notices.
        Assert.Contains("3", page.QuerySelector("a.nav-link[href='/Notifikasi'] .badge")!.TextContent, StringComparison.Ordinal);

        var ids = await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(Ct));
        var marked = await client.PostFormAsync(page, $"/Notifikasi?handler=Read&id={ids[0]}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(2, await UnreadAsync(user.Id));

        // Following a notice's link marks it read and goes there.
        var open = await client.GetAsync($"/Notifikasi/Buka/{ids[2]}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/Kelola/Proposal", open.Headers.Location!.OriginalString);
        Assert.Equal(1, await UnreadAsync(user.Id));

        page = await (await client.GetAsync("/Notifikasi", Ct)).HtmlAsync();
        Assert.Single(page.QuerySelectorAll("main li.unread"));
        var all = await client.PostFormAsync(page, "/Notifikasi?handler=ReadAll", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(0, await UnreadAsync(user.Id));
        page = await (await client.GetAsync("/Notifikasi", Ct)).HtmlAsync();
        Assert.Null(page.QuerySelector("a.nav-link[href='/Notifikasi'] .badge"));
        Assert.Empty(page.QuerySelectorAll("main li.unread"));

        // Another account's notice cannot be opened; signed-out visitors are sent to sign in.
        var other = App.ClientFor(await App.CreateUserAsync(Roles.Operator, null));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Notifikasi/Buka/{ids[2]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.AnonymousClient().GetAsync("/Notifikasi", Ct)).StatusCode);
    }

    [Fact]
    public async Task Inbox_pages_twenty_at_a_time()
    {
        var user = await App.CreateUserAsync(Roles.Operator, null);
        await AddAsync(user, 25);
        var client = App.ClientFor(user);
        var first = await (await client.GetAsync("/Notifikasi", Ct)).HtmlAsync();
        Assert.Equal(20, first.QuerySelectorAll("main li.list-group-item").Length);
        Assert.Contains("Pemberitahuan uji 24", first.QuerySelectorAll("main li.list-group-item")[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("a[href='/Notifikasi?halaman=2']"));
        var second = await (await client.GetAsync("/Notifikasi?halaman=2", Ct)).HtmlAsync();
        Assert.Equal(5, second.QuerySelectorAll("main li.list-group-item").Length);
        Assert.Null(second.QuerySelector("a[href='/Notifikasi?halaman=3']"));
    }

    [Fact]
    public async Task Api_lists_own_notices_and_marks_them_read()
    {
        var user = await App.CreateUserAsync(Roles.Operator, null);
        await AddAsync(user, 3);
        var client = App.ClientFor(user);
        var page = await (await client.GetAsync("/api/v1/notifications", Ct)).ShouldBeOk<NotificationPageDto>();
        Assert.Equal(3, page.UnreadCount);
        Assert.Equal(["Pemberitahuan uji 2", "Pemberitahuan uji 1", "Pemberitahuan uji 0"], page.Items.Select(i => i.Title).ToArray());
        var english = await (await client.GetAsync("/api/v1/notifications?culture=en", Ct)).ShouldBeOk<NotificationPageDto>();
        Assert.Equal(3, english.Items.Count);

        await (await client.PostAsync($"/api/v1/notifications/{page.Items[0].Id}/read", null, Ct)).ShouldBe(HttpStatusCode.NoContent);
        await (await client.PostAsync($"/api/v1/notifications/{page.Items[0].Id}/read", null, Ct)).ShouldBe(HttpStatusCode.NoContent);
        var unread = await (await client.GetAsync("/api/v1/notifications?unreadOnly=true", Ct)).ShouldBeOk<NotificationPageDto>();
        Assert.Equal(2, unread.Items.Count);
        Assert.DoesNotContain(unread.Items, i => i.Id == page.Items[0].Id);

        // Someone else's notice does not exist for this account, and stays unread.
        var stranger = App.ClientFor(await App.CreateUserAsync(Roles.Operator, null));
        await (await stranger.PostAsync($"/api/v1/notifications/{page.Items[1].Id}/read", null, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, await UnreadAsync(user.Id));
        Assert.Equal(0, (await (await stranger.PostAsync("/api/v1/notifications/read-all", null, Ct)).ShouldBeOk<MarkedReadDto>()).Marked);
        Assert.Equal(2, await UnreadAsync(user.Id));

        Assert.Equal(2, (await (await client.PostAsync("/api/v1/notifications/read-all", null, Ct)).ShouldBeOk<MarkedReadDto>()).Marked);
        Assert.Equal(0, await UnreadAsync(user.Id));
        await (await App.AnonymousClient().GetAsync("/api/v1/notifications", Ct)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Submission_notice_is_mailed_from_the_outbox_with_an_Indonesian_subject()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(10));
        var unit = await UnitAsync(App);
        var p = await SubmittedAsync(App, unit, edition);
        await App.WithServicesAsync(async sp =>
        {
            await sp.GetServices<IPeriodicTask>().OfType<NotificationEmailTask>().Single().RunAsync(Ct);
            return 0;
        });

        var subject = $"[Kovablik] Proposal “{p.Title}” diterima";
        var found = false;
        foreach (var file in Directory.EnumerateFiles(App.MailDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
            // The parent agency's staff hear of it too; this one is the unit operator's copy.
            if (message.Subject != subject || message.To.Mailboxes.Single().Address != unit.Operator.Email) continue;
            Assert.Contains($"/Kelola/Proposal/Ubah/{p.Id}", message.TextBody, StringComparison.Ordinal);
            found = true;
        }
        Assert.True(found, $"No email with subject {subject}");
        var notice = Assert.Single(await NoticesAsync(App, unit.Operator.Id));
        Assert.Equal(EmailState.Sent, notice.EmailState);
    }

    [Fact]
    public async Task A_failing_mail_server_does_not_fail_a_submission_and_the_notice_waits_in_the_outbox()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(10));
        var unit = await UnitAsync(App);
        var p = await SubmittedAsync(App, unit, edition);
        Assert.Equal("Submitted", p.Status);

        var sent = await App.WithServicesAsync(sp =>
            new NotificationService(sp.GetRequiredService<Kovablik.Data.KovablikDbContext>(), new FailingSender(), NullLogger<NotificationService>.Instance)
                .SendPendingEmailsAsync("http://localhost", 1000, Ct));
        Assert.Equal(0, sent);
        var notice = Assert.Single(await NoticesAsync(App, unit.Operator.Id));
        Assert.Equal(EmailState.Pending, notice.EmailState);
        Assert.Equal(1, notice.EmailAttempts);
        Assert.Equal(ProposalStatus.Submitted, await App.WithDbAsync(db => db.Proposals.Where(x => x.Id == p.Id).Select(x => x.Status).SingleAsync(Ct)));
    }

    private sealed class FailingSender : IEmailSender
    {
        public Task SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default) =>
            throw new IOException("SMTP server unreachable");
    }
}

public sealed class NotificationTestsSqlite() : NotificationTests(DatabaseProvider.Sqlite);

public sealed class NotificationTestsPostgres() : NotificationTests(DatabaseProvider.Postgres);
