using Kovablik.Data;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Competitions.Judging;

/// <summary>
/// Starts the judging of an edition: its stages from <see cref="JudgingDefaults"/>, with the scoring deadline of each
/// taken from the edition timeline stage of the same name. Idempotent: an edition that has stages keeps them.
/// </summary>
public sealed class JudgingSetupService(KovablikDbContext db)
{
    public async Task<IReadOnlyList<JudgingStage>> StagesAsync(int editionId, CancellationToken ct = default) =>
        await db.JudgingStages.Where(s => s.EditionId == editionId).OrderBy(s => s.Order).ToListAsync(ct);

    public async Task<Result<IReadOnlyList<JudgingStage>>> StartAsync(int editionId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == editionId, ct);
        if (edition is null) return Result<IReadOnlyList<JudgingStage>>.NotFound();
        if (edition.Status == EditionStatus.Draft)
            return Result<IReadOnlyList<JudgingStage>>.Invalid("Edition", "Penjurian hanya dapat dimulai untuk edisi yang sudah dipublikasikan.");

        var existing = await StagesAsync(editionId, ct);
        if (existing.Count > 0) return Result<IReadOnlyList<JudgingStage>>.Ok(existing);

        var order = 0;
        var stages = new List<JudgingStage>();
        foreach (var template in JudgingDefaults.Stages())
        {
            var timeline = edition.Stages.FirstOrDefault(s => string.Equals(s.Name, template.Name, StringComparison.OrdinalIgnoreCase));
            var stage = new JudgingStage
            {
                EditionId = editionId,
                Order = ++order,
                Name = template.Name,
                Kind = KindOf(template.Name),
                ScoringOpensAt = timeline?.StartsAt,
                ScoringDeadline = timeline?.EndsAt,
                CutPassingGrade = order == 1 ? JudgingDefaults.PassingGrade : null,
            };
            stage.SetRubric(template.Rubric);
            if (template.Rubric is { } rubric)
                stage.SetTieBreaks([new TieBreak.HigherCriterion(rubric.Criteria[0].Key), new TieBreak.EarlierSubmission()]);
            stages.Add(stage);
        }
        db.JudgingStages.AddRange(stages);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<JudgingStage>>.Ok(stages);
    }

    private static JudgingStageKind KindOf(string name) => name switch
    {
        JudgingDefaults.PenilaianProposal => JudgingStageKind.Desk,
        JudgingDefaults.PresentasiWawancara => JudgingStageKind.Presentation,
        JudgingDefaults.Visitasi => JudgingStageKind.Visit,
        _ => JudgingStageKind.Decision,
    };
}
