using System.CommandLine;
using Kovablik.Reference;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Kovablik.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var hostProvince = GlobalOptions.HostProvince();
        var command = new Command("migrate", "Apply database migrations, then load the reference data (regions, roles, taxonomy, host province).");
        command.Options.Add(hostProvince);
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, async ctx =>
        {
            var db = ctx.Db;
            var province = CliRunner.HostProvince(ctx.Config, parse, hostProvince);
            AnsiConsole.MarkupLine($"Database: [bold]{Markup.Escape(ctx.DescribeDatabase())}[/]");

            if (!db.Database.GetMigrations().Any())
                throw new CliException("This build contains no database migrations, so the schema cannot be created.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            if (pending.Count == 0)
            {
                AnsiConsole.MarkupLine("Schema: already up to date.");
            }
            else
            {
                AnsiConsole.MarkupLine($"Schema: applied {pending.Count} migration(s):");
                foreach (var name in pending) AnsiConsole.MarkupLine($"  [green]+[/] {Markup.Escape(name)}");
            }

            var reindexed = await Kovablik.Search.InnovationSearchIndex.RebuildStaleAsync(db, ct);
            if (reindexed > 0) AnsiConsole.MarkupLine($"Search index: {reindexed} innovation(s) indexed.");
            var rendered = await Kovablik.Innovations.InnovationPageRenderer.RebuildStaleAsync(db, ct);
            if (rendered > 0) AnsiConsole.MarkupLine($"Public pages: {rendered} innovation(s) rendered.");

            var before = await CountsAsync(db, ct);
            await ReferenceData.SeedAsync(db, province, ct);
            var after = await CountsAsync(db, ct);
            var root = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == province, ct);
            AnsiConsole.MarkupLine(
                $"Reference data: +{after.Regions - before.Regions} regions, +{after.Roles - before.Roles} roles, "
                + $"+{after.Organisations - before.Organisations} organisations (host province {Markup.Escape(province)}: {Markup.Escape(root?.Name ?? "?")}).");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<(int Regions, int Roles, int Organisations)> CountsAsync(Kovablik.Data.KovablikDbContext db, CancellationToken ct) =>
        (await db.Regions.CountAsync(ct), await db.Roles.CountAsync(ct), await db.Organisations.CountAsync(ct));
}
