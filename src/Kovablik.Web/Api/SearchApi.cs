using Kovablik.Search;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this RouteGroupBuilder api)
    {
        // Public like the catalogue; the /api/v1 group's per-client rate limit applies.
        var pub = api.MapGroup("/search").WithTags("Search").AllowAnonymous();
        pub.MapGet("/suggest", Suggest).WithName("SuggestInnovations").Produces<List<Suggestion>>().ProducesValidationProblem()
            .WithSummary("Up to 8 names of published innovations matching what is typed so far (the last word counts as a prefix)");
        return api;
    }

    private static async Task<IResult> Suggest(string? q, InnovationSearch search, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (q is { Length: > 200 }) return ApiResults.Invalid("q", "Kata kunci terlalu panjang (maksimal 200 karakter).", l);
        return TypedResults.Ok(await search.SuggestAsync(q, ct));
    }
}
