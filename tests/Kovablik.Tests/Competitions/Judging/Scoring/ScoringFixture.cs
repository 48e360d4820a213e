using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Proposals;
using Kovablik.Platform.Files;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Judging.Scoring;

/// <summary>A juror account and its pool entry.</summary>
public sealed record TestJuror(AppUser User, Juror Juror);

/// <summary>An edition in judging with its desk stage open for scoring and one proposal that passed selection.</summary>
public sealed record ScoringScene(Edition Edition, JudgingStage Stage, Proposal Proposal, int ProposalOrganisationId, int KabKotaId);

/// <summary>
/// Builds jurors, declarations and assignments straight in the database (the pool pages and the assignment service
/// are another part of judging), so these tests exercise only the juror's side of scoring.
/// </summary>
public static class ScoringFixture
{
    /// <summary>The hand-computed example for the default proposal rubric (1–10, weights 18/18/18/18/10/18 on 0–100).</summary>
    public static Dictionary<string, double?> SampleScores() => new()
    {
        ["Kebaruan"] = 8, ["Implementasi"] = 7, ["Signifikansi"] = 9, ["Adaptabilitas"] = 6, ["SumberDaya"] = 10, ["Keberlanjutan"] = 5,
    };

    /// <summary>
    /// Total of <see cref="SampleScores"/>: each score becomes (s − 1) / 9; 18 · (7 + 6 + 8 + 5 + 4) / 9 + 10 · 9 / 9 = 60 + 10 = 70
    /// weighted points out of 100.
    /// </summary>
    public const double SampleTotal = 70;

    public static async Task<ScoringScene> SceneAsync(KovablikAppFactory app, bool peersVisible = false, Action<JudgingStage>? configure = null)
    {
        var edition = await app.OpenEditionAsync();
        var now = app.Time.GetUtcNow();
        var kab = await app.KabKotaAsync("35.78");
        var unit = await app.CreateOrganisationAsync("Puskesmas Uji", kab.Id);
        var stage = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Kovablik.Data.KovablikDbContext>();
            var started = await new JudgingSetupService(db).StartAsync(edition.Id);
            var first = started.Value!.OrderBy(s => s.Order).First();
            first.Status = JudgingStageStatus.Scoring;
            first.ScoringOpensAt = now.AddDays(-1);
            first.ScoringDeadline = now.AddDays(10);
            first.PeerScoresVisibleAfterSubmit = peersVisible;
            configure?.Invoke(first);
            await db.SaveChangesAsync();
            return first;
        });
        var proposal = await ProposalAsync(app, edition, unit.Id);
        return new ScoringScene(edition, stage, proposal, unit.Id, kab.Id);
    }

    public static async Task<Proposal> ProposalAsync(KovablikAppFactory app, Edition edition, int organisationId, string title = "Proposal Uji")
    {
        var innovation = await app.CreateInnovationAsync(organisationId);
        return await app.WithDbAsync(async db =>
        {
            var p = new Proposal
            {
                EditionId = edition.Id,
                GroupCode = "Umum",
                InnovationId = innovation.Id,
                OrganisationId = organisationId,
                Title = $"{title} {KovablikAppFactory.Unique()}",
                Sections =
                [
                    new ProposalSection { Key = "Ringkasan", Text = "Layanan **antar jemput** lansia. <script>alert('x')</script>" },
                    new ProposalSection { Key = "Kebaruan", Text = "Pertama di [kota](https://contoh.id) ini." },
                ],
                Status = ProposalStatus.Approved,
                Selection = SelectionOutcome.Passed,
                SubmittedAt = app.Time.GetUtcNow().AddDays(-20),
            };
            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
    }

    public static async Task<TestJuror> JurorAsync(KovablikAppFactory app, int editionId, int? organisationId = null, bool declared = true, string? name = null)
    {
        var user = await app.CreateUserAsync(Roles.Juri, null);
        var juror = await app.WithDbAsync(async db =>
        {
            var j = new Juror
            {
                EditionId = editionId,
                UserId = user.Id,
                DisplayName = name ?? $"Juri {KovablikAppFactory.Unique()}",
                OrganisationId = organisationId,
                DeclarationCompletedAt = declared ? app.Time.GetUtcNow().AddDays(-2) : null,
                ReadingFrom = app.Time.GetUtcNow().AddDays(-1),
                ReadingUntil = app.Time.GetUtcNow().AddDays(9),
            };
            db.Jurors.Add(j);
            await db.SaveChangesAsync();
            return j;
        });
        return new TestJuror(user, juror);
    }

    public static Task AssignAsync(KovablikAppFactory app, int stageId, int jurorId, int proposalId) =>
        app.WithDbAsync(async db =>
        {
            db.JurorAssignments.Add(new JurorAssignment { StageId = stageId, JurorId = jurorId, ProposalId = proposalId, Source = AssignmentSource.Manual, AssignedAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        });

    public static Task DeclareAsync(KovablikAppFactory app, int editionId, int jurorId, int proposalId) =>
        app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                EditionId = editionId, JurorId = jurorId, ProposalId = proposalId, Source = ConflictSource.Juror,
                Reason = "Pernah menjadi konsultan unit ini.", DeclaredAt = app.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });

    /// <summary>A stored PDF in the proposal's "Proposal" slot.</summary>
    public static Task<ProposalDocument> DocumentAsync(KovablikAppFactory app, int proposalId) =>
        app.WithServicesAsync(async sp =>
        {
            var key = Guid.NewGuid().ToString("N") + ".pdf";
            var bytes = Files.Pdf();
            await sp.GetRequiredService<IFileStore>().SaveAsync(key, new MemoryStream(bytes));
            var db = sp.GetRequiredService<Kovablik.Data.KovablikDbContext>();
            var doc = new ProposalDocument
            {
                Id = Guid.NewGuid(), ProposalId = proposalId, SlotKey = "Proposal", OriginalFileName = "proposal.pdf", StorageKey = key,
                ContentType = "application/pdf", Size = bytes.Length, Sha256 = new string('a', 64), UploadedAt = app.Time.GetUtcNow(),
            };
            db.ProposalDocuments.Add(doc);
            await db.SaveChangesAsync();
            return doc;
        });

    public static Task SetStageAsync(KovablikAppFactory app, int stageId, Action<JudgingStage> change) =>
        app.WithDbAsync(async db =>
        {
            var s = await db.JudgingStages.FirstAsync(x => x.Id == stageId);
            change(s);
            await db.SaveChangesAsync();
        });

    public static Task<JurorScore?> SheetAsync(KovablikAppFactory app, int stageId, int jurorId, int proposalId) =>
        app.WithDbAsync(db => db.JurorScores.AsNoTracking().FirstOrDefaultAsync(s => s.StageId == stageId && s.JurorId == jurorId && s.ProposalId == proposalId));

    public static string SheetUrl(int stageId, int proposalId) => $"/api/v1/judging/stages/{stageId}/proposals/{proposalId}/sheet";

    public static string PageUrl(int stageId, int proposalId) => $"/Juri/Nilai/{stageId}/{proposalId}";
}
