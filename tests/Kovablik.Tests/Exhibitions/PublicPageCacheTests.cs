using Kovablik.Accounts;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Exhibitions;

/// <summary>The output cache on public innovation pages: anonymous only, per language, dropped by any saved change.</summary>
public abstract class PublicPageCacheTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task An_edit_shows_at_once_and_signed_in_staff_never_get_the_anonymous_copy()
    {
        var org = await App.CreateOrganisationAsync("UPT Cache", (await App.KabKotaAsync()).Id);
        var innovation = await App.CreateInnovationAsync(org.Id, "Layanan Cepat", publish: true);
        var anonymous = App.AnonymousClient();
        var url = $"/Inovasi/{innovation.Id}";

        var before = Http.TextOf(await (await anonymous.GetAsync(url, Ct)).HtmlAsync());
        Assert.Contains(innovation.Name, before, StringComparison.Ordinal);

        // A bulk update skips SaveChanges (so no eviction): the page is served from the cache, proving it is cached.
        await App.WithDbAsync(db => db.Innovations.Where(x => x.Id == innovation.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ShortDescription, "Perubahan tanpa SaveChanges."), Ct));
        Assert.DoesNotContain("Perubahan tanpa SaveChanges.", Http.TextOf(await (await anonymous.GetAsync(url, Ct)).HtmlAsync()), StringComparison.Ordinal);

        // A change saved the normal way, even one that bypasses the services, evicts the cached page.
        await App.WithDbAsync(async db =>
        {
            var i = await db.Innovations.SingleAsync(x => x.Id == innovation.Id, Ct);
            i.ShortDescription = "Deskripsi yang baru saja diubah.";
            await db.SaveChangesAsync(Ct);
        });
        var after = Http.TextOf(await (await anonymous.GetAsync(url, Ct)).HtmlAsync());
        Assert.Contains("Deskripsi yang baru saja diubah.", after, StringComparison.Ordinal);

        // The owner's operator sees the edit buttons although anonymous visitors are served from the cache.
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id));
        var own = await (await op.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains(own.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Kelola/Inovasi/Ubah/{innovation.Id}");
        var again = await (await anonymous.GetAsync(url, Ct)).HtmlAsync();
        Assert.DoesNotContain(again.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Kelola/Inovasi/Ubah/{innovation.Id}");

        // Unpublishing removes the page for the public at once.
        await App.WithServicesAsync(sp => sp.GetRequiredService<InnovationService>()
            .ChangeStatusAsync(innovation.Id, InnovationStatus.Archived, OrganisationScope.Everything, null));
        await (await anonymous.GetAsync(url, Ct)).ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_comment_drops_only_its_innovations_page_and_other_changes_drop_them_all()
    {
        var org = await App.CreateOrganisationAsync("UPT Komentar " + KovablikAppFactory.Unique(), (await App.KabKotaAsync()).Id);
        var a = await App.CreateInnovationAsync(org.Id, "Inovasi Dikomentari", publish: true);
        var b = await App.CreateInnovationAsync(org.Id, "Inovasi Tetangga", publish: true);
        var anonymous = App.AnonymousClient();
        async Task<string> TextAsync(int id) => Http.TextOf(await (await anonymous.GetAsync($"/Inovasi/{id}", Ct)).HtmlAsync());
        await TextAsync(a.Id);
        await TextAsync(b.Id);
        // Changed behind the cache's back (no SaveChanges): the cached copies still show the old text.
        await App.WithDbAsync(db => db.Innovations.Where(x => x.Id == a.Id || x.Id == b.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ShortDescription, "Teks diam-diam."), Ct));
        Assert.DoesNotContain("Teks diam-diam.", await TextAsync(b.Id), StringComparison.Ordinal);

        var author = await App.CreateUserAsync(Roles.Pengunjung, null);
        await App.WithDbAsync(async db =>
        {
            db.Comments.Add(new Kovablik.Feedback.Comment
            {
                InnovationId = a.Id, AuthorId = author.Id, Body = "Komentar yang baru.", Status = Kovablik.Feedback.CommentStatus.Published,
                CreatedAt = App.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        });
        var pageA = await TextAsync(a.Id);
        Assert.Contains("Komentar yang baru.", pageA, StringComparison.Ordinal);
        Assert.Contains("Teks diam-diam.", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain("Teks diam-diam.", await TextAsync(b.Id), StringComparison.Ordinal);   // still the cached copy

        // The unit's reply, saved on its own: the reply names only the comment, and still only A's page goes.
        await App.WithDbAsync(db => db.Innovations.Where(x => x.Id == a.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ShortDescription, "Teks kedua."), Ct));
        var operatorUser = await App.CreateUserAsync(Roles.Operator, org.Id);
        await App.WithDbAsync(async db =>
        {
            var comment = await db.Comments.AsNoTracking().SingleAsync(c => c.InnovationId == a.Id, Ct);
            db.CommentReplies.Add(new Kovablik.Feedback.CommentReply
            {
                CommentId = comment.Id, AuthorId = operatorUser.Id, OrganisationId = org.Id, Body = "Jawaban unit.", CreatedAt = App.Time.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        });
        pageA = await TextAsync(a.Id);
        Assert.Contains("Jawaban unit.", pageA, StringComparison.Ordinal);
        Assert.Contains("Teks kedua.", pageA, StringComparison.Ordinal);
        Assert.DoesNotContain("Teks diam-diam.", await TextAsync(b.Id), StringComparison.Ordinal);   // still the cached copy

        // An award on A changes lists and filters too: every cached page goes.
        await App.WithDbAsync(async db =>
        {
            db.InnovationAwards.Add(new Kovablik.Competitions.Awards.InnovationAward
            {
                InnovationId = a.Id, Year = 2025, Competition = "KOVABLIK", Title = "Top Inovasi Terpuji", Tier = Kovablik.Competitions.Validation.AwardTier.Top,
            });
            await db.SaveChangesAsync(Ct);
        });
        Assert.Contains("Teks diam-diam.", await TextAsync(b.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_language_gets_its_own_copy()
    {
        var org = await App.CreateOrganisationAsync("UPT Bahasa", (await App.KabKotaAsync()).Id);
        var innovation = await App.CreateInnovationAsync(org.Id, publish: true);
        var indonesian = await (await App.AnonymousClient().GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync();
        var english = App.AnonymousClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var page = await (await english.GetAsync($"/Inovasi/{innovation.Id}", Ct)).HtmlAsync();
        Assert.Equal("id", indonesian.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }
}

public sealed class PublicPageCacheTestsSqlite() : PublicPageCacheTests(DatabaseProvider.Sqlite);

public sealed class PublicPageCacheTestsPostgres() : PublicPageCacheTests(DatabaseProvider.Postgres);
