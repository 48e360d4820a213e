namespace Kovablik.Competitions.Judging;

/// <summary>A judging stage of an edition; a stage without a rubric is a decision, not scored.</summary>
public sealed record JudgingStageTemplate(string Name, Rubric? Rubric)
{
    public bool IsScored => Rubric is not null;
}

/// <summary>
/// Starting rubrics and stages for a new edition. These are data: Panitia edits every title, weight and range per
/// edition. Sources (../shared/domain.md §1):
/// <list type="bullet">
/// <item>§1c: the KIPP proposal sections are Kebaruan, Implementasi, Signifikansi, Adaptabilitas, Sumber Daya and
/// Strategi Keberlanjutan; the statutory innovation criteria (PermenPANRB 30/2014, UNPSA-adapted KIPP guideline) are
/// new, effective, beneficial, replicable and sustainable.</item>
/// <item>§1c: KIPP weights per section were not found; the suggested neutral default is "the evaluator's 1–10 score
/// per section summed and normalised to 100". Our choice from that: each criterion is scored 1–10, the five
/// statutory criteria weigh 18 each and Sumber Daya (a section, but not a statutory criterion) weighs 10, so the
/// weights sum to 100 and the total is on 0–100, the scale of the 2025 passing grade of 85.</item>
/// <item>§1d/§1g: after the desk review KOVABLIK curates through presentation, interview and visitation, and the TPI
/// decides; there is no published rubric for those, so those two rubrics are our sensible defaults.</item>
/// </list>
/// </summary>
public static class JudgingDefaults
{
    public const string PenilaianProposal = "Penilaian Proposal";
    public const string PresentasiWawancara = "Presentasi & Wawancara";
    public const string Visitasi = "Visitasi";
    public const string Penetapan = "Penetapan";

    /// <summary>The KIPP passing grade of 2025 (≥ 85 on 0–100), a starting point for the proposal cut.</summary>
    public const double PassingGrade = 85;

    /// <summary>Jurors per proposal in the desk review: enough for a trimmed mean (drop highest and lowest).</summary>
    public const int JurorsPerProposal = 3;

    public static IReadOnlyList<JudgingStageTemplate> Stages() =>
    [
        new(PenilaianProposal, ProposalRubric()),
        new(PresentasiWawancara, PresentationRubric()),
        new(Visitasi, VisitRubric()),
        new(Penetapan, null),
    ];

    /// <summary>Bands for a 1–10 criterion, wording ours, shared by the default rubrics.</summary>
    private static LevelDescriptor[] Levels(string low, string fair, string good, string excellent) =>
    [
        new(1, 3, low),
        new(4, 6, fair),
        new(7, 8, good),
        new(9, 10, excellent),
    ];

    /// <summary>Desk review of the proposal (Kelompok Umum and Replikasi section set, domain.md §1c).</summary>
    public static Rubric ProposalRubric() => new(
    [
        new Criterion("Kebaruan", "Kebaruan / Nilai Tambah", 18, 1, 10, Levels(
            "Tidak tampak hal baru dibanding cara pelayanan sebelumnya.",
            "Ada modifikasi, tetapi nilai tambahnya kurang jelas.",
            "Baru dalam konteks daerah, dengan nilai tambah yang jelas.",
            "Terobosan yang jelas berbeda dan bernilai tambah tinggi.")),
        new Criterion("Implementasi", "Implementasi / Efektivitas", 18, 1, 10, Levels(
            "Belum berjalan atau baru rencana.",
            "Berjalan sebagian, bukti pelaksanaan terbatas.",
            "Berjalan penuh dengan bukti pelaksanaan.",
            "Berjalan penuh, efektif, dan terukur secara konsisten.")),
        new Criterion("Signifikansi", "Signifikansi / Dampak", 18, 1, 10, Levels(
            "Manfaat tidak ditunjukkan dengan data.",
            "Manfaat ada, data sebelum dan sesudah belum lengkap.",
            "Dampak nyata dengan data sebelum dan sesudah.",
            "Dampak besar dan luas, didukung data yang kuat.")),
        new Criterion("Adaptabilitas", "Adaptabilitas / Replikabilitas", 18, 1, 10, Levels(
            "Sulit ditiru unit atau daerah lain.",
            "Dapat ditiru dengan penyesuaian besar.",
            "Mudah ditiru; ada panduan atau minat replikasi.",
            "Sudah direplikasi oleh unit atau daerah lain.")),
        new Criterion("SumberDaya", "Sumber Daya", 10, 1, 10, Levels(
            "Sumber daya tidak jelas.",
            "Sumber daya ada, tetapi belum memadai.",
            "Sumber daya memadai dan efisien.",
            "Sumber daya efisien dan melibatkan mitra.")),
        new Criterion("Keberlanjutan", "Strategi Keberlanjutan", 18, 1, 10, Levels(
            "Tidak ada strategi keberlanjutan.",
            "Strategi ada, tetapi belum didukung kebijakan atau anggaran.",
            "Didukung kebijakan dan anggaran.",
            "Terlembaga (regulasi, anggaran rutin, SDM) dan terbukti bertahan.")),
    ]);

