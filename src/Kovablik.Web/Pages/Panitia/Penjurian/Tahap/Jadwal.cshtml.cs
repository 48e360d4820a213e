using Kovablik.Competitions;
using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penjurian.Tahap;

/// <summary>
/// A stage's schedule: presentation slots (by hand or generated back to back) for a Presentation stage, field visits for a
/// Visit stage. Unconfirmed slots are highlighted. Every form posts and redirects back (no JavaScript needed); a refusal
/// re-renders the page with the errors next to the fields of the form that was sent.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class JadwalModel(JudgingScheduleService service, CurrentUser user, IStringLocalizer<SharedResource> l, TimeProvider time) : PageModel
{
    public StageSchedule Schedule { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public GenerateForm Generate { get; set; } = new();

    [BindProperty]
    public SlotForm Slot { get; set; } = new();

    [BindProperty]
    public VisitForm Visit { get; set; } = new();

    /// <summary>The row whose edit form was sent and refused, kept open with its input.</summary>
    public int? EditingId { get; private set; }

    public JudgingStage Stage => Schedule.Stage;

    public IEnumerable<ScheduleProposal> Unscheduled =>
        Schedule.Proposals.Where(p => !Schedule.Slots.Any(s => s.Slot.ProposalId == p.Id) && !Schedule.Visits.Any(v => v.Visit.ProposalId == p.Id));

    public async Task<IActionResult> OnGetAsync(int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        Generate = new GenerateForm
        {
            StartsAt = EditionService.ToWibLocal(Stage.ScoringOpensAt is { } o && o > Now ? o : null),
            PresentationMinutes = Stage.PresentationMinutes,
            InterviewMinutes = Stage.InterviewMinutes,
            BreakMinutes = 0,
        };
        Slot = new SlotForm { PresentationMinutes = Stage.PresentationMinutes, InterviewMinutes = Stage.InterviewMinutes };
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(int stageId, CancellationToken ct)
    {
        var result = await service.GenerateSlotsAsync(stageId, new GenerateSlotsInput(DeadlineService.FromWib(Generate.StartsAt),
            Generate.PresentationMinutes, Generate.InterviewMinutes, Generate.BreakMinutes, Generate.MeetingUrl, Generate.FallbackVenue), user.Id, ct);
        return await AnswerAsync(stageId, result, nameof(Generate), null,
            () => string.Format(l["{0} jadwal presentasi dibuat dan diberitahukan."], result.Value!.Count), ct);
    }

    public async Task<IActionResult> OnPostAddSlotAsync(int stageId, CancellationToken ct)
    {
        var result = await service.CreateSlotAsync(stageId, new SlotInput(Slot.ProposalId, DeadlineService.FromWib(Slot.StartsAt),
            Slot.PresentationMinutes, Slot.InterviewMinutes, Slot.MeetingUrl, Slot.FallbackVenue), user.Id, ct);
        return await AnswerAsync(stageId, result, nameof(Slot), null, () => l["Jadwal presentasi disimpan dan diberitahukan."].Value, ct);
    }

    public async Task<IActionResult> OnPostEditSlotAsync(int stageId, int slotId, CancellationToken ct)
    {
        var result = await service.UpdateSlotAsync(slotId, new SlotInput(null, DeadlineService.FromWib(Slot.StartsAt),
            Slot.PresentationMinutes, Slot.InterviewMinutes, Slot.MeetingUrl, Slot.FallbackVenue, Slot.ExpectedVersion), ct);
        return await AnswerAsync(stageId, result, nameof(Slot), slotId, () => l["Jadwal presentasi diubah."].Value, ct);
    }

    public async Task<IActionResult> OnPostDeleteSlotAsync(int stageId, int slotId, CancellationToken ct)
    {
        var result = await service.DeleteSlotAsync(slotId, ct);
        return await AnswerAsync(stageId, result, nameof(Slot), null, () => l["Jadwal presentasi dihapus."].Value, ct);
    }

    public async Task<IActionResult> OnPostAddVisitAsync(int stageId, CancellationToken ct)
    {
        var result = await service.CreateVisitAsync(stageId, new VisitInput(Visit.ProposalId, DeadlineService.FromWib(Visit.ScheduledAt), Visit.Address), user.Id, ct);
        return await AnswerAsync(stageId, result, nameof(Visit), null, () => l["Jadwal visitasi disimpan dan diberitahukan."].Value, ct);
    }

    public async Task<IActionResult> OnPostEditVisitAsync(int stageId, int visitId, CancellationToken ct)
    {
        var result = await service.UpdateVisitAsync(visitId, new VisitInput(null, DeadlineService.FromWib(Visit.ScheduledAt), Visit.Address, Visit.ExpectedVersion), ct);
        return await AnswerAsync(stageId, result, nameof(Visit), visitId, () => l["Jadwal visitasi diubah."].Value, ct);
    }

    public async Task<IActionResult> OnPostDeleteVisitAsync(int stageId, int visitId, CancellationToken ct)
    {
        var result = await service.DeleteVisitAsync(visitId, ct);
        return await AnswerAsync(stageId, result, nameof(Visit), null, () => l["Jadwal visitasi dihapus."].Value, ct);
    }

    private async Task<IActionResult> AnswerAsync<T>(int stageId, Result<T> result, string prefix, int? editing, Func<string> notice, CancellationToken ct)
    {
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = notice();
            return RedirectToPage(new { stageId });
        }
        if (!await LoadAsync(stageId, ct)) return NotFound();
        // Only the sent form's errors count: the other forms were not filled in.
        ModelState.Clear();
        ModelState.AddErrors(result.Errors, prefix, l);
        EditingId = editing;
        Response.StatusCode = result.Kind == ResultKind.Conflict ? 409 : 400;
        return Page();
    }

    private async Task<bool> LoadAsync(int stageId, CancellationToken ct)
    {
        var result = await service.StageAsync(stageId, ct);
        if (!result.Succeeded) return false;
        Schedule = result.Value!;
        Now = time.GetUtcNow();
        return true;
    }

    public sealed class GenerateForm
    {
        /// <summary>WIB wall-clock time.</summary>
        public DateTime? StartsAt { get; set; }

        public int? PresentationMinutes { get; set; }
        public int? InterviewMinutes { get; set; }
        public int? BreakMinutes { get; set; }
        public string? MeetingUrl { get; set; }
        public string? FallbackVenue { get; set; }
    }

    public sealed class SlotForm
    {
        public int? ProposalId { get; set; }

        /// <summary>WIB wall-clock time.</summary>
        public DateTime? StartsAt { get; set; }

        public int? PresentationMinutes { get; set; }
        public int? InterviewMinutes { get; set; }
        public string? MeetingUrl { get; set; }
        public string? FallbackVenue { get; set; }
        public Guid? ExpectedVersion { get; set; }
    }

    public sealed class VisitForm
    {
        public int? ProposalId { get; set; }

        /// <summary>WIB wall-clock time.</summary>
        public DateTime? ScheduledAt { get; set; }

        public string? Address { get; set; }
        public Guid? ExpectedVersion { get; set; }
    }
}
