using System.Net;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Search;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Search;

/// <summary>The public catalogue's Indonesian search, through the API, on both databases.</summary>
public abstract class InnovationSearchTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/innovations";

    /// <summary>Each test searches inside its own unit, so innovations of other tests never interfere.</summary>
    private async Task<Organisation> UnitAsync()
    {
        var kota = await App.KabKotaAsync();
        return await App.CreateOrganisationAsync($"Unit Cari {KovablikAppFactory.Unique()}", kota.Id);
    }

    private Task<int> PublishedAsync(int organisationId, string name, string body = "Uraian singkat.", string ringkasan = "Ringkasan inovasi.",
        Action<InnovationInput>? adjust = null, bool publish = true) =>
        App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<KovablikDbContext>();
            var service = sp.GetRequiredService<InnovationService>();
            var input = await KovablikAppFactory.CompleteInputAsync(db, organisationId, name);
            input.ShortDescription = body;
            input.Ringkasan = ringkasan;
            adjust?.Invoke(input);
            var created = await service.CreateAsync(input, OrganisationScope.Everything);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.SelectMany(e => e.Value)));
            if (publish)
            {
                var published = await service.ChangeStatusAsync(created.Value!.Id, InnovationStatus.Published, OrganisationScope.Everything, null);
                Assert.True(published.Succeeded);
            }
            return created.Value!.Id;
        });

    private async Task<List<int>> SearchAsync(Organisation unit, string q, string extra = "", HttpClient? client = null)
    {
        var response = await (client ?? App.AnonymousClient()).GetAsync($"{Base}?OrganisationId={unit.Id}&Q={Uri.EscapeDataString(q)}{extra}", Ct);
        var page = await response.ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(i => i.Id).ToList();
    }

    [Fact]
    public async Task Finds_derived_forms_through_the_root()
    {
        var unit = await UnitAsync();
        var pelayanan = await PublishedAsync(unit.Id, "Pelayanan Akta Kelahiran Keliling");
        var melayani = await PublishedAsync(unit.Id, "Mobil Dukcapil", "Petugas melayani warga langsung di rumah.");
        var perizinan = await PublishedAsync(unit.Id, "Perizinan Usaha Satu Pintu");
        var pembayaran = await PublishedAsync(unit.Id, "Pembayaran Retribusi Pasar Nontunai");
        var other = await PublishedAsync(unit.Id, "Taman Baca Desa", "Buku untuk anak.");

        Assert.Equal([pelayanan, melayani], (await SearchAsync(unit, "layanan")).Order());
        Assert.Equal([perizinan], await SearchAsync(unit, "izin"));
        Assert.Equal([pembayaran], await SearchAsync(unit, "bayar"));
        Assert.Equal([other], await SearchAsync(unit, "membaca"));
        Assert.Empty(await SearchAsync(unit, "kendaraan"));
    }

    [Fact]
    public async Task Ignores_stop_words_case_and_accents()
    {
        var unit = await UnitAsync();
        var a = await PublishedAsync(unit.Id, "Layanan Izin Keramaian", "Izin keramaian untuk acara warga.");
        await PublishedAsync(unit.Id, "Bank Sampah", "Tukar sampah dengan tabungan.");

        Assert.Equal([a], await SearchAsync(unit, "layanan dan izin yang untuk"));
        Assert.Equal([a], await SearchAsync(unit, "PELAYÁNAN"));
        Assert.Equal([a], await SearchAsync(unit, "Pelaya\u0301nan Perizinan"));
        // Stop words are not indexed: "untuk" appears in the body, yet finds nothing on its own when complete.
        Assert.Empty(await SearchAsync(unit, "untuk yang "));
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_while_typing()
    {
        var unit = await UnitAsync();
        var pelayanan = await PublishedAsync(unit.Id, "Pelayanan Terpadu Kecamatan");
        var other = await PublishedAsync(unit.Id, "Pelatihan Menjahit", "Kursus untuk ibu rumah tangga.");

        Assert.Equal([pelayanan], await SearchAsync(unit, "pelay"));
        Assert.Equal([pelayanan], await SearchAsync(unit, "terpadu kecam"));
        Assert.Equal([pelayanan, other], (await SearchAsync(unit, "pela")).Order());
        // A finished word (followed by a space) is not a prefix any more.
        Assert.Empty(await SearchAsync(unit, "pelay "));
    }

    [Fact]
    public async Task A_name_match_ranks_above_a_body_match()
    {
        var unit = await UnitAsync();
        var inName = await PublishedAsync(unit.Id, "Sistem Antrean Puskesmas", "Aplikasi di ponsel.");
        App.Time.Advance(TimeSpan.FromDays(1));
        // Newer, and the word many times over in the body: still below the name match.
        var inBody = await PublishedAsync(unit.Id, "Aplikasi Warga Sehat", "Antrean, antrean dan antrean: mengatur antrean pasien.", "Antrean daring mengurangi antrean.");

        Assert.Equal([inName, inBody], await SearchAsync(unit, "antrean"));
        Assert.Equal([inName, inBody], await SearchAsync(unit, "antrean", "&Sort=relevance"));
        Assert.Equal([inBody, inName], await SearchAsync(unit, "antrean", "&Sort=newest"));
    }

    [Fact]
    public async Task A_keyword_search_kept_in_memory_still_shows_a_publication_or_withdrawal_at_once()
    {
        // A keyword alone takes the ranked path whose first pages are kept in memory; each request has its own
        // unused parameter so the HTTP output cache cannot answer instead.
        var unit = await UnitAsync();
        var word = "jamboreta" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());
        var n = 0;
        async Task<List<int>> Search()
        {
            var page = await (await App.AnonymousClient().GetAsync($"{Base}?Q={word}&n={++n}", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
            Assert.Equal(page.Items.Count, page.Total);
            return page.Items.Select(i => i.Id).Order().ToList();
        }

        var first = await PublishedAsync(unit.Id, $"Layanan {word} Keliling");
        Assert.Equal([first], await Search());
        Assert.Equal([first], await Search());
        var second = await PublishedAsync(unit.Id, $"Posko {word} Terpadu");
        Assert.Equal(new[] { first, second }.Order().ToList(), await Search());
        await App.WithServicesAsync(sp => sp.GetRequiredService<InnovationService>().ChangeStatusAsync(first, InnovationStatus.Draft, OrganisationScope.Everything, null, Ct));
        Assert.Equal([second], await Search());
    }

    [Fact]
    public async Task The_index_change_count_moves_with_every_change_to_the_index_and_with_nothing_else()
    {
        // The count is kept by database triggers, so every writer moves it; a kept search result is reused while it
        // has not moved (SearchResultCacheTests). Tests of a class run one at a time on their own database.
        var unit = await UnitAsync();
        Task<long> Version() => App.WithDbAsync(db => db.SearchIndexVersions.Select(v => v.Version).SingleAsync(Ct));
        var start = await Version();

        var id = await PublishedAsync(unit.Id, "Bank Sampah Berhitung");
        var published = await Version();
        Assert.True(published > start);
        await PublishedAsync(unit.Id, "Sampah Draf Berhitung", publish: false);
        await App.WithDbAsync(db => db.Innovations.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.FavouriteVotes, 5), Ct));
        await App.WithDbAsync(async db =>
        {
            // A rolled-back change to the index itself.
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await db.InnovationSearch.Where(e => e.InnovationId == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.NameTerms, "lain"), Ct);
            await tx.RollbackAsync(Ct);
            return 0;
        });
        Assert.Equal(published, await Version());   // a draft, a vote count and a rollback are not changes to the index

        await App.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<InnovationService>();
            var input = InnovationInput.From(await service.WithDetails().SingleAsync(i => i.Id == id, Ct));
            input.Name = "Bank Kompos Berhitung";
            return await service.UpdateAsync(id, input, OrganisationScope.Everything, Ct);
        });
        var edited = await Version();
        Assert.True(edited > published);
        await App.WithServicesAsync(sp => sp.GetRequiredService<InnovationService>().ChangeStatusAsync(id, InnovationStatus.Draft, OrganisationScope.Everything, null, Ct));
        Assert.True(await Version() > edited);
    }

    [Fact]
    public async Task An_edited_innovation_is_indexed_again_and_an_unpublished_one_disappears()
    {
        var unit = await UnitAsync();
        var id = await PublishedAsync(unit.Id, "Bank Sampah Digital", "Tukar sampah plastik dengan saldo.");
        var draft = await PublishedAsync(unit.Id, "Sampah Jadi Kompos", publish: false);
        Assert.Equal([id], await SearchAsync(unit, "sampah"));

        await App.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<InnovationService>();
            var db = sp.GetRequiredService<KovablikDbContext>();
            var input = InnovationInput.From(await service.WithDetails().SingleAsync(i => i.Id == id, Ct));
            input.Name = "Bank Kompos Digital";
            input.ShortDescription = "Tukar daun kering dengan saldo.";
            return await service.UpdateAsync(id, input, OrganisationScope.Everything, Ct);
        });
        Assert.Empty(await SearchAsync(unit, "sampah"));
        Assert.Equal([id], await SearchAsync(unit, "kompos"));
        Assert.Equal([id], await SearchAsync(unit, "pengeringan daun"));

        await App.WithServicesAsync(sp => sp.GetRequiredService<InnovationService>().ChangeStatusAsync(id, InnovationStatus.Draft, OrganisationScope.Everything, null, Ct));
        Assert.Empty(await SearchAsync(unit, "kompos"));
        Assert.False(await App.WithDbAsync(db => db.InnovationSearch.AnyAsync(e => e.InnovationId == id || e.InnovationId == draft, Ct)));

        await App.WithServicesAsync(sp => sp.GetRequiredService<InnovationService>().ChangeStatusAsync(id, InnovationStatus.Published, OrganisationScope.Everything, null, Ct));
        Assert.Equal([id], await SearchAsync(unit, "kompos"));
        await App.WithServicesAsync(sp => sp.GetRequiredService<InnovationService>().ChangeStatusAsync(id, InnovationStatus.Archived, OrganisationScope.Everything, null, Ct));
        Assert.Empty(await SearchAsync(unit, "kompos"));
    }

    [Fact]
    public async Task Stale_and_missing_index_rows_are_rebuilt_at_start_up()
    {
        var unit = await UnitAsync();
        var id = await PublishedAsync(unit.Id, "Posyandu Remaja");
        // The index is edited behind the application's back here, so read as a signed-in user: the public output
        // cache (anonymous answers only) never answers for them.
        var reader = App.ClientFor(await App.CreateUserAsync(Kovablik.Accounts.Roles.Pengunjung, null));
        await App.WithDbAsync(async db =>
        {
            var row = await db.InnovationSearch.SingleAsync(e => e.InnovationId == id, Ct);
            db.InnovationSearch.Remove(row);
            await db.SaveChangesAsync(Ct);
        });
        Assert.Empty(await SearchAsync(unit, "posyandu", client: reader));
        await App.WithDbAsync(db => InnovationSearchIndex.RebuildStaleAsync(db, Ct));
        Assert.Equal([id], await SearchAsync(unit, "posyandu", client: reader));

        await App.WithDbAsync(db => db.InnovationSearch.Where(e => e.InnovationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.StemmerVersion, 0).SetProperty(e => e.NameTerms, "usang"), Ct));
        Assert.Empty(await SearchAsync(unit, "posyandu", client: reader));
        Assert.True(await App.WithDbAsync(db => InnovationSearchIndex.RebuildStaleAsync(db, Ct)) >= 1);
        Assert.Equal([id], await SearchAsync(unit, "posyandu", client: reader));
    }

    [Fact]
    public async Task Filters_by_category_sdg_target_group_kind_and_year()
    {
        var unit = await UnitAsync();
        var (category, sdg, group) = await App.WithDbAsync(async db => (
            await db.Categories.OrderByDescending(c => c.Id).FirstAsync(Ct),
            await db.SdgGoals.SingleAsync(s => s.Id == 3, Ct),
            await db.TargetGroups.OrderBy(t => t.Id).FirstAsync(Ct)));
        var tagged = await PublishedAsync(unit.Id, "Layanan Lansia Terpadu", adjust: i =>
        {
            i.CategoryIds = [category.Id];
            i.SdgGoalIds = [sdg.Id];
            i.TargetGroupIds = [group.Id];
            i.Kind = InnovationKind.NonDigital;
            i.StartedOn = new DateOnly(2023, 5, 1);
        });
        var plain = await PublishedAsync(unit.Id, "Layanan Aplikasi Warga", adjust: i => i.StartedOn = new DateOnly(2025, 1, 1));

        Assert.Equal([tagged], await SearchAsync(unit, "layanan", $"&SdgGoalId={sdg.Id}"));
        Assert.Equal([tagged], await SearchAsync(unit, "layanan", $"&TargetGroupId={group.Id}"));
        Assert.Equal([tagged], await SearchAsync(unit, "layanan", "&Kind=NonDigital"));
        Assert.Equal([plain], await SearchAsync(unit, "layanan", "&Kind=Digital"));
        Assert.Equal([tagged], await SearchAsync(unit, "", "&Year=2023"));
        Assert.Contains(tagged, await SearchAsync(unit, "", $"&CategoryId={category.Id}"));
        Assert.Empty(await SearchAsync(unit, "layanan", "&Award=Finalist"));
        await App.WithDbAsync(async db =>
        {
            db.InnovationAwards.Add(new Kovablik.Competitions.Awards.InnovationAward
            {
                InnovationId = tagged, Year = 2024, Competition = "KIPP", Title = "Top 99", Tier = Kovablik.Competitions.Validation.AwardTier.Finalist,
            });
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal([tagged], await SearchAsync(unit, "layanan", "&Award=Finalist"));
        Assert.Empty(await SearchAsync(unit, "layanan", "&Award=Top"));
        // Without a keyword: newest first.
        Assert.Equal([plain, tagged], await SearchAsync(unit, ""));
    }

    [Fact]
    public async Task Unknown_filters_sort_and_pages_are_refused_with_a_message()
    {
        var client = App.AnonymousClient();
        var sdg = await (await client.GetAsync($"{Base}?SdgGoalId=99", Ct)).ValidationErrorsAsync();
        Assert.Equal("Tujuan SDG tidak dikenal.", Assert.Single(sdg["SdgGoalId"]));
        var sort = await (await client.GetAsync($"{Base}?Sort=acak", Ct)).ValidationErrorsAsync();
        Assert.Equal("Urutan tidak dikenal.", Assert.Single(sort["Sort"]));
        var group = await (await client.GetAsync($"{Base}?TargetGroupId=99999", Ct)).ValidationErrorsAsync();
        Assert.Equal("Kelompok sasaran tidak dikenal.", Assert.Single(group["TargetGroupId"]));
        var category = await (await client.GetAsync($"{Base}?CategoryId=99999", Ct)).ValidationErrorsAsync();
        Assert.Equal("Kategori tidak dikenal.", Assert.Single(category["CategoryId"]));
        var kabKota = await (await client.GetAsync($"{Base}?KabKotaId={(await App.CreateOrganisationAsync("Bukan Kota", (await App.KabKotaAsync()).Id)).Id}", Ct)).ValidationErrorsAsync();
        Assert.Equal("Kabupaten/kota tidak dikenal.", Assert.Single(kabKota["KabKotaId"]));
        var english = await (await client.GetAsync($"{Base}?SdgGoalId=99&culture=en", Ct)).ValidationErrorsAsync();
        Assert.DoesNotContain("tidak dikenal", Assert.Single(english["SdgGoalId"]), StringComparison.Ordinal);

        var unit = await UnitAsync();
        await PublishedAsync(unit.Id, "Satu Inovasi");
        var far = await client.GetAsync($"{Base}?OrganisationId={unit.Id}&Page=2", Ct);
        var problem = await far.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("Halaman tersebut tidak ada", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.GetAsync($"{Base}?Page=0", Ct)).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("\"layanan\" OR NEAR(* AND")]
    [InlineData("layanan & ! | :* ( ')")]
    [InlineData("'; DROP TABLE innovations; --")]
    [InlineData("*")]
    [InlineData("^layanan NOT col:x")]
    public async Task Query_syntax_in_the_keyword_is_only_text(string q)
    {
        var unit = await UnitAsync();
        var id = await PublishedAsync(unit.Id, "Layanan Drop Box Innovations");
        var errorsBefore = App.LoggedErrors.Count;
        var found = await SearchAsync(unit, q);
        Assert.True(found.Count <= 1);
        Assert.True(await App.WithDbAsync(db => db.Innovations.AnyAsync(i => i.Id == id, Ct)));
        Assert.Equal(errorsBefore, App.LoggedErrors.Count);
    }

    /// <summary>A word no other test's innovation contains, so a search without filters sees only this test's rows.</summary>
    private static string UniqueWord() => "zq" + new string(KovablikAppFactory.Unique().Select(c => (char)('a' + c % 26)).ToArray());

    [Fact]
    public async Task A_keyword_without_filters_pages_exactly_like_the_full_ranking()
    {
        // Without filters the catalogue counts in the index and keeps each keyword's first matches in the full order
        // (rank, newest, id), computed in the database. Name matches, body matches of different strength and identical texts (equal
        // ranks, ordered newest first) must page exactly as the full ranking does behind a filter that keeps them all.
        var unit = await UnitAsync();
        var word = UniqueWord();
        var ids = new List<int>();
        for (var i = 0; i < 4; i++) ids.Add(await PublishedAsync(unit.Id, $"Inovasi {word} Nomor {i}"));
        for (var i = 0; i < 6; i++) ids.Add(await PublishedAsync(unit.Id, $"Inovasi Sama {i}", $"Layanan {word} untuk warga."));
        for (var i = 0; i < 3; i++) ids.Add(await PublishedAsync(unit.Id, $"Inovasi Ulang {i}", $"{word} {word} {word} sekali lagi {word}."));
        await PublishedAsync(unit.Id, "Inovasi Lain", "Tidak memuat kata itu.");

        var full = await (await App.AnonymousClient().GetAsync($"{Base}?OrganisationId={unit.Id}&Q={word}&PageSize=100", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.Equal(13, full.Total);
        Assert.Equal(ids.Order(), full.Items.Select(i => i.Id).Order());
        var paged = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var part = await (await App.AnonymousClient().GetAsync($"{Base}?Q={word}&PageSize=5&Page={page}", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
            Assert.Equal(13, part.Total);
            paged.AddRange(part.Items.Select(i => i.Id));
        }
        Assert.Equal(full.Items.Select(i => i.Id), paged);
        // A page of one at a tie still picks the right one, and past the end is a 404 as before.
        var second = await (await App.AnonymousClient().GetAsync($"{Base}?Q={word}&PageSize=1&Page=6", Ct)).ShouldBeOk<PagedResult<InnovationSummaryDto>>();
        Assert.Equal([full.Items[5].Id], second.Items.Select(i => i.Id));
        await (await App.AnonymousClient().GetAsync($"{Base}?Q={word}&PageSize=5&Page=4", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Suggests_up_to_eight_published_names_while_typing()
    {
        var unit = await UnitAsync();
        var word = "Zq" + new string(KovablikAppFactory.Unique().Select(c => (char)('a' + c % 26)).ToArray());
        for (var n = 0; n < 10; n++) await PublishedAsync(unit.Id, $"Pelayanan {word} {n}");
        var draft = await PublishedAsync(unit.Id, $"Pelayanan {word} Draf", publish: false);
        var client = App.AnonymousClient();
        var suggestions = await (await client.GetAsync($"/api/v1/search/suggest?q={Uri.EscapeDataString(word[..^1].ToLowerInvariant())}", Ct))
            .ShouldBeOk<List<Suggestion>>();
        Assert.Equal(8, suggestions.Count);
        Assert.All(suggestions, s => Assert.Contains(word, s.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(suggestions, s => s.Id == draft);
        Assert.Empty(await (await client.GetAsync("/api/v1/search/suggest?q=%20", Ct)).ShouldBeOk<List<Suggestion>>());
        var tooLong = await (await client.GetAsync($"/api/v1/search/suggest?q={new string('a', 201)}", Ct)).ValidationErrorsAsync();
        Assert.Contains("q", tooLong.Keys);
    }
}

public sealed class InnovationSearchTestsSqlite() : InnovationSearchTests(DatabaseProvider.Sqlite);

public sealed class InnovationSearchTestsPostgres() : InnovationSearchTests(DatabaseProvider.Postgres);
