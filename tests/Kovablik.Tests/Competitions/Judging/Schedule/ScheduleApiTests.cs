using System.Net;
using Kovablik.Competitions.Judging;
using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Data;
using Kovablik.Notifications;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Judging.Schedule;

/// <summary>Presentation slots and field visits through the API: scheduling rules, confirmation, panel access, photos, notices.</summary>
public abstract class ScheduleApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    // Tests of a class share the database, and rooms and links are checked for overlaps across all slots: each test
    // has its own link and rooms.
    private readonly string Link = "https://meet.example.go.id/" + KovablikAppFactory.Unique();
    private readonly string Room = " " + KovablikAppFactory.Unique();

    [Fact]
    public async Task Generation_lays_out_consecutive_non_overlapping_20_minute_slots_and_notifies_units_and_jurors()
    {
        var world = await ScheduleFixture.WorldAsync(App, 3);
        var juror = await ScheduleFixture.JurorAsync(App, world, world.Presentation, [world.Proposals[0].Id]);
        var panitia = App.ClientFor(world.Panitia);
        var start = App.Time.GetUtcNow().AddDays(3);

        var slots = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots/generate",
            new GenerateSlotsInput(start, BreakMinutes: 5, MeetingUrl: Link, FallbackVenue: "Ruang Rapat Bappeda" + Room))).ShouldBeCreated<List<PresentationSlotDto>>();

        Assert.Equal(world.Proposals.Select(p => p.Id).Order(), slots.Select(s => s.ProposalId).Order());
        var ordered = slots.OrderBy(s => s.StartsAt).ToList();
        Assert.Equal(start, ordered[0].StartsAt);
        foreach (var s in ordered)
        {
            Assert.Equal(TimeSpan.FromMinutes(20), s.EndsAt - s.StartsAt);
            Assert.Equal((7, 13), (s.PresentationMinutes, s.InterviewMinutes));
            Assert.Equal(s.StartsAt.AddMinutes(7), s.InterviewStartsAt);
            Assert.Null(s.ConfirmedAt);
        }
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.Equal(ordered[i - 1].EndsAt.AddMinutes(5), ordered[i].StartsAt);
            Assert.True(ordered[i].StartsAt >= ordered[i - 1].EndsAt);
        }

        // Every unit hears in-app and by email, with the WIB time; the proposal's juror hears too.
        var firstWib = JudgingScheduleService.WibText(ordered.Single(s => s.ProposalId == world.Proposals[0].Id).StartsAt);
        var unitNotice = await App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == world.Proposals[0].Operator.Id, Ct));
        Assert.Contains("Jadwal presentasi", unitNotice.Title, StringComparison.Ordinal);
        Assert.Contains(firstWib + " WIB", Kovablik.Platform.Message.ToIndonesian(unitNotice.Body), StringComparison.Ordinal);
        Assert.Equal(EmailState.Pending, unitNotice.EmailState);
        Assert.Equal(world.Proposals[0].Operator.Email, unitNotice.EmailTo);
        var jurorNotices = await App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == juror.Id).ToListAsync(Ct));
        Assert.Single(jurorNotices);
        Assert.Equal($"/Juri/Nilai/{world.Presentation.Id}/{world.Proposals[0].Id}", jurorNotices[0].Link);
        Assert.Equal(3, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "PresentationSlot" && a.Action == "Create"
            && slots.Select(s => s.Id.ToString()).Contains(a.EntityId), Ct)));

        // Nothing is left to schedule: a second run is refused and adds nothing.
        var again = await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots/generate", new GenerateSlotsInput(start.AddDays(1), MeetingUrl: Link));
        Assert.Contains("StartsAt", (await again.ValidationErrorsAsync()).Keys);
        Assert.Equal(3, await SlotCountAsync(world.Presentation.Id));
    }

    [Fact]
    public async Task Every_bad_input_is_refused_and_changes_nothing()
    {
        var world = await ScheduleFixture.WorldAsync(App, 3);
        var other = await ScheduleFixture.WorldAsync(App, 1);
        var panitia = App.ClientFor(world.Panitia);
        var stageUrl = $"/api/v1/judging/stages/{world.Presentation.Id}/slots";
        var t = App.Time.GetUtcNow().AddDays(3);
        var p = world.Proposals;

        var first = await (await panitia.PostJsonAsync(stageUrl, new SlotInput(p[0].Id, t, MeetingUrl: Link, FallbackVenue: "Ruang A" + Room))).ShouldBeCreated<PresentationSlotDto>();
        var second = await (await panitia.PostJsonAsync(stageUrl, new SlotInput(p[1].Id, t.AddMinutes(20), MeetingUrl: Link))).ShouldBeCreated<PresentationSlotDto>();
        var before = await SnapshotAsync(world);

        async Task Refused(HttpResponseMessage response, string field, string text)
        {
            var errors = await response.ValidationErrorsAsync();
            Assert.True(errors.ContainsKey(field), $"No error on {field}: {string.Join(", ", errors.Keys)}");
            Assert.Contains(text, string.Join(" ", errors[field]), StringComparison.Ordinal);
        }

        // Overlap in the same link, and in the same room without a link.
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddMinutes(10), MeetingUrl: Link)), "StartsAt", "bertabrakan");
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddMinutes(-5), FallbackVenue: "Ruang A" + Room)), "StartsAt", "bertabrakan");
        // Outside the stage's scoring window, before or after.
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, App.Time.GetUtcNow().AddHours(-1), MeetingUrl: Link)), "StartsAt", "masa penilaian");
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, App.Time.GetUtcNow().AddDays(30).AddMinutes(-10), MeetingUrl: Link + "/b")), "StartsAt", "masa penilaian");
        // Not an https link.
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddHours(5), MeetingUrl: Link.Replace("https:", "http:", StringComparison.Ordinal))), "MeetingUrl", "https://");
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddHours(5), MeetingUrl: "javascript:alert(1)")), "MeetingUrl", "https://");
        // Neither link nor room; impossible lengths.
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddHours(5))), "MeetingUrl", "tempat cadangan");
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddHours(5), 0, 13, Link)), "PresentationMinutes", "Durasi presentasi");
        // A proposal that is not in the stage (another edition's), and one that already has a slot.
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(other.Proposals[0].Id, t.AddHours(5), MeetingUrl: Link)), "ProposalId", "tidak termasuk");
        await Refused(await panitia.PostJsonAsync(stageUrl, new SlotInput(p[0].Id, t.AddHours(5), MeetingUrl: Link)), "ProposalId", "sudah memiliki");
        // The wrong kind of stage for slots and for visits.
        await Refused(await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Visit.Id}/slots", new SlotInput(p[2].Id, t.AddHours(5), MeetingUrl: Link)), "Stage", "tahap presentasi");
        await Refused(await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/visits", new VisitInput(p[2].Id, t, "Jl. Pahlawan 1")), "Stage", "tahap visitasi");
        // Moving a slot onto another in the same link.
        await Refused(await panitia.PutJsonAsync($"/api/v1/judging/slots/{second.Id}", new SlotInput(null, t.AddMinutes(15), MeetingUrl: Link, ExpectedVersion: second.Version)), "StartsAt", "bertabrakan");
        // A generated run that would overlap an existing slot is refused whole.
        await Refused(await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots/generate", new GenerateSlotsInput(t.AddMinutes(30), MeetingUrl: Link)), "StartsAt", "bertabrakan");
        // A stale version.
        var stale = await panitia.PutJsonAsync($"/api/v1/judging/slots/{first.Id}", new SlotInput(null, t.AddHours(6), MeetingUrl: Link, ExpectedVersion: Guid.NewGuid()));
        Assert.Contains("baru saja diubah", (await stale.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(world));

        // A frozen stage is read-only for every write.
        await App.WithDbAsync(async db =>
        {
            var s = await db.JudgingStages.SingleAsync(x => x.Id == world.Presentation.Id, Ct);
            s.Status = JudgingStageStatus.Frozen;
            await db.SaveChangesAsync(Ct);
        });
        before = await SnapshotAsync(world);
        foreach (var frozen in new[]
        {
            await panitia.PostJsonAsync(stageUrl, new SlotInput(p[2].Id, t.AddHours(5), MeetingUrl: Link)),
            await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots/generate", new GenerateSlotsInput(t.AddHours(5), MeetingUrl: Link)),
            await panitia.PutJsonAsync($"/api/v1/judging/slots/{first.Id}", new SlotInput(null, t.AddHours(6), MeetingUrl: Link)),
            await panitia.DeleteAsync($"/api/v1/judging/slots/{first.Id}", Ct),
            await App.ClientFor(p[0].Operator).PostAsync($"/api/v1/judging/slots/{first.Id}/confirm", null, Ct),
        })
        {
            Assert.Contains("dibekukan", (await frozen.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await SnapshotAsync(world));
    }

    [Fact]
    public async Task A_unit_confirms_its_own_slot_until_24_hours_before_and_another_unit_cannot()
    {
        var world = await ScheduleFixture.WorldAsync(App, 2);
        var panitia = App.ClientFor(world.Panitia);
        var (p0, p1) = (world.Proposals[0], world.Proposals[1]);
        var soon = App.Time.GetUtcNow().AddHours(10);
        var later = App.Time.GetUtcNow().AddDays(3);
        var own = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots", new SlotInput(p0.Id, later, MeetingUrl: Link))).ShouldBeCreated<PresentationSlotDto>();
        var tooLate = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots", new SlotInput(p1.Id, soon, MeetingUrl: Link))).ShouldBeCreated<PresentationSlotDto>();
        var unit0 = App.ClientFor(p0.Operator);
        var unit1 = App.ClientFor(p1.Operator);

        // Another unit can neither confirm nor read the slot.
        await (await unit1.PostAsync($"/api/v1/judging/slots/{own.Id}/confirm", null, Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await unit1.GetAsync($"/api/v1/proposals/{p0.Id}/judging/schedule", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null(await ConfirmedAtAsync(own.Id));

        var confirmed = await (await unit0.PostAsync($"/api/v1/judging/slots/{own.Id}/confirm", null, Ct)).ShouldBeOk<PresentationSlotDto>();
        Assert.Equal(App.Time.GetUtcNow(), confirmed.ConfirmedAt);
        Assert.NotNull(await ConfirmedAtAsync(own.Id));

        // Less than 24 hours ahead: refused with the deadline; nothing changes.
        var refused = await (await unit1.PostAsync($"/api/v1/judging/slots/{tooLate.Id}/confirm", null, Ct)).ValidationErrorsAsync();
        Assert.Contains("24 jam", Assert.Single(refused["Slot"]), StringComparison.Ordinal);
        Assert.Null(await ConfirmedAtAsync(tooLate.Id));

        // The unit's view: the slot with link; moving it clears the confirmation and tells the unit the new time.
        var view = await (await unit0.GetAsync($"/api/v1/proposals/{p0.Id}/judging/schedule", Ct)).ShouldBeOk<UnitSchedule>();
        Assert.Equal(Link, Assert.Single(view.Slots).MeetingUrl);
        var moved = await (await panitia.PutJsonAsync($"/api/v1/judging/slots/{own.Id}", new SlotInput(null, later.AddHours(2), MeetingUrl: Link, ExpectedVersion: confirmed.Version))).ShouldBeOk<PresentationSlotDto>();
        Assert.Null(moved.ConfirmedAt);
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == p0.Operator.Id && n.Title.StartsWith("Jadwal presentasi diubah"), Ct)));
    }

    [Fact]
    public async Task Units_that_have_not_confirmed_are_reminded_once_48_hours_ahead()
    {
        var world = await ScheduleFixture.WorldAsync(App, 3);
        var panitia = App.ClientFor(world.Panitia);
        var now = App.Time.GetUtcNow();
        var due = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots", new SlotInput(world.Proposals[0].Id, now.AddHours(40), MeetingUrl: Link + "/r1"))).ShouldBeCreated<PresentationSlotDto>();
        await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots", new SlotInput(world.Proposals[1].Id, now.AddDays(4), MeetingUrl: Link + "/r2"))).ShouldBe(HttpStatusCode.Created);
        var confirmed = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots", new SlotInput(world.Proposals[2].Id, now.AddHours(40), MeetingUrl: Link + "/r3"))).ShouldBeCreated<PresentationSlotDto>();
        await (await App.ClientFor(world.Proposals[2].Operator).PostAsync($"/api/v1/judging/slots/{confirmed.Id}/confirm", null, Ct)).ShouldBe(HttpStatusCode.OK);

        await RunReminderTaskAsync();
        await RunReminderTaskAsync();

        Task<int> Reminders(int i) => App.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == world.Proposals[i].Operator.Id && n.Title.StartsWith("Konfirmasi jadwal presentasi"), Ct));
        Assert.Equal(1, await Reminders(0));
        Assert.Equal(0, await Reminders(1));
        Assert.Equal(0, await Reminders(2));
        Assert.NotNull(await App.WithDbAsync(db => db.PresentationSlots.Where(s => s.Id == due.Id).Select(s => s.ReminderSentAt).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_timer_is_for_the_panel_and_Panitia_only()
    {
        var world = await ScheduleFixture.WorldAsync(App, 2);
        var p0 = world.Proposals[0].Id;
        var assigned = await ScheduleFixture.JurorAsync(App, world, world.Presentation, [p0]);
        var conflicted = await ScheduleFixture.JurorAsync(App, world, world.Presentation, [p0], conflictedWith: p0);
        var elsewhere = await ScheduleFixture.JurorAsync(App, world, world.Presentation, [world.Proposals[1].Id]);
        var slot = await (await App.ClientFor(world.Panitia).PostJsonAsync($"/api/v1/judging/stages/{world.Presentation.Id}/slots",
            new SlotInput(p0, App.Time.GetUtcNow().AddDays(2), MeetingUrl: Link, FallbackVenue: "Ruang Pleno" + Room))).ShouldBeCreated<PresentationSlotDto>();
        var url = $"/Juri/Presentasi/{slot.Id}";

        foreach (var user in new[] { assigned, world.Panitia })
        {
            var response = await App.ClientFor(user).GetAsync(url, Ct);
            await response.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync(Ct);
            var doc = await response.HtmlAsync();
            var text = Http.TextOf(doc);
            Assert.Contains(slot.ProposalTitle, text, StringComparison.Ordinal);
            Assert.Contains("7 menit", text, StringComparison.Ordinal);
            Assert.Contains("13 menit", text, StringComparison.Ordinal);
            Assert.Contains("07:00", text, StringComparison.Ordinal);
            Assert.Contains("Ruang Pleno", text, StringComparison.Ordinal);
            Assert.NotNull(doc.QuerySelector($"a[href='/Juri/Nilai/{world.Presentation.Id}/{p0}']"));
            // The countdown is an external script; no inline script (CSP), and the controls stay hidden without it.
            Assert.NotNull(doc.QuerySelector("script[src*='/js/presentation-timer.js']"));
            Assert.DoesNotContain(doc.QuerySelectorAll("script"), s => string.IsNullOrEmpty(s.GetAttribute("src")));
            Assert.True(doc.QuerySelector("[data-controls]")!.HasAttribute("hidden"));
            Assert.Contains("data-seconds=\"420\"", html, StringComparison.Ordinal);
        }
        foreach (var user in new[] { conflicted, elsewhere, world.Proposals[0].Operator })
        {
            await (await App.ClientFor(user).GetAsync(url, Ct)).ShouldBe(HttpStatusCode.NotFound);
            await (await App.ClientFor(user).GetAsync($"/api/v1/judging/slots/{slot.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
        }
        // The timer script is served.
        await (await App.AnonymousClient().GetAsync("/js/presentation-timer.js", Ct)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Visits_are_scheduled_reported_with_photos_by_the_panel_and_shown_to_the_unit_as_date_and_place()
    {
        var world = await ScheduleFixture.WorldAsync(App, 2);
        var p0 = world.Proposals[0];
        var juror = await ScheduleFixture.JurorAsync(App, world, world.Visit, [p0.Id]);
        var conflicted = await ScheduleFixture.JurorAsync(App, world, world.Visit, [p0.Id], conflictedWith: p0.Id);
        var panitia = App.ClientFor(world.Panitia);
        var at = App.Time.GetUtcNow().AddDays(5);

        var visit = await (await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Visit.Id}/visits", new VisitInput(p0.Id, at, "Puskesmas Kenjeran, Jl. Kenjeran 1"))).ShouldBeCreated<FieldVisitDto>();
        var notice = await App.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == p0.Operator.Id, Ct));
        Assert.Contains("Puskesmas Kenjeran", Kovablik.Platform.Message.ToIndonesian(notice.Body), StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == juror.Id && n.Title.StartsWith("Jadwal visitasi"), Ct)));
        var refusedVisit = await panitia.PostJsonAsync($"/api/v1/judging/stages/{world.Visit.Id}/visits", new VisitInput(world.Proposals[1].Id, at.AddDays(40), ""));
        var visitErrors = await refusedVisit.ValidationErrorsAsync();
        Assert.True(visitErrors.ContainsKey("ScheduledAt") && visitErrors.ContainsKey("Address"));

        // The assigned juror writes the report (Markdown, sanitised when shown) and uploads photos.
        var jurorClient = App.ClientFor(juror);
        var reported = await (await jurorClient.PutJsonAsync($"/api/v1/judging/visits/{visit.Id}/report",
            new VisitReportInput("**Layanan berjalan.** <script>alert('x')</script>", visit.Version))).ShouldBeOk<FieldVisitDto>();
        Assert.NotNull(reported.ReportedAt);
        var png = Files.Png();
        var photo = await (await jurorClient.PostAsync($"/api/v1/judging/visits/{visit.Id}/photos", Files.Multipart(png, "loket.png", contentType: "image/png"), Ct)).ShouldBeCreated<FieldVisitPhotoDto>();
        Assert.Equal("image/png", photo.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), photo.Sha256);

        // Not an image by its content, whatever its name says: refused, nothing stored.
        var pdf = await jurorClient.PostAsync($"/api/v1/judging/visits/{visit.Id}/photos", Files.Multipart(Files.Pdf(), "foto.png", contentType: "image/png"), Ct);
        Assert.True((await pdf.ValidationErrorsAsync()).ContainsKey("File"));
        var asPdf = await jurorClient.PostAsync($"/api/v1/judging/visits/{visit.Id}/photos", Files.Multipart(Files.Pdf(), "laporan.pdf", contentType: "application/pdf"), Ct);
        Assert.Contains("gambar", string.Join(" ", (await asPdf.ValidationErrorsAsync())["File"]), StringComparison.Ordinal);
        var text = await jurorClient.PostAsync($"/api/v1/judging/visits/{visit.Id}/photos", Files.Multipart("bukan gambar"u8.ToArray(), "foto.jpg", contentType: "image/jpeg"), Ct);
        Assert.True((await text.ValidationErrorsAsync()).ContainsKey("File"));
        Assert.Equal(1, await App.WithDbAsync(db => db.FieldVisitPhotos.CountAsync(x => x.VisitId == visit.Id, Ct)));

        // Download: the panel and Panitia; never the conflicted juror or the unit.
        var download = await jurorClient.GetAsync(photo.Url, Ct);
        await download.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        await (await panitia.GetAsync(photo.Url, Ct)).ShouldBe(HttpStatusCode.OK);
        foreach (var outsider in new[] { conflicted, p0.Operator })
        {
            var client = App.ClientFor(outsider);
            await (await client.GetAsync(photo.Url, Ct)).ShouldBe(HttpStatusCode.NotFound);
            await (await client.GetAsync($"/Juri/Visitasi/{visit.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
            await (await client.PutJsonAsync($"/api/v1/judging/visits/{visit.Id}/report", new VisitReportInput("Bukan panel"))).ShouldBe(HttpStatusCode.NotFound);
            await (await client.PostAsync($"/api/v1/judging/visits/{visit.Id}/photos", Files.Multipart(png, "x.png"), Ct)).ShouldBe(HttpStatusCode.NotFound);
        }
        Assert.Equal("**Layanan berjalan.** <script>alert('x')</script>", await App.WithDbAsync(db => db.FieldVisits.Where(v => v.Id == visit.Id).Select(v => v.Report).SingleAsync(Ct)));

        // The report page renders the Markdown without the script.
        var page = await (await jurorClient.GetAsync($"/Juri/Visitasi/{visit.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<strong>Layanan berjalan.</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('x')</script>", page, StringComparison.Ordinal);
        Assert.Contains($"/Juri/Nilai/{world.Visit.Id}/{p0.Id}", page, StringComparison.Ordinal);

        // The unit sees date and place, never who visits.
        var unitView = await (await App.ClientFor(p0.Operator).GetAsync($"/api/v1/proposals/{p0.Id}/judging/schedule", Ct)).ShouldBeOk<UnitSchedule>();
        var shown = Assert.Single(unitView.Visits);
        Assert.Equal((at, "Puskesmas Kenjeran, Jl. Kenjeran 1"), (shown.ScheduledAt, shown.Address));
        var unitPage = await (await App.ClientFor(p0.Operator).GetAsync($"/Kelola/Proposal/{p0.Id}/Penjurian", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Puskesmas Kenjeran", unitPage, StringComparison.Ordinal);
        var jurorName = await App.WithDbAsync(db => db.Jurors.Where(j => j.UserId == juror.Id).Select(j => j.DisplayName).SingleAsync(Ct));
        Assert.DoesNotContain(jurorName, unitPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Layanan berjalan", unitPage, StringComparison.Ordinal);
    }

    private async Task RunReminderTaskAsync() =>
        await App.WithServicesAsync(async sp =>
        {
            await sp.GetServices<IPeriodicTask>().OfType<PresentationReminderTask>().Single().RunAsync(Ct);
            return 0;
        });

    private Task<int> SlotCountAsync(int stageId) => App.WithDbAsync(db => db.PresentationSlots.CountAsync(s => s.StageId == stageId, Ct));

    private Task<DateTimeOffset?> ConfirmedAtAsync(int slotId) =>
        App.WithDbAsync(db => db.PresentationSlots.Where(s => s.Id == slotId).Select(s => s.ConfirmedAt).SingleAsync(Ct));

    /// <summary>Every slot and visit of the world's stages with what could change, and the notices sent so far.</summary>
    private Task<string> SnapshotAsync(ScheduleWorld world) => App.WithDbAsync(async db =>
    {
        var stageIds = new[] { world.Presentation.Id, world.Visit.Id };
        var slots = await db.PresentationSlots.AsNoTracking().Where(s => stageIds.Contains(s.StageId)).OrderBy(s => s.Id).ToListAsync(Ct);
        var visits = await db.FieldVisits.AsNoTracking().Where(v => stageIds.Contains(v.StageId)).OrderBy(v => v.Id).ToListAsync(Ct);
        var notices = await db.Notifications.CountAsync(Ct);
        return string.Join("|", slots.Select(s => $"{s.Id},{s.ProposalId},{s.StartsAt:O},{s.TotalMinutes},{s.MeetingUrl},{s.FallbackVenue},{s.ConfirmedAt:O},{s.Version}"))
            + "#" + string.Join("|", visits.Select(v => $"{v.Id},{v.ScheduledAt:O},{v.Address},{v.Version}")) + "#" + notices;
    });
}

public sealed class ScheduleApiTestsSqlite() : ScheduleApiTests(DatabaseProvider.Sqlite);

public sealed class ScheduleApiTestsPostgres() : ScheduleApiTests(DatabaseProvider.Postgres);
