using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Exhibitions;

public sealed record VoteBody(string? Booth);

public sealed record VoteResultDto(string Status, string Message, int VotesUsed, int MaxVotes);

public sealed record TallyRowDto(string Number, string Hall, int InnovationId, string InnovationName, string OrganisationName, int Votes);

/// <summary>Shared set-up: a published exhibition with booths A1..An of published innovations, voting open now.</summary>
public abstract class ExhibitionTestBase(DatabaseProvider provider) : IntegrationTest(provider)
{
    protected sealed record Setup(Exhibition Exhibition, List<ExhibitionBooth> Booths)
    {
        public string Slug => Exhibition.Slug;
        public string VoteUrl => $"/api/v1/exhibitions/{Slug}/votes";
        public string BoothUrl(int i) => $"/Pameran/{Slug}/Stan/{Booths[i].Number}";
    }

    protected async Task<Setup> ExhibitionAsync(int booths = 3, int maxVotes = 3, TimeSpan? opensIn = null, TimeSpan? closesIn = null, bool published = true,
        int? organisationId = null, IReadOnlyList<int>? innovationIds = null)
    {
        var orgId = organisationId ?? (await App.KabKotaAsync()).Id;
        var innovations = innovationIds?.ToList() ?? [];
        for (var i = innovations.Count; i < booths; i++) innovations.Add((await App.CreateInnovationAsync(orgId, "Inovasi Pameran", publish: true)).Id);
        return await App.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<ExhibitionService>();
            var now = App.Time.GetUtcNow();
            var created = await service.CreateAsync(new ExhibitionInput($"Pameran Inovasi {KovablikAppFactory.Unique()}", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30),
                "Grand City Surabaya", "Pameran uji", (now + (opensIn ?? TimeSpan.FromHours(-1))).UtcDateTime, (now + (closesIn ?? TimeSpan.FromDays(1))).UtcDateTime, maxVotes, published), Ct);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
            var list = new List<ExhibitionBooth>();
            for (var i = 0; i < booths; i++)
            {
                var booth = await service.AddBoothAsync(created.Value!.Id, new BoothInput(innovations[i], $"A{i + 1}", i % 2 == 0 ? "Hall Utama" : "Hall Timur"), Ct);
                Assert.True(booth.Succeeded, string.Join("; ", booth.Errors.SelectMany(e => e.Value)));
                list.Add(booth.Value!);
            }
            return new Setup(created.Value!, list);
        });
    }

    protected Task<AppUser> VisitorAsync() => App.CreateUserAsync(Roles.Pengunjung, null);

    protected Task<int> VotesAsync(int exhibitionId, string? userId = null) =>
        App.WithDbAsync(db => db.ExhibitionVotes.CountAsync(v => v.ExhibitionId == exhibitionId && (userId == null || v.UserId == userId), Ct));
}

public abstract class ExhibitionVoteTests(DatabaseProvider provider) : ExhibitionTestBase(provider)
{
    [Fact]
    public async Task A_verified_visitor_votes_once_per_innovation_and_a_replay_counts_nothing()
    {
        var s = await ExhibitionAsync();
        var visitor = await VisitorAsync();
        var client = App.ClientFor(visitor);
        var first = await (await client.PostJsonAsync(s.VoteUrl, new VoteBody("A1"))).ShouldBeCreated<VoteResultDto>();
        Assert.Equal(1, first.VotesUsed);
        Assert.Equal(3, first.MaxVotes);
        var replay = await client.PostJsonAsync(s.VoteUrl, new VoteBody("A1"));
        var problem = await replay.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("sudah memilih", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await VotesAsync(s.Exhibition.Id, visitor.Id));
    }

