using System.Threading.Channels;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// A small in-process queue for work that outlives a request (imports). Progress is written to the
/// BackgroundJobs table, so any node can show it. See docs/decisions/0004-background-work.md.
/// </summary>
public sealed class BackgroundWorkQueue
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _channel =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(100);

    public ValueTask EnqueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct = default) =>
        _channel.Writer.WriteAsync(work, ct);

    public IAsyncEnumerable<Func<IServiceProvider, CancellationToken, Task>> ReadAllAsync(CancellationToken ct) =>
        _channel.Reader.ReadAllAsync(ct);
}

public sealed class BackgroundWorker(BackgroundWorkQueue queue, IServiceScopeFactory scopes, ILogger<BackgroundWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Background work failed");
            }
        }
    }
}

public static class BackgroundWorkExtensions
{
    public static IServiceCollection AddKovablikBackgroundWork(this IServiceCollection services)
    {
        services.AddSingleton<BackgroundWorkQueue>();
        services.AddHostedService<BackgroundWorker>();
        return services;
    }
}
