using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Web.Infrastructure;
using Kovablik.Web.Pages.Pameran;
using Kovablik.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Api;

public sealed record ExhibitionSummaryDto(string Slug, string Name, DateOnly StartsOn, DateOnly EndsOn, string Venue,
    DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, int MaxVotesPerPerson);

public sealed record BoothDto(string Number, string Hall, int InnovationId, string InnovationName, string OrganisationName, string Url);

public sealed record ExhibitionDto(string Slug, string Name, DateOnly StartsOn, DateOnly EndsOn, string Venue, string Description,
    DateTimeOffset? VotingOpensAt, DateTimeOffset? VotingClosesAt, int MaxVotesPerPerson, List<BoothDto> Booths);

public sealed record TallyDto(string Number, string Hall, int InnovationId, string InnovationName, string OrganisationName, int Votes);

public sealed record VoteRequest(string? Booth);

public sealed record VoteDto(string Status, string Message, int VotesUsed, int MaxVotes);

/// <summary>Public exhibition guide and tally; the favourite vote for verified people.</summary>
public static class ExhibitionsApi
{
    public static RouteGroupBuilder MapExhibitionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/exhibitions").WithTags("Exhibitions");
        group.MapGet("", List).AllowAnonymous().WithName("ListExhibitions").Produces<List<ExhibitionSummaryDto>>();
        group.MapGet("/{slug}", Get).AllowAnonymous().WithName("GetExhibition").Produces<ExhibitionDto>().ProducesProblem(404)
            .WithSummary("A published exhibition with its booths (the guide)");
        group.MapGet("/{slug}/tally", Tally).AllowAnonymous().WithName("ExhibitionTally").Produces<List<TallyDto>>().ProducesProblem(404)
            .WithSummary("Votes per booth, most first; recounted at most every 5 seconds");
        group.MapPost("/{slug}/votes", Vote).RequireAuthorization(Policies.VerifiedPerson).RequireRateLimiting(WebSetup.VoteRateLimit)
            .WithName("CastVote").Produces<VoteDto>(201).ProducesProblem(404).ProducesProblem(409).ProducesProblem(429).ProducesValidationProblem()
            .WithSummary("Vote for a booth's innovation: once per innovation, at most the exhibition's maximum per person, while voting is open");
        return api;
    }

    private static async Task<IResult> List(KovablikDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Exhibitions.AsNoTracking().Where(e => e.Status == ExhibitionStatus.Published).OrderByDescending(e => e.StartsOn).Take(100)
            .Select(e => new ExhibitionSummaryDto(e.Slug, e.Name, e.StartsOn, e.EndsOn, e.Venue, e.VotingOpensAt, e.VotingClosesAt, e.MaxVotesPerPerson))
            .ToListAsync(ct));

    private static async Task<IResult> Get(string slug, KovablikDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var e = await ExhibitionView.PublishedAsync(db, slug, ct);
        if (e is null) return ApiResults.NotFound(l);
        var booths = ExhibitionView.Ordered(await ExhibitionView.BoothsAsync(db, e.Id, ct))
            .Select(b => new BoothDto(b.Number, b.Hall, b.InnovationId, b.InnovationName, b.OrganisationName, ExhibitionView.BoothPath(e.Slug, b.Number))).ToList();
        return TypedResults.Ok(new ExhibitionDto(e.Slug, e.Name, e.StartsOn, e.EndsOn, e.Venue, e.Description, e.VotingOpensAt, e.VotingClosesAt, e.MaxVotesPerPerson, booths));
    }

    private static async Task<IResult> Tally(string slug, HttpContext http, KovablikDbContext db, ExhibitionVoting voting, IMemoryCache cache, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var e = await ExhibitionView.PublishedAsync(db, slug, ct);
        if (e is null) return ApiResults.NotFound(l);
        var rows = (await cache.GetOrCreateAsync($"exhibition-tally:{e.Id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HasilModel.CacheFor;
            return await voting.TallyAsync(e.Id, ct);
        }))!;
        http.Response.Headers.CacheControl = "public, max-age=5";
        return TypedResults.Ok(rows.Select(r => new TallyDto(r.Number, r.Hall, r.InnovationId, r.InnovationName, r.OrganisationName, r.Votes)).ToList());
    }

    private static async Task<IResult> Vote(string slug, VoteRequest request, HttpContext http, ExhibitionVoting voting, VoteRateLimiter addressLimit, CurrentUser user,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Booth) || request.Booth.Length > 20)
            return ApiResults.Invalid(nameof(request.Booth), "Nomor stan wajib diisi (maksimal 20 karakter).", l);
        if (!addressLimit.TryAcquire(http))
            return TypedResults.Problem(statusCode: 429, title: l["Terlalu banyak permintaan"], detail: l["Coba lagi sebentar lagi."]);
        var outcome = await voting.VoteAsync(slug, request.Booth.Trim(), user.Id!, http.Connection.RemoteIpAddress?.ToString(), ct);
        var message = l.Message(outcome.Message);
        return outcome.Status switch
        {
            VoteStatus.Counted => TypedResults.Created($"/api/v1/exhibitions/{slug}/tally", new VoteDto("counted", message, outcome.VotesUsed, outcome.MaxVotes)),
            VoteStatus.NotFound => TypedResults.Problem(statusCode: 404, title: l["Tidak ditemukan"], detail: message),
            VoteStatus.AlreadyVoted => TypedResults.Problem(statusCode: 409, title: l["Sudah memilih"], detail: message),
            VoteStatus.LimitReached => TypedResults.Problem(statusCode: 409, title: l["Batas suara tercapai"], detail: message),
            _ => TypedResults.Problem(statusCode: 409, title: l["Pemungutan suara tidak dibuka"], detail: message),
        };
    }
}
