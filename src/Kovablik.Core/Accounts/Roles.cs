namespace Kovablik.Accounts;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Panitia = "Panitia";
    public const string Operator = "Operator";
    public const string PimpinanUnit = "PimpinanUnit";
    public const string Juri = "Juri";
    public const string Evaluator = "Evaluator";
    public const string Moderator = "Moderator";

    /// <summary>
    /// A member of the public who verified an email address with a one-time code (exhibition votes, comments).
    /// Not in <see cref="All"/>: nobody is invited into it, and staff screens never offer it.
    /// </summary>
    public const string Pengunjung = "Pengunjung";

    public static readonly IReadOnlyList<string> All =
        [Administrator, Panitia, Operator, PimpinanUnit, Juri, Evaluator, Moderator];

    /// <summary>Roles whose holders must sign in with a second factor (TOTP).</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Administrator, Panitia, Juri, Evaluator];

    /// <summary>Roles bound to one organisation subtree; others work province-wide.</summary>
    public static readonly IReadOnlyList<string> Scoped = [Operator, PimpinanUnit];

    public static string Display(string role) => role switch
    {
        PimpinanUnit => "Pimpinan Unit",
        _ => role,
    };
}
