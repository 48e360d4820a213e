using System.Globalization;
using System.Net;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Selection;
using Kovablik.Data;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Kovablik.Tests.Competitions.Selection;

public abstract class SelectionApiTests(DatabaseProvider provider) : SelectionTestBase(provider)
{
    private static string Queue(int editionId) => $"/api/v1/editions/{editionId}/selection";

    private static string Decide(int proposalId) => $"{Proposals}/{proposalId}/selection";

    private static string Publish(int editionId) => $"/api/v1/editions/{editionId}/selection/publish";

    private static async Task<ProposalDto> UnitViewAsync(Setup s, int id) => await (await s.Operator.GetAsync($"{Proposals}/{id}", Ct)).ShouldBeOk<ProposalDto>();

    [Fact]
    public async Task Panitia_decides_each_outcome_and_the_unit_sees_only_the_repair_before_publishing()
    {
        var s = await SetupAsync();
        var pass = await ApprovedAsync(s);
        var fail = await ApprovedAsync(s);
        var repair = await ApprovedAsync(s);
        var waiting = await SubmittedAsync(s);
        CloseRegistration(s);

        var queue = await (await s.Panitia.GetAsync(Queue(s.Edition.Id), Ct)).ShouldBeOk<SelectionQueueDto>();
        Assert.Equal(4, queue.Total);
        Assert.Equal(3, queue.Counts["Pending"]);
        Assert.Equal(1, queue.Counts["AwaitingApproval"]);
        Assert.Equal("AwaitingApproval", queue.Items.Single(i => i.Id == waiting.Id).State);

        // A pass needs no reasons (and keeps none: the unit would read ticked boxes as faults).
        var passed = await (await s.Panitia.PostJsonAsync(Decide(pass.Id), new SelectionDecisionInput
        {
            Outcome = "Passed", ReasonCodes = ["JUDUL_MIRIP"], ExpectedVersion = pass.Version,
        })).ShouldBeOk<SelectionItemDto>();
        Assert.Equal("Passed", passed.Outcome);
        Assert.Empty(passed.Reasons);

        var failed = await (await s.Panitia.PostJsonAsync(Decide(fail.Id), new SelectionDecisionInput
        {
            Outcome = "Failed", ReasonCodes = ["SDG_KOSONG", "BAGIAN_WAJIB_KOSONG"], Note = "Lampiran tidak sesuai.", ExpectedVersion = fail.Version,
        })).ShouldBeOk<SelectionItemDto>();
        Assert.Equal(["BAGIAN_WAJIB_KOSONG", "SDG_KOSONG"], failed.Reasons.Select(r => r.Code));
        Assert.Equal("Tujuan SDG belum dipilih", failed.Reasons.Single(r => r.Code == "SDG_KOSONG").Text);
        Assert.Equal(ProposalStatus.Approved, (await StoredAsync(fail.Id)).Status);

        var until = App.Time.GetUtcNow().AddDays(3);
        var repaired = await (await s.Panitia.PostJsonAsync(Decide(repair.Id), new SelectionDecisionInput
        {
            Outcome = "RepairRequested", ReasonCodes = ["MELEBIHI_BATAS_KATA"], Note = "Ringkas bagian Ringkasan.", RepairUntil = until, ExpectedVersion = repair.Version,
        })).ShouldBeOk<SelectionItemDto>();
        Assert.Equal("Repair", repaired.Status);
        Assert.Equal(until, repaired.RepairUntil);

        // Pass and fail stay internal until published; the repair request reaches the unit at once, with its reasons.
        var unitPass = await UnitViewAsync(s, pass.Id);
        Assert.Null(unitPass.SelectionOutcome);
        var unitFail = await UnitViewAsync(s, fail.Id);
        Assert.Null(unitFail.SelectionOutcome);
        Assert.Empty(unitFail.SelectionReasons!);
        Assert.Null(unitFail.SelectionNote);
        var unitRepair = await UnitViewAsync(s, repair.Id);
        Assert.Equal("RepairRequested", unitRepair.SelectionOutcome);
        Assert.Equal("MELEBIHI_BATAS_KATA", Assert.Single(unitRepair.SelectionReasons!).Code);
        Assert.Equal("Isian melebihi batas kata", unitRepair.SelectionReasons![0].Text);
        Assert.Equal("Ringkas bagian Ringkasan.", unitRepair.SelectionNote);
        Assert.Equal(until, unitRepair.RepairUntil);
        var notices = await App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == s.OperatorUser.Id).ToListAsync(Ct));
        var notice = Assert.Single(notices, n => n.Link == $"/Kelola/Proposal/Ubah/{repair.Id}" && n.Title.Contains("perlu diperbaiki", StringComparison.Ordinal));
        Assert.Contains("MELEBIHI_BATAS_KATA (Isian melebihi batas kata)", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Ringkas bagian Ringkasan.", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(notices, n => n.Link == $"/Kelola/Proposal/Ubah/{fail.Id}" && n.Title.Contains("tidak lolos", StringComparison.Ordinal));

        queue = await (await s.Panitia.GetAsync(Queue(s.Edition.Id) + "?state=Failed", Ct)).ShouldBeOk<SelectionQueueDto>();
        Assert.Equal(fail.Id, Assert.Single(queue.Items).Id);
        Assert.Equal(1, queue.Counts["Passed"]);
        Assert.Equal(1, queue.Counts["RepairRequested"]);
        Assert.Equal(0, queue.Counts["Pending"]);
        queue = await (await s.Panitia.GetAsync(Queue(s.Edition.Id) + "?group=Replikasi", Ct)).ShouldBeOk<SelectionQueueDto>();
        Assert.Equal(0, queue.Total);

        // Audited as a change of the proposal, with who decided.
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Proposal" && a.EntityId == fail.Id.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync(Ct));
        var decision = audit.Last();
        Assert.Equal("Update", decision.Action);
        Assert.Contains("\"Selection\"", decision.ChangesJson, StringComparison.Ordinal);
        Assert.Contains("SDG_KOSONG", decision.ChangesJson, StringComparison.Ordinal);
        Assert.NotNull(decision.UserId);
        Assert.Equal(decision.UserId, (await StoredAsync(fail.Id)).SelectionDecidedByUserId);

        // Only organisers decide.
        await (await s.Head.PostJsonAsync(Decide(pass.Id), new SelectionDecisionInput { Outcome = "Failed", Note = "x" })).ShouldBe(HttpStatusCode.Forbidden);
        await (await s.Operator.GetAsync(Queue(s.Edition.Id), Ct)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_decisions_are_refused_and_change_nothing()
    {
        var s = await SetupAsync();
        var p = await ApprovedAsync(s);
        var waiting = await SubmittedAsync(s);
        var draft = await DraftAsync(s);
        CloseRegistration(s);
        var before = await StoredAsync(p.Id);
        var now = App.Time.GetUtcNow();

        async Task<Dictionary<string, string[]>> Refused(int id, SelectionDecisionInput input) =>
            await (await s.Panitia.PostJsonAsync(Decide(id), input)).ValidationErrorsAsync();

        var unknown = await Refused(p.Id, new SelectionDecisionInput { Outcome = "Failed", ReasonCodes = ["SDG_KOSONG", "TIDAK_ADA"], ExpectedVersion = p.Version });
        Assert.Contains("Kode alasan tidak dikenal: TIDAK_ADA.", unknown["ReasonCodes"]);
        var bare = await Refused(p.Id, new SelectionDecisionInput { Outcome = "Failed", ReasonCodes = [], Note = "  ", ExpectedVersion = p.Version });
        Assert.Contains("Pilih minimal satu kode alasan", bare["ReasonCodes"][0], StringComparison.Ordinal);
        var noDeadline = await Refused(p.Id, new SelectionDecisionInput { Outcome = "RepairRequested", ReasonCodes = ["SDG_KOSONG"], ExpectedVersion = p.Version });
        Assert.Equal("Tentukan batas waktu perbaikan.", noDeadline["RepairUntil"][0]);
        var past = await Refused(p.Id, new SelectionDecisionInput { Outcome = "RepairRequested", ReasonCodes = ["SDG_KOSONG"], RepairUntil = now.AddMinutes(-1), ExpectedVersion = p.Version });
        Assert.Contains("masa mendatang", past["RepairUntil"][0], StringComparison.Ordinal);
        var far = await Refused(p.Id, new SelectionDecisionInput { Outcome = "RepairRequested", ReasonCodes = ["SDG_KOSONG"], RepairUntil = now.AddDays(31), ExpectedVersion = p.Version });
        Assert.Contains("30 hari", far["RepairUntil"][0], StringComparison.Ordinal);
        var noReason = await Refused(p.Id, new SelectionDecisionInput { Outcome = "RepairRequested", RepairUntil = now.AddDays(2), ExpectedVersion = p.Version });
        Assert.Contains("kode alasan", noReason["ReasonCodes"][0], StringComparison.Ordinal);
        var noOutcome = await Refused(p.Id, new SelectionDecisionInput { Outcome = "Pending", ExpectedVersion = p.Version });
        Assert.Contains("Outcome", noOutcome.Keys);
        var longNote = await Refused(p.Id, new SelectionDecisionInput { Outcome = "Failed", Note = new string('a', 4001), ExpectedVersion = p.Version });
        Assert.Contains("Note", longNote.Keys);
        var stale = await (await s.Panitia.PostJsonAsync(Decide(p.Id), new SelectionDecisionInput { Outcome = "Passed", ExpectedVersion = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("baru saja diubah", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Not the secretariat's yet: awaiting the unit head, or still a draft.
        var awaiting = await Refused(waiting.Id, new SelectionDecisionInput { Outcome = "Passed" });
        Assert.Contains(SelectionService.AwaitingApprovalMessage, awaiting[""]);
        await Refused(draft.Id, new SelectionDecisionInput { Outcome = "Passed" });
        await (await s.Panitia.PostJsonAsync(Decide(999_999), new SelectionDecisionInput { Outcome = "Passed" })).ProblemAsync(HttpStatusCode.NotFound);

        var after = await StoredAsync(p.Id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(SelectionOutcome.Pending, after.Selection);
        Assert.Empty(after.SelectionReasons);
        Assert.Null(after.RepairUntil);
        Assert.Equal(ProposalStatus.Approved, after.Status);
        Assert.Equal(SelectionOutcome.Pending, (await StoredAsync(waiting.Id)).Selection);
        var unitNotices = await App.WithDbAsync(db => db.Notifications.Where(n => n.UserId == s.OperatorUser.Id && n.Link == $"/Kelola/Proposal/Ubah/{p.Id}")
            .Select(n => n.Title).ToListAsync(Ct));
        Assert.DoesNotContain(unitNotices, t => t.Contains("seleksi", StringComparison.Ordinal) || t.Contains("perlu diperbaiki", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repair_window_lets_the_unit_fix_and_resubmit_after_registration_closed_and_then_closes()
    {
        var s = await SetupAsync(quota: 1);
        var p = await ApprovedAsync(s);
        var other = await DraftAsync(s);
        CloseRegistration(s);

        // Registration is closed: no edits without a repair request.
        var closed = await (await s.Operator.PutJsonAsync($"{Proposals}/{other.Id}/draft", new ProposalDraftInput { Title = "Terlambat" })).ValidationErrorsAsync();
        Assert.Contains(ProposalService.DeadlineMessage, closed[""]);

        var until = App.Time.GetUtcNow().AddDays(2);
        var decided = await (await s.Panitia.PostJsonAsync(Decide(p.Id), new SelectionDecisionInput
        {
            Outcome = "RepairRequested", ReasonCodes = ["ISIAN_TERLALU_PENDEK"], RepairUntil = until, ExpectedVersion = p.Version,
        })).ShouldBeOk<SelectionItemDto>();
        // The proposal under repair still holds the organisation's only slot.
        var otherChecklist = await (await s.Operator.GetAsync($"{Proposals}/{other.Id}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>();
        Assert.Equal(0, otherChecklist.QuotaLeft);

        // Within the window the unit edits and resubmits, and the quota does not count the proposal against itself.
        App.Time.Advance(TimeSpan.FromHours(5));
        var edited = await (await s.Operator.PutJsonAsync($"{Proposals}/{p.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Ringkasan"] = Words("perbaikan", 120) }, ExpectedVersion = decided.Version,
        })).ShouldBeOk<ProposalDto>();
        var resubmitted = await (await s.Operator.PostJsonAsync($"{Proposals}/{p.Id}/submit", new ProposalActionInput(edited.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Submitted", resubmitted.Status);
        // The other draft still cannot use the slot or the closed registration.
        await (await s.Operator.PostJsonAsync($"{Proposals}/{other.Id}/submit", new ProposalActionInput(null))).ValidationErrorsAsync();

        // Not Panitia's until the unit head approves again; publishing waits for it.
        var early = await (await s.Panitia.PostJsonAsync(Publish(s.Edition.Id), new { })).ValidationErrorsAsync();
        Assert.Contains("1 proposal masih dalam masa perbaikan", early[""][0], StringComparison.Ordinal);
        var approved = await (await s.Head.PostJsonAsync($"{Proposals}/{p.Id}/approve", new ProposalActionInput(resubmitted.Version))).ShouldBeOk<ProposalDto>();
        Assert.Equal("Approved", approved.Status);
        var stored = await StoredAsync(p.Id);
        Assert.Equal(SelectionOutcome.Pending, stored.Selection);
        Assert.Empty(stored.SelectionReasons);
        Assert.Null(stored.RepairUntil);
        Assert.Contains("perbaikan119", stored.Section("Ringkasan"), StringComparison.Ordinal);
        var queue = await (await s.Panitia.GetAsync(Queue(s.Edition.Id) + "?state=Pending", Ct)).ShouldBeOk<SelectionQueueDto>();
        Assert.Contains(queue.Items, i => i.Id == p.Id);
        // The earlier request stays in the audit log.
        var history = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Proposal" && a.EntityId == p.Id.ToString(CultureInfo.InvariantCulture)).Select(a => a.ChangesJson).ToListAsync(Ct));
        Assert.Contains(history, h => h!.Contains("ISIAN_TERLALU_PENDEK", StringComparison.Ordinal));

        // A second repair that the unit lets run out: edits and submission are refused with a clear message.
        var again = await (await s.Panitia.PostJsonAsync(Decide(p.Id), new SelectionDecisionInput
        {
            Outcome = "RepairRequested", ReasonCodes = ["SDG_KOSONG"], RepairUntil = App.Time.GetUtcNow().AddDays(1), ExpectedVersion = stored.Version,
        })).ShouldBeOk<SelectionItemDto>();
        App.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var late = await (await s.Operator.PutJsonAsync($"{Proposals}/{p.Id}/draft", new ProposalDraftInput { Title = "Terlambat" })).ValidationErrorsAsync();
        Assert.Contains(ProposalService.RepairOverMessage, late[""]);
        var lateSubmit = await (await s.Operator.PostJsonAsync($"{Proposals}/{p.Id}/submit", new ProposalActionInput(null))).ValidationErrorsAsync();
        Assert.Contains("Masa perbaikan sudah berakhir.", lateSubmit[""]);
        var expired = await StoredAsync(p.Id);
        Assert.Equal(again.Version, expired.Version);
        Assert.Equal(ProposalStatus.Repair, expired.Status);

        // Panitia closes it: not passed, back to the secretariat's hands.
        var final = await (await s.Panitia.PostJsonAsync(Decide(p.Id), new SelectionDecisionInput { Outcome = "Failed", ReasonCodes = ["SDG_KOSONG"] })).ShouldBeOk<SelectionItemDto>();
        Assert.Equal("Failed", final.Outcome);
        Assert.Equal("Approved", final.Status);
    }

    [Fact]
    public async Task Publishing_is_refused_while_pending_then_announces_and_tells_each_unit_its_result()
    {
        var s = await SetupAsync();
        var pass = await ApprovedAsync(s);
        var replikasi = await ApprovedAsync(s, "Replikasi");
        var fail = await ApprovedAsync(s);
        CloseRegistration(s);
        await (await s.Panitia.PostJsonAsync(Decide(pass.Id), new SelectionDecisionInput { Outcome = "Passed" })).ShouldBeOk<SelectionItemDto>();
        await (await s.Panitia.PostJsonAsync(Decide(fail.Id), new SelectionDecisionInput { Outcome = "Failed", ReasonCodes = ["KATEGORI_KOSONG"], Note = "Kategori wajib dipilih." }))
            .ShouldBeOk<SelectionItemDto>();

        var refused = await (await s.Panitia.PostJsonAsync(Publish(s.Edition.Id), new { })).ValidationErrorsAsync();
        Assert.Contains("1 proposal belum diputuskan", refused[""][0], StringComparison.Ordinal);
        Assert.False(await App.WithDbAsync(db => db.Announcements.AnyAsync(a => a.EditionId == s.Edition.Id, Ct)));
        Assert.Null((await StoredAsync(pass.Id)).SelectionPublishedAt);
        Assert.Null((await UnitViewAsync(s, fail.Id)).SelectionOutcome);

        await (await s.Panitia.PostJsonAsync(Decide(replikasi.Id), new SelectionDecisionInput { Outcome = "Passed" })).ShouldBeOk<SelectionItemDto>();
        var published = await (await s.Panitia.PostJsonAsync(Publish(s.Edition.Id), new { })).ShouldBeOk<SelectionPublicationDto>();
        Assert.Equal(3, published.Published);
        Assert.Equal(2, published.Passed);
        Assert.Equal(1, published.Failed);

        var announcement = await App.WithDbAsync(db => db.Announcements.AsNoTracking().SingleAsync(a => a.EditionId == s.Edition.Id, Ct));
        Assert.Equal(AnnouncementKind.SelectionResult, announcement.Kind);
        Assert.Equal(App.Time.GetUtcNow(), announcement.PublishedAt);
        var body = announcement.Body;
        Assert.Contains(pass.Title, body, StringComparison.Ordinal);
        Assert.Contains(replikasi.Title, body, StringComparison.Ordinal);
        Assert.Contains(s.Org.Name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(fail.Title, body, StringComparison.Ordinal);
        // Grouped: the Umum entry comes under its heading, before the Replikasi heading and its entry.
        var umum = body.IndexOf("## Kelompok Umum", StringComparison.Ordinal);
        var rep = body.IndexOf("## Kelompok Replikasi", StringComparison.Ordinal);
        Assert.True(umum >= 0 && rep > umum, body);
        Assert.InRange(body.IndexOf(pass.Title, StringComparison.Ordinal), umum, rep);
        Assert.True(body.IndexOf(replikasi.Title, StringComparison.Ordinal) > rep, body);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Announcement").Select(a => a.EntityId).ToListAsync(Ct)),
            id => id == announcement.Id.ToString(CultureInfo.InvariantCulture));

        // Each unit hears its own result, with reasons for the one that failed.
        var notices = await App.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == s.OperatorUser.Id).ToListAsync(Ct));
        var failNotice = Assert.Single(notices, n => n.Link == $"/Kelola/Proposal/Ubah/{fail.Id}" && n.Title.StartsWith("Hasil seleksi", StringComparison.Ordinal));
        Assert.Contains("tidak lolos", failNotice.Title, StringComparison.Ordinal);
        Assert.Contains("KATEGORI_KOSONG (Kategori belum dipilih)", failNotice.Body, StringComparison.Ordinal);
        Assert.Contains("Kategori wajib dipilih.", failNotice.Body, StringComparison.Ordinal);
        Assert.Contains("lolos", Assert.Single(notices, n => n.Link == $"/Kelola/Proposal/Ubah/{pass.Id}" && n.Title.StartsWith("Hasil seleksi", StringComparison.Ordinal)).Title, StringComparison.Ordinal);

        var unitFail = await UnitViewAsync(s, fail.Id);
        Assert.Equal("Failed", unitFail.SelectionOutcome);
        Assert.Equal(new SelectionReasonDto("KATEGORI_KOSONG", "Kategori belum dipilih"), Assert.Single(unitFail.SelectionReasons!));
        Assert.Equal("Kategori wajib dipilih.", unitFail.SelectionNote);
        Assert.Equal("Passed", (await UnitViewAsync(s, pass.Id)).SelectionOutcome);

        // Announced results are final, and there is nothing new to announce.
        var again = await (await s.Panitia.PostJsonAsync(Publish(s.Edition.Id), new { })).ValidationErrorsAsync();
        Assert.Contains("Tidak ada hasil seleksi baru untuk diumumkan.", again[""]);
        var stored = await StoredAsync(fail.Id);
        var change = await (await s.Panitia.PostJsonAsync(Decide(fail.Id), new SelectionDecisionInput { Outcome = "Passed" })).ValidationErrorsAsync();
        Assert.Contains(SelectionService.AlreadyPublishedMessage, change[""]);
        Assert.Equal(stored.Version, (await StoredAsync(fail.Id)).Version);
        Assert.Equal(1, await App.WithDbAsync(db => db.Announcements.CountAsync(a => a.EditionId == s.Edition.Id, Ct)));
        await (await s.Panitia.PostJsonAsync(Publish(999_999), new { })).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SelectionApiTestsSqlite() : SelectionApiTests(DatabaseProvider.Sqlite);

public sealed class SelectionApiTestsPostgres() : SelectionApiTests(DatabaseProvider.Postgres);
