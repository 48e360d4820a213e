using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ClosedXML.Excel;
using Kovablik.Accounts;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Competitions.Proposals.Pack;
using Kovablik.Data;
using Kovablik.Organisations;
using Kovablik.Platform.Files;
using Kovablik.Tests.Infrastructure;
using Kovablik.Web.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kovablik.Tests.Competitions.Proposals;

/// <summary>The offline pack: export, edit the workbook as a unit would, import with a diff, apply or refuse.</summary>
public abstract class ProposalPackTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Base = "/api/v1/proposals";
    private const string Accented = "Pelayanan café di Kecamatan Sukamaju — naïve résumé, Ngawi ‘Kampung Tangguh’";

    private sealed record Setup(Organisation Org, Edition Edition, HttpClient Operator, ProposalDto Proposal);

    private async Task<Setup> SetupAsync(bool cookies = false)
    {
        var kota = await App.KabKotaAsync();
        var org = await App.CreateOrganisationAsync("UPT Paket Luring", kota.Id);
        var op = App.ClientFor(await App.CreateUserAsync(Roles.Operator, org.Id), handleCookies: cookies);
        var edition = await App.OpenEditionAsync();
        var innovation = await App.CreateInnovationAsync(org.Id, publish: true);
        var p = await (await op.PostJsonAsync(Base, new ProposalCreateInput(edition.Id, innovation.Id, "Umum"))).ShouldBeCreated<ProposalDto>();
        var sections = p.Sections.Keys.ToDictionary(k => k, k => (string?)$"{k} ditulis daring. {Accented}.\nBaris kedua {k}.");
        p = await (await op.PutJsonAsync($"{Base}/{p.Id}/draft", new ProposalDraftInput { Sections = sections, SdgIds = [3, 16], ExpectedVersion = p.Version }))
            .ShouldBeOk<ProposalDto>();
        return new Setup(org, edition, op, p);
    }

    private Task<Proposal> StoredAsync(int id) => App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, Ct));

    private static async Task<byte[]> ExportAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"{Base}/{id}/pack", Ct);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"proposal-{id}.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }

    private static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(bytes);
            }
        return output.ToArray();
    }

    /// <summary>Edits proposal.xlsx inside the pack the way a unit does in a spreadsheet program.</summary>
    private static byte[] EditPack(byte[] pack, Action<IXLWorksheet> edit)
    {
        var entries = Entries(pack);
        using var book = new XLWorkbook(new MemoryStream(entries[ProposalPack.WorkbookEntry]));
        edit(book.Worksheet(ProposalPack.SheetProposal));
        using var saved = new MemoryStream();
        book.SaveAs(saved);
        entries[ProposalPack.WorkbookEntry] = saved.ToArray();
        return Zip(entries);
    }

    private static IXLRow Row(IXLWorksheet sheet, string key) =>
        sheet.RowsUsed().Single(r => r.Cell(ProposalPack.ColKey).GetString() == key);

    private static Action<IXLWorksheet> SetText(string key, string text) => sheet => Row(sheet, key).Cell(ProposalPack.ColText).Value = text;

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, int id, byte[] pack, bool apply, Dictionary<string, string>? fields = null)
    {
        var form = Files.Multipart(pack, $"proposal-{id}.zip", contentType: "application/zip");
        foreach (var (name, value) in fields ?? []) form.Add(new StringContent(value), name);
        return client.PostAsync($"{Base}/{id}/pack?apply={(apply ? "true" : "false")}", form, Ct);
    }

    private static PackFieldDiffDto Field(PackDiffDto diff, string sectionKey) => diff.Fields.Single(f => f.Key == ProposalPack.SectionPrefix + sectionKey);

    private async Task<ProposalDocument> AddDocumentAsync(int proposalId, string slot, string name, byte[] bytes)
    {
        var key = Guid.NewGuid().ToString("N") + ".pdf";
        await App.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<IFileStore>().SaveAsync(key, new MemoryStream(bytes), Ct);
            return 0;
        });
        return await App.WithDbAsync(async db =>
        {
            var d = new ProposalDocument
            {
                Id = Guid.NewGuid(), ProposalId = proposalId, SlotKey = slot, OriginalFileName = name, StorageKey = key, ContentType = "application/pdf",
                Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = App.Time.GetUtcNow(),
            };
            db.ProposalDocuments.Add(d);
            await db.SaveChangesAsync(Ct);
            return d;
        });
    }

    [Fact]
    public async Task Export_holds_every_section_a_readable_pdf_the_documents_and_a_matching_manifest()
    {
        var s = await SetupAsync();
        // A long section, so the PDF has to break pages.
        var longText = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"kata{i}"));
        var p = await (await s.Operator.PutJsonAsync($"{Base}/{s.Proposal.Id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["LatarBelakang"] = longText }, ExpectedVersion = s.Proposal.Version,
        })).ShouldBeOk<ProposalDto>();
        var document = Encoding.ASCII.GetBytes("%PDF-1.4 bukti dukung uji");
        await AddDocumentAsync(p.Id, "SkInovator", "SK Tim Inovasi.pdf", document);

        var entries = Entries(await ExportAsync(s.Operator, p.Id));
        Assert.Contains(ProposalPack.WorkbookEntry, entries.Keys);
        Assert.Contains(ProposalPack.ManifestEntry, entries.Keys);
        Assert.Equal(document, entries["dokumen/SkInovator-SK Tim Inovasi.pdf"]);

        using (var book = new XLWorkbook(new MemoryStream(entries[ProposalPack.WorkbookEntry])))
        {
            var sheet = book.Worksheet(ProposalPack.SheetProposal);
            Assert.Equal(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Row(sheet, ProposalPack.KeyProposal).Cell(ProposalPack.ColText).GetString());
            Assert.Equal(p.Version.ToString(), Row(sheet, ProposalPack.KeyVersion).Cell(ProposalPack.ColText).GetString());
            Assert.Equal(s.Edition.Name, Row(sheet, ProposalPack.KeyEdition).Cell(ProposalPack.ColText).GetString());
            Assert.Equal(p.Title, Row(sheet, ProposalPack.KeyTitle).Cell(ProposalPack.ColText).GetString());
            Assert.Equal("3, 16", Row(sheet, ProposalPack.KeySdgs).Cell(ProposalPack.ColText).GetString());
            Assert.Equal("@", Row(sheet, ProposalPack.KeySdgs).Cell(ProposalPack.ColText).Style.NumberFormat.Format);
            foreach (var rule in s.Edition.Group("Umum")!.Sections)
            {
                var row = Row(sheet, ProposalPack.SectionPrefix + rule.Key);
                Assert.Equal(PackReader.Normalise(p.Sections[rule.Key]), PackReader.Normalise(row.Cell(ProposalPack.ColText).GetString()));
                Assert.Equal(rule.Title, row.Cell(ProposalPack.ColLabel).GetString());
                Assert.False(row.Cell(ProposalPack.ColText).Style.Protection.Locked);
                Assert.True(row.Cell(ProposalPack.ColLabel).Style.Protection.Locked);
            }
            Assert.True(sheet.Column(ProposalPack.ColKey).IsHidden);
            Assert.True(sheet.IsProtected);
            Assert.Contains("Isian", book.Worksheet(ProposalPack.SheetGuide).Cell(3, 1).GetString(), StringComparison.Ordinal);
        }

        var pdf = entries[ProposalPack.PdfEntry];
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            Assert.True(read.PageCount >= 2, $"{read.PageCount} page(s)");

        using var manifest = JsonDocument.Parse(entries[ProposalPack.ManifestEntry]);
        Assert.Equal(p.Id, manifest.RootElement.GetProperty("proposalId").GetInt32());
        Assert.Equal(p.Version, manifest.RootElement.GetProperty("version").GetGuid());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(entries.Keys.Where(k => k != ProposalPack.ManifestEntry).Order(), listed.Select(f => f.GetProperty("path").GetString()!).Order());
        foreach (var f in listed)
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entries[f.GetProperty("path").GetString()!])), f.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Round_trip_shows_exactly_the_offline_edit_and_applies_it()
    {
        var s = await SetupAsync();
        var id = s.Proposal.Id;
        var edited = "Teks baru diketik luring di Excel. " + Accented + "\nParagraf kedua.";
        var pack = EditPack(await ExportAsync(s.Operator, id), SetText(ProposalPack.SectionPrefix + "Kebaruan", edited));

        var diff = await (await ImportAsync(s.Operator, id, pack, apply: false)).ShouldBeOk<PackDiffDto>();
        Assert.False(diff.Applied);
        Assert.False(diff.HasConflicts);
        Assert.Equal(1, diff.Changes);
        var changed = Field(diff, "Kebaruan");
        Assert.Equal("ChangedInPack", changed.Status);
        Assert.Equal(Kovablik.Competitions.Validation.IndonesianWordCounter.Count(edited), changed.PackWords);
        Assert.Contains("Teks baru diketik luring", changed.PackExcerpt, StringComparison.Ordinal);
        Assert.All(diff.Fields.Where(f => f != changed), f => Assert.Equal("Unchanged", f.Status));
        Assert.Equal(s.Edition.Group("Umum")!.Sections.Count + 3, diff.Fields.Count);
        Assert.Empty(diff.Warnings);
        Assert.Equal(s.Proposal.Version, (await StoredAsync(id)).Version);

        var applied = await (await ImportAsync(s.Operator, id, pack, apply: true)).ShouldBeOk<PackDiffDto>();
        Assert.True(applied.Applied);
        var after = await (await s.Operator.GetAsync($"{Base}/{id}", Ct)).ShouldBeOk<ProposalDto>();
        Assert.Equal(edited, after.Sections["Kebaruan"]);
        Assert.Equal(applied.AppliedVersion, after.Version);
        Assert.Equal(s.Proposal.Title, after.Title);
        Assert.Equal(s.Proposal.SdgIds, after.SdgIds);
        Assert.Equal(s.Proposal.CategoryIds, after.CategoryIds);
        foreach (var (key, text) in s.Proposal.Sections.Where(kv => kv.Key != "Kebaruan"))
            Assert.Equal(text, after.Sections[key]);

        // The same pack again: the edit is now online too, so there is nothing left to apply.
        var again = await (await ImportAsync(s.Operator, id, pack, apply: true)).ShouldBeOk<PackDiffDto>();
        Assert.False(again.Applied);
        Assert.Equal("Unchanged", Field(again, "Kebaruan").Status);
    }

    [Fact]
    public async Task Title_and_sdgs_edited_offline_are_validated_and_applied()
    {
        var s = await SetupAsync();
        var id = s.Proposal.Id;
        var exported = await ExportAsync(s.Operator, id);
        var unknown = EditPack(exported, SetText(ProposalPack.KeySdgs, "3, 99"));
        var errors = await (await ImportAsync(s.Operator, id, unknown, apply: false)).ValidationErrorsAsync();
        Assert.Contains("Tujuan SDG tidak dikenal: 99", errors["file"][0], StringComparison.Ordinal);

        var pack = EditPack(exported, sheet =>
        {
            Row(sheet, ProposalPack.KeyTitle).Cell(ProposalPack.ColText).Value = "Judul Luring Baru";
            // A full name with its own comma, and an id.
            Row(sheet, ProposalPack.KeySdgs).Cell(ProposalPack.ColText).Value = "Perdamaian, Keadilan dan Kelembagaan yang Tangguh; 4";
        });
        var applied = await (await ImportAsync(s.Operator, id, pack, apply: true)).ShouldBeOk<PackDiffDto>();
        Assert.Equal("ChangedInPack", applied.Fields.Single(f => f.Key == ProposalPack.KeyTitle).Status);
        Assert.Equal("ChangedInPack", applied.Fields.Single(f => f.Key == ProposalPack.KeySdgs).Status);
        Assert.Equal("Unchanged", applied.Fields.Single(f => f.Key == ProposalPack.KeyCategories).Status);
        var stored = await StoredAsync(id);
        Assert.Equal("Judul Luring Baru", stored.Title);
        Assert.Equal([4, 16], stored.SdgIds);
    }

    [Fact]
    public async Task Same_section_changed_online_and_in_the_pack_is_a_conflict_and_nothing_is_applied()
    {
        var s = await SetupAsync();
        var id = s.Proposal.Id;
        var exported = await ExportAsync(s.Operator, id);
        var online = await (await s.Operator.PutJsonAsync($"{Base}/{id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["LatarBelakang"] = "Diubah daring oleh rekan.", ["Ringkasan"] = "Ringkasan diubah daring." },
            ExpectedVersion = s.Proposal.Version,
        })).ShouldBeOk<ProposalDto>();
        var pack = EditPack(exported, sheet =>
        {
            SetText(ProposalPack.SectionPrefix + "LatarBelakang", "Diubah luring di paket.")(sheet);
            SetText(ProposalPack.SectionPrefix + "Kebaruan", "Kebaruan diubah luring.")(sheet);
        });

        var diff = await (await ImportAsync(s.Operator, id, pack, apply: false)).ShouldBeOk<PackDiffDto>();
        Assert.True(diff.HasConflicts);
        Assert.Equal("Conflict", Field(diff, "LatarBelakang").Status);
        Assert.Equal("Diubah daring oleh rekan.", Field(diff, "LatarBelakang").OnlineExcerpt);
        Assert.Equal("Diubah luring di paket.", Field(diff, "LatarBelakang").PackExcerpt);
        Assert.Equal("ChangedOnline", Field(diff, "Ringkasan").Status);
        Assert.Equal("ChangedInPack", Field(diff, "Kebaruan").Status);
        Assert.Equal("Unchanged", Field(diff, "Kolaborasi").Status);
        Assert.Contains(diff.Warnings, w => w.Contains("diubah daring setelah paket ini diunduh", StringComparison.Ordinal));
        Assert.Equal(s.Proposal.Version, diff.PackVersion);
        Assert.Equal(online.Version, diff.OnlineVersion);

        var refused = await (await ImportAsync(s.Operator, id, pack, apply: true)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("konflik", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Latar Belakang", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await StoredAsync(id);
        Assert.Equal(online.Version, stored.Version);
        Assert.Equal("Diubah daring oleh rekan.", stored.Section("LatarBelakang"));
        Assert.Equal(s.Proposal.Sections["Kebaruan"], stored.Section("Kebaruan"));

        // A choice that names neither side is refused; "keep the online version" settles the conflict.
        var bad = await (await ImportAsync(s.Operator, id, pack, apply: true, new() { ["resolve[bagian:LatarBelakang]"] = "keduanya" })).ValidationErrorsAsync();
        Assert.Contains("resolve", bad.Keys);
        Assert.Equal(online.Version, (await StoredAsync(id)).Version);
        var settled = await (await ImportAsync(s.Operator, id, pack, apply: true, new() { ["resolve[bagian:LatarBelakang]"] = "online" })).ShouldBeOk<PackDiffDto>();
        Assert.True(settled.Applied);
        Assert.Equal("Online", Field(settled, "LatarBelakang").Choice);
        stored = await StoredAsync(id);
        Assert.Equal("Diubah daring oleh rekan.", stored.Section("LatarBelakang"));
        Assert.Equal("Ringkasan diubah daring.", stored.Section("Ringkasan"));
        Assert.Equal("Kebaruan diubah luring.", stored.Section("Kebaruan"));
    }

    [Fact]
    public async Task A_section_changed_only_online_is_kept_when_the_pack_is_applied()
    {
        var s = await SetupAsync();
        var id = s.Proposal.Id;
        var exported = await ExportAsync(s.Operator, id);
        await (await s.Operator.PutJsonAsync($"{Base}/{id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Ringkasan"] = "Ringkasan diperbarui daring setelah ekspor." }, ExpectedVersion = s.Proposal.Version,
        })).ShouldBeOk<ProposalDto>();
        var pack = EditPack(exported, SetText(ProposalPack.SectionPrefix + "Kebaruan", "Kebaruan dari paket."));

        var applied = await (await ImportAsync(s.Operator, id, pack, apply: true)).ShouldBeOk<PackDiffDto>();
        Assert.True(applied.Applied);
        Assert.Equal("ChangedOnline", Field(applied, "Ringkasan").Status);
        var stored = await StoredAsync(id);
        Assert.Equal("Ringkasan diperbarui daring setelah ekspor.", stored.Section("Ringkasan"));
        Assert.Equal("Kebaruan dari paket.", stored.Section("Kebaruan"));
    }

    [Fact]
    public async Task Bad_packs_are_refused_with_an_indonesian_message_and_change_nothing()
    {
        var s = await SetupAsync();
        var id = s.Proposal.Id;
        var exported = await ExportAsync(s.Operator, id);
        var entries = Entries(exported);
        var innovation = await App.CreateInnovationAsync(s.Org.Id, publish: true);
        var other = await (await s.Operator.PostJsonAsync(Base, new ProposalCreateInput(s.Edition.Id, innovation.Id, "Umum"))).ShouldBeCreated<ProposalDto>();

        var cases = new (string Name, byte[] Pack, string Expected)[]
        {
            ("not a zip", Encoding.UTF8.GetBytes("ini bukan zip sama sekali"), "bukan paket ZIP"),
            ("another proposal", EditPack(await ExportAsync(s.Operator, other.Id), SetText(ProposalPack.SectionPrefix + "Kebaruan", "x")), $"milik proposal #{other.Id}"),
            ("no workbook", Zip(entries.Where(e => e.Key != ProposalPack.WorkbookEntry)), "tidak berisi proposal.xlsx"),
            ("path traversal", Zip(entries.Append(new("../../etc/evil.txt", [1, 2, 3]))), "tidak aman"),
            ("absolute path", Zip(entries.Append(new("/tmp/evil.txt", [1, 2, 3]))), "tidak aman"),
            ("zip bomb", Zip(entries.Append(new("dokumen/besar.bin", new byte[ProposalPack.MaxUncompressedBytes + 1]))), "terlalu besar"),
            ("broken workbook", Zip(entries.Select(e => e.Key == ProposalPack.WorkbookEntry ? new KeyValuePair<string, byte[]>(e.Key, [0x50, 0x4B, 3, 4, 9, 9]) : e)), "tidak dapat dibaca"),
            ("unknown section", EditPack(exported, sheet =>
            {
                var row = sheet.LastRowUsed()!.RowBelow();
                row.Cell(ProposalPack.ColKey).Value = ProposalPack.SectionPrefix + "BagianKarangan";
                row.Cell(ProposalPack.ColText).Value = "Teks";
            }), "Bagian tidak dikenal"),
            ("too long", EditPack(exported, SetText(ProposalPack.SectionPrefix + "Kebaruan", new string('a', ProposalService.MaxSectionLength + 1))), "terlalu panjang"),
        };
        foreach (var (name, pack, expected) in cases)
        {
            foreach (var apply in new[] { false, true })
            {
                var response = await ImportAsync(s.Operator, id, pack, apply);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
                var errors = await response.ValidationErrorsAsync();
                Assert.Contains(expected, errors["file"][0], StringComparison.Ordinal);
            }
        }
        var empty = await (await s.Operator.PostAsync($"{Base}/{id}/pack", new StringContent("{}", Encoding.UTF8, "application/json"), Ct)).ValidationErrorsAsync();
        Assert.Contains("multipart/form-data", empty["file"][0], StringComparison.Ordinal);
        var stored = await StoredAsync(id);
        Assert.Equal(s.Proposal.Version, stored.Version);
        Assert.Equal(s.Proposal.Sections["Kebaruan"], stored.Section("Kebaruan"));
    }

    [Fact]
    public async Task Someone_outside_the_unit_gets_404_for_export_and_import()
    {
        var s = await SetupAsync();
        var pack = await ExportAsync(s.Operator, s.Proposal.Id);
        var kota = await App.KabKotaAsync();
        var stranger = App.ClientFor(await App.CreateUserAsync(Roles.Operator, (await App.CreateOrganisationAsync("UPT Lain", kota.Id)).Id));
        await (await stranger.GetAsync($"{Base}/{s.Proposal.Id}/pack", Ct)).ProblemAsync(HttpStatusCode.NotFound);
        await (await ImportAsync(stranger, s.Proposal.Id, pack, apply: true)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Kelola/Proposal/Paket/{s.Proposal.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Kelola/Proposal/Paket/{s.Proposal.Id}?handler=Download", Ct)).StatusCode);
        Assert.Equal(s.Proposal.Version, (await StoredAsync(s.Proposal.Id)).Version);
    }

    [Fact]
    public async Task Without_javascript_the_unit_downloads_uploads_sees_the_diff_and_applies()
    {
        var s = await SetupAsync(cookies: true);
        var id = s.Proposal.Id;
        var ubah = await (await s.Operator.GetAsync($"/Kelola/Proposal/Ubah/{id}", Ct)).HtmlAsync();
        Assert.NotNull(ubah.QuerySelector($"a[href='/Kelola/Proposal/Paket/{id}']"));

        var url = $"/Kelola/Proposal/Paket/{id}";
        var page = await (await s.Operator.GetAsync(url, Ct)).HtmlAsync();
        var download = page.QuerySelectorAll("a").OfType<IHtmlAnchorElement>().Single(a => a.TextContent.Contains("Unduh paket luring", StringComparison.Ordinal));
        var zip = await s.Operator.GetAsync(download.GetAttribute("href"), Ct);
        await zip.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        var pack = EditPack(await zip.Content.ReadAsByteArrayAsync(Ct), SetText(ProposalPack.SectionPrefix + "Kolaborasi", "Kolaborasi ditulis luring lewat halaman."));

        // A file that is not a pack: the page says so next to the form, nothing changes.
        var bad = await UploadAsync(s.Operator, page, Encoding.UTF8.GetBytes("bukan zip"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("bukan paket ZIP", Http.TextOf(await bad.HtmlAsync()), StringComparison.Ordinal);

        var compared = await UploadAsync(s.Operator, page, pack);
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        var diffPage = await compared.HtmlAsync();
        var row = diffPage.QuerySelector($"tr[data-key='{ProposalPack.SectionPrefix}Kolaborasi']")!;
        Assert.Equal("ChangedInPack", row.GetAttribute("data-status"));
        Assert.Contains("Berubah di paket", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kolaborasi ditulis luring", row.TextContent, StringComparison.Ordinal);
        Assert.Single(diffPage.QuerySelectorAll("tr[data-status='ChangedInPack']"));
        Assert.Contains("Tidak berubah", Http.TextOf(diffPage), StringComparison.Ordinal);
        Assert.Equal(s.Proposal.Version, (await StoredAsync(id)).Version);

        var apply = diffPage.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Action.Contains("handler=Apply", StringComparison.Ordinal));
        var fields = apply.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        // A tampered token is refused without saving.
        var tampered = new Dictionary<string, string>(fields) { ["Token"] = "AAAA" + fields["Token"][4..] };
        var refused = await s.Operator.PostAsync($"{url}?handler=Apply", new FormUrlEncodedContent(tampered), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("kedaluwarsa", Http.TextOf(await refused.HtmlAsync()), StringComparison.Ordinal);

        var applied = await s.Operator.PostAsync($"{url}?handler=Apply", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal($"/Kelola/Proposal/Ubah/{id}", applied.Headers.Location!.OriginalString);
        Assert.Equal("Kolaborasi ditulis luring lewat halaman.", (await StoredAsync(id)).Section("Kolaborasi"));
        var shown = await (await s.Operator.GetAsync($"/Kelola/Proposal/Ubah/{id}", Ct)).HtmlAsync();
        Assert.Contains("Perubahan dari paket luring diterapkan.", Http.TextOf(shown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_shows_a_conflict_refuses_to_apply_until_a_version_is_chosen()
    {
        var s = await SetupAsync(cookies: true);
        var id = s.Proposal.Id;
        var exported = await ExportAsync(s.Operator, id);
        await (await s.Operator.PutJsonAsync($"{Base}/{id}/draft", new ProposalDraftInput
        {
            Sections = new() { ["Kolaborasi"] = "Kolaborasi diubah daring." }, ExpectedVersion = s.Proposal.Version,
        })).ShouldBeOk<ProposalDto>();
        var pack = EditPack(exported, SetText(ProposalPack.SectionPrefix + "Kolaborasi", "Kolaborasi diubah luring."));
        var page = await (await s.Operator.GetAsync($"/Kelola/Proposal/Paket/{id}", Ct)).HtmlAsync();
        var diffPage = await (await UploadAsync(s.Operator, page, pack)).HtmlAsync();
        Assert.Equal("Conflict", diffPage.QuerySelector($"tr[data-key='{ProposalPack.SectionPrefix}Kolaborasi']")!.GetAttribute("data-status"));
        Assert.Contains("selama ada konflik", Http.TextOf(diffPage), StringComparison.Ordinal);
        var choice = $"resolve[{ProposalPack.SectionPrefix}Kolaborasi]";
        var radios = diffPage.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Where(r => r.Name == choice).ToList();
        Assert.Equal(["Pack", "Online"], radios.Select(r => r.Value));
        Assert.All(radios, r => Assert.Equal("pack-apply", r.GetAttribute("form")));
        var apply = (IHtmlFormElement)diffPage.QuerySelector("form#pack-apply")!;
        var fields = apply.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        var url = $"/Kelola/Proposal/Paket/{id}?handler=Apply";

        // Without a choice: refused with the list of conflicts, nothing saved.
        var refused = await s.Operator.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("konflik pada: Kolaborasi", Http.TextOf(await refused.HtmlAsync()), StringComparison.Ordinal);
        Assert.Equal("Kolaborasi diubah daring.", (await StoredAsync(id)).Section("Kolaborasi"));

        // "Pakai versi paket": the pack's text wins.
        var applied = await s.Operator.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { [choice] = "Pack" }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("Kolaborasi diubah luring.", (await StoredAsync(id)).Section("Kolaborasi"));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, IHtmlDocument page, byte[] pack)
    {
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Enctype == "multipart/form-data");
        var content = Files.Multipart(pack, "paket.zip", contentType: "application/zip");
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            content.Add(new StringContent(input.Value), input.Name!);
        return client.PostAsync(form.GetAttribute("action"), content, Ct);
    }

    [Fact]
    public void Category_and_sdg_lists_accept_ids_and_full_names()
    {
        (int, string)[] known = [(3, "Kehidupan Sehat dan Sejahtera"), (16, "Perdamaian, Keadilan dan Kelembagaan yang Tangguh")];
        Assert.Equal([3, 16], ProposalPackService.ParseIds("16, 3", known, out _));
        Assert.Equal([3, 16], ProposalPackService.ParseIds("perdamaian, keadilan dan kelembagaan yang tangguh;\n3.", known, out _));
        Assert.Equal([], ProposalPackService.ParseIds("  ", known, out _));
        Assert.Null(ProposalPackService.ParseIds("3, 7", known, out var bad));
        Assert.Equal("7", bad);
    }
}

public sealed class ProposalPackTestsSqlite() : ProposalPackTests(DatabaseProvider.Sqlite);

public sealed class ProposalPackTestsPostgres() : ProposalPackTests(DatabaseProvider.Postgres);
