using Kovablik.Notifications;
using Microsoft.Extensions.Options;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// Work that runs on a schedule rather than on a request: the email outbox, deadline reminders, link re-checks.
/// Each task must be idempotent and safe on several nodes at once (they claim work through the database), because
/// every web node runs this loop.
/// </summary>
public interface IPeriodicTask
{
    Task RunAsync(CancellationToken ct);
}

public sealed class PeriodicWorkRunner(IServiceScopeFactory scopes, IOptions<KovablikOptions> options, ILogger<PeriodicWorkRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.PeriodicWorkSeconds;
        if (seconds <= 0) return;
        // The poll interval is operational, so it uses the real clock; the tasks read "now" from TimeProvider.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RunAllAsync(scopes, logger, stoppingToken);
    }

    public static async Task RunAllAsync(IServiceScopeFactory scopes, ILogger logger, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var task in scope.ServiceProvider.GetServices<IPeriodicTask>())
        {
            try
            {
                await task.RunAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Periodic task {Task} failed", task.GetType().Name);
            }
        }
    }
}

/// <summary>Mails the notices written since the last run.</summary>
public sealed class NotificationEmailTask(NotificationService notifications, IOptions<KovablikOptions> options) : IPeriodicTask
{
    public async Task RunAsync(CancellationToken ct)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? "http://localhost:5000" : options.Value.PublicBaseUrl;
        while (await notifications.SendPendingEmailsAsync(baseUrl, 100, ct) == 100) { }
    }
}
