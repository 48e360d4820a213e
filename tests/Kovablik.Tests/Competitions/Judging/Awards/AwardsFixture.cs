using System.Security.Cryptography;
using System.Text;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Proposals;
using Kovablik.Organisations;
using Kovablik.Platform.Files;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Judging.Awards;

/// <summary>
/// A judged edition for the award tests, written straight into the database: proposals that passed selection (one
/// unit and one published innovation each), the default stages, and frozen results. The ranking and freeze are built
/// by another part of the judging; here only their outcome matters.
/// </summary>
public static class AwardsFixture
{
    public sealed record Ranked(Proposal Proposal, Organisation Organisation, int InnovationId, string InnovationName);

    public sealed record Setup(Edition Edition, Organisation Kota, List<Ranked> Proposals, IReadOnlyList<JudgingStage> Stages);

    public const string DocumentText = "%PDF-1.4\n% dokumen uji proposal\n%%EOF\n";

    /// <summary>
    /// <paramref name="groups"/>[i] is the group of the proposal created i-th. Nothing is frozen unless
    /// <see cref="FreezeAsync"/> is called.
    /// </summary>
    public static async Task<Setup> EditionAsync(KovablikAppFactory app, params string[] groups)
    {
        var edition = await app.OpenEditionAsync();
        var kota = await app.KabKotaAsync();
        var list = new List<Ranked>();
        for (var i = 0; i < groups.Length; i++)
        {
            var org = await app.CreateOrganisationAsync($"Dinas Pemenang {i}", kota.Id);
            var innovation = await app.CreateInnovationAsync(org.Id, $"Inovasi Juara {i}", publish: true);
            var proposal = await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<Kovablik.Data.KovablikDbContext>();
                var store = sp.GetRequiredService<IFileStore>();
                var group = edition.Group(groups[i])!;
                var now = app.Time.GetUtcNow();
                var p = new Proposal
                {
                    EditionId = edition.Id, GroupCode = group.Code, InnovationId = innovation.Id, OrganisationId = org.Id, Title = innovation.Name,
                    Sections = group.Sections.Select(s => new ProposalSection { Key = s.Key, Text = $"Isian {s.Title} proposal {i}." }).ToList(),
                    Status = ProposalStatus.Approved, Selection = SelectionOutcome.Passed, SubmittedAt = now.AddMinutes(-i - 10), ApprovedAt = now,
                    CreatedAt = now, UpdatedAt = now,
                };
                db.Proposals.Add(p);
                await db.SaveChangesAsync();
                var bytes = Encoding.ASCII.GetBytes(DocumentText + i);
                var key = Guid.NewGuid().ToString("N") + ".pdf";
                await store.SaveAsync(key, new MemoryStream(bytes));
                db.ProposalDocuments.Add(new ProposalDocument
                {
                    Id = Guid.NewGuid(), ProposalId = p.Id, SlotKey = "Proposal", OriginalFileName = $"proposal-{i}.pdf", StorageKey = key,
                    ContentType = "application/pdf", Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = now,
                });
                await db.SaveChangesAsync();
                return p;
            });
            list.Add(new Ranked(proposal, org, innovation.Id, innovation.Name));
        }
        var stages = await app.WithDbAsync(async db =>
        {
            var started = await new JudgingSetupService(db).StartAsync(edition.Id);
            return started.Value!;
        });
        return new Setup(edition, kota, list, stages);
    }

    /// <summary>Freezes stage <paramref name="order"/> with the given proposals in rank order; the first <paramref name="passing"/> pass.</summary>
    public static Task FreezeAsync(KovablikAppFactory app, Setup s, int order, IReadOnlyList<Ranked> ranking, int passing) =>
        app.WithDbAsync(async db =>
        {
            var stage = await db.JudgingStages.SingleAsync(x => x.EditionId == s.Edition.Id && x.Order == order);
            stage.Status = JudgingStageStatus.Frozen;
            stage.FrozenAt = app.Time.GetUtcNow();
            for (var i = 0; i < ranking.Count; i++)
                db.StageResults.Add(new StageResult
                {
                    StageId = stage.Id, ProposalId = ranking[i].Proposal.Id, Rank = i + 1, Score = 95 - i, RawMean = 95 - i, JurorCount = 3,
                    Passed = i < passing, Outcome = i < passing ? "TopN" : "Below",
                });
            await db.SaveChangesAsync();
        });

    public static async Task<HttpClient> PanitiaAsync(KovablikAppFactory app, bool cookies = false) =>
        app.ClientFor(await app.CreateUserAsync(Roles.Panitia, null), handleCookies: cookies);
}
