using System.CommandLine;

namespace Kovablik.Cli;

/// <summary>Options every command understands; they override the environment (Database__Provider, ConnectionStrings__Kovablik).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Database connection string (default: ConnectionStrings__Kovablik, else SQLite data/kovablik.db)",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Database provider: sqlite or postgres (default: Database__Provider, else sqlite)",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show full exception details when something fails",
        Recursive = true,
    };

    public static void AddTo(Command root)
    {
        root.Options.Add(Connection);
        root.Options.Add(Provider);
        root.Options.Add(Verbose);
    }

    public static Option<string?> HostProvince() => new("--host-province")
    {
        Description = "Kemendagri code of the host province (default: Kovablik__HostProvinceCode, else 35 = Jawa Timur)",
    };
}
