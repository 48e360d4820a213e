using Kovablik.Competitions.Validation;
using Kovablik.Platform;

namespace Kovablik.Tests.Competitions.Validation;

public sealed class ProposalValidatorTests
{
    private const string Ringkasan =
        "SI INTAN adalah layanan antrean daring di Puskesmas Kecamatan Lawang. Warga mendaftar melalui WhatsApp atau " +
        "aplikasi, memperoleh nomor antrean dan perkiraan jam dilayani, sehingga waktu tunggu di puskesmas turun dari " +
        "rata-rata 3 jam menjadi 40 menit sejak Maret 2024.";

    private const string LatarBelakang =
        "Sebelum inovasi ini, pasien harus datang sejak subuh untuk mengambil nomor antrean di loket pendaftaran. Ruang " +
        "tunggu penuh sesak, terutama pada hari Senin, dan banyak lansia serta ibu yang membawa balita menunggu lebih dari " +
        "tiga jam. Survei kepuasan masyarakat tahun 2023 menempatkan waktu tunggu sebagai keluhan utama dengan nilai 61,4 " +
        "dari 100. Petugas juga kewalahan karena data kunjungan dicatat manual di buku register, sehingga laporan bulanan " +
        "sering terlambat dan rawan salah hitung.";

    private const string Implementasi =
        "Tim puskesmas bekerja sama dengan Dinas Kominfo membangun layanan pendaftaran berbasis WhatsApp dan formulir web " +
        "sederhana. Kader posyandu di setiap desa dilatih untuk membantu warga yang tidak memiliki telepon pintar. Pada " +
        "tahap awal layanan diuji di dua desa selama satu bulan, kemudian diperluas ke seluruh wilayah kerja puskesmas. " +
        "Setiap pagi petugas memantau dasbor antrean dan mengirim pengingat otomatis tiga puluh menit sebelum giliran pasien.";

    private const string OtherProposalText =
        "Layanan antar jemput akta kelahiran dilaksanakan oleh Dinas Kependudukan dan Pencatatan Sipil bersama bidan desa. " +
        "Setiap bayi yang lahir di puskesmas atau bidan praktik mandiri langsung didaftarkan, dan akta kelahiran diantar ke " +
        "rumah orang tua dalam tujuh hari kerja tanpa biaya. Survei kepuasan masyarakat tahun 2023 menempatkan waktu tunggu " +
        "sebagai keluhan utama di kantor dinas, sehingga layanan ini mengurangi kunjungan warga ke kantor.";

    private const long Megabyte = 1_048_576;

    // Registration closes at noon WIB on 31 March 2026: a midday cut-off, as the provincial calls use.
    private static readonly DateTimeOffset Close = new(2026, 3, 31, 12, 0, 0, TimeSpan.FromHours(7));

    private static ValidationRules Rules() => new()
    {
        GroupName = "Umum",
        Sections =
        [
            new SectionRule("ringkasan", "Ringkasan", true, 200),
            new SectionRule("latar", "Latar Belakang dan Tujuan", true, 600),
            new SectionRule("implementasi", "Implementasi Inovasi", true, 300),
            new SectionRule("catatan", "Catatan Tambahan", false, 100),
        ],
        Documents =
        [
            new DocumentSlotRule("proposal", "Proposal lengkap", true, ["application/pdf"], 2 * Megabyte),
            new DocumentSlotRule("sk", "SK Inovator", true, ["application/pdf"], 1 * Megabyte),
            new DocumentSlotRule("foto", "Foto kegiatan", false, ["image/jpeg", "image/png"], 2 * Megabyte),
        ],
        MinimumImplementationMonths = 12,
        RegistrationClosesAt = Close,
        PastAwards = new PastAwardRule(ForbidsTopAward: true, MaxFinalistAwards: 1),
        DefaultQuota = 3,
        QuotaByOrganisationType = new Dictionary<string, int> { ["OPD Provinsi"] = 5 },
    };

