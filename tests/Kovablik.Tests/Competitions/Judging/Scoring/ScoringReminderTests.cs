using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Scoring;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Judging.Scoring;

/// <summary>D-3 and D-1 scoring reminders: only to jurors with unfinished sheets, each once, in-app and by email.</summary>
public abstract class ScoringReminderTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Jurors_with_unfinished_sheets_are_reminded_three_days_and_one_day_before_once_each()
    {
        var scene = await ScoringFixture.SceneAsync(App, configure: s => s.ScoringDeadline = App.Time.GetUtcNow().AddDays(2.5));
        var behind = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        var done = await ScoringFixture.JurorAsync(App, scene.Edition.Id);
        var conflictedOnly = await ScoringFixture.JurorAsync(App, scene.Edition.Id, organisationId: scene.KabKotaId);
        foreach (var j in new[] { behind, done, conflictedOnly })
            await ScoringFixture.AssignAsync(App, scene.Stage.Id, j.Juror.Id, scene.Proposal.Id);
        var submitted = await App.WithServicesAsync(sp => sp.GetRequiredService<ScoringService>()
            .SubmitAsync(done.User.Id, scene.Stage.Id, scene.Proposal.Id, new ScoreSheetInput { Scores = ScoringFixture.SampleScores() }, Ct));
        Assert.True(submitted.Succeeded);

        await RunTasksAsync();
        var notices = await NoticesAsync(behind.User.Id);
        var first = Assert.Single(notices);
        Assert.Contains("D-3", first.Title);
        Assert.Contains("Masih ada 1 proposal", first.Body);
        Assert.Equal("/Juri", first.Link);
        Assert.Empty(await NoticesAsync(done.User.Id));
        // The only proposal of this juror is one they are conflicted with: nothing is left for them.
        Assert.Empty(await NoticesAsync(conflictedOnly.User.Id));
        Assert.True(await MailedAsync(behind.User.Email!, "D-3"));

        await RunTasksAsync();
        Assert.Single(await NoticesAsync(behind.User.Id));

        App.Time.Advance(TimeSpan.FromDays(1.75));
        await RunTasksAsync();
        await RunTasksAsync();
        notices = await NoticesAsync(behind.User.Id);
        Assert.Equal(2, notices.Count);
        Assert.Contains("D-1", notices[1].Title);
        Assert.Empty(await NoticesAsync(done.User.Id));
        Assert.Equal(["D-1", "D-3"], await App.WithDbAsync(db => db.ScoringReminders.Where(r => r.JurorId == behind.Juror.Id).OrderBy(r => r.Kind).Select(r => r.Kind).ToListAsync(Ct)));

        // After the deadline nothing more is sent.
        App.Time.Advance(TimeSpan.FromDays(1));
        await RunTasksAsync();
        Assert.Equal(2, (await NoticesAsync(behind.User.Id)).Count);
    }

    private async Task RunTasksAsync()
    {
        await App.WithServicesAsync(async sp =>
        {
            foreach (var task in sp.GetServices<IPeriodicTask>().Where(t => t is ScoringReminderTask or NotificationEmailTask))
                await task.RunAsync(Ct);
            return 0;
        });
    }

    private Task<List<Kovablik.Notifications.Notification>> NoticesAsync(string userId) =>
        App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync(Ct));

    private async Task<bool> MailedAsync(string address, string text)
    {
        if (!Directory.Exists(App.MailDirectory)) return false;
        foreach (var file in Directory.EnumerateFiles(App.MailDirectory, "*.eml"))
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
            if (message.To.Mailboxes.Any(m => m.Address == address) && (message.Subject ?? "").Contains(text, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

public sealed class ScoringReminderTestsSqlite() : ScoringReminderTests(DatabaseProvider.Sqlite);

public sealed class ScoringReminderTestsPostgres() : ScoringReminderTests(DatabaseProvider.Postgres);
