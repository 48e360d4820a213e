using Kovablik.Competitions.Judging.Schedule;

namespace Kovablik.Web.Infrastructure;

/// <summary>Reminds units, once, to confirm a presentation slot that starts within 48 hours.</summary>
public sealed class PresentationReminderTask(JudgingScheduleService schedule) : IPeriodicTask
{
    public Task RunAsync(CancellationToken ct) => schedule.SendConfirmationRemindersAsync(ct);
}
