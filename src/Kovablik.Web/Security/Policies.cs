using Kovablik.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Kovablik.Web.Security;

/// <summary>Named authorization policies. Every page and endpoint names one, or is explicitly anonymous.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Administrator = nameof(Administrator);

    /// <summary>Manage the organisation tree and invite accounts: the Biro Organisasi (Administrator, Panitia).</summary>
    public const string RegistryManager = nameof(RegistryManager);

    /// <summary>Edit innovations within one's scope: unit staff and organisers.</summary>
    public const string InnovationEditor = nameof(InnovationEditor);

    /// <summary>Run the competition: manage editions (Administrator, Panitia).</summary>
    public const string Organiser = nameof(Organiser);

    /// <summary>Return or approve proposals: the unit head (within scope) and organisers.</summary>
    public const string ProposalApprover = nameof(ProposalApprover);

    /// <summary>A signed-in person with a verified email address (a visitor or staff): may vote and comment.</summary>
    public const string VerifiedPerson = nameof(VerifiedPerson);

    /// <summary>Moderate public comments: Moderator, Panitia, Administrator.</summary>
    public const string CommentModerator = nameof(CommentModerator);

    /// <summary>Score proposals: accounts with the Juri role (which edition and proposal is checked in the services).</summary>
    public const string Juror = nameof(Juror);

    public static AuthorizationBuilder AddKovablikPolicies(this AuthorizationBuilder b) => b
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(VerifiedPerson, p => p.RequireAuthenticatedUser().RequireClaim(KovablikClaimsFactory.EmailVerifiedClaim, "1"))
        .AddPolicy(CommentModerator, p => p.RequireRole(Roles.Administrator, Roles.Panitia, Roles.Moderator))
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(Juror, p => p.RequireRole(Roles.Juri))
        .AddPolicy(RegistryManager, p => p.RequireRole(Roles.Administrator, Roles.Panitia))
        .AddPolicy(Organiser, p => p.RequireRole(Roles.Administrator, Roles.Panitia))
        .AddPolicy(ProposalApprover, p => p.RequireRole(Roles.Administrator, Roles.Panitia, Roles.PimpinanUnit))
        .AddPolicy(InnovationEditor, p => p.RequireRole(Roles.Administrator, Roles.Panitia, Roles.Operator, Roles.PimpinanUnit));
    // No fallback policy: it would also apply to unknown URLs and turn 404s into sign-in redirects.
    // Pages default to SignedIn by folder convention, and a test fails for any endpoint without an explicit policy.
}