    private static ProposalDraft Draft() => new()
    {
        Title = "SI INTAN (Sistem Antrean Terpadu)",
        Sections = new Dictionary<string, string>
        {
            ["ringkasan"] = Ringkasan,
            ["latar"] = LatarBelakang,
            ["implementasi"] = Implementasi,
        },
        StartedOn = new DateOnly(2024, 3, 1),
        CategoryIds = [1],
        SdgIds = [3],
        Documents =
        [
            new AttachedDocument("proposal", "proposal.pdf", "application/pdf", 900_000),
            new AttachedDocument("sk", "sk.pdf", "application/pdf", 300_000),
        ],
        OrganisationId = Guid.Parse("6f1c2a9e-0000-4000-8000-000000000001"),
        OrganisationType = "Kabupaten",
    };

    private static ValidationContext Context() => new()
    {
        OtherTitles = [new KnownTitle("Layanan Antar Jemput Akta Kelahiran", "KOVABLIK 2026"), new KnownTitle("SI PINTAR", "KOVABLIK 2025")],
        OtherProposals = [new OtherProposal("Layanan Antar Jemput Akta Kelahiran", new Dictionary<string, string> { ["latar"] = OtherProposalText })],
        Prompts = new Dictionary<string, string>
        {
            ["ringkasan"] = "Tuliskan ringkasan inovasi yang mencakup masalah, solusi, dan hasil yang telah dicapai.",
            ["latar"] = "Jelaskan latar belakang permasalahan yang mendorong lahirnya inovasi serta tujuan yang ingin dicapai melalui inovasi tersebut.",
            ["implementasi"] = "Uraikan bagaimana inovasi diimplementasikan, siapa saja yang terlibat, dan tahapan pelaksanaannya sejak awal hingga saat ini.",
        },
        PastAwards = [new PastAward(2024, "KIPP", AwardTier.Finalist)],
        SubmittedByOrganisation = 1,
    };

    private static IReadOnlyList<ValidationFinding> Validate(ProposalDraft? draft = null, ValidationRules? rules = null, ValidationContext? context = null) =>
        ProposalValidator.Validate(draft ?? Draft(), rules ?? Rules(), context ?? Context());

    private static ValidationFinding Single(IReadOnlyList<ValidationFinding> findings, ReasonCode reason) =>
        Assert.Single(findings, f => f.Reason == reason);

    private static void None(IReadOnlyList<ValidationFinding> findings, ReasonCode reason) =>
        Assert.DoesNotContain(findings, f => f.Reason == reason);

    private static ProposalDraft WithSection(string key, string text)
    {
        var draft = Draft();
        return draft with { Sections = new Dictionary<string, string>(draft.Sections) { [key] = text } };
    }

    private static string Words(int count, string word = "kata") => string.Join(' ', Enumerable.Repeat(word, count));

    [Fact]
    public void A_complete_ordinary_proposal_has_no_findings() => Assert.Empty(Validate());

    [Fact]
    public void Findings_carry_the_short_code_and_severity()
    {
        var finding = Single(Validate(Draft() with { CategoryIds = [] }), ReasonCode.KategoriKosong);
        Assert.Equal("KATEGORI_KOSONG", finding.Code);
        Assert.Equal(Severity.Blocking, finding.Severity);
    }

    [Fact]
    public void Empty_title()
    {
        Single(Validate(Draft() with { Title = "  " }), ReasonCode.JudulKosong);
        None(Validate(), ReasonCode.JudulKosong);
    }

    [Theory]
    [InlineData("2025-03-31", true)]  // the anniversary itself: exactly 12 months
    [InlineData("2025-03-30", true)]
    [InlineData("2025-04-01", false)] // one day short
    [InlineData("2026-01-15", false)]
    [InlineData("2026-06-01", false)] // not started yet
    public void Implementation_age_counts_to_the_close_date_inclusive(string startedOn, bool eligible)
    {
        var findings = Validate(Draft() with { StartedOn = DateOnly.Parse(startedOn, System.Globalization.CultureInfo.InvariantCulture) });
        if (eligible) None(findings, ReasonCode.UsiaInovasi);
        else Assert.Equal(Severity.Blocking, Single(findings, ReasonCode.UsiaInovasi).Severity);
    }

