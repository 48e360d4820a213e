namespace Kovablik.Organisations;

/// <summary>
/// The single scope rule of the system: an account may touch its own organisation and everything below it.
/// Province-wide roles (Administrator, Panitia...) get <see cref="Everything"/>.
/// </summary>
public sealed record OrganisationScope(bool IsGlobal, int? OrganisationId, string? Path)
{
    public static readonly OrganisationScope Everything = new(true, null, null);
    public static readonly OrganisationScope Nothing = new(false, null, null);

    public static OrganisationScope Subtree(int organisationId, string path) => new(false, organisationId, path);

    public bool Covers(Organisation organisation) => Covers(organisation.Path);

    public bool Covers(string organisationPath) =>
        IsGlobal || (Path is not null && organisationPath.StartsWith(Path, StringComparison.Ordinal));

    /// <summary>Filters a query of organisations to this scope (translates to an indexed LIKE 'path%').</summary>
    public IQueryable<Organisation> Apply(IQueryable<Organisation> query) =>
        IsGlobal ? query : Path is null ? query.Where(_ => false) : query.Where(o => o.Path.StartsWith(Path));
}
