using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.Bench.Submissions;
using Kovablik.Data;
using Kovablik.Exhibitions;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kovablik.Bench.Votes;

/// <summary>
/// The favourite-vote surge of issue 5 ("≥ 2,000 durable votes/s; concurrent duplicate votes never counted twice"):
/// V verified visitors each cast the exhibition's maximum of votes as fast as C connections allow, against a real
/// Kestrel process on loopback. Then a duplicate phase: D further visitors each send one vote 10× at once, then more
/// distinct votes at once than their maximum. Afterwards the votes table itself is checked.
/// <c>seed</c> writes the exhibition and the accounts directly through EF Core; visitors get a password so they can
/// use the ordinary password sign-in (/Akun/Masuk) instead of the emailed code, which is not what is measured here.
/// See bench/load/votes.sh.
/// </summary>
public static partial class VoteLoad
{
    public const string Password = "Bench-Pengunjung-2026!x";
    public const string Slug = "pameran-beban";

    /// <summary>
    /// A second exhibition over the same booths for the warm-up: the vote path is JIT-compiled and tiered up on its
    /// votes (tiered JIT with dynamic PGO takes about 30 s of traffic on two cores; docs/performance.md), so the
    /// measured surge meets a server that has been taking votes, as a hall's server has by the time the crowd comes.
    /// Its votes are not counted or checked.
    /// </summary>
    public const string WarmUpSlug = "pameran-beban-pemanasan";
    private const int DuplicateCopies = 10;
    private static string Email(int n) => $"pengunjung{n:D5}@bench.kovablik.local";