    [Fact]
    public void Implementation_age_reads_the_close_date_in_WIB()
    {
        // 00:30 WIB on 31 March is still 30 March in UTC: read in UTC the unit would lose a day and be rejected.
        var rules = Rules() with { RegistrationClosesAt = new DateTimeOffset(2026, 3, 30, 17, 30, 0, TimeSpan.Zero) };
        Assert.Equal(new DateOnly(2026, 3, 31), ProposalValidator.CloseDate(rules));
        None(Validate(Draft() with { StartedOn = new DateOnly(2025, 3, 31) }, rules), ReasonCode.UsiaInovasi);
    }

    [Fact]
    public void Implementation_age_message_gives_months_run_and_required()
    {
        var finding = Single(Validate(Draft() with { StartedOn = new DateOnly(2025, 9, 30) }), ReasonCode.UsiaInovasi);
        Assert.Equal("Inovasi baru berjalan 6 bulan sampai penutupan pendaftaran; minimal 12 bulan.", Message.ToIndonesian(finding.Message));
        var (key, args) = Message.Decode(finding.Message);
        Assert.Equal("Inovasi baru berjalan {0} bulan sampai penutupan pendaftaran; minimal {1} bulan.", key);
        Assert.Equal(new object?[] { 6m, 12m }, args);
    }

    [Fact]
    public void Missing_start_date_is_an_age_finding() =>
        Single(Validate(Draft() with { StartedOn = null }), ReasonCode.UsiaInovasi);

    [Fact]
    public void A_leap_day_start_reaches_its_anniversary_on_28_February()
    {
        var rules = Rules() with { RegistrationClosesAt = new DateTimeOffset(2025, 2, 28, 12, 0, 0, TimeSpan.FromHours(7)) };
        None(Validate(Draft() with { StartedOn = new DateOnly(2024, 2, 29) }, rules), ReasonCode.UsiaInovasi);
    }

    [Fact]
    public void Organisation_type_not_admitted()
    {
        var rules = Rules() with { AllowedOrganisationTypes = ["OPD Provinsi", "BUMD"] };
        Single(Validate(Draft() with { OrganisationType = "Desa" }, rules), ReasonCode.JenisOrganisasiTidakBerhak);
        None(Validate(Draft() with { OrganisationType = "BUMD" }, rules), ReasonCode.JenisOrganisasiTidakBerhak);
        None(Validate(), ReasonCode.JenisOrganisasiTidakBerhak);
    }

    [Fact]
    public void Required_section_empty_or_only_markup()
    {
        var draft = WithSection("implementasi", "## \n\n- ");
        var finding = Single(Validate(draft), ReasonCode.BagianWajibKosong);
        Assert.Equal("implementasi", finding.SectionKey);
        Assert.Equal("Bagian Implementasi Inovasi wajib diisi.", Message.ToIndonesian(finding.Message));

        var missing = Draft() with { Sections = new Dictionary<string, string> { ["ringkasan"] = Ringkasan, ["latar"] = LatarBelakang } };
        Single(Validate(missing), ReasonCode.BagianWajibKosong);
        None(Validate(), ReasonCode.BagianWajibKosong); // the optional "catatan" is empty
    }

    [Fact]
    public void Over_the_word_limit()
    {
        var finding = Single(Validate(WithSection("ringkasan", Words(201))), ReasonCode.MelebihiBatasKata);
        Assert.Equal("ringkasan", finding.SectionKey);
        Assert.Equal("Bagian Ringkasan berisi 201 kata, melebihi batas 200 kata.", Message.ToIndonesian(finding.Message));
        None(Validate(WithSection("ringkasan", Words(200))), ReasonCode.MelebihiBatasKata);
        Single(Validate(WithSection("catatan", Words(101))), ReasonCode.MelebihiBatasKata);
    }

    [Fact]
    public void Required_document_missing()
    {
        var draft = Draft() with { Documents = [new AttachedDocument("proposal", "proposal.pdf", "application/pdf", 900_000)] };
        var finding = Single(Validate(draft), ReasonCode.DokumenWajibTidakAda);
        Assert.Equal("sk", finding.SectionKey);
        None(Validate(), ReasonCode.DokumenWajibTidakAda); // the optional photo slot is empty
    }

