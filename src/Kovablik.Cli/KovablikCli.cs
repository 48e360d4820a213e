using System.CommandLine;
using Kovablik.Cli.Commands;

namespace Kovablik.Cli;

/// <summary>The `kovablik` command tree; Program runs it, tests invoke it in-process.</summary>
public static class KovablikCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Kovablik: database setup, reference and demo data, organisation import and administrator accounts.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(AdminCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args) => Build().Parse(args).InvokeAsync();
}
