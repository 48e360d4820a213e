using Kovablik.Competitions.Judging.Scoring;

namespace Kovablik.Web.Infrastructure;

/// <summary>D-3 and D-1 reminders to jurors with unfinished score sheets (idempotent, safe on several nodes).</summary>
public sealed class ScoringReminderTask(ScoringReminderService reminders) : IPeriodicTask
{
    public Task RunAsync(CancellationToken ct) => reminders.SendDueAsync(ct);
}