    public static async Task<int> MainAsync(string[] args)
    {
        var opts = args.Skip(1).Chunk(2).Where(c => c.Length == 2).ToDictionary(c => c[0].TrimStart('-'), c => c[1]);
        int Int(string name, int fallback) => int.Parse(opts.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return args.FirstOrDefault() switch
        {
            "seed" => await SeedAsync(opts["provider"], opts["connection"], Int("visitors", 2000) + Int("duplicates", 200), Int("booths", 40), Int("max", 5)),
            "run" => await RunAsync(new Uri(opts["url"]), opts["provider"], opts["connection"], Int("visitors", 2000), Int("duplicates", 200),
                Int("concurrency", 64), opts.GetValueOrDefault("label", opts["provider"]), TimeSpan.FromSeconds(Int("warmup", 30))),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("votes seed --provider Sqlite|Postgres --connection CS [--visitors 2000] [--duplicates 200] [--booths 40] [--max 5]");
        Console.Error.WriteLine("votes run --url http://127.0.0.1:PORT --provider P --connection CS [--visitors 2000] [--duplicates 200] [--concurrency 64] [--label text] [--warmup seconds=30]");
        return 2;
    }

    private static ServiceProvider Services(string provider, string connection)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Kovablik"] = connection,
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddKovablikDatabase(config);
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<KovablikDbContext>();
        return services.BuildServiceProvider();
    }

    private static async Task<int> SeedAsync(string provider, string connection, int visitors, int booths, int max)
    {
        await using var sp = Services(provider, connection);
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var sw = Stopwatch.StartNew();

        var parent = await db.Organisations.Where(o => o.Type == OrganisationType.KabupatenKota).OrderBy(o => o.Id).FirstAsync();
        var unit = new Organisation
        {
            Name = "UPT Pameran Beban", Code = "PAMERAN-BEBAN", Type = OrganisationType.Upt, ParentId = parent.Id,
            Depth = parent.Depth + 1, SearchText = "pameran-beban upt pameran beban",
        };
        db.Organisations.Add(unit);
        await db.SaveChangesAsync();
        unit.Path = $"{parent.Path}{unit.Id}/";

        var categories = await db.Categories.OrderBy(c => c.Id).ToListAsync();
        var rng = new Random(42);
        var innovations = Enumerable.Range(1, booths).Select(n =>
        {
            var name = $"Inovasi Pameran {Text.Words(rng, 3)} {n}";
            return new Innovation
            {
                OrganisationId = unit.Id, Name = name, ShortDescription = Text.Words(rng, 30),
                StartedOn = new DateOnly(2023, 1 + rng.Next(12), 1 + rng.Next(28)), Status = InnovationStatus.Published,
                PublishedAt = DateTimeOffset.UtcNow, VersionNumber = 1, SearchText = name.ToLowerInvariant(),
                Categories = [categories[rng.Next(categories.Count)]],
            };
        }).ToList();
        db.Innovations.AddRange(innovations);
        await db.SaveChangesAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var exhibition = new Exhibition
        {
            Name = "Pameran Beban", Slug = Slug, StartsOn = today, EndsOn = today.AddDays(2), Venue = "Aula Beban",
            Status = ExhibitionStatus.Published, VotingOpensAt = DateTimeOffset.UtcNow.AddHours(-1),
            VotingClosesAt = DateTimeOffset.UtcNow.AddDays(1), MaxVotesPerPerson = max, IpSalt = Guid.NewGuid().ToString("N"),
            Booths = innovations.Select((i, n) => new ExhibitionBooth { InnovationId = i.Id, Number = BoothNumber(n), Hall = n % 2 == 0 ? "A" : "B" }).ToList(),
        };
        db.Exhibitions.Add(exhibition);
        db.Exhibitions.Add(new Exhibition
        {
            Name = "Pameran Beban (pemanasan)", Slug = WarmUpSlug, StartsOn = today, EndsOn = today.AddDays(2), Venue = "Aula Beban",
            Status = ExhibitionStatus.Published, VotingOpensAt = DateTimeOffset.UtcNow.AddHours(-1),
            VotingClosesAt = DateTimeOffset.UtcNow.AddDays(1), MaxVotesPerPerson = Math.Min(booths, ExhibitionService.MaxVotesLimit), IpSalt = Guid.NewGuid().ToString("N"),
            Booths = innovations.Select((i, n) => new ExhibitionBooth { InnovationId = i.Id, Number = BoothNumber(n), Hall = n % 2 == 0 ? "A" : "B" }).ToList(),
        });
        await db.SaveChangesAsync();

        // One hash for all: PBKDF2 is deliberately slow, and the surge measures the votes, not the seeding.
        var hash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        var role = await db.Roles.FirstAsync(r => r.Name == Roles.Pengunjung);
        for (var i = 1; i <= visitors; i++)
        {
            var email = Email(i);
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, FullName = "Pengunjung", PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-30),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            if (i % 1000 == 0) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"seeded exhibition {exhibition.Id} ({booths} booths, max {max} votes per person), {visitors} visitors in {sw.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static string BoothNumber(int n) => $"{(n % 2 == 0 ? "A" : "B")}{n + 1:D3}";

    private sealed record Sample(double Ms, int Status);
    private sealed record BoothRef(string Number);
    private sealed record ExhibitionRef(int MaxVotesPerPerson, List<BoothRef> Booths);

    private static async Task<int> RunAsync(Uri baseUri, string provider, string connection, int visitors, int duplicates, int concurrency, string label, TimeSpan warmUp)
    {
        // One connection pool for everyone, capped at C: the surge is "C requests in flight", not one socket per visitor.
        // Cookies are kept per visitor by hand (UseCookies = false) so the visitors can share the pool.
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        var exhibition = (await http.GetFromJsonAsync<ExhibitionRef>($"/api/v1/exhibitions/{Slug}"))!;
        var booths = exhibition.Booths.Select(b => b.Number).ToArray();
        var max = exhibition.MaxVotesPerPerson;
        if (booths.Length < max + 3) throw new InvalidOperationException("need at least max + 3 booths");

        // 1. Sign-in (not measured as votes): PBKDF2 costs CPU by design, so a few at a time.
        var total = visitors + duplicates;
        var cookies = new string?[total + 1];
        var signInSw = Stopwatch.StartNew();
        var signInErrors = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, total), new ParallelOptions { MaxDegreeOfParallelism = Math.Min(concurrency, 16) }, async (n, _) =>
        {
            cookies[n] = await SignInAsync(http, baseUri, n);
            if (cookies[n] is null) Interlocked.Increment(ref signInErrors);
        });
        signInSw.Stop();
        Console.Error.WriteLine($"signed in {total - signInErrors} of {total} visitors in {signInSw.Elapsed.TotalSeconds:0.0} s");

        // 2. Warm-up (not measured): the same visitors vote in the warm-up exhibition, C at a time, until the time is up
        // or each has used its maximum there.
        var warm = (await http.GetFromJsonAsync<ExhibitionRef>($"/api/v1/exhibitions/{WarmUpSlug}"))!;
        var warmWork = Enumerable.Range(1, total).Where(n => cookies[n] is not null)
            .SelectMany(n => warm.Booths.Take(warm.MaxVotesPerPerson).Select(b => (Visitor: n, Booth: b.Number))).ToArray();
        Random.Shared.Shuffle(warmWork);
        var warmNext = -1;
        var warmCounted = 0;
        var warmSw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (int i; warmSw.Elapsed < warmUp && (i = Interlocked.Increment(ref warmNext)) < warmWork.Length;)
                if ((await VoteAsync(http, cookies[warmWork[i].Visitor]!, warmWork[i].Booth, WarmUpSlug)).Status == 201)
                    Interlocked.Increment(ref warmCounted);
        })));
        Console.Error.WriteLine($"warm-up: {warmCounted} votes counted in {warmSw.Elapsed.TotalSeconds:0.0} s ({warmCounted / warmSw.Elapsed.TotalSeconds:0}/s)");

        // 3. The surge: every visitor casts `max` distinct votes; the (visitor, booth) pairs are shuffled so that
        // requests in flight come from different people, as in a hall; C workers fire back to back.
        var rng = new Random(7);
        var work = Enumerable.Range(1, visitors).Where(n => cookies[n] is not null)
            .SelectMany(n => booths.OrderBy(_ => rng.Next()).Take(max).Select(b => (Visitor: n, Booth: b)))
            .OrderBy(_ => rng.Next()).ToArray();
        var samples = new ConcurrentBag<Sample>();
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < work.Length;)
                samples.Add(await VoteAsync(http, cookies[work[i].Visitor]!, work[i].Booth));
        })));
        sw.Stop();
        var all = samples.ToList();
        var counted = all.Count(s => s.Status == 201);

        // 4. Duplicates: each of D visitors sends one vote 10× at once (exactly one may count), then max + 2 other
        // distinct votes at once (exactly max - 1 more may count). Visitors run a few at a time so that the copies of
        // one person's votes really do race each other rather than a queue of other people's votes.
        var dupSamples = new ConcurrentBag<(int Visitor, string Phase, int Status)>();
        await Parallel.ForEachAsync(Enumerable.Range(visitors + 1, duplicates).Where(n => cookies[n] is not null),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency / (max + 2)) }, async (n, _) =>
            {
                var mine = booths.OrderBy(_ => Random.Shared.Next()).ToArray();
                foreach (var s in await Task.WhenAll(Enumerable.Range(0, DuplicateCopies).Select(_ => VoteAsync(http, cookies[n]!, mine[0]))))
                    dupSamples.Add((n, "same", s.Status));
                foreach (var s in await Task.WhenAll(mine.Skip(1).Take(max + 2).Select(b => VoteAsync(http, cookies[n]!, b))))
                    dupSamples.Add((n, "limit", s.Status));
            });
        var dups = dupSamples.ToList();
        var sameCounted = dups.Where(d => d.Phase == "same").GroupBy(d => d.Visitor).Select(g => g.Count(d => d.Status == 201)).ToList();
        var limitCounted = dups.Where(d => d.Phase == "limit").GroupBy(d => d.Visitor).Select(g => g.Count(d => d.Status == 201)).ToList();
        var dupCountedTotal = dups.Count(d => d.Status == 201);

        // 5. The table itself.
        var check = await CheckAsync(provider, connection, max);

        var ms = all.Select(s => s.Ms).Order().ToArray();
        var errors = all.Where(s => s.Status != 201).GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}×{Status(g.Key)}").ToList();
        var dupErrors = dups.Where(d => d.Status is not (201 or 409)).GroupBy(d => d.Status).Select(g => $"{g.Count()}×{Status(g.Key)}").ToList();
        var expectedRows = counted + dupCountedTotal;
        var ok = check.DuplicatePairs == 0 && check.OverMax == 0 && check.Rows == expectedRows
                 && sameCounted.All(c => c == 1) && limitCounted.All(c => c == max - 1) && errors.Count == 0;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {visitors} × {max} | {concurrency} | {counted} | {sw.Elapsed.TotalSeconds:0.0} | **{counted / sw.Elapsed.TotalSeconds:0}** | {P(ms, 0.50):0} | {P(ms, 0.99):0} | {ms[^1]:0} | {(errors.Count == 0 ? "none" : string.Join(", ", errors))} |"));
        // Line 1: the surge row; line 2: the table check row; line 3: the duplicate phase (votes.sh prints the headers).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {check.Rows} | {expectedRows} | {check.DuplicatePairs} | {check.OverMax} | {(ok ? "pass" : "FAIL")} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- {label}: {sameCounted.Count} visitors × {DuplicateCopies} identical concurrent votes → counted once for {sameCounted.Count(c => c == 1)}, twice or more for {sameCounted.Count(c => c > 1)}, never for {sameCounted.Count(c => c == 0)}; " +
            $"then {max + 2} distinct concurrent votes each → exactly {max - 1} more counted for {limitCounted.Count(c => c == max - 1)} of {limitCounted.Count} (more than that: {limitCounted.Count(c => c > max - 1)}); " +
            $"statuses other than 201/409: {(dupErrors.Count == 0 ? "none" : string.Join(", ", dupErrors))}."));
        Console.Error.WriteLine($"sign-in: {signInErrors} failures; vote-phase requests {all.Count}");
        return ok ? 0 : 1;
    }

    private static string Status(int code) => code == 0 ? "exception" : code.ToString(CultureInfo.InvariantCulture);

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static async Task<Sample> VoteAsync(HttpClient http, string cookie, string booth, string slug = Slug)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/exhibitions/{slug}/votes") { Content = JsonContent.Create(new { booth }) };
            request.Headers.Add("Cookie", cookie);
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return new Sample(sw.Elapsed.TotalMilliseconds, (int)response.StatusCode);
        }
        catch (HttpRequestException)
        {
            return new Sample(sw.Elapsed.TotalMilliseconds, 0);
        }
        catch (TaskCanceledException)
        {
            return new Sample(sw.Elapsed.TotalMilliseconds, 0);
        }
    }

    /// <summary>The ordinary password sign-in page, as a browser does it; returns the cookie header to send afterwards.</summary>
    private static async Task<string?> SignInAsync(HttpClient http, Uri baseUri, int n)
    {
        var jar = new CookieContainer();
        using var get = await http.GetAsync("/Akun/Masuk");
        Keep(jar, baseUri, get);
        var token = Token().Match(await get.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Akun/Masuk")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Email(n), ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", jar.GetCookieHeader(baseUri));
        using var response = await http.SendAsync(post);
        Keep(jar, baseUri, response);
        if (response.StatusCode != HttpStatusCode.Redirect) return null;
        return jar.GetCookieHeader(baseUri);
    }

    private static void Keep(CookieContainer jar, Uri uri, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var v in values) jar.SetCookies(uri, v);
    }

    private sealed record Check(long Rows, long DuplicatePairs, long OverMax);

    /// <summary>Counted in SQL, not trusted from the responses: the unique index should make the pairs check moot.</summary>
    private static async Task<Check> CheckAsync(string provider, string connection, int max)
    {
        await using var sp = Services(provider, connection);
        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        const string mine = "FROM exhibition_votes v JOIN exhibitions e ON e.\"Id\" = v.\"ExhibitionId\" WHERE e.\"Slug\" = '" + Slug + "'";
        return new Check(
            await Scalar($"SELECT COUNT(*) {mine}"),
            await Scalar($"SELECT COUNT(*) FROM (SELECT v.\"UserId\", v.\"InnovationId\" {mine} GROUP BY v.\"UserId\", v.\"InnovationId\" HAVING COUNT(*) > 1) x"),
            await Scalar($"SELECT COUNT(*) FROM (SELECT v.\"UserId\" {mine} GROUP BY v.\"UserId\" HAVING COUNT(*) > {max.ToString(CultureInfo.InvariantCulture)}) x"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
