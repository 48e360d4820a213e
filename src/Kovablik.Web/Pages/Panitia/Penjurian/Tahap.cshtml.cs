using System.Globalization;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Stages;
using Kovablik.Platform;
using Kovablik.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Panitia.Penjurian;

/// <summary>
/// A stage's dashboard for Panitia: progress, spread and outliers, calibration, the ranking with the cut preview,
/// plenary decisions, "Konfirmasi &amp; bekukan" and the regional spread. Every action is a plain form post (PRG).
/// </summary>
[Authorize(Policy = Policies.Organiser)]
public sealed class TahapModel(StageService service, StageRankingService ranking, StageReports reports, CurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public StageView View { get; private set; } = null!;
    public StageStatistics Statistics { get; private set; } = null!;
    public List<PlenaryDecision> Decisions { get; private set; } = [];
    public List<string> Errors { get; } = [];

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public Guid? ExpectedVersion { get; set; }

    public JudgingStage Stage => View.Stage;

    public async Task<IActionResult> OnGetAsync(int stageId, CancellationToken ct) => await LoadAsync(stageId, ct) ?? Page();

    public async Task<IActionResult> OnPostOpenAsync(int stageId, CancellationToken ct) =>
        await After(stageId, await service.OpenScoringAsync(stageId, ExpectedVersion, ct), "Penilaian tahap dibuka.", ct);

    public async Task<IActionResult> OnPostFreezeAsync(int stageId, CancellationToken ct) =>
        await After(stageId, await service.FreezeAsync(stageId, ExpectedVersion, user.Id, ct), "Tahap dibekukan; hasil tahap sudah dicatat.", ct);

    public async Task<IActionResult> OnPostDecideAsync(int stageId, CancellationToken ct)
    {
        double? score = null;
        if (!string.IsNullOrWhiteSpace(Decision.Score))
        {
            if (PengaturanModel.TryNumber(Decision.Score, out var parsed)) score = parsed;
            else
            {
                ModelState.AddModelError("Decision.Score", l["Isi dengan angka, misalnya 7 atau 0,5."]);
                return await Reload(stageId, 400, ct);
            }
        }
        var result = await service.AddDecisionAsync(stageId, new PlenaryInput(Decision.ProposalId, Decision.Action, score, Decision.Reason, ExpectedVersion), user.Id, ct);
        return await After(stageId, result, "Keputusan rapat pleno dicatat.", ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int stageId, int decisionId, CancellationToken ct) =>
        await After(stageId, await service.RevokeDecisionAsync(stageId, decisionId, ExpectedVersion, ct), "Keputusan rapat pleno dicabut.", ct);

    private async Task<IActionResult> After<T>(int stageId, Result<T> result, string done, CancellationToken ct)
    {
        if (result.Kind == ResultKind.NotFound) return NotFound();
        if (result.Succeeded)
        {
            TempData["Flash"] = l[done].Value;
            return Redirect($"/Panitia/Penjurian/Tahap/{stageId}");
        }
        foreach (var (field, messages) in result.Errors)
            foreach (var m in messages)
            {
                // Decision fields go next to the decision form; everything else is shown at the top.
                if (field is nameof(PlenaryInput.ProposalId) or nameof(PlenaryInput.Reason) or nameof(PlenaryInput.Score) or nameof(PlenaryInput.Action))
                    ModelState.AddModelError($"{nameof(Decision)}.{field}", l.Message(m));
                else Errors.Add(l.Message(m));
            }
        return await Reload(stageId, result.Kind == ResultKind.Conflict ? 409 : 400, ct);
    }

    private async Task<IActionResult> Reload(int stageId, int status, CancellationToken ct)
    {
        if (await LoadAsync(stageId, ct) is { } failed) return failed;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int stageId, CancellationToken ct)
    {
        var stage = await service.GetAsync(stageId, ct);
        if (stage is null) return NotFound();
        var view = await ranking.ViewAsync(stage, ct);
        if (!view.Succeeded)
        {
            // Stored cut settings that no longer validate: show the ranking without a cut and say why.
            Errors.AddRange(view.Errors.Values.SelectMany(v => v).Select(l.Message));
            stage.CutTopN = null;
            stage.CutPassingGrade = null;
            stage.ClusterMixJson = "[]";
            view = await ranking.ViewAsync(stage, ct);
        }
        View = view.Value!;
        Statistics = await reports.StatisticsAsync(View, ct);
        Decisions = await service.DecisionsAsync(stageId, ct);
        ExpectedVersion = stage.Version;
        ModelState.Remove(nameof(ExpectedVersion));
        return null;
    }

    public string Title(int proposalId) => View.Entrants.TryGetValue(proposalId, out var e) ? e.Title : $"#{proposalId}";

    public string Juror(int jurorId) => View.JurorNames.GetValueOrDefault(jurorId) ?? $"#{jurorId}";

    public static string N(double? x) => x is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.CurrentCulture) : "–";

    public sealed class DecisionForm
    {
        public int ProposalId { get; set; }
        public PlenaryAction Action { get; set; }
        public string? Score { get; set; }
        public string? Reason { get; set; }
    }
}
