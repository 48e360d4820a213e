using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Kovablik.Competitions;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

/// <summary>
/// Issue 3's browser test: a unit writes proposals through the real pages (losing nothing when the connection
/// drops), the checklist says what is missing, the unit head returns and approves, and Panitia asks for a repair
/// with a reason code that the unit makes within the repair window.
/// </summary>
public sealed partial class ProposalFlowTests(BrowserAppFixture app) : BrowserTest(app)
{
    private static readonly string[] Vocabulary =
    [
        "warga", "lansia", "petugas", "kelurahan", "dokumen", "antrean", "layanan", "data", "jadwal", "pengaduan",
        "puskesmas", "kecamatan", "aplikasi", "relawan", "anggaran", "pelatihan", "kunjungan", "laporan", "target", "hasil",
    ];

    [Fact]
    public async Task Unit_writes_through_a_dropped_connection_gets_returned_and_approved_and_repairs_a_proposal_for_Panitia()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (orgCode, editionName) = await PrepareUnitAndEditionAsync(suffix);
        var first = await PublishedInnovationAsync(orgCode, $"Antar Jemput Dokumen Kependudukan Lansia {suffix}");
        var second = await PublishedInnovationAsync(orgCode, $"Posyandu Remaja Berbasis Sekolah {suffix}");
        var operatorAccount = await App.CreateAccountAsync(Roles.Operator, orgCode);
        var headAccount = await App.CreateAccountAsync(Roles.PimpinanUnit, orgCode);
        var panitiaAccount = await App.CreateAccountAsync(Roles.Panitia, withAuthenticator: true);

        var op = await NewPageAsync();
        await SignInAsync(op, operatorAccount);

        // 1. The operator starts a proposal and writes; the connection drops mid-way and nothing is lost.
        var firstId = await CreateProposalAsync(op, editionName, first);
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = first, Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(op);
        var status = op.Locator("#save-status");
        var ringkasan = op.Locator("#section-Ringkasan");
        var latar = op.Locator("#section-LatarBelakang");

        await TypeAtEndAsync(ringkasan, " Petugas kelurahan menjemput berkas warga lansia.");
        await Expect(status).ToHaveTextAsync("Tersimpan");

        // Count the autosaves the dropped connection swallows, to go back online only after both sections' tried.
        var failedSaves = 0;
        var bothFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        op.RequestFailed += (_, request) =>
        {
            if (request.Url.Contains("handler=Autosave", StringComparison.Ordinal) && Interlocked.Increment(ref failedSaves) >= 2) bothFailed.TrySetResult();
        };
        await op.Context.SetOfflineAsync(true);
        await TypeAtEndAsync(ringkasan, " Saat jaringan putus tulisan tetap ada.");
        await TypeAtEndAsync(latar, "Warga lansia sulit datang ke kantor kecamatan.");
        await bothFailed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // The failed autosave is reported instead of the earlier "Tersimpan" staying on screen.
        await Expect(status).ToContainTextAsync("Belum tersimpan");
        await op.Context.SetOfflineAsync(false);
        // Back online, the page sends the whole form again without another keystroke.
        await Expect(status).ToHaveTextAsync("Tersimpan");

        // A fresh load (not a reload, which could restore the fields from the browser's own form state) and the
        // database both hold everything typed, online and offline, in order. Ringkasan starts from the innovation's summary.
        const string typedRingkasan = "Petugas kelurahan menjemput berkas warga lansia. Saat jaringan putus tulisan tetap ada.";
        var stored = await StoredSectionsAsync(firstId);
        Assert.EndsWith(typedRingkasan, stored["Ringkasan"], StringComparison.Ordinal);
        Assert.Equal("Warga lansia sulit datang ke kantor kecamatan.", stored["LatarBelakang"]);
        await op.GotoAsync($"/Kelola/Proposal/Ubah/{firstId}");
        await Expect(ringkasan).ToHaveValueAsync(new Regex(Regex.Escape(typedRingkasan) + "$"));
        await Expect(latar).ToHaveValueAsync("Warga lansia sulit datang ke kantor kecamatan.");

        // Typing again after the reconnect keeps saving on top of what was recovered.
        await TypeAtEndAsync(latar, " Tujuannya layanan tanpa antre.");
        await Expect(status).ToHaveTextAsync("Tersimpan");
        await op.GotoAsync($"/Kelola/Proposal/Ubah/{firstId}");
        await Expect(latar).ToHaveValueAsync("Warga lansia sulit datang ke kantor kecamatan. Tujuannya layanan tanpa antre.");
        await Expect(ringkasan).ToHaveValueAsync(new Regex(Regex.Escape(typedRingkasan) + "$"));

