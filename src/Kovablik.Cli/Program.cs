using System.CommandLine;
using System.Text;
using Kovablik.Cli;
using Kovablik.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("Kovablik: database setup, reference and demo data, organisation import and administrator accounts.");
GlobalOptions.AddTo(root);
root.Subcommands.Add(MigrateCommand.Create());
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
return await root.Parse(args).InvokeAsync();
