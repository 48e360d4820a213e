using Kovablik.Competitions.Awards;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Feedback;
using Kovablik.Innovations;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Innovations;

/// <summary>
/// The public page's hand-written reader returns what EF Core loads for the same innovation (every shown column,
/// converted types included), and its pooled SQLite statements never serve an old snapshot.
/// </summary>
public abstract class InnovationPageReaderTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<InnovationPageData?> ReadAsync(int id) => App.WithServicesAsync(sp =>
        sp.GetRequiredService<InnovationPageReader>().ReadAsync(id, () => sp.GetRequiredService<KovablikDbContext>(), Ct));

    [Fact]
    public async Task Reads_the_same_values_as_EF_Core_for_every_part_of_the_page()
    {
        var org = await App.KabKotaAsync();
        var created = await App.CreateInnovationAsync(org.Id, "Inovasi Pembaca " + KovablikAppFactory.Unique(), publish: true);
        var uploadedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        await App.WithDbAsync(async db =>
        {
            var innovation = await db.Innovations.Include(i => i.SdgGoals).Include(i => i.TargetGroups).SingleAsync(i => i.Id == created.Id, Ct);
            innovation.Team = [new TeamMember { Name = "Rina \"Ketua\" Wati", Position = "Ketua" }, new TeamMember { Name = "Budi" }];
            innovation.VideoUrl = "https://youtu.be/dQw4w9WgXcQ";
            innovation.SdgGoals.Add(await db.SdgGoals.OrderBy(g => g.Id).FirstAsync(Ct));
            innovation.TargetGroups.Add(await db.TargetGroups.FirstAsync(t => t.IsVulnerable, Ct));
            db.InnovationAwards.Add(new InnovationAward { InnovationId = created.Id, Year = 2024, Competition = "KOVABLIK", Title = "Top Inovasi Terpuji", Tier = AwardTier.Top });
            db.Attachments.Add(new Attachment
            {
                Id = Guid.NewGuid(), InnovationId = created.Id, Kind = AttachmentKind.Image, OriginalFileName = "foto.png", StorageKey = "k/foto.png",
                ContentType = "image/png", Size = 12_345_678_901, Sha256 = new string('a', 64), ThumbnailKey = "k/foto.thumb.webp", UploadedAt = uploadedAt,
            });
            var author = await App.CreateUserAsync(Kovablik.Accounts.Roles.Pengunjung, null);
            db.Comments.Add(new Comment { InnovationId = created.Id, AuthorId = author.Id, Body = "Bagus", Status = CommentStatus.Published, CreatedAt = uploadedAt });
            db.Comments.Add(new Comment { InnovationId = created.Id, AuthorId = author.Id, Body = "Disembunyikan", Status = CommentStatus.Hidden, CreatedAt = uploadedAt });
            await db.SaveChangesAsync(Ct);
        });

        var page = await ReadAsync(created.Id);
        Assert.NotNull(page);
        var expected = await App.WithDbAsync(db => db.Innovations.AsNoTracking().Include(i => i.Organisation).Include(i => i.Categories).Include(i => i.SdgGoals)
            .Include(i => i.TargetGroups).Include(i => i.Attachments).AsSplitQuery().SingleAsync(i => i.Id == created.Id, Ct));
        var stored = await App.WithDbAsync(db => db.InnovationPages.AsNoTracking().SingleAsync(p => p.InnovationId == created.Id, Ct));

        var actual = page.Innovation;
        Assert.Equal(
            (expected.Id, expected.OrganisationId, expected.Name, expected.ShortDescription, expected.StartedOn, expected.Stage, expected.Kind, expected.Status),
            (actual.Id, actual.OrganisationId, actual.Name, actual.ShortDescription, actual.StartedOn, actual.Stage, actual.Kind, actual.Status));
        Assert.Equal(
            (expected.SkNumber, expected.ContactName, expected.ContactEmail, expected.ContactPhone, expected.VideoUrl, expected.WebsiteUrl, expected.IsDemo, expected.Version),
            (actual.SkNumber, actual.ContactName, actual.ContactEmail, actual.ContactPhone, actual.VideoUrl, actual.WebsiteUrl, actual.IsDemo, actual.Version));
        Assert.Equal(["Rina \"Ketua\" Wati|Ketua", "Budi|"], actual.Team.Select(t => $"{t.Name}|{t.Position}"));
        Assert.Equal((expected.Organisation.Name, expected.Organisation.Path), (actual.Organisation.Name, actual.Organisation.Path));
        Assert.Equal((stored.Version, stored.RendererVersion, stored.SectionsJson), (page.PageVersion, page.RendererVersion, page.SectionsJson));

        Assert.Equal(expected.Categories.Select(c => (c.Id, c.Name)).Order(), Rows(page, PageListRow.Category).Select(r => (r.Id, r.Name)));
        Assert.Equal(expected.SdgGoals.Select(c => (c.Id, c.Name)).Order(), Rows(page, PageListRow.Sdg).Select(r => (r.Id, r.Name)));
        var group = Assert.Single(Rows(page, PageListRow.TargetGroup));
        Assert.Equal((expected.TargetGroups.Single().Id, 1), (group.Id, group.Number));
        var award = Assert.Single(Rows(page, PageListRow.Award));
        Assert.Equal(("Top Inovasi Terpuji", "KOVABLIK", 2024, (int)AwardTier.Top), (award.Name, award.Extra, award.Year, award.Number));
        Assert.Equal(1, Assert.Single(Rows(page, PageListRow.CommentCount)).Id);

        var attachment = Assert.Single(page.Attachments);
        var expectedAttachment = expected.Attachments.Single();
        Assert.Equal(
            (expectedAttachment.Id, expectedAttachment.Kind, expectedAttachment.OriginalFileName, expectedAttachment.StorageKey, expectedAttachment.ContentType,
                expectedAttachment.Size, expectedAttachment.Sha256, expectedAttachment.ThumbnailKey, expectedAttachment.UploadedAt, expectedAttachment.UploadedByUserId),
            (attachment.Id, attachment.Kind, attachment.OriginalFileName, attachment.StorageKey, attachment.ContentType,
                attachment.Size, attachment.Sha256, attachment.ThumbnailKey, attachment.UploadedAt, attachment.UploadedByUserId));
        Assert.Equal(uploadedAt, attachment.UploadedAt);

        Assert.Null(await ReadAsync(int.MaxValue));
    }

    [Fact]
    public async Task A_committed_change_is_read_at_once_by_readers_used_before_it()
    {
        var org = await App.KabKotaAsync();
        var created = await App.CreateInnovationAsync(org.Id, "Nama Lama " + KovablikAppFactory.Unique(), publish: true);
        // Several reads at once leave several prepared readers in the pool, each having read the old row.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ReadAsync(created.Id)));

        var renamed = "Nama Baru " + KovablikAppFactory.Unique();
        await App.WithDbAsync(async db =>
        {
            var innovation = await db.Innovations.SingleAsync(i => i.Id == created.Id, Ct);
            innovation.Name = renamed;
            db.InnovationAwards.Add(new InnovationAward { InnovationId = created.Id, Year = 2025, Competition = "KIPP", Title = "TOP 45", Tier = AwardTier.Top });
            await db.SaveChangesAsync(Ct);
        });

        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ReadAsync(created.Id)));
        Assert.All(pages, p =>
        {
            Assert.Equal(renamed, p!.Innovation.Name);
            Assert.Equal("TOP 45", Assert.Single(Rows(p, PageListRow.Award)).Name);
        });
    }

    [Fact]
    public async Task It_reads_committed_data_only_and_does_not_wait_for_a_transaction_still_open()
    {
        // The public page never reads inside a caller's transaction: it has connections of its own.
        var org = await App.KabKotaAsync();
        var created = await App.CreateInnovationAsync(org.Id, "Sebelum " + KovablikAppFactory.Unique(), publish: true);
        await App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<KovablikDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var innovation = await db.Innovations.SingleAsync(i => i.Id == created.Id, Ct);
            innovation.Name = "Dalam Transaksi";
            await db.SaveChangesAsync(Ct);
            var page = await ReadAsync(created.Id).WaitAsync(TimeSpan.FromSeconds(20), Ct);
            Assert.Equal(created.Name, page!.Innovation.Name);
            Assert.Equal(0, Assert.Single(Rows(page, PageListRow.CommentCount)).Id);
            await transaction.CommitAsync(Ct);
            return 0;
        });
        Assert.Equal("Dalam Transaksi", (await ReadAsync(created.Id))!.Innovation.Name);
    }

    [Fact]
    public async Task Concurrent_reads_each_get_their_own_innovation_in_objects_of_their_own()
    {
        // On PostgreSQL concurrent reads share round trips (one command for many ids); each must still get exactly its
        // innovation, and objects no other read holds (the page fills them in), also when two ask for the same id.
        var org = await App.KabKotaAsync();
        var created = new List<(int Id, string Name)>();
        for (var n = 0; n < 8; n++)
        {
            var c = await App.CreateInnovationAsync(org.Id, $"Serentak {n} " + KovablikAppFactory.Unique(), publish: true);
            created.Add((c.Id, c.Name));
        }
        var asked = Enumerable.Range(0, 240).Select(i => i % 9 == 8 ? (Id: int.MaxValue - i, Name: "") : created[i % created.Count]).ToList();
        var pages = await App.WithServicesAsync(sp =>
        {
            var reader = sp.GetRequiredService<InnovationPageReader>();
            return Task.WhenAll(asked.Select(a => Task.Run(() =>
                reader.ReadAsync(a.Id, () => throw new InvalidOperationException("a file database needs no context"), Ct), Ct)));
        });
        for (var i = 0; i < asked.Count; i++)
        {
            if (asked[i].Name == "")
            {
                Assert.Null(pages[i]);
                continue;
            }
            Assert.Equal(asked[i].Id, pages[i]!.Innovation.Id);
            Assert.Equal(asked[i].Name, pages[i]!.Innovation.Name);
            Assert.Equal(0, Assert.Single(Rows(pages[i]!, PageListRow.CommentCount)).Id);
        }
        var found = pages.Where(p => p is not null).ToList();
        Assert.Equal(found.Count, found.Select(p => p!.Innovation).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(found.Count, found.Select(p => p!.Lists).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    private static IEnumerable<PageListRow> Rows(InnovationPageData page, int kind) => page.Lists.Where(r => r.Kind == kind);
}

public sealed class InnovationPageReaderTestsSqlite() : InnovationPageReaderTests(DatabaseProvider.Sqlite);

public sealed class InnovationPageReaderTestsPostgres() : InnovationPageReaderTests(DatabaseProvider.Postgres);