    [Fact]
    public void Document_of_the_wrong_type()
    {
        var draft = Draft() with
        {
            Documents = [new AttachedDocument("proposal", "proposal.pdf", "application/pdf", 900_000), new AttachedDocument("sk", "sk.jpg", "image/jpeg", 300_000)],
        };
        var finding = Single(Validate(draft), ReasonCode.DokumenJenisSalah);
        Assert.Equal("Berkas sk.jpg untuk dokumen SK Inovator bukan jenis yang diizinkan (PDF).", Message.ToIndonesian(finding.Message));
        var upper = Draft() with { Documents = [.. Draft().Documents, new AttachedDocument("foto", "a.PNG", "IMAGE/PNG", 10)] };
        None(Validate(upper), ReasonCode.DokumenJenisSalah);
    }

    [Fact]
    public void Document_too_large()
    {
        var draft = Draft() with
        {
            Documents = [new AttachedDocument("proposal", "proposal.pdf", "application/pdf", 900_000), new AttachedDocument("sk", "sk.pdf", "application/pdf", Megabyte + 1)],
        };
        var finding = Single(Validate(draft), ReasonCode.DokumenTerlaluBesar);
        Assert.Equal("Berkas sk.pdf berukuran 1,1 MB, melebihi batas 1 MB untuk dokumen SK Inovator.", Message.ToIndonesian(finding.Message));
        var exact = draft with { Documents = [draft.Documents[0], draft.Documents[1] with { Bytes = Megabyte }] };
        None(Validate(exact), ReasonCode.DokumenTerlaluBesar);
    }

    [Fact]
    public void No_category()
    {
        Single(Validate(Draft() with { CategoryIds = [] }), ReasonCode.KategoriKosong);
        None(Validate(), ReasonCode.KategoriKosong);
        None(Validate(Draft() with { CategoryIds = [] }, Rules() with { RequiresCategory = false }), ReasonCode.KategoriKosong);
    }

    [Fact]
    public void No_SDG()
    {
        Single(Validate(Draft() with { SdgIds = [] }), ReasonCode.SdgKosong);
        None(Validate(), ReasonCode.SdgKosong);
        None(Validate(Draft() with { SdgIds = [] }, Rules() with { RequiresSdg = false }), ReasonCode.SdgKosong);
    }

    [Fact]
    public void Past_top_winner_in_the_general_group()
    {
        var context = Context() with { PastAwards = [new PastAward(2023, "KIPP", AwardTier.Top)] };
        var finding = Single(Validate(context: context), ReasonCode.KelompokTidakSesuai);
        Assert.Equal("Inovasi ini pernah meraih penghargaan utama (KIPP 2023), sehingga tidak dapat mengikuti kelompok Umum.", Message.ToIndonesian(finding.Message));
        None(Validate(), ReasonCode.KelompokTidakSesuai); // a finalist once is still Umum
    }

    [Fact]
    public void Finalist_too_often_for_the_general_group()
    {
        var context = Context() with { PastAwards = [new PastAward(2022, "KIPP", AwardTier.Finalist), new PastAward(2024, "KIPP", AwardTier.Finalist)] };
        Single(Validate(context: context), ReasonCode.KelompokTidakSesuai);
    }

    [Fact]
    public void Special_group_needs_a_past_top_award()
    {
        var khusus = Rules() with { GroupName = "Khusus", PastAwards = new PastAwardRule(RequiresTopAward: true) };
        Single(Validate(rules: khusus), ReasonCode.KelompokTidakSesuai);
        None(Validate(rules: khusus, context: Context() with { PastAwards = [new PastAward(2021, "KOVABLIK", AwardTier.Top)] }), ReasonCode.KelompokTidakSesuai);
    }

    [Fact]
    public void Duplicate_title()
    {
        var context = Context() with { OtherTitles = [new KnownTitle("Inovasi Si-Intan: Sistem Antrean Terpadu", "KOVABLIK 2025")] };
        var finding = Single(Validate(context: context), ReasonCode.JudulGanda);
        Assert.Equal(Severity.Blocking, finding.Severity);
        Assert.Equal("KOVABLIK 2025", finding.Detail);
        None(Validate(context: context), ReasonCode.JudulMirip);
        None(Validate(), ReasonCode.JudulGanda);
    }

