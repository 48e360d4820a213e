using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Results;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penjurian.Tahap;

/// <summary>
/// A stage's results for Panitia: preview and publish once after the freeze (names that passed or the full ranking,
/// objection window length), then triage the public objections: accept or reject with a resolution, publish it.
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class HasilModel(KovablikDbContext db, JudgingResultsService results, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public JudgingStage Stage { get; private set; } = null!;
    public string EditionName { get; private set; } = "";
    public string EditionSlug { get; private set; } = "";
    public List<PublicResultRow> Rows { get; private set; } = [];
    public List<ObjectionView> Objections { get; private set; } = [];
    public bool ObjectionsOpen { get; private set; }

    [BindProperty] public PublishForm Publish { get; set; } = new();
    [BindProperty] public ResolveForm Resolve { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        Publish = new PublishForm { Publication = Stage.Publication, ObjectionDays = Stage.ObjectionDays, Version = Stage.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int stageId, CancellationToken ct)
    {
        var result = await results.PublishAsync(stageId, new PublishInput(Publish.Publication, Publish.ObjectionDays, Publish.Version), user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ShowErrorsAsync(stageId, result.Errors, nameof(Publish), result.Kind, ct);
        TempData["Flash"] = l["Hasil tahap diumumkan; masa sanggah dibuka dan unit peserta diberi tahu."].Value;
        return Redirect($"/Panitia/Penjurian/Tahap/{stageId}/Hasil");
    }

    public async Task<IActionResult> OnPostResolveAsync(int stageId, int objectionId, CancellationToken ct)
    {
        if (!await OwnsAsync(stageId, objectionId, ct)) return NotFound();
        var result = await results.ResolveAsync(objectionId, new ResolveInput(Resolve.Status, Resolve.Resolution, Resolve.Version), user.Id, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ShowErrorsAsync(stageId, result.Errors, Prefix(objectionId), result.Kind, ct, objectionId);
        TempData["Flash"] = l["Keputusan sanggahan disimpan. Umumkan tanggapannya bila sudah final."].Value;
        return Redirect($"/Panitia/Penjurian/Tahap/{stageId}/Hasil#sanggahan-{objectionId}");
    }

    public async Task<IActionResult> OnPostPublishResolutionAsync(int stageId, int objectionId, CancellationToken ct)
    {
        if (!await OwnsAsync(stageId, objectionId, ct)) return NotFound();
        var result = await results.PublishResolutionAsync(objectionId, Resolve.Version, ct);
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (!result.Succeeded) return await ShowErrorsAsync(stageId, result.Errors, Prefix(objectionId), result.Kind, ct, objectionId);
        TempData["Flash"] = l["Tanggapan sanggahan diumumkan dan pengirimnya diberi tahu."].Value;
        return Redirect($"/Panitia/Penjurian/Tahap/{stageId}/Hasil#sanggahan-{objectionId}");
    }

    public static string Prefix(int objectionId) => "Objection" + objectionId;

    /// <summary>The resolve form's values for an objection after a refused post (kept), or its stored ones.</summary>
    public int? FailedObjectionId { get; private set; }

    private Task<bool> OwnsAsync(int stageId, int objectionId, CancellationToken ct) =>
        db.JudgingObjections.AnyAsync(o => o.Id == objectionId && o.StageId == stageId, ct);

    private async Task<IActionResult> ShowErrorsAsync(int stageId, IReadOnlyDictionary<string, string[]> errors, string prefix, ResultKind kind,
        CancellationToken ct, int? objectionId = null)
    {
        if (!await LoadAsync(stageId, ct)) return NotFound();
        ModelState.Clear();
        ModelState.AddErrors(errors, prefix, l);
        FailedObjectionId = objectionId;
        Response.StatusCode = kind == ResultKind.Conflict ? 409 : 400;
        return Page();
    }

    private async Task<bool> LoadAsync(int stageId, CancellationToken ct)
    {
        var stage = await results.StageAsync(stageId, ct);
        if (stage is null) return false;
        Stage = stage;
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == stage.EditionId).Select(e => new { e.Name, e.Slug }).FirstAsync(ct);
        EditionName = edition.Name;
        EditionSlug = edition.Slug;
        Rows = await results.RowsAsync(stage, stage.Publication, ct);
        // Panitia's preview always shows ranks and scores; the public sees what the publication setting allows.
        if (stage.ResultsPublishedAt is null) Rows = await results.RowsAsync(stage, ResultPublication.FullRanking, ct);
        Objections = await results.ObjectionsAsync(stageId, ct);
        ObjectionsOpen = results.IsOpen(stage);
        return true;
    }

    public sealed class PublishForm
    {
        public ResultPublication? Publication { get; set; }
        public int? ObjectionDays { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class ResolveForm
    {
        public string? Status { get; set; }
        public string? Resolution { get; set; }
        public Guid? Version { get; set; }
    }
}
