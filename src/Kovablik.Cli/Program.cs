using System.Text;
using Kovablik.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await KovablikCli.RunAsync(args);