        // 2. The checklist shows what is missing; submitting now is refused with the same reasons.
        var checklist = op.Locator("aside");
        await Expect(checklist).ToContainTextAsync("Bagian Implementasi Inovasi wajib diisi.");
        await Expect(checklist).ToContainTextAsync("Dokumen Proposal (PDF) wajib diunggah.");
        await Expect(checklist).ToContainTextAsync("Dokumen SK penetapan inovator (PDF) wajib diunggah.");
        await op.GetByRole(AriaRole.Button, new() { Name = "Ajukan proposal" }).ClickAsync();
        await Expect(op.Locator("main > .alert-danger[role=alert]").First).ToBeVisibleAsync();
        await Expect(op.Locator("main")).ToContainTextAsync("wajib diunggah");
        await Expect(op.Locator("main p .badge").First).ToHaveTextAsync("Draf");

        await op.GotoAsync($"/Kelola/Proposal/Ubah/{firstId}");
        await FillEverySectionAsync(op, firstId);
        await UploadRequiredDocumentsAsync(op);
        await Expect(checklist.Locator(".badge.text-bg-danger")).ToHaveCountAsync(0);
        await Expect(checklist).Not.ToContainTextAsync("wajib");
        await op.GetByRole(AriaRole.Button, new() { Name = "Ajukan proposal" }).ClickAsync();
        await Expect(Flash(op)).ToHaveTextAsync("Proposal diajukan.");
        await Expect(op.Locator("main p .badge").First).ToHaveTextAsync("Diajukan");

        // The unit head returns it once with a comment.
        const string comment = "Lengkapi langkah implementasi dengan jadwal per kecamatan.";
        var head = await NewPageAsync();
        await SignInAsync(head, headAccount);
        await head.GotoAsync($"/Kelola/Proposal/Ubah/{firstId}");
        await head.GetByLabel("Alasan pengembalian").FillAsync(comment);
        await head.GetByRole(AriaRole.Button, new() { Name = "Kembalikan untuk perbaikan" }).ClickAsync();
        await Expect(Flash(head)).ToHaveTextAsync("Proposal dikembalikan ke unit.");
        await Expect(head.Locator("main p .badge").First).ToHaveTextAsync("Dikembalikan");

        // The operator sees the comment, fixes the section and resubmits.
        await op.ReloadAsync();
        await Expect(op.GetByRole(AriaRole.Note)).ToContainTextAsync(comment);
        await Expect(op.Locator("main p .badge").First).ToHaveTextAsync("Dikembalikan");
        var implementasi = op.Locator("#section-Implementasi");
        await implementasi.FillAsync(await implementasi.InputValueAsync() + " Jadwal per kecamatan disusun setiap bulan oleh petugas kelurahan.");
        await op.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(Flash(op)).ToHaveTextAsync("Tersimpan");
        await Expect(implementasi).ToHaveValueAsync(new Regex("Jadwal per kecamatan disusun setiap bulan"));
        await op.GetByRole(AriaRole.Button, new() { Name = "Ajukan proposal" }).ClickAsync();
        await Expect(Flash(op)).ToHaveTextAsync("Proposal diajukan.");

        // ...and the head approves it.
        await head.ReloadAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await Expect(Flash(head)).ToHaveTextAsync("Proposal disetujui.");
        await Expect(head.Locator("main p .badge").First).ToHaveTextAsync("Disetujui");
        await Expect(head.GetByRole(AriaRole.Button, new() { Name = "Setujui" })).ToHaveCountAsync(0);

        // 3. Another proposal, also written in the browser and approved by the head, reaches Panitia...
        var secondId = await CreateProposalAsync(op, editionName, second);
        await FillEverySectionAsync(op, secondId);
        await UploadRequiredDocumentsAsync(op);
        await op.GetByRole(AriaRole.Button, new() { Name = "Ajukan proposal" }).ClickAsync();
        await Expect(Flash(op)).ToHaveTextAsync("Proposal diajukan.");
        await head.GotoAsync($"/Kelola/Proposal/Ubah/{secondId}");
        await head.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await Expect(Flash(head)).ToHaveTextAsync("Proposal disetujui.");

