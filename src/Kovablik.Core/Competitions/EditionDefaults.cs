using Kovablik.Organisations;

namespace Kovablik.Competitions;

/// <summary>
/// The starting point of a new edition. Source: issue 3 §1 ("Defaults come from the provincial form") and the
/// KIPP section sets in ../shared/domain.md §1c (Umum/Replikasi, Replikasi extras, Khusus). These are data, not
/// rules: organisers can edit every value afterwards (groups, sections, limits, documents, eligibility, timeline).
/// </summary>
public static class EditionDefaults
{
    public const long Megabyte = 1024 * 1024;
    public const string Pdf = "application/pdf";

    public static readonly IReadOnlyList<string> StageNames =
        ["Seleksi Administrasi", "Penilaian Proposal", "Presentasi & Wawancara", "Visitasi", "Penetapan"];

    public static readonly IReadOnlyList<string> ClusterNames = ["Perangkat Daerah Provinsi", "Kabupaten/Kota", "BUMD", "UPT"];

    /// <summary>A draft edition for the year, without dates (the organiser sets the timeline before publishing).</summary>
    public static Edition Create(int year, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var name = $"KOVABLIK {year}";
        return new Edition
        {
            Name = name,
            Year = year,
            Slug = EditionService.Slugify(name),
            Status = EditionStatus.Draft,
            Stages = StageNames.Select(n => new EditionStage { Name = n }).ToList(),
            Groups = [Umum(), Replikasi(), Khusus()],
            Clusters = ClusterNames.Select(n => new EditionCluster { Name = n }).ToList(),
            Eligibility = Eligibility(),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static EditionEligibility Eligibility() => new()
    {
        MinimumImplementationMonths = 12,
        AllowedOrganisationTypes = Enum.GetValues<OrganisationType>().Where(t => t != OrganisationType.Provinsi)
            .Select(t => new AllowedOrganisationType { Type = t }).ToList(),
        DefaultQuota = 3,
        QuotaOverrides = [new QuotaOverride { Type = OrganisationType.PerangkatDaerah, Quota = 5 }],
    };

    private static FormRule Rule(string key, string title, int words, bool required = true) =>
        new() { Key = key, Title = title, Required = required, WordLimit = words, Prompt = Prompts.GetValueOrDefault(key, "") };

    /// <summary>
    /// Guiding questions, our wording of what each KIPP aspect asks for (the criteria of PermenPANRB 30/2014 and the
    /// KIPP technical guideline in ../shared/domain.md §1); organisers may rewrite them per edition.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Prompts = new Dictionary<string, string>
    {
        ["Ringkasan"] = "Ringkaslah inovasi: masalah yang diatasi, apa yang dilakukan, dan hasil yang sudah dicapai.",
        ["LatarBelakang"] = "Jelaskan masalah pelayanan publik yang melatarbelakangi inovasi dan tujuan yang ingin dicapai.",
        ["Kebaruan"] = "Jelaskan apa yang baru atau berbeda dari inovasi ini dibandingkan cara pelayanan sebelumnya.",
        ["Implementasi"] = "Jelaskan bagaimana inovasi dijalankan: langkah, waktu, pelaksana, dan hasil implementasinya.",
        ["Signifikansi"] = "Jelaskan manfaat dan dampak inovasi bagi masyarakat dengan data sebelum dan sesudah.",
        ["Adaptabilitas"] = "Jelaskan apakah inovasi dapat atau telah ditiru oleh unit atau daerah lain, dan bagaimana caranya.",
        ["SumberDaya"] = "Jelaskan sumber daya manusia, anggaran, dan sarana yang digunakan untuk menjalankan inovasi.",
        ["StrategiKeberlanjutan"] = "Jelaskan strategi agar inovasi tetap berjalan: kebijakan, kelembagaan, dan pendanaan.",
        ["KontribusiSdg"] = "Jelaskan kontribusi inovasi terhadap tujuan SDG yang dipilih.",
        ["Kolaborasi"] = "Jelaskan pihak yang terlibat dalam inovasi dan peran masing-masing.",
        ["Inspirasi"] = "Jelaskan inovasi yang menjadi inspirasi replikasi ini dan asalnya.",
        ["ProsesReplikasi"] = "Jelaskan proses mereplikasi inovasi: tahapan dan penyesuaian yang dilakukan.",
        ["FaktorPembeda"] = "Jelaskan perbedaan inovasi replikasi ini dengan inovasi aslinya.",
        ["DeskripsiAwal"] = "Jelaskan inovasi awal yang pernah meraih penghargaan.",
        ["Pembaruan"] = "Jelaskan pembaruan atau peningkatan yang dilakukan sejak inovasi meraih penghargaan.",
        ["Dampak"] = "Jelaskan dampak inovasi setelah pembaruan, dengan data.",
        ["PenguatanSumberDaya"] = "Jelaskan penguatan sumber daya yang dilakukan untuk inovasi ini.",
        ["StrategiPenguatan"] = "Jelaskan strategi penguatan agar inovasi berkelanjutan.",
    };

    private static List<DocumentSlot> Documents() =>
    [
        new() { Key = "Proposal", Name = "Proposal (PDF)", AllowedTypes = Pdf, MaxBytes = 2 * Megabyte, Required = true },
        new() { Key = "SkInovator", Name = "SK penetapan inovator (PDF)", AllowedTypes = Pdf, MaxBytes = 1 * Megabyte, Required = true },
    ];

    /// <summary>
    /// Kelompok Umum: the KIPP narrative sections at 600 words, Ringkasan, SDG contribution and collaboration at 200.
    /// Open to innovations never given a top award and a finalist at most once (KIPP 2020–2021 rules, domain.md §1).
    /// </summary>
    public static EditionGroup Umum() => new()
    {
        Code = "Umum",
        Name = "Kelompok Umum",
        Sections = UmumSections(),
        Documents = Documents(),
        ForbidsTopAward = true,
        MaxFinalistAwards = 1,
    };

    private static List<FormRule> UmumSections() =>
    [
        Rule("Ringkasan", "Ringkasan", 200),
        Rule("LatarBelakang", "Latar Belakang dan Tujuan", 600),
        Rule("Kebaruan", "Kebaruan/Nilai Tambah", 600),
        Rule("Implementasi", "Implementasi Inovasi", 600),
        Rule("Signifikansi", "Signifikansi", 600),
        Rule("Adaptabilitas", "Adaptabilitas", 600),
        Rule("SumberDaya", "Sumber Daya", 600),
        Rule("StrategiKeberlanjutan", "Strategi Keberlanjutan", 600),
        Rule("KontribusiSdg", "Kontribusi terhadap SDGs", 200),
        Rule("Kolaborasi", "Kolaborasi", 200),
    ];

    /// <summary>Kelompok Replikasi: the Umum sections plus Inspirasi, Proses Replikasi (200) and Faktor Pembeda (100).</summary>
    public static EditionGroup Replikasi()
    {
        var sections = UmumSections();
        // The form gives no figure for Inspirasi; 200 like the other replication sections.
        sections.Insert(1, Rule("Inspirasi", "Inspirasi", 200));
        sections.Insert(2, Rule("ProsesReplikasi", "Proses Replikasi", 200));
        sections.Insert(3, Rule("FaktorPembeda", "Faktor Pembeda", 100));
        return new EditionGroup { Code = "Replikasi", Name = "Kelompok Replikasi", Sections = sections, Documents = Documents() };
    }

    /// <summary>Kelompok Khusus: earlier top winners developed further; Pembaruan and Adaptabilitas 200.</summary>
    public static EditionGroup Khusus() => new()
    {
        Code = "Khusus",
        Name = "Kelompok Khusus",
        RequiresTopAward = true,
        Sections =
        [
            Rule("Ringkasan", "Ringkasan", 200),
            Rule("DeskripsiAwal", "Deskripsi Inovasi Awal", 600),
            Rule("Pembaruan", "Pembaruan/Peningkatan Inovasi", 200),
            Rule("Dampak", "Dampak", 600),
            Rule("Adaptabilitas", "Adaptabilitas", 200),
            Rule("PenguatanSumberDaya", "Penguatan Sumber Daya", 600),
            Rule("StrategiPenguatan", "Strategi Penguatan Keberlanjutan", 600),
            Rule("KontribusiSdg", "Kontribusi terhadap SDGs", 200),
            Rule("Kolaborasi", "Kolaborasi", 200),
        ],
        Documents = Documents(),
    };
}
