using System.CommandLine;
using Kovablik.Demo;
using Spectre.Console;

namespace Kovablik.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create()
    {
        var seed = new Command("seed", "Load optional data sets.");
        seed.Subcommands.Add(CreateDemo());
        return seed;
    }

    private static Command CreateDemo()
    {
        var hostProvince = GlobalOptions.HostProvince();
        var force = new Option<bool>("--force") { Description = "Load demo data even though the environment says Production" };
        var innovations = new Option<int>("--innovations")
        {
            Description = $"How many demo innovations to write (default {DemoSeeder.InnovationCount}; e.g. 60000 for the catalogue load test, about 85% published)",
            DefaultValueFactory = _ => DemoSeeder.InnovationCount,
        };
        innovations.Validators.Add(r =>
        {
            var n = r.GetValueOrDefault<int>();
            if (n < 1 || n > DemoSeeder.MaxInnovationCount) r.AddError($"--innovations must be between 1 and {DemoSeeder.MaxInnovationCount}.");
        });
        var command = new Command("demo", "Load demonstration organisations and innovations (never in production).");
        command.Options.Add(hostProvince);
        command.Options.Add(force);
        command.Options.Add(innovations);
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, async ctx =>
        {
            var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
            // Like ASP.NET Core, an unset environment means Production: demo data needs an explicit non-production environment.
            var isProduction = string.IsNullOrWhiteSpace(environment) || string.Equals(environment.Trim(), "Production", StringComparison.OrdinalIgnoreCase);
            if (isProduction && !parse.GetValue(force))
                throw new CliException("Refusing to load demo data: the environment is Production (DOTNET_ENVIRONMENT unset or Production), and production never loads demo data. Set DOTNET_ENVIRONMENT=Development, or use --force only if this is not really production.");

            var province = CliRunner.HostProvince(ctx.Config, parse, hostProvince);
            AnsiConsole.MarkupLine($"Database: [bold]{Markup.Escape(ctx.DescribeDatabase())}[/]");
            var db = ctx.Db;
            DemoSummary summary = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Loading demo data");
                    summary = await DemoSeeder.SeedAsync(db, province, new InlineProgress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), parse.GetValue(innovations), ct);
                    task.Value = task.MaxValue;
                });

            if (summary.AlreadyPresent)
                AnsiConsole.MarkupLine("Demo data is already present; nothing was added.");
            else
                AnsiConsole.MarkupLine($"[green]Loaded demo data:[/] {summary.Organisations} organisations, {summary.Innovations} innovations.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
