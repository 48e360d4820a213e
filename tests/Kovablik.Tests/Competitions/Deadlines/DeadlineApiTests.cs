using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using static Kovablik.Tests.Competitions.Deadlines.DeadlineTestData;

namespace Kovablik.Tests.Competitions.Deadlines;

public abstract class DeadlineApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static string Deadline(int id) => $"/api/v1/editions/{id}/deadline";

    private async Task<HttpClient> OrganiserAsync() => App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));

    /// <summary>The WIB wall-clock form the API and the page take, for an instant.</summary>
    private static string Wib(DateTimeOffset utc) => Kovablik.Platform.Wib.ToWib(utc).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Extension_is_logged_announced_and_sent_to_every_participant()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(2));
        var drafting = await UnitAsync(App);
        var head = await App.CreateUserAsync(Roles.PimpinanUnit, drafting.Org.Id);
        await DraftAsync(App, drafting, edition);
        var withdrawn = await UnitAsync(App);
        var gone = await DraftAsync(App, withdrawn, edition);
        await (await withdrawn.Client.PostJsonAsync($"{ProposalsUrl}/{gone.Id}/withdraw", new ProposalActionInput(null))).ShouldBe(HttpStatusCode.OK);
        var outsider = await UnitAsync(App);

        // 30 March 2027 12:00 WIB = 05:00 UTC, a Tuesday.
        var organiser = await OrganiserAsync();
        var result = await (await organiser.PostJsonAsync(Deadline(edition.Id), new DeadlineChangeRequest("2027-03-30T12:00", "Server sempat gangguan selama dua hari.", edition.Version)))
            .ShouldBeOk<DeadlineChangeResultDto>();
        var closes = new DateTimeOffset(2027, 3, 30, 5, 0, 0, TimeSpan.Zero);
        Assert.Equal(closes, result.Change.NewClosesAt);
        Assert.Equal(edition.RegistrationClosesAt, result.Change.PreviousClosesAt);

        var stored = await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == edition.Id, Ct));
        Assert.Equal(closes, stored.RegistrationClosesAt);
        Assert.Equal(result.EditionVersion, stored.Version);
        var extension = await App.WithDbAsync(db => db.DeadlineExtensions.AsNoTracking().SingleAsync(x => x.EditionId == edition.Id, Ct));
        Assert.Equal("Server sempat gangguan selama dua hari.", extension.Reason);
        Assert.NotNull(extension.ByUserId);
        var announcement = await App.WithDbAsync(db => db.Announcements.AsNoTracking().SingleAsync(a => a.Id == extension.AnnouncementId, Ct));
        Assert.Equal(AnnouncementKind.DeadlineChange, announcement.Kind);
        Assert.Contains("Selasa, 30 Maret 2027 pukul 12.00 WIB", announcement.Body, StringComparison.Ordinal);
        Assert.Contains(WibText.Format(edition.RegistrationClosesAt), announcement.Body, StringComparison.Ordinal);
        Assert.Contains("Server sempat gangguan", announcement.Body, StringComparison.Ordinal);

        // Participants (operator and head of the drafting unit) hear of it; a withdrawn-only unit and outsiders do not.
        Assert.Contains(await NoticesAsync(App, drafting.Operator.Id), n => n.Title.StartsWith("Tenggat pendaftaran " + edition.Name, StringComparison.Ordinal)
            && n.Body.Contains("Selasa, 30 Maret 2027", StringComparison.Ordinal) && n.EmailState == Kovablik.Notifications.EmailState.Pending);
        Assert.Single(await NoticesAsync(App, head.Id));
        Assert.Empty(await NoticesAsync(App, withdrawn.Operator.Id));
        Assert.Empty(await NoticesAsync(App, outsider.Operator.Id));

        // Audited, and listed for organisers and the public.
        var editionKey = edition.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extensionKey = extension.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == "DeadlineExtension" && a.EntityId == extensionKey) || (a.EntityType == "Edition" && a.EntityId == editionKey && a.Action == "Update"))
            .ToListAsync(Ct));
        Assert.Contains(audited, a => a.EntityType == "DeadlineExtension" && a.Action == "Create");
        Assert.Contains(audited, a => a.EntityType == "Edition" && a.ChangesJson!.Contains("RegistrationClosesAt", StringComparison.Ordinal));
        var history = await (await organiser.GetAsync($"/api/v1/editions/{edition.Id}/deadline-changes", Ct)).ShouldBeOk<List<DeadlineChangeDto>>();
        Assert.Equal(closes, Assert.Single(history).NewClosesAt);
        var list = await (await App.AnonymousClient().GetAsync($"/api/v1/editions/{edition.Id}/announcements", Ct)).ShouldBeOk<List<AnnouncementDto>>();
        Assert.Contains("<strong>", Assert.Single(list).BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_fails_after_the_old_deadline_and_succeeds_after_the_extension()
    {
        var edition = await EditionAsync(App, TimeSpan.FromHours(1));
        var unit = await UnitAsync(App);
        var head = await App.CreateUserAsync(Roles.PimpinanUnit, unit.Org.Id);
        var p = await FilledAsync(App, unit, edition);
        App.Time.Advance(TimeSpan.FromHours(2));
        var refused = await (await unit.Client.PostJsonAsync($"{ProposalsUrl}/{p.Id}/submit", new ProposalActionInput(p.Version))).ValidationErrorsAsync();
        Assert.Contains(refused.Values.SelectMany(v => v), m => m.Contains("sudah ditutup", StringComparison.Ordinal));

        // Extended after it had closed: registration opens again at once.
        var organiser = await OrganiserAsync();
        await (await organiser.PostJsonAsync(Deadline(edition.Id), new DeadlineChangeRequest(
            App.Time.GetUtcNow().AddDays(1).ToString("o"), "Perpanjangan karena banyak unit terkendala jaringan.", edition.Version))).ShouldBeOk<DeadlineChangeResultDto>();
        var submitted = await (await unit.Client.PostJsonAsync($"{ProposalsUrl}/{p.Id}/submit", new ProposalActionInput(p.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Submitted", submitted.Status);

        // Submission received: the operator is told it arrived, the unit head that it waits for review.
        Assert.Contains(await NoticesAsync(App, unit.Operator.Id), n => n.Title.StartsWith($"Proposal “{p.Title}” diterima", StringComparison.Ordinal));
        var forHead = await NoticesAsync(App, head.Id);
        Assert.Contains(forHead, n => n.Title.StartsWith($"Proposal “{p.Title}” menunggu persetujuan Anda", StringComparison.Ordinal) && n.Link == $"/Kelola/Proposal/Ubah/{p.Id}");
        Assert.DoesNotContain(forHead, n => n.Title.Contains("diterima", StringComparison.Ordinal));

        // Returned with a comment, then approved: the unit hears both.
        var reviewer = App.ClientFor(head);
        var returned = await (await reviewer.PostJsonAsync($"{ProposalsUrl}/{p.Id}/return", new ProposalReturnInput("Lengkapi data jumlah penerima manfaat.", submitted.Version))).ShouldBeOk<ProposalDto>();
        Assert.Contains(await NoticesAsync(App, unit.Operator.Id), n => n.Title.Contains("dikembalikan untuk perbaikan", StringComparison.Ordinal)
            && n.Body.Contains("Lengkapi data jumlah penerima manfaat.", StringComparison.Ordinal));
        var again = await (await unit.Client.PostJsonAsync($"{ProposalsUrl}/{p.Id}/submit", new ProposalActionInput(returned.Version))).ShouldBeOk<ProposalDto>();
        await (await reviewer.PostJsonAsync($"{ProposalsUrl}/{p.Id}/approve", new ProposalActionInput(again.Version))).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(await NoticesAsync(App, unit.Operator.Id), n => n.Title.StartsWith($"Proposal “{p.Title}” disetujui", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_changes_are_refused_with_a_message_and_change_nothing()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(5), stageStartsAfterClose: TimeSpan.FromDays(3));
        await DraftAsync(App, await UnitAsync(App), edition);
        var organiser = await OrganiserAsync();
        var later = Wib(edition.RegistrationClosesAt!.Value.AddDays(1));
        const string reason = "Alasan yang cukup panjang untuk perubahan.";

        async Task<Dictionary<string, string[]>> Refused(DeadlineChangeRequest r) => await (await organiser.PostJsonAsync(Deadline(edition.Id), r)).ValidationErrorsAsync();

        Assert.Contains("wajib diisi", (await Refused(new(later, null, edition.Version)))["Reason"][0], StringComparison.Ordinal);
        Assert.Contains("minimal 10 karakter", (await Refused(new(later, "singkat", edition.Version)))["Reason"][0], StringComparison.Ordinal);
        Assert.Contains("maksimal 2.000 karakter", (await Refused(new(later, new string('x', 2001), edition.Version)))["Reason"][0], StringComparison.Ordinal);
        Assert.Contains("wajib diisi", (await Refused(new(null, reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        Assert.Contains("tidak dapat dibaca", (await Refused(new("besok siang", reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        Assert.Contains("tidak dapat dibaca", (await Refused(new("0001-01-01T00:00", reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        Assert.Contains("setelah dibuka", (await Refused(new("2000-01-01T00:00:00Z", reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        Assert.Contains("setelah dibuka", (await Refused(new(Wib(edition.RegistrationOpensAt!.Value.AddHours(-1)), reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        Assert.Contains("sama dengan tenggat saat ini", (await Refused(new(Wib(edition.RegistrationClosesAt!.Value), reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        Assert.Contains("sudah lewat", (await Refused(new(Wib(App.Time.GetUtcNow().AddMinutes(-1)), reason, edition.Version)))["ClosesAt"][0], StringComparison.Ordinal);
        var clash = (await Refused(new(Wib(edition.RegistrationClosesAt!.Value.AddDays(4)), reason, edition.Version)))["ClosesAt"][0];
        Assert.Contains("Seleksi Administrasi", clash, StringComparison.Ordinal);
        Assert.Contains("Geser jadwal tahap", clash, StringComparison.Ordinal);
        Assert.Contains("Versi edisi wajib", (await Refused(new(later, reason, null)))["ExpectedVersion"][0], StringComparison.Ordinal);

        var stale = await (await organiser.PostJsonAsync(Deadline(edition.Id), new DeadlineChangeRequest(later, reason, Guid.NewGuid()))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("baru saja diubah", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Not an organiser: 403; an unknown edition: 404; a draft edition: refused.
        var op = (await UnitAsync(App)).Client;
        await (await op.PostJsonAsync(Deadline(edition.Id), new DeadlineChangeRequest(later, reason, edition.Version))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await op.GetAsync($"/api/v1/editions/{edition.Id}/deadline-changes", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await App.AnonymousClient().PostJsonAsync(Deadline(edition.Id), new DeadlineChangeRequest(later, reason, edition.Version))).ShouldBe(HttpStatusCode.Unauthorized);
        await (await organiser.PostJsonAsync(Deadline(int.MaxValue), new DeadlineChangeRequest(later, reason, edition.Version))).ProblemAsync(HttpStatusCode.NotFound);
        var draft = await EditionAsync(App, TimeSpan.FromDays(5), EditionStatus.Draft);
        var draftErrors = await (await organiser.PostJsonAsync(Deadline(draft.Id), new DeadlineChangeRequest(later, reason, draft.Version))).ValidationErrorsAsync();
        Assert.Contains("sedang dipublikasikan", draftErrors[""][0], StringComparison.Ordinal);

        // English for an English reader.
        var english = await (await organiser.PostJsonAsync(Deadline(edition.Id) + "?culture=en", new DeadlineChangeRequest(later, null, edition.Version))).ValidationErrorsAsync();
        Assert.Contains("reason", english["Reason"][0], StringComparison.OrdinalIgnoreCase);

        var stored = await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == edition.Id, Ct));
        Assert.Equal(edition.Version, stored.Version);
        Assert.Equal(edition.RegistrationClosesAt, stored.RegistrationClosesAt);
        Assert.False(await App.WithDbAsync(db => db.DeadlineExtensions.AnyAsync(x => x.EditionId == edition.Id || x.EditionId == draft.Id, Ct)));
        Assert.False(await App.WithDbAsync(db => db.Announcements.AnyAsync(x => x.EditionId == edition.Id || x.EditionId == draft.Id, Ct)));
    }

    [Fact]
    public async Task A_published_editions_deadline_cannot_be_changed_through_the_edition_form()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(5), stageStartsAfterClose: TimeSpan.FromDays(30));
        var organiser = await OrganiserAsync();
        EditionUpdateInput Input(DateTimeOffset closes) => new()
        {
            Name = edition.Name,
            Description = "Deskripsi baru.",
            RegistrationOpensAt = EditionService.ToWibLocal(edition.RegistrationOpensAt),
            RegistrationClosesAt = EditionService.ToWibLocal(closes),
            Stages = edition.Stages.Select(s => new EditionStageInput { Name = s.Name, StartsAt = EditionService.ToWibLocal(s.StartsAt), EndsAt = EditionService.ToWibLocal(s.EndsAt) }).ToList(),
            ExpectedVersion = edition.Version,
        };
        var errors = await (await organiser.PutJsonAsync($"/api/v1/editions/{edition.Id}", Input(edition.RegistrationClosesAt!.Value.AddDays(2)))).ValidationErrorsAsync();
        Assert.Contains("Ubah tenggat pendaftaran", errors["RegistrationClosesAt"][0], StringComparison.Ordinal);
        Assert.Equal(edition.Version, (await App.WithDbAsync(db => db.Editions.AsNoTracking().SingleAsync(e => e.Id == edition.Id, Ct))).Version);

        // Other edits keep working while the deadline stays as it is.
        var updated = await (await organiser.PutJsonAsync($"/api/v1/editions/{edition.Id}", Input(edition.RegistrationClosesAt!.Value))).ShouldBeOk<EditionDto>();
        Assert.Equal("Deskripsi baru.", updated.Description);
        Assert.Equal(edition.RegistrationClosesAt, updated.RegistrationClosesAt);
    }

    [Fact]
    public async Task Organisers_post_general_announcements_shown_newest_first_and_sanitised()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(10));
        var organiser = await OrganiserAsync();
        var url = $"/api/v1/editions/{edition.Id}/announcements";
        var first = await (await organiser.PostJsonAsync(url, new AnnouncementRequest("Sosialisasi daring", "Sosialisasi **Senin** pukul 09.00 WIB."))).ShouldBeCreated<AnnouncementDto>();
        App.Time.Advance(TimeSpan.FromMinutes(5));
        await (await organiser.PostJsonAsync(url, new AnnouncementRequest("Tautan materi", "Materi: <script>alert(1)</script> [unduh](https://contoh.go.id/materi.pdf)"))).ShouldBeCreated<AnnouncementDto>();
        Assert.Equal("General", first.Kind);

        var errors = await (await organiser.PostJsonAsync(url, new AnnouncementRequest("Abc", ""))).ValidationErrorsAsync();
        Assert.Contains("minimal 5 karakter", errors["Title"][0], StringComparison.Ordinal);
        Assert.Contains("wajib diisi", errors["Body"][0], StringComparison.Ordinal);
        var op = (await UnitAsync(App)).Client;
        await (await op.PostJsonAsync(url, new AnnouncementRequest("Bukan panitia", "Isi pengumuman."))).ShouldBe(HttpStatusCode.Forbidden);

        var list = await (await App.AnonymousClient().GetAsync(url, Ct)).ShouldBeOk<List<AnnouncementDto>>();
        Assert.Equal(["Tautan materi", "Sosialisasi daring"], list.Select(a => a.Title).ToArray());
        Assert.DoesNotContain("<script", list[0].BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://contoh.go.id/materi.pdf\"", list[0].BodyHtml, StringComparison.Ordinal);

        // The public edition page shows them in a "Pengumuman" section, newest first.
        var page = await (await App.AnonymousClient().GetAsync($"/Kompetisi/{edition.Slug}", Ct)).HtmlAsync();
        var section = page.QuerySelector("section[aria-labelledby=pengumuman]");
        Assert.NotNull(section);
        Assert.Equal(["Tautan materi", "Sosialisasi daring"], section.QuerySelectorAll("article h3").Select(h => h.TextContent).ToArray());
        Assert.NotNull(section.QuerySelector("article strong"));
        Assert.Null(section.QuerySelector("script"));

        // A draft edition's announcements do not exist for the public.
        var draft = await EditionAsync(App, TimeSpan.FromDays(10), EditionStatus.Draft);
        await (await App.AnonymousClient().GetAsync($"/api/v1/editions/{draft.Id}/announcements", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        var refused = await (await organiser.PostJsonAsync($"/api/v1/editions/{draft.Id}/announcements", new AnnouncementRequest("Belum terbit", "Isi."))).ValidationErrorsAsync();
        Assert.Contains("sudah dipublikasikan", refused[""][0], StringComparison.Ordinal);
    }
}

public sealed class DeadlineApiTestsSqlite() : DeadlineApiTests(DatabaseProvider.Sqlite);

public sealed class DeadlineApiTestsPostgres() : DeadlineApiTests(DatabaseProvider.Postgres);
