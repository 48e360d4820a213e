using System.Collections.Concurrent;
using System.Text.Json;
using Kovablik.Data;
using Kovablik.Organisations.Import;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Web.Infrastructure;

/// <summary>
/// Runs organisation imports in the background. The job row (status, result) lives in the database; the
/// live percentage lives in memory on the node doing the work, because SQLite allows only one writer and
/// the import holds its transaction open. Other nodes still see "running" and the final report.
/// </summary>
public sealed class OrganisationImportJobs(BackgroundWorkQueue queue, KovablikDbContext db, CurrentUser user, HttpAuditContext audit)
{
    public const string Kind = "organisation-import";
    public const string FailedMessage = "Impor gagal karena kesalahan sistem. Tidak ada perubahan yang disimpan.";
    private static readonly ConcurrentDictionary<Guid, (int Done, int Total)> Live = new();

    public static (int Done, int Total)? LiveProgress(Guid id) => Live.TryGetValue(id, out var p) ? p : null;

    public async Task<BackgroundJob> StartAsync(IReadOnlyList<OrganisationImportRow> rows, bool onlyValidRows, CancellationToken ct)
    {
        var job = new BackgroundJob
        {
            Id = Guid.NewGuid(),
            Kind = Kind,
            Status = JobStatus.Queued,
            Total = rows.Count,
            CreatedByUserId = user.Id,
            CreatedAt = db.Time.GetUtcNow(),
        };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        var (actorId, actorName, ip) = (audit.UserId, audit.UserName, audit.IpAddress);
        Live[job.Id] = (0, rows.Count);
        await queue.EnqueueAsync(async (services, stop) =>
        {
            services.GetRequiredService<HttpAuditContext>().ActAs(actorId, actorName, ip);
            var jobs = services.GetRequiredService<KovablikDbContext>();
            var row = await jobs.BackgroundJobs.FirstAsync(j => j.Id == job.Id, stop);
            row.Status = JobStatus.Running;
            await jobs.SaveChangesAsync(stop);
            jobs.ChangeTracker.Clear();
            try
            {
                await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpAuditContext>().ActAs(actorId, actorName, ip);
                var work = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
                var plan = await new OrganisationImportValidator(work).PlanAsync(rows, stop);
                var report = await new OrganisationImporter(work).ApplyAsync(plan, onlyValidRows,
                    new Progress<(int Done, int Total)>(p => Live[job.Id] = p), stop);
                await FinishAsync(jobs, job.Id, report.Applied ? JobStatus.Succeeded : JobStatus.Failed, report.Message, JsonSerializer.Serialize(report), stop);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await FinishAsync(jobs, job.Id, JobStatus.Failed, FailedMessage, null, stop);
                throw;
            }
            finally
            {
                Live.TryRemove(job.Id, out _);
            }
        }, ct);
        return job;
    }

    private static async Task FinishAsync(KovablikDbContext db, Guid id, JobStatus status, string? message, string? result, CancellationToken ct)
    {
        var row = await db.BackgroundJobs.FirstAsync(j => j.Id == id, ct);
        row.Status = status;
        row.Message = message is { Length: > 2000 } ? message[..2000] : message;
        row.ResultJson = result;
        row.Done = row.Total;
        row.FinishedAt = db.Time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public static ImportReport? Report(BackgroundJob job) =>
        job.ResultJson is null ? null : JsonSerializer.Deserialize<ImportReport>(job.ResultJson);
}
