using System.Net;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Deadlines;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Validation;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kovablik.Tests.Competitions.Deadlines.DeadlineTestData;

namespace Kovablik.Tests.Competitions.Deadlines;

public abstract class ReminderAndBoardTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    /// <summary>Runs the reminder task as the periodic runner would.</summary>
    private async Task RunRemindersAsync() => await App.WithServicesAsync(async sp =>
    {
        await sp.GetServices<IPeriodicTask>().OfType<DeadlineReminderTask>().Single().RunAsync(Ct);
        return 0;
    });

    private async Task<List<string>> RemindersAsync(string userId) =>
        (await NoticesAsync(App, userId)).Where(n => n.Title.StartsWith("Pengingat", StringComparison.Ordinal)).Select(n => n.Title).ToList();

    private Task<List<ReminderDispatch>> DispatchesAsync(int editionId, int orgId) =>
        App.WithDbAsync(db => db.ReminderDispatches.AsNoTracking().Where(r => r.EditionId == editionId && r.OrganisationId == orgId).OrderBy(r => r.Id).ToListAsync(Ct));

    [Fact]
    public async Task Reminders_go_out_at_D7_D3_and_D1_once_each_and_only_to_units_with_unsubmitted_proposals()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(10));
        var drafting = await UnitAsync(App);
        var draft = await DraftAsync(App, drafting, edition);
        var done = await UnitAsync(App);
        await SubmittedAsync(App, done, edition);

        await RunRemindersAsync();
        Assert.Empty(await RemindersAsync(drafting.Operator.Id));

        App.Time.Advance(TimeSpan.FromDays(3));
        await RunRemindersAsync();
        await RunRemindersAsync();
        var d7 = Assert.Single(await NoticesAsync(App, drafting.Operator.Id), n => n.Title.StartsWith("Pengingat", StringComparison.Ordinal));
        Assert.StartsWith($"Pengingat D-7: pendaftaran {edition.Name} ditutup {WibText.Format(edition.RegistrationClosesAt)}", d7.Title, StringComparison.Ordinal);
        // The body lists the draft and what it still misses, in Indonesian.
        Assert.Contains(draft.Title, d7.Body, StringComparison.Ordinal);
        Assert.Contains("wajib diisi", d7.Body, StringComparison.Ordinal);
        Assert.Equal("/Kelola/Proposal", d7.Link);
        Assert.Equal(Kovablik.Notifications.EmailState.Pending, d7.EmailState);
        Assert.Empty(await RemindersAsync(done.Operator.Id));

        App.Time.Advance(TimeSpan.FromDays(4));
        await RunRemindersAsync();
        App.Time.Advance(TimeSpan.FromDays(2));
        await RunRemindersAsync();
        await RunRemindersAsync();
        App.Time.Advance(TimeSpan.FromDays(2));
        await RunRemindersAsync();

        var titles = await RemindersAsync(drafting.Operator.Id);
        Assert.Equal(3, titles.Count);
        Assert.StartsWith("Pengingat D-7", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("Pengingat D-3", titles[1], StringComparison.Ordinal);
        Assert.StartsWith("Pengingat D-1", titles[2], StringComparison.Ordinal);
        Assert.Equal(["D-7", "D-3", "D-1"], (await DispatchesAsync(edition.Id, drafting.Org.Id)).Select(d => d.Kind).ToArray());
        Assert.Empty(await DispatchesAsync(edition.Id, done.Org.Id));
    }

    [Fact]
    public async Task Several_due_at_once_send_only_the_most_urgent_and_never_the_skipped_ones()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(2));
        var unit = await UnitAsync(App);
        await DraftAsync(App, unit, edition);

        await RunRemindersAsync();
        Assert.StartsWith("Pengingat D-3", Assert.Single(await RemindersAsync(unit.Operator.Id)), StringComparison.Ordinal);
        Assert.Equal(["D-3", "D-7"], (await DispatchesAsync(edition.Id, unit.Org.Id)).Select(d => d.Kind).Order().ToArray());

        App.Time.Advance(TimeSpan.FromDays(1));
        await RunRemindersAsync();
        var titles = await RemindersAsync(unit.Operator.Id);
        Assert.Equal(2, titles.Count);
        Assert.StartsWith("Pengingat D-1", titles[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_nodes_running_at_once_send_one_reminder()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(6));
        var unit = await UnitAsync(App);
        await DraftAsync(App, unit, edition);
        var sent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => App.WithServicesAsync(sp => sp.GetRequiredService<DeadlineReminderService>().SendDueAsync(Ct))));
        Assert.Single(await RemindersAsync(unit.Operator.Id));
        Assert.Single(await DispatchesAsync(edition.Id, unit.Org.Id));
        Assert.True(sent.Sum() >= 1);
    }

    [Fact]
    public async Task An_extended_deadline_gets_its_own_reminders()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(7));
        var unit = await UnitAsync(App);
        await DraftAsync(App, unit, edition);
        await RunRemindersAsync();
        Assert.Single(await RemindersAsync(unit.Operator.Id));

        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var newClose = edition.RegistrationClosesAt!.Value.AddDays(7);
        await (await organiser.PostJsonAsync($"/api/v1/editions/{edition.Id}/deadline",
            new DeadlineChangeRequest(newClose.ToString("o"), "Diperpanjang satu minggu karena libur.", edition.Version))).ShouldBe(HttpStatusCode.OK);
        await RunRemindersAsync();
        Assert.Single(await RemindersAsync(unit.Operator.Id));

        App.Time.Advance(TimeSpan.FromDays(7));
        await RunRemindersAsync();
        var titles = await RemindersAsync(unit.Operator.Id);
        Assert.Equal(2, titles.Count);
        Assert.StartsWith($"Pengingat D-7: pendaftaran {edition.Name} ditutup {WibText.Format(newClose)}", titles[1], StringComparison.Ordinal);
        var dispatches = await DispatchesAsync(edition.Id, unit.Org.Id);
        Assert.Equal([edition.RegistrationClosesAt, newClose], dispatches.Select(d => (DateTimeOffset?)d.ClosesAt).ToArray());
    }

    [Fact]
    public async Task Drafts_board_groups_unsubmitted_proposals_per_agency_with_the_checklists_blocking_findings()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(20));
        var surabaya = await UnitAsync(App, "35.78", "UPT Papan Surabaya");
        var malang = await UnitAsync(App, "35.73", "UPT Papan Malang");
        var empty = await DraftAsync(App, surabaya, edition);
        await SubmittedAsync(App, surabaya, edition);
        var complete = await FilledAsync(App, malang, edition);
        // Two drafts with the same title: both are blocked as duplicates.
        var twin = await FilledAsync(App, malang, edition);
        await (await malang.Client.PutJsonAsync($"{ProposalsUrl}/{twin.Id}/draft", new ProposalDraftInput { Title = complete.Title, ExpectedVersion = twin.Version })).ShouldBe(HttpStatusCode.OK);

        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null));
        var board = await (await organiser.GetAsync($"/api/v1/editions/{edition.Id}/drafts-board", Ct)).ShouldBeOk<DraftsBoardDto>();
        Assert.Equal(3, board.Unsubmitted);
        Assert.Equal(1, board.Submitted);
        var sby = Assert.Single(board.Agencies, a => a.AgencyId == surabaya.Org.ParentId);
        Assert.Equal((1, 1), (sby.Unsubmitted, sby.Submitted));
        var row = Assert.Single(sby.Drafts);
        Assert.Equal(empty.Id, row.ProposalId);
        Assert.Equal(surabaya.Org.Name, row.OrganisationName);
        Assert.Contains(row.Missing, m => m.Code == "BAGIAN_WAJIB_KOSONG");
        Assert.Contains(row.Missing, m => m.Code == "SDG_KOSONG");
        var mlg = Assert.Single(board.Agencies, a => a.AgencyId == malang.Org.ParentId);
        Assert.Equal((2, 0), (mlg.Unsubmitted, mlg.Submitted));
        Assert.All(mlg.Drafts, d => Assert.Equal("JUDUL_GANDA", Assert.Single(d.Missing).Code));

        // The bulk path finds exactly the blocking findings the per-proposal checklist finds.
        foreach (var id in new[] { empty.Id, complete.Id, twin.Id })
        {
            var expected = await App.WithServicesAsync(async sp =>
            {
                var service = sp.GetRequiredService<ProposalService>();
                var p = await service.GetAsync(id, Kovablik.Organisations.OrganisationScope.Everything, Ct);
                return (await service.ChecklistAsync(p.Value!, Ct)).Findings.Where(f => f.Severity == Severity.Blocking).Select(f => f.Code).Order().ToList();
            });
            var actual = board.Agencies.SelectMany(a => a.Drafts).Single(d => d.ProposalId == id).Missing.Select(m => m.Code).Order().ToList();
            Assert.Equal(expected, actual);
        }

        await (await surabaya.Client.GetAsync($"/api/v1/editions/{edition.Id}/drafts-board", Ct)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await organiser.GetAsync($"/api/v1/editions/{int.MaxValue}/drafts-board", Ct)).ProblemAsync(HttpStatusCode.NotFound);

        var page = await (await organiser.GetAsync($"/Panitia/Edisi/{edition.Id}/Draf", Ct)).HtmlAsync();
        var text = Http.TextOf(page);
        Assert.Contains("Kota Surabaya", text, StringComparison.Ordinal);
        Assert.Contains(surabaya.Org.Name, text, StringComparison.Ordinal);
        Assert.Contains("SDG_KOSONG", text, StringComparison.Ordinal);
        Assert.Contains("3 belum diajukan, 1 sudah diajukan.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organiser_changes_the_deadline_through_the_page_and_bad_input_stays_on_the_form()
    {
        var edition = await EditionAsync(App, TimeSpan.FromDays(3));
        var organiser = App.ClientFor(await App.CreateUserAsync(Roles.Panitia, null), handleCookies: true);
        var url = $"/Panitia/Edisi/{edition.Id}/Tenggat";
        var newClose = Kovablik.Platform.Wib.ToWib(edition.RegistrationClosesAt!.Value.AddDays(2)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await organiser.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.ClosesAt"] = newClose, ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await refused.HtmlAsync();
        Assert.Contains("Alasan perubahan tenggat wajib diisi.", form.QuerySelector("[data-valmsg-for='Input.Reason']")?.TextContent, StringComparison.Ordinal);

        var done = await organiser.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.ClosesAt"] = newClose, ["Input.Reason"] = "Diperpanjang atas permintaan banyak daerah." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = Http.TextOf(await (await organiser.GetAsync(url, Ct)).HtmlAsync());
        Assert.Contains("Diperpanjang atas permintaan banyak daerah.", page, StringComparison.Ordinal);
        Assert.Equal(edition.RegistrationClosesAt.Value.AddDays(2),
            await App.WithDbAsync(db => db.Editions.Where(e => e.Id == edition.Id).Select(e => e.RegistrationClosesAt).SingleAsync(Ct)));

        // A second tab still holding the old version is told, and nothing changes.
        var stale = await (await organiser.GetAsync(url, Ct)).HtmlAsync();
        await App.WithDbAsync(async db =>
        {
            var e = await db.Editions.SingleAsync(x => x.Id == edition.Id, Ct);
            e.Description = "Diubah di tab lain.";
            await db.SaveChangesAsync(Ct);
        });
        var otherClose = Kovablik.Platform.Wib.ToWib(edition.RegistrationClosesAt.Value.AddDays(1)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var conflict = await organiser.PostFormAsync(stale, url, new Dictionary<string, string> { ["Input.ClosesAt"] = otherClose, ["Input.Reason"] = "Alasan dari tab lama yang basi." });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("baru saja diubah", Http.TextOf(await conflict.HtmlAsync()), StringComparison.Ordinal);
        Assert.Single(await App.WithDbAsync(db => db.DeadlineExtensions.Where(x => x.EditionId == edition.Id).ToListAsync(Ct)));
    }
}

public sealed class ReminderAndBoardTestsSqlite() : ReminderAndBoardTests(DatabaseProvider.Sqlite);

public sealed class ReminderAndBoardTestsPostgres() : ReminderAndBoardTests(DatabaseProvider.Postgres);
