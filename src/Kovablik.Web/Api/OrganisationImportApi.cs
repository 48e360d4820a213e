namespace Kovablik.Web.Api;

public static class OrganisationImportApi
{
    // Filled in once the import feature lands.
    public static RouteGroupBuilder MapOrganisationImportApi(this RouteGroupBuilder api) => api;
}
