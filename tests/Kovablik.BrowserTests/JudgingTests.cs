using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kovablik.Accounts;
using Kovablik.BrowserTests.Infrastructure;
using Kovablik.Competitions;
using Kovablik.Competitions.Proposals;
using Kovablik.Data;
using Kovablik.Innovations;
using Kovablik.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kovablik.BrowserTests;

/// <summary>
/// Issue 4's browser test: a small KOVABLIK edition judged end to end through the pages. Three jurors score, one of
/// them affiliated with a unit and never shown its proposal; a presentation is scheduled and confirmed; results are
/// published and the units read their feedback; a citizen's objection is answered in public; awards are given and a
/// certificate downloaded by the unit is verified through the address its QR code holds.
/// </summary>
public sealed class JudgingTests(BrowserAppFixture app) : BrowserTest(app)
{
    /// <summary>Every juror gives every criterion of a proposal the same score: A is the best, C falls below the grade.</summary>
    private static readonly int[] Scores = [10, 9, 6];

    [Fact]
    public async Task A_small_edition_is_judged_from_desk_review_to_a_verified_certificate()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var s = await PrepareAsync(suffix);
        var panitiaAccount = await App.CreateAccountAsync(Roles.Panitia, withAuthenticator: true);
        var jurorAccounts = new List<TestAccount>();
        for (var i = 0; i < 3; i++) jurorAccounts.Add(await App.CreateAccountAsync(Roles.Juri, withAuthenticator: true));
        var operatorA = await App.CreateAccountAsync(Roles.Operator, s.Units[0].Code);
        var operatorC = await App.CreateAccountAsync(Roles.Operator, s.Units[2].Code);

