using System.Globalization;
using System.Net;
using Kovablik.Competitions.Judging.Schedule;
using Kovablik.Data;
using Kovablik.Platform;
using Kovablik.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Judging.Schedule;

/// <summary>The schedule pages without JavaScript: plain forms, post-redirect-get, errors next to the fields.</summary>
public abstract class SchedulePageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static string WibInput(DateTimeOffset utc) => Wib.ToWib(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Panitia_generates_slots_through_the_form_and_the_unit_confirms_through_its_judging_page()
    {
        var world = await ScheduleFixture.WorldAsync(App, 2);
        var panitia = App.ClientFor(world.Panitia, handleCookies: true);
        var url = $"/Panitia/Penjurian/Tahap/{world.Presentation.Id}/Jadwal";
        var start = App.Time.GetUtcNow().AddDays(3);
        var link = "https://meet.example.go.id/" + KovablikAppFactory.Unique();
        var room = "Aula Bappeda " + KovablikAppFactory.Unique();
        var fields = new Dictionary<string, string>
        {
            ["Generate.StartsAt"] = WibInput(start),
            ["Generate.PresentationMinutes"] = "7",
            ["Generate.InterviewMinutes"] = "13",
            ["Generate.BreakMinutes"] = "10",
            ["Generate.MeetingUrl"] = "http://meet.example.go.id/tidak-aman",
            ["Generate.FallbackVenue"] = room,
        };

        // A plain http link: the page comes back with the error next to the link field; nothing is scheduled.
        var refused = await panitia.SubmitFormAsync(url, fields, url + "?handler=Generate");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.HtmlAsync();
        Assert.Contains("https://", refusedPage.QuerySelector("[data-valmsg-for='Generate.MeetingUrl']")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.PresentationSlots.CountAsync(s => s.StageId == world.Presentation.Id, Ct)));

        fields["Generate.MeetingUrl"] = link;
        var created = await panitia.SubmitFormAsync(url, fields, url + "?handler=Generate");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var slots = await App.WithDbAsync(db => db.PresentationSlots.AsNoTracking().Where(s => s.StageId == world.Presentation.Id).OrderBy(s => s.StartsAt).ToListAsync(Ct));
        Assert.Equal(2, slots.Count);
        Assert.Equal(start, slots[0].StartsAt);
        Assert.Equal(start.AddMinutes(30), slots[1].StartsAt);

        // Both slots are highlighted as unconfirmed for Panitia.
        var page = await (await panitia.GetAsync(url, Ct)).HtmlAsync();
        Assert.Equal(2, page.QuerySelectorAll("tr[id^=slot-] .badge.text-bg-warning").Length);
        Assert.Contains("2 jadwal belum dikonfirmasi unit.", Http.TextOf(page), StringComparison.Ordinal);

        // The unit sees its slot in WIB with the link and venue, and confirms with the plain form.
        var p0 = world.Proposals[0];
        var mine = slots.Single(s => s.ProposalId == p0.Id);
        var unit = App.ClientFor(p0.Operator, handleCookies: true);
        var judging = $"/Kelola/Proposal/{p0.Id}/Penjurian";
        var unitPage = await (await unit.GetAsync(judging, Ct)).HtmlAsync();
        var unitText = Http.TextOf(unitPage);
        // Indonesian pages separate hours and minutes with a dot, English with a colon.
        var wib = Wib.ToWib(mine.StartsAt);
        Assert.Matches($"{wib.ToString("HH", CultureInfo.InvariantCulture)}[.:]{wib.ToString("mm", CultureInfo.InvariantCulture)}", unitText);
        Assert.Contains(link, unitText, StringComparison.Ordinal);
        Assert.Contains(room, unitText, StringComparison.Ordinal);
        var confirm = await unit.PostFormAsync(unitPage, $"/Kelola/Proposal/{p0.Id}/Penjurian/Jadwal?handler=Confirm&slotId={mine.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.NotNull(await App.WithDbAsync(db => db.PresentationSlots.Where(s => s.Id == mine.Id).Select(s => s.ConfirmedAt).SingleAsync(Ct)));
        Assert.Contains("dikonfirmasi", Http.TextOf(await (await unit.GetAsync(judging, Ct)).HtmlAsync()), StringComparison.Ordinal);
        page = await (await panitia.GetAsync(url, Ct)).HtmlAsync();
        Assert.Single(page.QuerySelectorAll("tr[id^=slot-] .badge.text-bg-warning"));

        // Another unit posting the same confirmation gets 404 and changes nothing.
        var otherUnit = App.ClientFor(world.Proposals[1].Operator, handleCookies: true);
        var otherPage = await (await otherUnit.GetAsync($"/Kelola/Proposal/{world.Proposals[1].Id}/Penjurian", Ct)).HtmlAsync();
        var foreign = await otherUnit.PostFormAsync(otherPage, $"/Kelola/Proposal/{p0.Id}/Penjurian/Jadwal?handler=Confirm&slotId={mine.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await (await otherUnit.GetAsync(judging, Ct)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Panitia_schedules_a_visit_by_hand_and_a_juror_writes_the_report_through_the_form()
    {
        var world = await ScheduleFixture.WorldAsync(App, 1);
        var p0 = world.Proposals[0];
        var juror = await ScheduleFixture.JurorAsync(App, world, world.Visit, [p0.Id]);
        var panitia = App.ClientFor(world.Panitia, handleCookies: true);
        var url = $"/Panitia/Penjurian/Tahap/{world.Visit.Id}/Jadwal";
        var at = App.Time.GetUtcNow().AddDays(6);

        var refused = await panitia.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Visit.ProposalId"] = p0.Id.ToString(CultureInfo.InvariantCulture),
            ["Visit.ScheduledAt"] = WibInput(at),
            ["Visit.Address"] = "",
        }, url + "?handler=AddVisit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Isi alamat atau tempat visitasi.", Http.TextOf(await refused.HtmlAsync()), StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.FieldVisits.AnyAsync(v => v.ProposalId == p0.Id, Ct)));

        var saved = await panitia.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Visit.ProposalId"] = p0.Id.ToString(CultureInfo.InvariantCulture),
            ["Visit.ScheduledAt"] = WibInput(at),
            ["Visit.Address"] = "Kantor Kelurahan Sukolilo",
        }, url + "?handler=AddVisit");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var visit = await App.WithDbAsync(db => db.FieldVisits.AsNoTracking().SingleAsync(v => v.ProposalId == p0.Id, Ct));
        Assert.Equal(at, visit.ScheduledAt);

        var jurorClient = App.ClientFor(juror, handleCookies: true);
        var visitUrl = $"/Juri/Visitasi/{visit.Id}";
        // The juror reaches the visit from the queue; a juror of the same stage without this proposal gets no link.
        var queue = await (await jurorClient.GetAsync("/Juri", Ct)).HtmlAsync();
        Assert.NotNull(queue.QuerySelector($"tr[data-proposal='{p0.Id}'] a[href='{visitUrl}']"));
        var other = await ScheduleFixture.JurorAsync(App, world, world.Visit, []);
        Assert.DoesNotContain(visitUrl, await (await App.ClientFor(other).GetAsync("/Juri", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var empty = await jurorClient.SubmitFormAsync(visitUrl, new Dictionary<string, string> { ["Input.Report"] = " " }, visitUrl + "?handler=Report");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Isi laporan visitasi.", Http.TextOf(await empty.HtmlAsync()), StringComparison.Ordinal);
        var reported = await jurorClient.SubmitFormAsync(visitUrl, new Dictionary<string, string> { ["Input.Report"] = "Loket *berjalan* baik." }, visitUrl + "?handler=Report");
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var page = await (await jurorClient.GetAsync(visitUrl, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<em>berjalan</em>", page, StringComparison.Ordinal);
    }
}

public sealed class SchedulePageTestsSqlite() : SchedulePageTests(DatabaseProvider.Sqlite);

public sealed class SchedulePageTestsPostgres() : SchedulePageTests(DatabaseProvider.Postgres);