        // ...who sends it back with a reason code and a repair deadline three days away.
        const string note = "Tambahkan data jumlah remaja yang dilayani sebelum dan sesudah inovasi.";
        var panitia = await NewPageAsync();
        await SignInAsync(panitia, panitiaAccount);
        await panitia.GotoAsync($"/Panitia/Seleksi/Periksa/{secondId}");
        await Expect(panitia.GetByRole(AriaRole.Heading, new() { Name = second, Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(panitia);
        await panitia.Locator("#reason-ISIAN_TERLALU_PENDEK").CheckAsync();
        await panitia.GetByLabel("Catatan untuk unit").FillAsync(note);
        var repairUntil = DateTime.UtcNow.AddHours(7).AddDays(3);
        await panitia.GetByLabel("Batas waktu perbaikan (WIB)").FillAsync(repairUntil.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Minta perbaikan" }).ClickAsync();
        await Expect(panitia).ToHaveURLAsync(new Regex(@"/Panitia/Seleksi/\d+$"));
        await Expect(panitia.Locator("main")).ToContainTextAsync($"Keputusan untuk “{second}” disimpan");
        await Axe.AssertNoSeriousViolationsAsync(panitia);

        // 4. The unit is told, sees the reason on its proposal and fixes it within the window.
        await op.GotoAsync("/Notifikasi");
        var notice = op.GetByRole(AriaRole.Link, new() { Name = $"Proposal “{second}” perlu diperbaiki" });
        await Expect(notice).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(op);
        await notice.ClickAsync();
        await Expect(op).ToHaveURLAsync(new Regex($"/Kelola/Proposal/Ubah/{secondId}$"));
        var selection = op.GetByRole(AriaRole.Region, new() { Name = "Seleksi administrasi: Perbaikan" });
        await Expect(selection).ToBeVisibleAsync();
        await Expect(selection).ToContainTextAsync("ISIAN_TERLALU_PENDEK");
        await Expect(selection).ToContainTextAsync("ajukan kembali sebelum");
        await Expect(selection).ToContainTextAsync(note);
        await Expect(op.Locator("main p .badge").First).ToHaveTextAsync("Perbaikan");
        await Axe.AssertNoSeriousViolationsAsync(op);

        var signifikansi = op.Locator("#section-Signifikansi");
        await signifikansi.FillAsync(await signifikansi.InputValueAsync() + " Sebelum inovasi 120 remaja dilayani per bulan, sesudahnya 410 remaja.");
        await op.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(Flash(op)).ToHaveTextAsync("Tersimpan");
        await op.GetByRole(AriaRole.Button, new() { Name = "Ajukan proposal" }).ClickAsync();
        await Expect(Flash(op)).ToHaveTextAsync("Proposal diajukan.");
        await head.GotoAsync($"/Kelola/Proposal/Ubah/{secondId}");
        await head.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await Expect(Flash(head)).ToHaveTextAsync("Proposal disetujui.");

        // Panitia reads the repaired text and passes it.
        await panitia.GotoAsync($"/Panitia/Seleksi/Periksa/{secondId}");
        await Expect(panitia.Locator("main")).ToContainTextAsync("sesudahnya 410 remaja");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Lolos", Exact = true }).ClickAsync();
        await Expect(panitia).ToHaveURLAsync(new Regex(@"/Panitia/Seleksi/\d+$"));
        await Expect(panitia.Locator("main")).ToContainTextAsync($"Keputusan untuk “{second}” disimpan: Lolos.");
    }

    private async Task<Dictionary<string, string>> StoredSectionsAsync(int proposalId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        var p = await db.Proposals.AsNoTracking().SingleAsync(x => x.Id == proposalId, TestContext.Current.CancellationToken);
        return new[] { "Ringkasan", "LatarBelakang" }.ToDictionary(k => k, p.Section);
    }

    /// <summary>Types key by key (the autosave listens to keyup) after what the field already holds.</summary>
    private static async Task TypeAtEndAsync(ILocator field, string text)
    {
        await field.FocusAsync();
        await field.PressAsync("Control+End");
        await field.PressSequentiallyAsync(text);
    }

    /// <summary>Picks the edition, innovation and group on /Kelola/Proposal and returns the new proposal's id.</summary>
    private static async Task<int> CreateProposalAsync(IPage page, string editionName, string innovationName)
    {
        await page.GotoAsync("/Kelola/Proposal");
        await page.GetByLabel("Edisi", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = editionName });
        await page.GetByLabel("Inovasi", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = innovationName });
        await page.GetByLabel("Kelompok", new() { Exact = true }).SelectOptionAsync("Umum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat proposal" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(EditUrl());
        return int.Parse(EditUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Writes every empty section (distinct prose per section) and saves with the "Simpan draf" button.</summary>
    private static async Task FillEverySectionAsync(IPage page, int proposalId)
    {
        var sections = page.Locator("textarea[name^='Sections[']");
        var count = await sections.CountAsync();
        Assert.True(count >= 5, $"Expected the Umum group's sections, found {count}.");
        for (var i = 0; i < count; i++)
        {
            var section = sections.Nth(i);
            var existing = await section.InputValueAsync();
            var words = Enumerable.Range(0, 60).Select(w => Vocabulary[(w * (i + 3) + proposalId) % Vocabulary.Length] + (w % 7 == 6 ? "." : ""));
            await section.FillAsync((existing.Length > 0 ? existing + " " : "") + $"Bagian {i + 1} proposal {proposalId}: " + string.Join(' ', words));
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan draf" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Tersimpan");
    }

    /// <summary>Uploads a small valid PDF into each required slot through the evidence section's file inputs.</summary>
    private static async Task UploadRequiredDocumentsAsync(IPage page)
    {
        foreach (var (slot, file) in new[] { ("Proposal", "proposal-inovasi.pdf"), ("SkInovator", "sk-inovator.pdf") })
        {
            var row = page.Locator($"#slot-{slot}");
            await page.Locator($"#file-{slot}").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Pdf() });
            await row.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
            await Expect(row.GetByRole(AriaRole.Link, new() { Name = file })).ToBeVisibleAsync();
        }
    }

    private async Task<(string OrgCode, string EditionName)> PrepareUnitAndEditionAsync(string suffix)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KovablikDbContext>();
        var kota = await db.Organisations.SingleAsync(o => o.Code == "35.78", TestContext.Current.CancellationToken);
        var orgCode = $"UJI-PROPOSAL-{suffix}";
        var org = await sp.GetRequiredService<OrganisationService>()
            .CreateAsync(new OrganisationInput(orgCode, $"UPT Pelayanan Terpadu Uji {suffix}", OrganisationType.Upt, kota.Id), TestContext.Current.CancellationToken);
        Assert.True(org.Succeeded, string.Join("; ", org.Errors.Values.SelectMany(v => v)));

        var now = DateTimeOffset.UtcNow;
        var edition = EditionDefaults.Create(now.Year, TimeProvider.System);
        edition.Name = $"KOVABLIK Uji Proposal {suffix}";
        edition.Slug = $"kovablik-uji-proposal-{suffix}";
        edition.Status = EditionStatus.Published;
        edition.RegistrationOpensAt = now.AddDays(-1);
        edition.RegistrationClosesAt = now.AddDays(7);
        for (var i = 0; i < edition.Stages.Count; i++)
        {
            edition.Stages[i].StartsAt = now.AddDays(8 + 20 * i);
            edition.Stages[i].EndsAt = now.AddDays(8 + 20 * i + 14);
        }
        db.Editions.Add(edition);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (orgCode, edition.Name);
    }

    /// <summary>A complete innovation running for three years with a category and an SDG (the proposal copies both).</summary>
    private async Task<string> PublishedInnovationAsync(string orgCode, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KovablikDbContext>();
        var orgId = await db.Organisations.Where(o => o.Code == orgCode).Select(o => o.Id).SingleAsync(ct);
        await App.PublishedInnovationAsync(new InnovationInput
        {
            OrganisationId = orgId,
            Name = name,
            ShortDescription = "Layanan yang datang ke warga.",
            Ringkasan = "Ringkasan **inovasi** untuk uji peramban.",
            StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3),
            CategoryIds = [await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct)],
            SdgGoalIds = [await db.SdgGoals.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(ct)],
        });
        return name;
    }

    /// <summary>A small PDF the magic-byte check accepts (same idea as the integration tests' Files.Pdf).</summary>
    private static byte[] Pdf()
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n");
        var tail = Encoding.ASCII.GetBytes("trailer<</Root 1 0 R>>\n%%EOF\n");
        var bytes = new byte[head.Length + 400 + tail.Length];
        Array.Fill(bytes, (byte)' ');
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

    [GeneratedRegex(@"/Kelola/Proposal/Ubah/(\d+)$")]
    private static partial Regex EditUrl();
}