    [Fact]
    public void An_innovation_may_reenter_under_its_own_title()
    {
        var innovation = Guid.Parse("6f1c2a9e-0000-4000-8000-0000000000aa");
        var context = Context() with { OtherTitles = [new KnownTitle("SI INTAN (Sistem Antrean Terpadu)", "KOVABLIK 2024", innovation)] };
        None(Validate(Draft() with { InnovationId = innovation }, context: context), ReasonCode.JudulGanda);
        Single(Validate(Draft() with { InnovationId = Guid.NewGuid() }, context: context), ReasonCode.JudulGanda);
    }

    [Fact]
    public void Near_duplicate_title()
    {
        var context = Context() with { OtherTitles = [new KnownTitle("Si-Intan 2.0 (Sistem Antrean Terpadu)", "KOVABLIK 2025")] };
        var finding = Single(Validate(context: context), ReasonCode.JudulMirip);
        Assert.Equal(Severity.Warning, finding.Severity);
        None(Validate(context: context), ReasonCode.JudulGanda);
        None(Validate(), ReasonCode.JudulMirip); // "SI PINTAR" is another innovation
    }

    [Fact]
    public void Quota_full()
    {
        var finding = Single(Validate(context: Context() with { SubmittedByOrganisation = 3 }), ReasonCode.KuotaPenuh);
        Assert.Equal("Kuota organisasi untuk edisi ini 3 proposal dan sudah terpakai 3.", Message.ToIndonesian(finding.Message));
        None(Validate(context: Context() with { SubmittedByOrganisation = 2 }), ReasonCode.KuotaPenuh);
        Assert.Equal(1, ProposalValidator.QuotaLeft(Draft(), Rules(), Context() with { SubmittedByOrganisation = 2 }));
        Assert.Equal(0, ProposalValidator.QuotaLeft(Draft(), Rules(), Context() with { SubmittedByOrganisation = 4 }));
    }

    [Fact]
    public void Quota_per_organisation_type()
    {
        var provincial = Draft() with { OrganisationType = "OPD Provinsi" };
        var context = Context() with { SubmittedByOrganisation = 3 };
        None(Validate(provincial, context: context), ReasonCode.KuotaPenuh);
        Assert.Equal(2, ProposalValidator.QuotaLeft(provincial, Rules(), context));
        Assert.Equal("Sisa kuota: 2 dari 5 proposal.", Message.ToIndonesian(ProposalValidator.QuotaMessage(provincial, Rules(), context)));
    }

    [Fact]
    public void Blocking_only_skips_the_filler_warnings_and_keeps_every_blocking_rule()
    {
        var draft = WithSection("ringkasan", "Layanan antrean daring di puskesmas.") with { Title = "" };
        var full = ProposalValidator.Validate(draft, Rules(), Context());
        var bulk = ProposalValidator.Validate(draft, Rules(), Context(), blockingOnly: true);
        Assert.Contains(full, f => f.Reason == ReasonCode.IsianTerlaluPendek);
        None(bulk, ReasonCode.IsianTerlaluPendek);
        Assert.Equal(full.Where(f => f.Severity == Severity.Blocking).Select(f => f.Reason), bulk.Where(f => f.Severity == Severity.Blocking).Select(f => f.Reason));
        Single(bulk, ReasonCode.JudulKosong);
    }

    [Fact]
    public void Very_short_answer()
    {
        var finding = Single(Validate(WithSection("ringkasan", "Layanan antrean daring di puskesmas.")), ReasonCode.IsianTerlaluPendek);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("Bagian Ringkasan hanya berisi 5 kata; isian yang memadai minimal 20 kata.", Message.ToIndonesian(finding.Message));
        None(Validate(), ReasonCode.IsianTerlaluPendek);
    }

    [Fact]
    public void Very_short_is_ten_percent_of_a_long_limit()
    {
        var words = IndonesianWordCounter.Words(LatarBelakang);
        Single(Validate(WithSection("latar", string.Join(' ', words.Take(59)))), ReasonCode.IsianTerlaluPendek);
        None(Validate(WithSection("latar", string.Join(' ', words.Take(60)))), ReasonCode.IsianTerlaluPendek);
    }

    [Fact]
    public void Optional_section_may_be_short() =>
        None(Validate(WithSection("catatan", "Tidak ada.")), ReasonCode.IsianTerlaluPendek);

