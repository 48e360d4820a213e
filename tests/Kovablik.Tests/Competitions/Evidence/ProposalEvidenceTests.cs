using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Kovablik.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Evidence;

public abstract class ProposalEvidenceTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const int SkMaxBytes = 4096;

    private sealed record Setup(Organisation Org, HttpClient Operator, Edition Edition, int ProposalId)
    {
        public string Base => $"/api/v1/proposals/{ProposalId}";
    }

    /// <summary>A unit, its operator and a draft in an open edition whose SK slot takes only 4 KB, plus an optional photo slot.</summary>
    private async Task<Setup> SetupAsync(TimeSpan? closesIn = null, bool cookies = false)
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("UPT Bukti", kota.Id);
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id), handleCookies: cookies);
        var edition = await App.OpenEditionAsync(closesIn: closesIn, configure: e =>
        {
            var umum = e.Group("Umum")!;
            umum.Documents.Single(d => d.Key == "SkInovator").MaxBytes = SkMaxBytes;
            umum.Documents.Add(new DocumentSlot { Key = "Foto", Name = "Foto kegiatan", AllowedTypes = "image/png,image/jpeg", MaxBytes = EditionDefaults.Megabyte, Required = false });
        });
        var innovation = await App.CreateInnovationAsync(org.Id, publish: true);
        var p = await (await op.PostJsonAsync("/api/v1/proposals", new ProposalCreateInput(edition.Id, innovation.Id, "Umum"))).ShouldBeCreated<ProposalDto>();
        return new Setup(org, op, edition, p.Id);
    }

    private Task<List<ProposalDocument>> DocumentsAsync(int proposalId) =>
        App.WithDbAsync(db => db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == proposalId).ToListAsync(Ct));

    private Task<List<ProposalLink>> LinksAsync(int proposalId) =>
        App.WithDbAsync(db => db.ProposalLinks.AsNoTracking().Where(d => d.ProposalId == proposalId).ToListAsync(Ct));

    private string StoredPath(string key) => Path.Combine(App.FilesDirectory, key[..2], key);

    private HashSet<string> StoredFiles() =>
        Directory.Exists(App.FilesDirectory) ? Directory.EnumerateFiles(App.FilesDirectory, "*", SearchOption.AllDirectories).ToHashSet() : [];

    private static string Url(string path) => $"https://dinas-{KovablikAppFactory.Unique()}.example.id/{path}";

    [Fact]
    public async Task Upload_stores_the_file_with_its_checksum_and_a_new_upload_replaces_it()
    {
        var s = await SetupAsync();
        var first = Files.Pdf(3000);
        var created = await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", first, "proposal-awal.pdf");
        var dto = await created.ShouldBeCreated<ProposalDocumentDto>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), dto.Sha256);
        Assert.Equal("application/pdf", dto.ContentType);
        Assert.Equal(3000, dto.Size);
        var stored = Assert.Single(await DocumentsAsync(s.ProposalId));
        Assert.Equal(dto.Sha256, stored.Sha256);
        Assert.DoesNotContain("proposal-awal", stored.StorageKey, StringComparison.Ordinal);
        Assert.Equal(first, await File.ReadAllBytesAsync(StoredPath(stored.StorageKey), Ct));

        var download = await s.Operator.GetAsync(dto.Download, Ct);
        await download.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(first, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("proposal-awal.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Uploading into the same slot again replaces the file; the old bytes are gone from storage too.
        var second = Files.Pdf(3500);
        var replaced = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", second, "proposal-revisi.pdf")).ShouldBeCreated<ProposalDocumentDto>();
        var now = Assert.Single(await DocumentsAsync(s.ProposalId));
        Assert.Equal(replaced.Id, now.Id);
        Assert.False(File.Exists(StoredPath(stored.StorageKey)));
        var listed = await (await s.Operator.GetAsync($"{s.Base}/documents", Ct)).ShouldBeOk<ProposalEvidenceDto>();
        Assert.Equal(["Proposal", "SkInovator", "Foto"], listed.Slots.Select(x => x.Key));
        Assert.Equal("proposal-revisi.pdf", listed.Slots[0].Document!.FileName);
        Assert.Null(listed.Slots[1].Document);
        Assert.Equal(SkMaxBytes, listed.Slots[1].MaxBytes);

        await (await s.Operator.DeleteAsync($"{s.Base}/documents/{replaced.Id}", Ct)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Empty(await DocumentsAsync(s.ProposalId));
        Assert.False(File.Exists(StoredPath(now.StorageKey)));
        await (await s.Operator.GetAsync(replaced.Download, Ct)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Oversized_and_mistyped_files_are_refused_and_nothing_is_stored()
    {
        var s = await SetupAsync();
        var before = StoredFiles();

        var big = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "SkInovator", Files.Pdf(SkMaxBytes + 1), "sk.pdf")).ValidationErrorsAsync();
        Assert.Contains("Berkas terlalu besar", big["File"][0], StringComparison.Ordinal);
        Assert.Contains("SK penetapan inovator", big["File"][0], StringComparison.Ordinal);
        // Exactly at the cap is fine in another proposal's check below; here nothing was kept.

        var png = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", Files.Png(), "foto.png")).ValidationErrorsAsync();
        Assert.Contains("Jenis berkas tidak diizinkan untuk Proposal (PDF): hanya PDF.", png["File"][0], StringComparison.Ordinal);

        var fakePdf = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", "bukan pdf sama sekali"u8.ToArray(), "proposal.pdf")).ValidationErrorsAsync();
        Assert.Contains("File", fakePdf.Keys);
        var pngNamedPdf = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", Files.Png(), "proposal.pdf")).ValidationErrorsAsync();
        Assert.Contains("tidak sesuai dengan ekstensinya", pngNamedPdf["File"][0], StringComparison.Ordinal);
        var html = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", "<html><script>alert(1)</script></html>"u8.ToArray(), "proposal.pdf")).ValidationErrorsAsync();
        Assert.Contains("File", html.Keys);

        var slot = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "TidakAda", Files.Pdf(), "x.pdf")).ValidationErrorsAsync();
        Assert.Contains("Slot", slot.Keys);
        var empty = await (await s.Operator.PostAsync($"{s.Base}/documents", new MultipartFormDataContent { { new StringContent("Proposal"), "slot" } }, Ct)).ValidationErrorsAsync();
        Assert.Contains("file", empty.Keys);
        var json = await s.Operator.PostJsonAsync($"{s.Base}/documents", new { slot = "Proposal" });
        await json.ValidationErrorsAsync();

        Assert.Empty(await DocumentsAsync(s.ProposalId));
        Assert.Equal(before, StoredFiles());

        // A PNG in the photo slot and a file exactly at the SK cap are accepted.
        await s.Operator.UploadDocumentAsync(s.ProposalId, "Foto", Files.Png(), "foto.png").ShouldBe(HttpStatusCode.Created);
        await s.Operator.UploadDocumentAsync(s.ProposalId, "SkInovator", Files.Pdf(SkMaxBytes), "sk.pdf").ShouldBe(HttpStatusCode.Created);
        Assert.Equal(2, (await DocumentsAsync(s.ProposalId)).Count);
    }

    [Fact]
    public async Task After_the_deadline_evidence_cannot_change_but_an_upload_started_before_it_finishes()
    {
        var s = await SetupAsync(closesIn: TimeSpan.FromHours(1));
        var doc = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", Files.Pdf(), "proposal.pdf")).ShouldBeCreated<ProposalDocumentDto>();
        var linkUrl = Url("profil");
        App.ExternalHttp.Answer(linkUrl, HttpStatusCode.OK);
        var link = await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, linkUrl))).ShouldBeCreated<ProposalLinkDto>();
        var files = StoredFiles();

        App.Time.Advance(TimeSpan.FromHours(2));
        var late = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "SkInovator", Files.Pdf(), "sk.pdf")).ValidationErrorsAsync();
        Assert.Contains(ProposalService.DeadlineMessage, late.Values.SelectMany(v => v));
        await (await s.Operator.DeleteAsync($"{s.Base}/documents/{doc.Id}", Ct)).ValidationErrorsAsync();
        await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, linkUrl + "/lain"))).ValidationErrorsAsync();
        await (await s.Operator.DeleteAsync($"{s.Base}/links/{link.Id}", Ct)).ValidationErrorsAsync();
        Assert.Equal([doc.Id], (await DocumentsAsync(s.ProposalId)).Select(d => d.Id));
        Assert.Equal([link.Id], (await LinksAsync(s.ProposalId)).Select(l => l.Id));
        Assert.Equal(files, StoredFiles());

        // The clock has passed the deadline, but the upload began a minute before it: it may finish.
        var closes = s.Edition.RegistrationClosesAt!.Value;
        var scope = OrganisationScope.Subtree(s.Org.Id, s.Org.Path);
        var started = await App.WithServicesAsync(sp => sp.GetRequiredService<ProposalEvidenceService>()
            .UploadAsync(s.ProposalId, "SkInovator", "sk.pdf", new MemoryStream(Files.Pdf()), closes.AddMinutes(-1), scope, Ct));
        Assert.True(started.Succeeded, string.Join(" ", started.Errors.Values.SelectMany(v => v)));
        var tooLate = await App.WithServicesAsync(sp => sp.GetRequiredService<ProposalEvidenceService>()
            .UploadAsync(s.ProposalId, "Foto", "foto.png", new MemoryStream(Files.Png()), closes, scope, Ct));
        Assert.False(tooLate.Succeeded);
        Assert.Equal(2, (await DocumentsAsync(s.ProposalId)).Count);
    }

    [Fact]
    public async Task A_proposal_in_repair_takes_uploads_until_its_repair_deadline()
    {
        var s = await SetupAsync(closesIn: TimeSpan.FromHours(1));
        App.Time.Advance(TimeSpan.FromHours(2));
        var now = App.Time.GetUtcNow();
        await App.WithDbAsync(db => db.Proposals.Where(p => p.Id == s.ProposalId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProposalStatus.Repair).SetProperty(p => p.Selection, SelectionOutcome.RepairRequested)
                .SetProperty(p => p.RepairUntil, now.AddHours(1)), Ct));
        await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", Files.Pdf(), "proposal.pdf").ShouldBe(HttpStatusCode.Created);
        App.Time.Advance(TimeSpan.FromHours(2));
        await (await s.Operator.UploadDocumentAsync(s.ProposalId, "SkInovator", Files.Pdf(), "sk.pdf")).ValidationErrorsAsync();
        Assert.Single(await DocumentsAsync(s.ProposalId));
    }

    [Fact]
    public async Task Another_units_operator_finds_nothing()
    {
        var s = await SetupAsync();
        var doc = await (await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", Files.Pdf(), "proposal.pdf")).ShouldBeCreated<ProposalDocumentDto>();
        var other = await App.CreateOrganisationAsync("UPT Lain Bukti", (await App.KabKotaAsync()).Id);
        var stranger = App.ClientFor(await App.CreateUserAsync(Roles.Operator, other.Id));

        await (await stranger.GetAsync($"{s.Base}/documents", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync(doc.Download, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.UploadDocumentAsync(s.ProposalId, "SkInovator", Files.Pdf(), "sk.pdf")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"{s.Base}/documents/{doc.Id}", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"{s.Base}/links", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, Url("x")))).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"{s.Base}/links/recheck", null, Ct)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Kelola/Proposal/Ubah/{s.ProposalId}", Ct)).StatusCode);
        Assert.Single(await DocumentsAsync(s.ProposalId));
        // Anonymous callers are not let in at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.AnonymousClient().GetAsync(doc.Download, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_checklist_asks_for_each_required_document_until_it_is_uploaded()
    {
        var s = await SetupAsync();
        async Task<List<string?>> Missing() =>
            (await (await s.Operator.GetAsync($"{s.Base}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>())
                .Findings.Where(f => f.Code == "DOKUMEN_WAJIB_TIDAK_ADA").Select(f => f.SectionKey).ToList();

        Assert.Equal(["Proposal", "SkInovator"], await Missing());
        await s.Operator.UploadDocumentAsync(s.ProposalId, "Proposal", Files.Pdf(), "proposal.pdf").ShouldBe(HttpStatusCode.Created);
        Assert.Equal(["SkInovator"], await Missing());
        await s.Operator.UploadDocumentAsync(s.ProposalId, "SkInovator", Files.Pdf(), "sk.pdf").ShouldBe(HttpStatusCode.Created);
        Assert.Empty(await Missing());

        // Submitting without them is refused with the document message.
        var t = await SetupAsync();
        var errors = await (await t.Operator.PostJsonAsync($"{t.Base}/submit", new ProposalActionInput(null))).ValidationErrorsAsync();
        Assert.Contains(errors.Values.SelectMany(v => v), m => m.Contains("wajib diunggah", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Links_are_added_only_after_a_passing_check_and_a_link_that_dies_is_flagged()
    {
        var s = await SetupAsync();
        var site = Url("inovasi");
        App.ExternalHttp.Answer(site, HttpStatusCode.OK);
        var video = "https://www.youtube.com/watch?v=" + KovablikAppFactory.Unique();
        App.ExternalHttp.Answer(FakeExternalHttp.YouTubeOembed(video), HttpStatusCode.OK);

        var web = await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, site, "Situs inovasi"))).ShouldBeCreated<ProposalLinkDto>();
        Assert.Equal("Ok", web.CheckStatus);
        Assert.Equal(200, web.HttpStatus);
        Assert.Equal(App.Time.GetUtcNow(), web.CheckedAt);
        var vid = await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Video, video, null, "2 menit 40 detik"))).ShouldBeCreated<ProposalLinkDto>();
        Assert.Equal("2 menit 40 detik", vid.DurationNote);

        // Dead, private, sign-in-only, internal and malformed links are refused and nothing is stored.
        var dead = Url("hilang");
        App.ExternalHttp.Answer(dead, HttpStatusCode.NotFound);
        var deadErrors = await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, dead))).ValidationErrorsAsync();
        Assert.Contains("Tautan tidak dapat diakses", deadErrors["Url"][0], StringComparison.Ordinal);
        Assert.Contains("404", deadErrors["Url"][1], StringComparison.Ordinal);
        var privateVideo = "https://youtu.be/" + KovablikAppFactory.Unique();
        App.ExternalHttp.Answer(FakeExternalHttp.YouTubeOembed(privateVideo), HttpStatusCode.Unauthorized);
        var privateErrors = await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Video, privateVideo))).ValidationErrorsAsync();
        Assert.Contains("Tautan tidak publik", privateErrors["Url"][0], StringComparison.Ordinal);
        var drive = Url("drive");
        App.ExternalHttp.Answer(drive, HttpStatusCode.Found, "https://accounts.google.com/ServiceLogin");
        await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, drive))).ValidationErrorsAsync();
        var metadata = $"http://metadata-{KovablikAppFactory.Unique()}.example.id/latest";
        App.ExternalHttp.Resolve(new Uri(metadata).Host, IPAddress.Parse("169.254.169.254"));
        App.ExternalHttp.Answer(metadata, HttpStatusCode.OK);
        var internalErrors = await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, metadata))).ValidationErrorsAsync();
        Assert.Contains(LinkChecker.PrivateAddressMessage, internalErrors["Url"]);
        Assert.DoesNotContain(App.ExternalHttp.Requests, r => r.RequestUri!.AbsoluteUri == metadata);
        await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, "ftp://contoh.go.id/a"))).ValidationErrorsAsync();
        await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, "https://" + new string('a', 2000) + ".id"))).ValidationErrorsAsync();
        Assert.Contains("Kind", (await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(null, site + "/x"))).ValidationErrorsAsync()).Keys);
        Assert.Contains("sudah ditambahkan", (await (await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, site))).ValidationErrorsAsync())["Url"][0], StringComparison.Ordinal);
        Assert.Equal([web.Id, vid.Id], (await LinksAsync(s.ProposalId)).OrderBy(l => l.Id).Select(l => l.Id));

        // The site dies later; a re-check (unit head or Panitia before review) flags it and the checklist warns.
        App.ExternalHttp.Answer(site, HttpStatusCode.NotFound);
        var head = App.ClientFor(await App.CreateUserAsync(Roles.PimpinanUnit, s.Org.Id));
        var rechecked = await (await head.PostAsync($"{s.Base}/links/recheck", null, Ct)).ShouldBeOk<List<ProposalLinkDto>>();
        Assert.Equal("Unreachable", rechecked.Single(l => l.Id == web.Id).CheckStatus);
        Assert.Equal(404, rechecked.Single(l => l.Id == web.Id).HttpStatus);
        Assert.Equal("Ok", rechecked.Single(l => l.Id == vid.Id).CheckStatus);
        var warning = Assert.Single((await (await s.Operator.GetAsync($"{s.Base}/checklist", Ct)).ShouldBeOk<ProposalChecklistDto>()).Findings,
            f => f.Code == "TAUTAN_TIDAK_DAPAT_DIAKSES");
        Assert.Equal("Warning", warning.Severity);
        Assert.Contains(site, warning.Message, StringComparison.Ordinal);

        await (await s.Operator.DeleteAsync($"{s.Base}/links/{web.Id}", Ct)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal([vid.Id], (await (await s.Operator.GetAsync($"{s.Base}/links", Ct)).ShouldBeOk<List<ProposalLinkDto>>()).Select(l => l.Id));
    }

    [Fact]
    public async Task The_periodic_task_rechecks_links_of_submitted_proposals_a_day_after_their_last_check()
    {
        var s = await SetupAsync();
        var draft = await SetupAsync();
        var site = Url("bukti");
        var draftSite = Url("draf");
        App.ExternalHttp.Answer(site, HttpStatusCode.OK);
        App.ExternalHttp.Answer(draftSite, HttpStatusCode.OK);
        await s.Operator.PostJsonAsync($"{s.Base}/links", new ProposalLinkInput(LinkKind.Website, site)).ShouldBe(HttpStatusCode.Created);
        await draft.Operator.PostJsonAsync($"{draft.Base}/links", new ProposalLinkInput(LinkKind.Website, draftSite)).ShouldBe(HttpStatusCode.Created);
        await App.WithDbAsync(db => db.Proposals.Where(p => p.Id == s.ProposalId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProposalStatus.Submitted), Ct));
        App.ExternalHttp.Answer(site, HttpStatusCode.Gone);
        App.ExternalHttp.Answer(draftSite, HttpStatusCode.Gone);

        Task Run() => App.WithServicesAsync(async sp =>
        {
            await sp.GetServices<IPeriodicTask>().OfType<LinkRecheckTask>().Single().RunAsync(Ct);
            return 0;
        });

        await Run();
        Assert.Equal(LinkCheckStatus.Ok, Assert.Single(await LinksAsync(s.ProposalId)).CheckStatus);
        App.Time.Advance(TimeSpan.FromHours(25));
        await Run();
        var link = Assert.Single(await LinksAsync(s.ProposalId));
        Assert.Equal(LinkCheckStatus.Unreachable, link.CheckStatus);
        Assert.Equal(410, link.HttpStatus);
        Assert.Equal(App.Time.GetUtcNow(), link.CheckedAt);
        // A draft is still being edited: its links are checked when the unit changes them, not by the task.
        Assert.Equal(LinkCheckStatus.Ok, Assert.Single(await LinksAsync(draft.ProposalId)).CheckStatus);
    }

    // ------------------------------------------------------------------ page (no JavaScript)

    private static IHtmlFormElement FormFor(IHtmlDocument page, string handler, string? slot = null) =>
        page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f =>
            f.GetAttribute("action")?.Contains("handler=" + handler, StringComparison.Ordinal) == true
            && (slot is null || f.QuerySelector($"input[name=slot][value={slot}]") is not null));

    private static MultipartFormDataContent Multipart(IHtmlFormElement form, byte[]? file, string fileName, Dictionary<string, string>? fields = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            content.Add(new StringContent(input.Value), input.Name!);
        foreach (var (k, v) in fields ?? []) content.Add(new StringContent(v), k);
        if (file is not null) content.Add(new ByteArrayContent(file), "file", fileName);
        return content;
    }

    [Fact]
    public async Task The_edit_page_uploads_into_a_slot_and_adds_links_without_JavaScript()
    {
        var s = await SetupAsync(cookies: true);
        var url = $"/Kelola/Proposal/Ubah/{s.ProposalId}";
        var page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        var text = Http.TextOf(page);
        Assert.Contains("Dokumen dan tautan bukti", text, StringComparison.Ordinal);
        Assert.Contains("Proposal (PDF)", text, StringComparison.Ordinal);
        Assert.Contains("Dokumen Proposal (PDF) wajib diunggah.", text, StringComparison.Ordinal);
        var upload = FormFor(page, "Upload", "Proposal");
        Assert.Equal("multipart/form-data", upload.GetAttribute("enctype"));
        Assert.Equal("application/pdf", upload.QuerySelector("input[type=file]")!.GetAttribute("accept"));

        var pdf = Files.Pdf(2000);
        var posted = await s.Operator.PostAsync(upload.GetAttribute("action"), Multipart(upload, pdf, "proposal-halaman.pdf"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(url + "#bukti", posted.Headers.Location!.OriginalString);
        page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        var row = page.QuerySelector("#slot-Proposal")!.TextContent;
        Assert.Contains("proposal-halaman.pdf", row, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf))[..12], row, StringComparison.Ordinal);
        Assert.Contains("Berkas proposal-halaman.pdf diunggah.", Http.TextOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Dokumen Proposal (PDF) wajib diunggah.", Http.TextOf(page), StringComparison.Ordinal);

        // A PNG for the PDF slot: refused, and the reason is shown next to that slot.
        upload = FormFor(page, "Upload", "SkInovator");
        Assert.Equal(HttpStatusCode.Redirect, (await s.Operator.PostAsync(upload.GetAttribute("action"), Multipart(upload, Files.Png(), "sk.png"), Ct)).StatusCode);
        page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Jenis berkas tidak diizinkan untuk SK penetapan inovator (PDF): hanya PDF.", page.QuerySelector("#slot-SkInovator")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await DocumentsAsync(s.ProposalId));

        // Without the antiforgery token the post is refused.
        var noToken = new MultipartFormDataContent { { new StringContent("SkInovator"), "slot" }, { new ByteArrayContent(Files.Pdf()), "file", "sk.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Operator.PostAsync($"/Kelola/Proposal/Bukti/{s.ProposalId}?handler=Upload", noToken, Ct)).StatusCode);
        Assert.Single(await DocumentsAsync(s.ProposalId));

        // Links through the plain form: a live one shows its badge, a dead one its reason.
        var site = Url("halaman");
        App.ExternalHttp.Answer(site, HttpStatusCode.OK);
        var add = FormFor(page, "AddLink");
        var added = await s.Operator.PostAsync(add.GetAttribute("action"), Multipart(add, null, "", new() { ["kind"] = "Website", ["url"] = site, ["label"] = "Situs layanan" }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        text = Http.TextOf(page);
        Assert.Contains("Situs layanan", text, StringComparison.Ordinal);
        Assert.Contains("Dapat diakses", text, StringComparison.Ordinal);
        Assert.Contains("Periksa ulang tautan", text, StringComparison.Ordinal);
        Assert.Contains("Durasi video maksimal 3 menit.", text, StringComparison.Ordinal);

        var dead = Url("mati");
        App.ExternalHttp.Answer(dead, HttpStatusCode.NotFound);
        add = FormFor(page, "AddLink");
        await s.Operator.PostAsync(add.GetAttribute("action"), Multipart(add, null, "", new() { ["kind"] = "Website", ["url"] = dead }), Ct);
        page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Tautan tidak dapat diakses", page.QuerySelector("#link-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await LinksAsync(s.ProposalId));

        // The re-check button flags the link once it dies.
        App.ExternalHttp.Answer(site, HttpStatusCode.NotFound);
        var recheck = FormFor(page, "Recheck");
        Assert.Equal(HttpStatusCode.Redirect, (await s.Operator.PostAsync(recheck.GetAttribute("action"), Multipart(recheck, null, ""), Ct)).StatusCode);
        page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        Assert.Contains("Tidak dapat diakses", Http.TextOf(page), StringComparison.Ordinal);
    }
}

public sealed class ProposalEvidenceTestsSqlite() : ProposalEvidenceTests(DatabaseProvider.Sqlite);

public sealed class ProposalEvidenceTestsPostgres() : ProposalEvidenceTests(DatabaseProvider.Postgres);
