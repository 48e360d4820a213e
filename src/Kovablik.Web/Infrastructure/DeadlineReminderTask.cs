using Kovablik.Competitions.Deadlines;

namespace Kovablik.Web.Infrastructure;

/// <summary>D-7, D-3 and D-1 reminders to units with unsubmitted proposals (idempotent, safe on several nodes).</summary>
public sealed class DeadlineReminderTask(DeadlineReminderService reminders) : IPeriodicTask
{
    public Task RunAsync(CancellationToken ct) => reminders.SendDueAsync(ct);
}