        // 1. Panitia starts judging and builds the pool; the first juror works at unit A.
        var panitia = await NewPageAsync();
        await SignInAsync(panitia, panitiaAccount);
        await panitia.GotoAsync($"/Panitia/Edisi/{s.EditionId}/Penjurian");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Mulai penjurian" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Penjurian dimulai dengan tahap bawaan.");
        await Expect(panitia.Locator("main table tbody tr")).ToHaveCountAsync(4);
        await Axe.AssertNoSeriousViolationsAsync(panitia);
        var stageIds = await StageIdsAsync(s.EditionId);

        await panitia.GetByRole(AriaRole.Link, new() { Name = "Kelompok juri" }).ClickAsync();
        for (var i = 0; i < 3; i++)
        {
            var account = jurorAccounts[i];
            await panitia.GetByLabel("Akun Juri", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{account.FullName} ({account.Email})" });
            await panitia.GetByLabel("Nama tampilan", new() { Exact = true }).FillAsync($"Juri {i + 1} {suffix}");
            if (i == 0) await panitia.GetByLabel("Afiliasi (organisasi tempat juri bekerja)").SelectOptionAsync(new SelectOptionValue { Label = s.Units[0].Name });
            await panitia.GetByRole(AriaRole.Button, new() { Name = "Tambah juri" }).ClickAsync();
            await Expect(Flash(panitia)).ToHaveTextAsync($"Juri {i + 1} {suffix} ditambahkan ke kelompok juri.");
        }
        await Axe.AssertNoSeriousViolationsAsync(panitia);

        // Automatic assignment: three jurors per proposal, so unit A's proposal is one juror short (the conflicted one).
        var desk = stageIds[0];
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{desk}/Penugasan");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Pratinjau penugasan otomatis" }).ClickAsync();
        var preview = panitia.GetByRole(AriaRole.Region, new() { Name = "Pratinjau" });
        await Expect(preview).ToContainTextAsync($"{s.Titles[0]}: 2 dari 3 juri");
        await Axe.AssertNoSeriousViolationsAsync(panitia);
        await preview.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi penugasan" }).ClickAsync();
        await Expect(Flash(panitia)).ToContainTextAsync("Penugasan dikonfirmasi: 8 ditambahkan");
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{desk}");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Buka penilaian" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Penilaian tahap dibuka.");

        // 2. Each juror declares, sees only their own queue and scores it. Juror 1 never sees unit A's proposal.
        var jurorPages = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            var juror = await NewPageAsync();
            jurorPages.Add(juror);
            await SignInAsync(juror, jurorAccounts[i]);
            await juror.GotoAsync("/Juri");
            await juror.GetByRole(AriaRole.Link, new() { Name = "Lengkapi deklarasi konflik kepentingan" }).ClickAsync();
            await Expect(juror.GetByRole(AriaRole.Heading, new() { Name = "Deklarasi konflik kepentingan", Level = 1 })).ToBeVisibleAsync();
            if (i == 0) await Expect(juror.Locator("main")).Not.ToContainTextAsync(s.Titles[0]);
            else await Expect(juror.Locator("main")).ToContainTextAsync(s.Titles[0]);
            await Axe.AssertNoSeriousViolationsAsync(juror);
            await juror.GetByLabel("Saya menyatakan tidak memiliki konflik kepentingan dengan proposal lain pada daftar ini.").CheckAsync();
            await juror.GetByRole(AriaRole.Button, new() { Name = "Simpan deklarasi" }).ClickAsync();
            await Expect(Flash(juror)).ToContainTextAsync("Deklarasi konflik kepentingan tersimpan.");

            await juror.GotoAsync("/Juri");
            var queue = juror.Locator($"#stage-{desk}").Locator("xpath=ancestor::section");
            var expected = i == 0 ? new[] { s.Titles[1], s.Titles[2] } : s.Titles;
            await Expect(queue.Locator("tbody tr")).ToHaveCountAsync(expected.Length);
            if (i == 0)
            {
                await Expect(juror.Locator("main")).Not.ToContainTextAsync(s.Titles[0]);
                // Typing the address of the conflicted proposal gives the same answer as a proposal that does not exist.
                var direct = await juror.GotoAsync($"/Juri/Nilai/{desk}/{s.ProposalIds[0]}");
                Assert.Equal((int)HttpStatusCode.NotFound, direct!.Status);
                await Expect(juror.Locator("body")).Not.ToContainTextAsync(s.Titles[0]);
                await juror.GotoAsync("/Juri");
            }
            await Axe.AssertNoSeriousViolationsAsync(juror);
            foreach (var title in expected)
            {
                var p = Array.IndexOf(s.Titles, title);
                await juror.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
                await Expect(juror.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
                var scores = juror.Locator("main input[type=number]");
                var criteria = await scores.CountAsync();
                Assert.Equal(6, criteria);
                for (var c = 0; c < criteria; c++) await scores.Nth(c).FillAsync(Scores[p].ToString(CultureInfo.InvariantCulture));
                var comments = juror.Locator("main textarea[name^='Comments[']");
                for (var c = 0; c < await comments.CountAsync(); c++) await comments.Nth(c).FillAsync(Comment(i, p, c));
                if (i == 1 && p == 0) await Axe.AssertNoSeriousViolationsAsync(juror);
                await juror.GetByRole(AriaRole.Button, new() { Name = "Kirim nilai" }).ClickAsync();
                await Expect(Flash(juror)).ToContainTextAsync($"Nilai untuk “{title}” terkirim.");
                await juror.GetByRole(AriaRole.Link, new() { Name = "Penilaian saya" }).First.ClickAsync();
            }
            await Expect(queue.Locator("[data-status='Submitted']")).ToHaveCountAsync(expected.Length);
        }

        // 3. Panitia ranks, sees the cut and freezes the desk review.
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{desk}");
        await Expect(panitia.Locator("main")).ToContainTextAsync("8 dari 8 lembar nilai dikirim.");
        var ranking = panitia.Locator("#peringkat");
        await Expect(ranking.Locator($"tr[data-proposal='{s.ProposalIds[0]}'] td").First).ToHaveTextAsync("1");
        await Expect(ranking.Locator($"tr[data-proposal='{s.ProposalIds[0]}']")).ToHaveClassAsync(new Regex("table-success"));
        await Expect(ranking.Locator($"tr[data-proposal='{s.ProposalIds[2]}']")).Not.ToHaveClassAsync(new Regex("table-success"));
        await Axe.AssertNoSeriousViolationsAsync(panitia);
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi & bekukan" }).ClickAsync();
        await Expect(Flash(panitia).First).ToHaveTextAsync("Tahap dibekukan; hasil tahap sudah dicatat.");

        // 4. A presentation slot for unit A in the next stage; the unit confirms it more than 24 hours ahead.
        var presentation = stageIds[1];
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{presentation}/Jadwal");
        var slotForm = panitia.Locator("form:has(#slot-proposal)");
        await slotForm.Locator("#slot-proposal").SelectOptionAsync(new SelectOptionValue { Label = $"{s.Titles[0]} – {s.Units[0].Name}" });
        await slotForm.Locator("#slot-start").FillAsync(s.SlotStartsWib.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await slotForm.Locator("#slot-url").FillAsync("https://meet.jatimprov.go.id/kovablik-presentasi");
        await slotForm.Locator("#slot-venue").FillAsync("Ruang Rapat Biro Organisasi, Lantai 2");
        await slotForm.GetByRole(AriaRole.Button, new() { Name = "Simpan jadwal" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Jadwal presentasi disimpan dan diberitahukan.");   // once: strict mode fails on a doubled notice
        await Expect(panitia.Locator("main")).ToContainTextAsync("https://meet.jatimprov.go.id/kovablik-presentasi");
        await Axe.AssertNoSeriousViolationsAsync(panitia);

        var unitA = await NewPageAsync();
        await SignInAsync(unitA, operatorA);
        await unitA.GotoAsync($"/Kelola/Proposal/{s.ProposalIds[0]}/Penjurian");
        var schedule = unitA.GetByRole(AriaRole.Region, new() { Name = "Jadwal presentasi dan visitasi" });
        await Expect(schedule).ToContainTextAsync("Ruang Rapat Biro Organisasi, Lantai 2");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi kehadiran" }).ClickAsync();
        await Expect(unitA.Locator("main")).ToContainTextAsync("Kehadiran presentasi dikonfirmasi.");
        await Expect(schedule).ToContainTextAsync("Dikonfirmasi");

        // The presentation panel is assigned and opened; a panel juror reaches the timer view from the queue.
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{presentation}/Penugasan");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Pratinjau penugasan otomatis" }).ClickAsync();
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi penugasan" }).ClickAsync();
        await Expect(Flash(panitia)).ToContainTextAsync("Penugasan dikonfirmasi");
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{presentation}");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Buka penilaian" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Penilaian tahap dibuka.");
        var panel = jurorPages[1];
        await panel.GotoAsync("/Juri");
        await panel.Locator($"#stage-{presentation}").Locator("xpath=ancestor::section")
            .Locator($"tr[data-proposal='{s.ProposalIds[0]}']").GetByRole(AriaRole.Link, new() { Name = "Tampilan pengatur waktu" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Presentasi dan wawancara", Level = 1 })).ToBeVisibleAsync();
        await Expect(panel.Locator("main")).ToContainTextAsync("Ruang Rapat Biro Organisasi, Lantai 2");
        await Axe.AssertNoSeriousViolationsAsync(panel);
        await jurorPages[0].GotoAsync("/Juri");
        await Expect(jurorPages[0].Locator("main")).Not.ToContainTextAsync(s.Titles[0]);
        await Expect(jurorPages[0].GetByRole(AriaRole.Link, new() { Name = "Tampilan pengatur waktu" })).ToHaveCountAsync(0);

        // 5. Results published as a full ranking; each unit reads its feedback without any juror's identity.
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{desk}/Hasil");
        await panitia.Locator("#pub-full").CheckAsync();
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Umumkan hasil" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Hasil tahap diumumkan; masa sanggah dibuka dan unit peserta diberi tahu.");

        var jurorIdentities = jurorAccounts.SelectMany(a => new[] { a.FullName, a.Email }).Concat(Enumerable.Range(1, 3).Select(n => $"Juri {n} {suffix}")).ToList();
        await unitA.ReloadAsync();
        var feedbackA = unitA.GetByRole(AriaRole.Region, new() { Name = "Hasil dan umpan balik juri" });
        await Expect(feedbackA).ToContainTextAsync(s.DeskStageName);
        await Expect(feedbackA).ToContainTextAsync(Comment(1, 0, 0));
        await Expect(feedbackA).ToContainTextAsync(Comment(2, 0, 0));
        await Expect(feedbackA).Not.ToContainTextAsync(Comment(1, 1, 0));   // another proposal's comments stay there
        await Axe.AssertNoSeriousViolationsAsync(unitA);
        var unitC = await NewPageAsync();
        await SignInAsync(unitC, operatorC);
        await unitC.GotoAsync($"/Kelola/Proposal/{s.ProposalIds[2]}/Penjurian");
        var feedbackC = unitC.GetByRole(AriaRole.Region, new() { Name = "Hasil dan umpan balik juri" });
        await Expect(feedbackC).ToContainTextAsync(Comment(0, 2, 0));
        await Expect(feedbackC.Locator("td").Filter(new() { HasText = "7–8" })).ToHaveCountAsync(0);   // a 6 sits in the 4–6 band
        await Expect(feedbackC).ToContainTextAsync("4–6");
        foreach (var page in new[] { unitA, unitC })
        {
            var text = await page.Locator("body").InnerTextAsync();
            foreach (var identity in jurorIdentities) Assert.DoesNotContain(identity, text, StringComparison.OrdinalIgnoreCase);
        }
        // Unit C cannot read unit A's feedback.
        var foreign = await unitC.GotoAsync($"/Kelola/Proposal/{s.ProposalIds[0]}/Penjurian");
        Assert.Equal((int)HttpStatusCode.NotFound, foreign!.Status);

        var publicResults = await NewPageAsync();
        await publicResults.GotoAsync($"/Kompetisi/{s.Slug}/Hasil");
        await Expect(publicResults.Locator("main")).ToContainTextAsync(s.Titles[0]);
        await Axe.AssertNoSeriousViolationsAsync(publicResults);
        var publicText = await publicResults.Locator("body").InnerTextAsync();
        foreach (var identity in jurorIdentities) Assert.DoesNotContain(identity, publicText, StringComparison.OrdinalIgnoreCase);

        // 6. A citizen verifies an email address and objects; Panitia answers and publishes the answer.
        var citizen = await NewPageAsync();
        var citizenEmail = $"warga-sanggah-{suffix}@contoh.id";
        await citizen.GotoAsync($"/Kompetisi/{s.Slug}/Sanggah");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Masuk dengan email untuk mengajukan sanggahan" }).ClickAsync();
        await citizen.GetByLabel("Email").FillAsync(citizenEmail);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
        await citizen.GetByLabel("Kode", new() { Exact = true }).FillAsync(App.VisitorCodeFor(citizenEmail));
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Verifikasi dan masuk" }).ClickAsync();
        await Expect(citizen).ToHaveURLAsync(new Regex($"/Kompetisi/{s.Slug}/Sanggah"));
        const string objection = "Inovasi ini sudah berjalan di kabupaten lain sejak 2019, mohon diperiksa keasliannya.";
        const string citizenName = "Siti Rahmawati";
        await citizen.GetByLabel("Hasil yang disanggah").SelectOptionAsync(new SelectOptionValue { Label = $"{s.Titles[0]} – {s.Units[0].Name}" });
        await citizen.GetByLabel("Nama Anda").FillAsync(citizenName);
        await citizen.GetByLabel("Isi sanggahan").FillAsync(objection);
        await Axe.AssertNoSeriousViolationsAsync(citizen);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Kirim sanggahan" }).ClickAsync();
        await Expect(Flash(citizen)).ToHaveTextAsync("Terima kasih. Sanggahan Anda sudah diterima dan akan ditinjau Panitia.");

        const string answer = "Panitia memeriksa dokumen: versi kabupaten lain adalah replikasi yang tercatat, bukan inovasi asal.";
        await panitia.GotoAsync($"/Panitia/Penjurian/Tahap/{desk}/Hasil");
        var item = panitia.Locator("article[id^='sanggahan-']").Filter(new() { HasText = objection });
        await item.GetByLabel("Ditolak").CheckAsync();
        await item.GetByLabel("Tanggapan Panitia").FillAsync(answer);
        await item.GetByRole(AriaRole.Button, new() { Name = "Simpan keputusan" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Keputusan sanggahan disimpan. Umumkan tanggapannya bila sudah final.");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Umumkan tanggapan" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Tanggapan sanggahan diumumkan dan pengirimnya diberi tahu.");
        await Axe.AssertNoSeriousViolationsAsync(panitia);

        await citizen.ReloadAsync();
        var responses = citizen.GetByRole(AriaRole.Region, new() { Name = "Sanggahan dan tanggapan Panitia" });
        await Expect(responses).ToContainTextAsync(answer);
        await Expect(responses).ToContainTextAsync(objection);
        await Expect(responses).Not.ToContainTextAsync(citizenName);

        // 7. Awards from the frozen ranking with the KOVABLIK default tiers.
        await panitia.GotoAsync($"/Panitia/Edisi/{s.EditionId}/Penghargaan");
        await panitia.GetByRole(AriaRole.Button, new() { Name = "Gunakan tingkat penghargaan bawaan KOVABLIK" }).ClickAsync();
        await Expect(Flash(panitia)).ToHaveTextAsync("Tingkat penghargaan bawaan ditambahkan.");
        await Axe.AssertNoSeriousViolationsAsync(panitia);
        await panitia.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tetapkan penghargaan") }).ClickAsync();
        await Expect(Flash(panitia)).ToContainTextAsync("penghargaan ditetapkan, sertifikat diterbitkan, dan unit diberi tahu.");
        var winners = await NewPageAsync();
        await winners.GotoAsync($"/Kompetisi/{s.Slug}/Pemenang");
        await Expect(winners.Locator("main")).ToContainTextAsync(s.InnovationNames[0]);
        await Axe.AssertNoSeriousViolationsAsync(winners);

        // 8. Unit A follows its notice, downloads the certificate and a stranger checks it through its QR code.
        await unitA.GotoAsync("/Notifikasi");
        await unitA.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Penghargaan {Regex.Escape(s.EditionName)}: ") }).First.ClickAsync();
        await Expect(unitA).ToHaveURLAsync(new Regex("/Sertifikat/[A-Za-z0-9-]+$"));
        var download = await unitA.RunAndWaitForDownloadAsync(() => unitA.GetByRole(AriaRole.Link, new() { Name = "Unduh PDF sertifikat" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync(), ct);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var scanned = PdfQrReader.Decode(pdf);
        Assert.NotNull(scanned);
        Assert.Matches(new Regex("/Sertifikat/[A-Za-z0-9-]+$"), scanned);
        Assert.EndsWith(new Uri(unitA.Url).AbsolutePath, scanned, StringComparison.Ordinal);

        var stranger = await NewPageAsync();
        await stranger.GotoAsync(new Uri(scanned).PathAndQuery);
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Sertifikat asli" })).ToBeVisibleAsync();
        await Expect(stranger.Locator("main")).ToContainTextAsync(s.InnovationNames[0]);
        await Expect(stranger.Locator("main")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        await Axe.AssertNoSeriousViolationsAsync(stranger);
    }

    private static string Comment(int juror, int proposal, int criterion) =>
        $"Catatan kriteria {criterion + 1} untuk proposal {(char)('A' + proposal)} dari penilai {juror + 1}.";

    private sealed record Scenario(int EditionId, string EditionName, string Slug, string DeskStageName, (string Code, string Name)[] Units,
        string[] Titles, string[] InnovationNames, int[] ProposalIds, DateTime SlotStartsWib);

    private async Task<List<int>> StageIdsAsync(int editionId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KovablikDbContext>();
        return await db.JudgingStages.Where(x => x.EditionId == editionId).OrderBy(x => x.Order).Select(x => x.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Three units in three different kabupaten/kota (so the affiliated juror conflicts with one proposal only), each
    /// with a published innovation and a proposal that passed administrative selection, in an edition whose desk
    /// review runs now and whose presentation stage starts in two days.
    /// </summary>
    private async Task<Scenario> PrepareAsync(string suffix)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<KovablikDbContext>();
        var organisations = sp.GetRequiredService<OrganisationService>();
        var now = DateTimeOffset.UtcNow;

        var edition = EditionDefaults.Create(now.Year, TimeProvider.System);
        edition.Name = $"KOVABLIK Uji Penjurian {suffix}";
        edition.Slug = $"kovablik-uji-penjurian-{suffix}";
        edition.Status = EditionStatus.Published;
        edition.RegistrationOpensAt = now.AddDays(-40);
        edition.RegistrationClosesAt = now.AddDays(-25);
        var windows = new Dictionary<string, (int From, int To)>
        {
            ["Seleksi Administrasi"] = (-20, -10),
            ["Penilaian Proposal"] = (-1, 7),
            ["Presentasi & Wawancara"] = (2, 14),
            ["Visitasi"] = (15, 25),
            ["Penetapan"] = (26, 30),
        };
        foreach (var stage in edition.Stages)
        {
            var (from, to) = windows[stage.Name];
            stage.StartsAt = now.AddDays(from);
            stage.EndsAt = now.AddDays(to);
        }
        db.Editions.Add(edition);
        await db.SaveChangesAsync(ct);

        string[] regions = ["35.78", "35.73", "35.07"];
        string[] themes = ["Jemput Bola Akta Kelahiran", "Puskesmas Tanpa Antre", "Sekolah Lapang Petani Muda"];
        var units = new (string Code, string Name)[3];
        var titles = new string[3];
        var names = new string[3];
        var ids = new int[3];
        var categoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        for (var i = 0; i < 3; i++)
        {
            var parent = await db.Organisations.SingleAsync(o => o.Code == regions[i], ct);
            units[i] = ($"UJI-JURI-{suffix}-{i}", $"UPT Layanan {(char)('A' + i)} {suffix}");
            var org = await organisations.CreateAsync(new OrganisationInput(units[i].Code, units[i].Name, OrganisationType.Upt, parent.Id), ct);
            Assert.True(org.Succeeded, string.Join("; ", org.Errors.Values.SelectMany(v => v)));
            names[i] = $"{themes[i]} {suffix}";
            var innovationId = await App.PublishedInnovationAsync(new InnovationInput
            {
                OrganisationId = org.Value!.Id,
                Name = names[i],
                ShortDescription = "Layanan yang mendekat ke warga.",
                Ringkasan = $"Ringkasan {themes[i]}.",
                StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3),
                CategoryIds = [categoryId],
            });
            titles[i] = $"Proposal {(char)('A' + i)} {themes[i]} {suffix}";
            var proposal = new Proposal
            {
                EditionId = edition.Id,
                GroupCode = "Umum",
                InnovationId = innovationId,
                OrganisationId = org.Value.Id,
                Title = titles[i],
                Status = ProposalStatus.Approved,
                Selection = SelectionOutcome.Passed,
                SubmittedAt = now.AddDays(-30 + i),
            };
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(ct);
            ids[i] = proposal.Id;
        }

        // Three days ahead at 09:00 WIB: inside the presentation stage and more than 24 hours away.
        var slot = now.ToOffset(TimeSpan.FromHours(7)).AddDays(3).Date.AddHours(9);
        return new Scenario(edition.Id, edition.Name, edition.Slug, "Penilaian Proposal", units, titles, names, ids, slot);
    }
}
