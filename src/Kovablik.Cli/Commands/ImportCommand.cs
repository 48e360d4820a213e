using System.CommandLine;
using Kovablik.Organisations.Import;
using Kovablik.Platform;
using Spectre.Console;

namespace Kovablik.Cli.Commands;

internal static class ImportCommand
{
    /// <summary>Beyond this a terminal table stops being readable; the counts still tell the whole story.</summary>
    private const int MaxErrorLines = 500;

    public static Command Create()
    {
        var import = new Command("import", "Import data from files.");
        import.Subcommands.Add(CreateOrganisations());
        return import;
    }

    private static Command CreateOrganisations()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX file with columns code,name,type,parent_code (see docs/import-organisations.md)" };
        var onlyValid = new Option<bool>("--only-valid") { Description = "Import the valid rows even if other rows have errors (rows under an invalid row are skipped too)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only show what would be created, updated or left unchanged; write nothing" };
        var command = new Command("organisations", "Create or update the organisation tree from a CSV/XLSX file. Exit code 2: the file has errors and nothing was imported.");
        command.Arguments.Add(file);
        command.Options.Add(onlyValid);
        command.Options.Add(dryRun);
        command.SetAction((parse, ct) => CliRunner.RunAsync(parse, async ctx =>
        {
            var path = parse.GetValue(file)!;
            var onlyValidRows = parse.GetValue(onlyValid);
            if (!path.Exists) throw new CliException($"File not found: {path.FullName}");

            OrganisationImportFile parsed;
            await using (var stream = path.OpenRead())
                parsed = await OrganisationImportParser.ParseAsync(stream, path.Name, ct);
            if (!parsed.Succeeded) throw new CliException($"{path.Name}: {Message.ToIndonesian(parsed.Error!)}", ExitCodes.InvalidInput);

            AnsiConsole.MarkupLine($"Database: [bold]{Markup.Escape(ctx.DescribeDatabase())}[/]");
            AnsiConsole.MarkupLine($"File: [bold]{Markup.Escape(path.Name)}[/] ({parsed.Format}, {parsed.Rows.Count} rows)");
            var db = ctx.Db;
            var plan = await new OrganisationImportValidator(db).PlanAsync(parsed.Rows, ct);
            WritePlan(plan);
            WriteProblems(plan.Errors, plan.Blocked);

            if (parse.GetValue(dryRun))
            {
                AnsiConsole.MarkupLine("[grey]Dry run: nothing was written.[/]");
                return plan.HasErrors && !onlyValidRows ? ExitCodes.InvalidInput : ExitCodes.Ok;
            }
            if (plan.HasErrors && !onlyValidRows)
            {
                CliRunner.Error($"{plan.ErrorCount} row(s) have errors, so nothing was imported. Fix the file, or use --only-valid to import the valid rows.");
                return ExitCodes.InvalidInput;
            }

            ImportReport report = null!;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Importing organisations");
                    report = await new OrganisationImporter(db).ApplyAsync(plan, onlyValidRows, new InlineProgress<(int Done, int Total)>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), ct);
                    task.Value = task.MaxValue;
                });

            if (!report.Applied)
            {
                // The database changed between planning and writing; show the errors the importer saw.
                WriteProblems(report.Errors, []);
                throw new CliException(report.Message is { } message ? Message.ToIndonesian(message) : "Nothing was imported.", report.Errors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Failure);
            }
            AnsiConsole.MarkupLine(
                $"[green]Imported:[/] {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Skipped} skipped.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static void WritePlan(OrganisationImportPlan plan)
    {
        var table = new Table().AddColumn("Plan").AddColumn(new TableColumn("Rows").RightAligned());
        table.AddRow("Create", plan.CreateCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Update", plan.UpdateCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Unchanged", plan.UnchangedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow(plan.ErrorCount > 0 ? "[red]Errors[/]" : "Errors", plan.ErrorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (plan.BlockedCount > 0)
            table.AddRow("[yellow]Skipped with --only-valid (under an invalid row)[/]", plan.BlockedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }

    private static void WriteProblems(IReadOnlyList<ImportRowError> errors, IReadOnlyList<ImportRowError> blocked)
    {
        if (errors.Count == 0 && blocked.Count == 0) return;
        var table = new Table().AddColumn(new TableColumn("Row").RightAligned()).AddColumn("Code").AddColumn("Reason");
        foreach (var e in errors.Take(MaxErrorLines))
            table.AddRow(e.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Code ?? ""), $"[red]{Markup.Escape(Message.ToIndonesian(e.Reason))}[/]");
        foreach (var e in blocked.Take(Math.Max(0, MaxErrorLines - errors.Count)))
            table.AddRow(e.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.Code ?? ""), $"[yellow]{Markup.Escape(Message.ToIndonesian(e.Reason))}[/]");
        AnsiConsole.Write(table);
        var hidden = errors.Count + blocked.Count - MaxErrorLines;
        if (hidden > 0) AnsiConsole.MarkupLine($"[grey]… and {hidden} more.[/]");
    }
}