    /// <summary>Presentation and interview of the shortlisted proposals (default 7 + 13 minutes, issue 4 §5).</summary>
    public static Rubric PresentationRubric() => new(
    [
        new Criterion("PenguasaanMateri", "Penguasaan Materi", 25, 1, 10, Levels(
            "Penyaji tidak menguasai inovasinya.",
            "Menguasai sebagian, banyak bergantung pada catatan.",
            "Menguasai inovasi dan datanya.",
            "Menguasai sepenuhnya, termasuk kendala dan rencana.")),
        new Criterion("Penyampaian", "Kejelasan Penyampaian", 15, 1, 10, Levels(
            "Tidak runtut dan melebihi waktu.",
            "Cukup runtut, pesan utama kurang tajam.",
            "Runtut, jelas, dan tepat waktu.",
            "Sangat jelas, meyakinkan, dan tepat waktu.")),
        new Criterion("Jawaban", "Kualitas Jawaban Wawancara", 30, 1, 10, Levels(
            "Jawaban tidak menjawab pertanyaan.",
            "Menjawab sebagian tanpa bukti.",
            "Menjawab dengan bukti.",
            "Menjawab tuntas dengan bukti dan refleksi.")),
        new Criterion("BuktiDampak", "Bukti Dampak", 30, 1, 10, Levels(
            "Tidak ada bukti dampak.",
            "Bukti dampak lemah atau anekdotal.",
            "Bukti dampak terukur.",
            "Bukti dampak terukur dan diverifikasi pihak lain.")),
    ]);

    /// <summary>Field visit (visitasi): verification that what the proposal claims is what runs on the ground.</summary>
    public static Rubric VisitRubric() => new(
    [
        new Criterion("Kesesuaian", "Kesesuaian dengan Proposal", 35, 1, 10, Levels(
            "Kondisi lapangan tidak sesuai proposal.",
            "Sesuai sebagian.",
            "Sebagian besar sesuai.",
            "Sepenuhnya sesuai dan terdokumentasi.")),
        new Criterion("BuktiLapangan", "Bukti Implementasi di Lapangan", 30, 1, 10, Levels(
            "Layanan tidak berjalan saat kunjungan.",
            "Berjalan dengan kendala besar.",
            "Berjalan lancar.",
            "Berjalan lancar dan menjadi rutinitas unit.")),
        new Criterion("Penerima", "Manfaat bagi Penerima Layanan", 25, 1, 10, Levels(
            "Penerima layanan tidak merasakan manfaat.",
            "Manfaat dirasakan sebagian penerima.",
            "Manfaat dirasakan dan diakui penerima.",
            "Manfaat besar, dibuktikan survei atau testimoni.")),
        new Criterion("Kesiapan", "Kesiapan Keberlanjutan", 10, 1, 10, Levels(
            "Bergantung pada satu orang.",
            "Ada tim, belum ada dukungan kebijakan.",
            "Ada tim dan dukungan kebijakan.",
            "Terlembaga dan siap direplikasi.")),
    ]);
}