    [Fact]
    public async Task The_maximum_per_person_is_enforced()
    {
        var s = await ExhibitionAsync(booths: 3, maxVotes: 2);
        var visitor = await VisitorAsync();
        var client = App.ClientFor(visitor);
        await (await client.PostJsonAsync(s.VoteUrl, new VoteBody("A1"))).ShouldBe(HttpStatusCode.Created);
        await (await client.PostJsonAsync(s.VoteUrl, new VoteBody("A2"))).ShouldBe(HttpStatusCode.Created);
        var third = await (await client.PostJsonAsync(s.VoteUrl, new VoteBody("A3"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("semua 2 suara", third.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await VotesAsync(s.Exhibition.Id, visitor.Id));
    }

    [Fact]
    public async Task Votes_before_opening_and_after_closing_are_refused()
    {
        var later = await ExhibitionAsync(booths: 1, opensIn: TimeSpan.FromHours(1), closesIn: TimeSpan.FromHours(2));
        var visitor = await VisitorAsync();
        var client = App.ClientFor(visitor);
        var early = await (await client.PostJsonAsync(later.VoteUrl, new VoteBody("A1"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Pemungutan suara belum dibuka.", early.GetProperty("detail").GetString());

        var closing = await ExhibitionAsync(booths: 1, closesIn: TimeSpan.FromMinutes(30));
        App.Time.Advance(TimeSpan.FromMinutes(31));
        var late = await (await client.PostJsonAsync(closing.VoteUrl, new VoteBody("A1"))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Pemungutan suara sudah ditutup.", late.GetProperty("detail").GetString());
        Assert.Equal(0, await VotesAsync(later.Exhibition.Id) + await VotesAsync(closing.Exhibition.Id));
        // The booth page says so too, and offers no vote form.
        var page = await (await App.ClientFor(visitor).GetAsync(closing.BoothUrl(0), Ct)).HtmlAsync();
        Assert.Contains("Pemungutan suara sudah ditutup.", Http.TextOf(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/Pilih']"));
    }

    [Fact]
    public async Task Only_booths_of_the_exhibition_can_be_voted_for()
    {
        var s = await ExhibitionAsync(booths: 1);
        var other = await ExhibitionAsync(booths: 2);
        var client = App.ClientFor(await VisitorAsync());
        await (await client.PostJsonAsync(s.VoteUrl, new VoteBody("A2"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync(s.VoteUrl, new VoteBody("Z99"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/v1/exhibitions/tidak-ada/votes", new VoteBody("A1"))).ProblemAsync(HttpStatusCode.NotFound);
        var errors = await (await client.PostJsonAsync(s.VoteUrl, new VoteBody(""))).ValidationErrorsAsync();
        Assert.Contains("Booth", errors.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(0, await VotesAsync(s.Exhibition.Id) + await VotesAsync(other.Exhibition.Id));
    }

    [Fact]
    public async Task A_draft_exhibition_takes_no_votes_and_has_no_public_page()
    {
        var s = await ExhibitionAsync(booths: 1, published: false);
        await (await App.ClientFor(await VisitorAsync()).PostJsonAsync(s.VoteUrl, new VoteBody("A1"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await App.AnonymousClient().GetAsync($"/Pameran/{s.Slug}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await App.AnonymousClient().GetAsync(s.BoothUrl(0), Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anonymous_and_unverified_people_cannot_vote()
    {
        var s = await ExhibitionAsync(booths: 1);
        await (await App.AnonymousClient().PostJsonAsync(s.VoteUrl, new VoteBody("A1"))).ProblemAsync(HttpStatusCode.Unauthorized);
        var unverified = await VisitorAsync();
        await App.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == unverified.Id, Ct);
            u.EmailConfirmed = false;
            await db.SaveChangesAsync(Ct);
        });
        await (await App.ClientFor(unverified).PostJsonAsync(s.VoteUrl, new VoteBody("A1"))).ShouldBe(HttpStatusCode.Forbidden);

        // The page form: an anonymous visitor is sent to the email-code sign-in, and back to the booth afterwards.
        var browser = App.BrowserClient();
        var page = await (await browser.GetAsync(s.BoothUrl(0), Ct)).HtmlAsync();
        var link = page.QuerySelector("a[href^='/Pengunjung/Masuk']")?.GetAttribute("href");
        Assert.Equal("/Pengunjung/Masuk?ReturnUrl=" + Uri.EscapeDataString(s.BoothUrl(0)), link);
        Assert.Equal(0, await VotesAsync(s.Exhibition.Id));
    }

    [Fact]
    public async Task The_page_form_votes_with_antiforgery_and_refuses_forged_and_replayed_posts()
    {
        var s = await ExhibitionAsync(booths: 2);
        var visitor = await VisitorAsync();
        var browser = App.ClientFor(visitor, handleCookies: true);
        var voteUrl = $"/Pameran/{s.Slug}/Pilih";

        // Forged: a cross-site form cannot carry the token.
        var forged = await App.ClientFor(visitor).PostAsync(voteUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["stan"] = "A1" }), Ct);
        await forged.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(0, await VotesAsync(s.Exhibition.Id));

        var voted = await browser.SubmitFormAsync(s.BoothUrl(0), new Dictionary<string, string>(), voteUrl);
        await voted.ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(s.BoothUrl(0), voted.Headers.Location!.OriginalString);
        var after = await (await browser.GetAsync(s.BoothUrl(0), Ct)).HtmlAsync();
        Assert.Contains("Suara Anda sudah dicatat.", after.QuerySelector("#vote-message")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anda sudah memilih inovasi ini.", Http.TextOf(after), StringComparison.Ordinal);

        // Replay of the same form (token and all) after it was used: refused with a message, nothing counted twice.
        var booth2 = await (await browser.GetAsync(s.BoothUrl(1), Ct)).HtmlAsync();
        var token = booth2.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var replay = await browser.PostAsync(voteUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["stan"] = "A1", ["__RequestVerificationToken"] = token }), Ct);
        await replay.ShouldBe(HttpStatusCode.Redirect);
        var message = (await (await browser.GetAsync(s.BoothUrl(0), Ct)).HtmlAsync()).QuerySelector("#vote-message")?.TextContent;
        Assert.Contains("sudah memilih", message, StringComparison.Ordinal);
        Assert.Equal(1, await VotesAsync(s.Exhibition.Id));

        // Anonymous post with a token of its own: sent to sign in, nothing counted.
        var anonymous = App.BrowserClient();
        var anonymousPage = await (await anonymous.GetAsync($"/Pameran/{s.Slug}", Ct)).HtmlAsync();
        Assert.NotNull(anonymousPage);
        var anonymousPost = await anonymous.PostAsync(voteUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["stan"] = "A2" }), Ct);
        Assert.True(anonymousPost.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, anonymousPost.StatusCode.ToString());
        Assert.Equal(1, await VotesAsync(s.Exhibition.Id));
    }

    [Fact]
    public async Task Twenty_parallel_identical_votes_count_once()
    {
        var s = await ExhibitionAsync(booths: 1);
        var visitor = await VisitorAsync();
        var clients = Enumerable.Range(0, 20).Select(_ => App.ClientFor(visitor)).ToList();
        var responses = await Task.WhenAll(clients.Select(c => c.PostJsonAsync(s.VoteUrl, new VoteBody("A1"))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await VotesAsync(s.Exhibition.Id, visitor.Id));
    }

    [Fact]
    public async Task Twenty_parallel_votes_for_different_innovations_stop_at_the_maximum()
    {
        var s = await ExhibitionAsync(booths: 20, maxVotes: 3);
        var visitor = await VisitorAsync();
        var responses = await Task.WhenAll(s.Booths.Select(b => App.ClientFor(visitor).PostJsonAsync(s.VoteUrl, new VoteBody(b.Number))));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(17, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, await VotesAsync(s.Exhibition.Id, visitor.Id));
    }

    [Fact]
    public async Task Most_favoured_sort_counts_votes_across_exhibitions()
    {
        var unit = await App.CreateOrganisationAsync($"Unit Favorit {KovablikAppFactory.Unique()}", (await App.KabKotaAsync()).Id);
        var first = await ExhibitionAsync(booths: 3, maxVotes: 3, organisationId: unit.Id);
        var ids = first.Booths.Select(b => b.InnovationId).ToList();
        // The second exhibition shows only the third innovation (as its booth A1).
        var second = await ExhibitionAsync(booths: 1, maxVotes: 3, organisationId: unit.Id, innovationIds: [ids[2]]);
        var visitors = new List<AppUser>();
        for (var i = 0; i < 3; i++) visitors.Add(await VisitorAsync());
        // ids[1]: 3 votes; ids[2]: 1 here + 3 in the second exhibition = 4; ids[0]: none. Sent at once, with duplicates.
        var sends = visitors.SelectMany(v => new[] { (v, first.VoteUrl, "A2"), (v, first.VoteUrl, "A2"), (v, second.VoteUrl, "A1") })
            .Append((visitors[0], first.VoteUrl, "A3")).ToList();
        var responses = await Task.WhenAll(sends.Select(x => App.ClientFor(x.Item1).PostJsonAsync(x.Item2, new VoteBody(x.Item3))));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        var counts = await App.WithDbAsync(db => db.Innovations.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.FavouriteVotes, Ct));
        Assert.Equal([0, 3, 4], ids.Select(id => counts[id]).ToArray());
        var votes = await App.WithDbAsync(db => db.ExhibitionVotes.Where(v => ids.Contains(v.InnovationId)).GroupBy(v => v.InnovationId)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), Ct));
        Assert.Equal(ids.Select(id => votes.GetValueOrDefault(id)), ids.Select(id => counts[id]));

        var api = await (await App.AnonymousClient().GetAsync($"/api/v1/innovations?OrganisationId={unit.Id}&Sort=favoured", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.Equal([ids[2], ids[1], ids[0]], api.Items.Select(i => i.Id));
        var html = await (await App.AnonymousClient().GetAsync($"/Inovasi?OrganisationId={unit.Id}&Sort=favoured", Ct)).Content.ReadAsStringAsync(Ct);
        var positions = new[] { ids[2], ids[1], ids[0] }.Select(id => html.IndexOf($"href=\"/Inovasi/{id}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Many_people_voting_at_once_are_all_counted()
    {
        var s = await ExhibitionAsync(booths: 2);
        var visitors = new List<AppUser>();
        for (var i = 0; i < 10; i++) visitors.Add(await VisitorAsync());
        var responses = await Task.WhenAll(visitors.SelectMany(v => new[] { "A1", "A2" }.Select(b => App.ClientFor(v).PostJsonAsync(s.VoteUrl, new VoteBody(b)))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var tally = await (await App.AnonymousClient().GetAsync($"/api/v1/exhibitions/{s.Slug}/tally", Ct)).ShouldBeOk<List<TallyRowDto>>();
        Assert.Equal([10, 10], tally.Select(t => t.Votes).ToArray());
    }

    [Fact]
    public async Task The_vote_stores_a_hash_of_the_address_not_the_address()
    {
        var s = await ExhibitionAsync(booths: 1);
        const string ip = "10.77.88.99";
        await (await App.ClientFor(await VisitorAsync(), ip).PostJsonAsync(s.VoteUrl, new VoteBody("A1"))).ShouldBe(HttpStatusCode.Created);
        var stored = await App.WithDbAsync(db => db.ExhibitionVotes.Where(v => v.ExhibitionId == s.Exhibition.Id).Select(v => v.IpHash).SingleAsync(Ct));
        Assert.Equal(16, stored.Length);
        Assert.DoesNotContain("10.77", stored, StringComparison.Ordinal);
        Assert.Equal(ExhibitionVoting.HashIp(s.Exhibition.IpSalt, ip), stored);
    }

    [Fact]
    public async Task Tally_page_and_results_export_show_the_votes()
    {
        var s = await ExhibitionAsync(booths: 2);
        await (await App.ClientFor(await VisitorAsync()).PostJsonAsync(s.VoteUrl, new VoteBody("A2"))).ShouldBe(HttpStatusCode.Created);
        var page = await (await App.AnonymousClient().GetAsync($"/Pameran/{s.Slug}/Hasil", Ct)).HtmlAsync();
        var firstRow = page.QuerySelectorAll("#tally tbody tr")[0];
        Assert.Contains("A2", firstRow.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", firstRow.QuerySelectorAll("td")[^1].TextContent.Trim());
        var fragment = await App.AnonymousClient().GetAsync($"/Pameran/{s.Slug}/Hasil?handler=Fragment", Ct);
        await fragment.ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain("<html", await fragment.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var csv = await organiser.GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}?handler=Ekspor&format=csv", Ct);
        await csv.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("peringkat,stan,hall,inovasi_id,inovasi,organisasi,suara,kunjungan_qr", lines[0]);
        Assert.StartsWith("1,A2,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",1,0", lines[1], StringComparison.Ordinal);
        var xlsx = await organiser.GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}?handler=Ekspor&format=xlsx", Ct);
        await xlsx.ShouldBe(HttpStatusCode.OK);
        using var book = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal("A2", book.Worksheet(1).Cell(2, 2).GetString());
        Assert.Equal(1, book.Worksheet(1).Cell(2, 7).GetValue<int>());
        // Visitors never get the export.
        var visitorExport = await App.ClientFor(await VisitorAsync()).GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}?handler=Ekspor&format=csv", Ct);
        Assert.True(visitorExport.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Velocity_flags_show_many_votes_and_new_accounts_from_one_address()
    {
        var s = await ExhibitionAsync(booths: 1);
        await App.WithDbAsync(async db =>
        {
            var now = App.Time.GetUtcNow();
            for (var i = 0; i < 30; i++)
            {
                var u = new AppUser { UserName = $"kilat-{i}-{KovablikAppFactory.Unique()}@contoh.id", Email = $"kilat-{i}@contoh.id", EmailConfirmed = true, FullName = "Pengunjung" };
                db.Users.Add(u);
                await db.SaveChangesAsync(Ct);
                db.ExhibitionVotes.Add(new ExhibitionVote
                {
                    ExhibitionId = s.Exhibition.Id, BoothId = s.Booths[0].Id, InnovationId = s.Booths[0].InnovationId, UserId = u.Id,
                    CastAt = now.AddSeconds(i * 10), IpHash = "00aa00aa00aa00aa",
                });
            }
            await db.SaveChangesAsync(Ct);
        });
        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var page = await (await organiser.GetAsync($"/Panitia/Pameran/{s.Exhibition.Id}/Pantau", Ct)).HtmlAsync();
        var flags = page.QuerySelector("#flags")?.TextContent ?? "";
        Assert.Contains("Banyak suara dari satu alamat IP.", flags, StringComparison.Ordinal);
        Assert.Contains("Banyak akun baru memilih dari satu alamat IP.", flags, StringComparison.Ordinal);
        Assert.Contains("00aa00aa00aa00aa", flags, StringComparison.Ordinal);

        var quiet = await ExhibitionAsync(booths: 1);
        var quietPage = await (await organiser.GetAsync($"/Panitia/Pameran/{quiet.Exhibition.Id}/Pantau", Ct)).HtmlAsync();
        Assert.NotNull(quietPage.QuerySelector("#no-flags"));
    }
}

public sealed class ExhibitionVoteTestsSqlite() : ExhibitionVoteTests(DatabaseProvider.Sqlite);

public sealed class ExhibitionVoteTestsPostgres() : ExhibitionVoteTests(DatabaseProvider.Postgres);
