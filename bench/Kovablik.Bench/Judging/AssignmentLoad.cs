using System.Diagnostics;
using System.Globalization;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Pool;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Notifications;
using Kovablik.Organisations;
using Kovablik.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kovablik.Bench.Judging;

/// <summary>
/// The assignment confirmation of issue 4 through the real service on SQLite: a fresh migrated database seeded directly
/// (a province with 38 kabupaten/kota and 500 units, N passed proposals, M jurors of whom some are affiliated and some
/// declared conflicts), then AssignmentService.PreviewAsync and ConfirmAsync timed with a Stopwatch, each in a fresh
/// scope as a request would run them. Not a test: figures go to docs/performance.md.
/// <c>dotnet run -c Release --project bench/Kovablik.Bench -- judging-assign [--proposals 5000] [--jurors 200] [--k 3]</c>
/// </summary>
public static class AssignmentLoad
{
    public static async Task<int> MainAsync(string[] args)
    {
        var opts = args.Chunk(2).Where(c => c.Length == 2).ToDictionary(c => c[0].TrimStart('-'), c => c[1]);
        var proposalCount = int.Parse(opts.GetValueOrDefault("proposals", "5000"), CultureInfo.InvariantCulture);
        var jurorCount = int.Parse(opts.GetValueOrDefault("jurors", "200"), CultureInfo.InvariantCulture);
        var k = int.Parse(opts.GetValueOrDefault("k", "3"), CultureInfo.InvariantCulture);
        var file = Path.Combine(Path.GetTempPath(), $"kovablik-assign-{Guid.NewGuid():N}.db");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Kovablik"] = $"Data Source={file}",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddKovablikDatabase(config);
        services.AddSingleton<IEmailSender, NoEmail>();
        services.AddScoped<NotificationService>().AddScoped<JudgingAccess>().AddScoped<AssignmentService>();
        await using var sp = services.BuildServiceProvider();
        try
        {
            var sw = Stopwatch.StartNew();
            var stageId = await SeedAsync(sp, proposalCount, jurorCount, k);
            Console.WriteLine($"seeded {proposalCount} proposals, {jurorCount} jurors in {sw.Elapsed.TotalSeconds:F1} s ({file})");

            AssignmentPlan? plan = null;
            foreach (var (label, confirm) in new[] { ("preview", false), ("confirm (empty stage)", true), ("confirm again (no change)", true) })
            {
                await using var scope = sp.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<AssignmentService>();
                // CPU time beside wall time: on a shared, overloaded machine the wall clock mostly measures waiting for a core.
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                var result = confirm ? await service.ConfirmAsync(stageId, null) : await service.PreviewAsync(stageId);
                var elapsed = sw.Elapsed;
                var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
                plan = result.Value!;
                Console.WriteLine($"{label,-28} {elapsed.TotalMilliseconds,8:F0} ms wall, {cpuUsed.TotalMilliseconds,6:F0} ms CPU  added {plan.ToAdd}, removed {plan.ToRemove}, kept {plan.Kept}, shortfalls {plan.Shortfalls.Count}, notified {plan.NewlyAssignedJurors}");
            }
            var loads = plan!.Loads.Select(l => l.Load).ToList();
            Console.WriteLine($"loads min {loads.Min()} max {loads.Max()}");
            await using (var scope = sp.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
                Console.WriteLine($"stored assignments {await db.JurorAssignments.CountAsync()}, notices {await db.Notifications.CountAsync()}, audit rows {await db.AuditEntries.CountAsync(a => a.EntityType == "JurorAssignment")}");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    private static async Task<int> SeedAsync(IServiceProvider sp, int proposalCount, int jurorCount, int k)
    {
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        await db.Database.MigrateAsync();
        var rng = new Random(42);

        var root = new Organisation { Name = "Provinsi Bench", Code = "99", Type = OrganisationType.Provinsi, Depth = 0 };
        db.Organisations.Add(root);
        await db.SaveChangesAsync();
        root.Path = $"/{root.Id}/";
        var kota = Enumerable.Range(1, 38).Select(i => new Organisation { Name = $"Kabupaten {i}", Code = $"99.{i:D2}", Type = OrganisationType.KabupatenKota, ParentId = root.Id, Depth = 1 }).ToList();
        db.Organisations.AddRange(kota);
        await db.SaveChangesAsync();
        foreach (var o in kota) o.Path = $"{root.Path}{o.Id}/";
        var units = Enumerable.Range(1, 500).Select(i => (Parent: kota[i % kota.Count], Unit: new Organisation { Name = $"UPT {i}", Code = $"U{i:D4}", Type = OrganisationType.Upt, Depth = 2 })).ToList();
        foreach (var (parent, unit) in units) unit.ParentId = parent.Id;
        db.Organisations.AddRange(units.Select(u => u.Unit));
        await db.SaveChangesAsync();
        foreach (var (parent, unit) in units) unit.Path = $"{parent.Path}{unit.Id}/";
        await db.SaveChangesAsync();

        var edition = EditionDefaults.Create(2027, TimeProvider.System);
        edition.Name = "KOVABLIK Bench";
        edition.Slug = "kovablik-bench";
        edition.Status = EditionStatus.Published;
        db.Editions.Add(edition);
        var innovation = new Innovation { OrganisationId = units[0].Unit.Id, Name = "Inovasi Bench", SearchText = "inovasi bench", Status = InnovationStatus.Published };
        db.Innovations.Add(innovation);
        await db.SaveChangesAsync();

        var proposals = Enumerable.Range(1, proposalCount).Select(i => new Proposal
        {
            EditionId = edition.Id,
            GroupCode = "Umum",
            InnovationId = innovation.Id,
            OrganisationId = units[rng.Next(units.Count)].Unit.Id,
            Title = $"Proposal {i}",
            Status = ProposalStatus.Approved,
            Selection = SelectionOutcome.Passed,
        }).ToList();
        foreach (var batch in proposals.Chunk(1000))
        {
            db.Proposals.AddRange(batch);
            await db.SaveChangesAsync();
        }

        var users = Enumerable.Range(1, jurorCount).Select(i => new AppUser { UserName = $"juri{i}@bench.local", Email = $"juri{i}@bench.local", FullName = $"Juri {i}" }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        // A third affiliated with a kabupaten/kota or a unit (tree conflicts), the rest academics.
        var jurors = users.Select(u => new Juror
        {
            EditionId = edition.Id,
            UserId = u.Id,
            DisplayName = u.FullName,
            OrganisationId = rng.Next(3) == 0 ? (rng.Next(2) == 0 ? kota[rng.Next(kota.Count)].Id : units[rng.Next(units.Count)].Unit.Id) : null,
            DeclarationCompletedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Jurors.AddRange(jurors);
        await db.SaveChangesAsync();
        db.ConflictDeclarations.AddRange(Enumerable.Range(0, 2 * jurorCount).Select(_ => new ConflictDeclaration
        {
            EditionId = edition.Id,
            JurorId = jurors[rng.Next(jurors.Count)].Id,
            ProposalId = proposals[rng.Next(proposals.Count)].Id,
            Source = ConflictSource.Juror,
            Reason = "Bench",
            DeclaredAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();

        var stages = await new JudgingSetupService(db).StartAsync(edition.Id);
        var stage = stages.Value![0];
        stage.JurorsPerProposal = k;
        await db.SaveChangesAsync();
        return stage.Id;
    }

    private sealed class NoEmail : IEmailSender
    {
        public Task SendAsync(string to, string subject, string textBody, string? htmlBody = null, CancellationToken ct = default) => Task.CompletedTask;
    }
}