    [Fact]
    public void Answer_repeating_another_section()
    {
        var draft = WithSection("implementasi", LatarBelakang + " Inovasi ini dijalankan oleh puskesmas.");
        var finding = Single(Validate(draft), ReasonCode.IsianMengulangBagianLain);
        Assert.Equal("implementasi", finding.SectionKey);
        Assert.Equal("latar", finding.Detail);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A_summary_quoting_a_sentence_is_not_a_repeat()
    {
        var summary = Ringkasan + " Survei kepuasan masyarakat tahun 2023 menempatkan waktu tunggu sebagai keluhan utama.";
        None(Validate(WithSection("ringkasan", summary)), ReasonCode.IsianMengulangBagianLain);
    }

    [Fact]
    public void Answer_copying_the_prompt()
    {
        var prompt = Context().Prompts["latar"];
        var draft = WithSection("latar", prompt + " Inovasi ini penting bagi masyarakat.");
        var finding = Single(Validate(draft), ReasonCode.IsianMenyalinPertanyaan);
        Assert.Equal("latar", finding.SectionKey);
    }

    [Fact]
    public void Answer_echoing_a_phrase_of_the_prompt_is_not_copying_it()
    {
        var answer = "Latar belakang permasalahan yang mendorong lahirnya inovasi adalah antrean panjang. " + LatarBelakang;
        None(Validate(WithSection("latar", answer)), ReasonCode.IsianMenyalinPertanyaan);
    }

    [Fact]
    public void Answer_reusing_another_proposal_verbatim()
    {
        var copied = string.Join(' ', IndonesianWordCounter.Words(OtherProposalText).Take(30));
        var finding = Single(Validate(WithSection("implementasi", Implementasi + " " + copied)), ReasonCode.IsianMenyalinProposalLain);
        Assert.Equal("Bagian Implementasi Inovasi memuat 30 kata berturut-turut yang sama dengan proposal lain.", Message.ToIndonesian(finding.Message));
        Assert.Equal("Layanan Antar Jemput Akta Kelahiran", finding.Detail);
        Assert.DoesNotContain("Akta", Message.ToIndonesian(finding.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_stock_phrase_is_not_verbatim_reuse()
    {
        // The baseline already shares a 12-word sentence with the other proposal; 29 words are still under the run.
        var shared = string.Join(' ', IndonesianWordCounter.Words(OtherProposalText).Take(29));
        None(Validate(WithSection("implementasi", Implementasi + " " + shared)), ReasonCode.IsianMenyalinProposalLain);
    }

    [Fact]
    public void A_link_that_failed_its_check_is_a_warning_and_a_checked_or_unchecked_one_is_not()
    {
        var draft = Draft() with
        {
            Links = [new AttachedLink("https://contoh.go.id/mati", "Unreachable"), new AttachedLink("https://youtu.be/pribadi", "NotPublic"),
                new AttachedLink("https://contoh.go.id/hidup", "Ok"), new AttachedLink("https://contoh.go.id/baru", "Unchecked")],
        };
        var findings = Validate(draft).Where(f => f.Reason == ReasonCode.TautanTidakDapatDiakses).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Message.Contains("https://contoh.go.id/mati", StringComparison.Ordinal) && f.Detail == "Unreachable");
        Assert.Contains(findings, f => f.Detail == "NotPublic");
        None(Validate(), ReasonCode.TautanTidakDapatDiakses);
    }

    [Fact]
    public void Reason_codes_are_unique_and_classified()
    {
        var all = Enum.GetValues<ReasonCode>();
        Assert.Equal(all.Length, all.Select(ReasonCodes.Code).Distinct().Count());
        Assert.All(all, r => Assert.Equal(r, ReasonCodes.FromCode(ReasonCodes.Code(r))));
        Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(ReasonCodes.Display(r))));
        Assert.Equal(
            [ReasonCode.JudulMirip, ReasonCode.IsianTerlaluPendek, ReasonCode.IsianMengulangBagianLain, ReasonCode.IsianMenyalinPertanyaan, ReasonCode.IsianMenyalinProposalLain, ReasonCode.TautanTidakDapatDiakses],
            all.Where(r => ReasonCodes.SeverityOf(r) == Severity.Warning));
        Assert.Null(ReasonCodes.FromCode("TIDAK_ADA"));
    }
}
