using System.Threading.Channels;
using Kovablik.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kovablik.Exhibitions;

/// <summary>A vote that passed the booth lookup, waiting for the writer; <see cref="Done"/> completes after its commit.</summary>
internal sealed record PendingVote(int ExhibitionId, int BoothId, int InnovationId, string UserId, string IpHash)
{
    public TaskCompletionSource<VoteOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for the favourite vote (docs/performance.md, "Favourite-vote surge"). Requests put their vote on a
/// bounded queue; one writer per process takes whatever has queued up (up to <see cref="MaxBatch"/>) and decides all
/// of it in one transaction: the per-person locks in one statement, one read of those people's votes, the per-vote
/// rules in arrival order, one batched insert, one counter update, one commit (one fsync). Each request gets its own
/// answer only after that commit, so every "counted" is durable. While a batch commits the next one queues, so the
/// batch grows with the load and there is no timer. The unique index stays the last word: if the batch fails (e.g. a
/// vote of another process got in first) it is rolled back and its votes are decided one by one the old way.
/// </summary>
public sealed class VoteBatcher(IServiceScopeFactory scopes, ILogger<VoteBatcher> logger) : IAsyncDisposable
{
    public const int MaxBatch = 256;

    private readonly Channel<PendingVote> _queue = Channel.CreateBounded<PendingVote>(
        new BoundedChannelOptions(4 * MaxBatch) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _startLock = new();
    private Task? _writer;

    internal async Task<VoteOutcome> SubmitAsync(PendingVote vote, CancellationToken ct)
    {
        EnsureWriter();
        await _queue.Writer.WriteAsync(vote, ct);
        // Not cancellable once queued: the vote may already be in a commit, and its answer must match the table.
        return await vote.Done.Task;
    }

    private void EnsureWriter()
    {
        if (_writer is not null) return;
        lock (_startLock) _writer ??= Task.Run(WriteLoopAsync);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingVote>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var v)) batch.Add(v);
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingVote> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcomes = await ExhibitionVoting.WriteBatchAsync(db, batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
            logger.LogDebug("Vote batch of {Count} written in {Ms:F1} ms", batch.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A batch of {Count} votes failed; deciding them one by one", batch.Count);
            // Fall through: decide each vote alone, so one bad vote (or a race with another process) cannot fail the others.
        }
        foreach (var vote in batch)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
                vote.Done.TrySetResult(await ExhibitionVoting.WriteBatchAsync(db, [vote], CancellationToken.None) is [var one] ? one : throw new InvalidOperationException());
            }
            catch (DbUpdateException e) when (ExhibitionVoting.IsUniqueViolation(e))
            {
                vote.Done.TrySetResult(new(VoteStatus.AlreadyVoted, ExhibitionVoting.AlreadyVotedMessage, 0, 0));
            }
            catch (Exception e)
            {
                vote.Done.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            try { await _writer; }
            catch (Exception) { /* shutting down: nothing left to answer */ }
        }
    }
}
