namespace Kovablik.Competitions.Validation;

/// <summary>
/// Every check of the pre-submit validator. The same codes are the reason codes of administrative selection
/// (Seleksi Administrasi), so a unit sees before submitting exactly what the secretariat would reject it for.
/// </summary>
public enum ReasonCode
{
    JudulKosong,
    UsiaInovasi,
    JenisOrganisasiTidakBerhak,
    BagianWajibKosong,
    MelebihiBatasKata,
    DokumenWajibTidakAda,
    DokumenJenisSalah,
    DokumenTerlaluBesar,
    KategoriKosong,
    SdgKosong,
    KelompokTidakSesuai,
    JudulGanda,
    JudulMirip,
    KuotaPenuh,
    IsianTerlaluPendek,
    IsianMengulangBagianLain,
    IsianMenyalinPertanyaan,
    IsianMenyalinProposalLain,
    TautanTidakDapatDiakses,
}

public enum Severity
{
    /// <summary>Fails administrative selection: the proposal cannot be submitted until it is fixed.</summary>
    Blocking,

    /// <summary>Shown to the unit and to Panitia, who decide; the proposal can still be submitted.</summary>
    Warning,
}

public static class ReasonCodes
{
    /// <summary>The short code people quote in an announcement or a help-desk chat (stable; never renumbered).</summary>
    public static string Code(ReasonCode reason) => reason switch
    {
        ReasonCode.JudulKosong => "JUDUL_KOSONG",
        ReasonCode.UsiaInovasi => "USIA_INOVASI",
        ReasonCode.JenisOrganisasiTidakBerhak => "JENIS_ORGANISASI_TIDAK_BERHAK",
        ReasonCode.BagianWajibKosong => "BAGIAN_WAJIB_KOSONG",
        ReasonCode.MelebihiBatasKata => "MELEBIHI_BATAS_KATA",
        ReasonCode.DokumenWajibTidakAda => "DOKUMEN_WAJIB_TIDAK_ADA",
        ReasonCode.DokumenJenisSalah => "DOKUMEN_JENIS_SALAH",
        ReasonCode.DokumenTerlaluBesar => "DOKUMEN_TERLALU_BESAR",
        ReasonCode.KategoriKosong => "KATEGORI_KOSONG",
        ReasonCode.SdgKosong => "SDG_KOSONG",
        ReasonCode.KelompokTidakSesuai => "KELOMPOK_TIDAK_SESUAI",
        ReasonCode.JudulGanda => "JUDUL_GANDA",
        ReasonCode.JudulMirip => "JUDUL_MIRIP",
        ReasonCode.KuotaPenuh => "KUOTA_PENUH",
        ReasonCode.IsianTerlaluPendek => "ISIAN_TERLALU_PENDEK",
        ReasonCode.IsianMengulangBagianLain => "ISIAN_MENGULANG_BAGIAN_LAIN",
        ReasonCode.IsianMenyalinPertanyaan => "ISIAN_MENYALIN_PERTANYAAN",
        ReasonCode.IsianMenyalinProposalLain => "ISIAN_MENYALIN_PROPOSAL_LAIN",
        ReasonCode.TautanTidakDapatDiakses => "TAUTAN_TIDAK_DAPAT_DIAKSES",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static ReasonCode? FromCode(string code) =>
        Enum.GetValues<ReasonCode>().Cast<ReasonCode?>().FirstOrDefault(r => Code(r!.Value) == code);

    /// <summary>
    /// Filler flags, a similar (not identical) title and a link that failed its check are judgement calls: text-similarity heuristics have false
    /// positives, so they warn and Panitia decides. Everything else is a plain fact the secretariat rejects on.
    /// </summary>
    public static Severity SeverityOf(ReasonCode reason) => reason switch
    {
        ReasonCode.JudulMirip
            or ReasonCode.IsianTerlaluPendek
            or ReasonCode.IsianMengulangBagianLain
            or ReasonCode.IsianMenyalinPertanyaan
            or ReasonCode.IsianMenyalinProposalLain
            or ReasonCode.TautanTidakDapatDiakses => Severity.Warning,
        _ => Severity.Blocking,
    };

    /// <summary>The checklist label (an Indonesian resource key) Panitia ticks in administrative selection.</summary>
    public static string Display(ReasonCode reason) => reason switch
    {
        ReasonCode.JudulKosong => "Judul inovasi belum diisi",
        ReasonCode.UsiaInovasi => "Usia implementasi inovasi kurang dari batas minimal",
        ReasonCode.JenisOrganisasiTidakBerhak => "Jenis organisasi tidak berhak mengikuti edisi ini",
        ReasonCode.BagianWajibKosong => "Bagian wajib belum diisi",
        ReasonCode.MelebihiBatasKata => "Isian melebihi batas kata",
        ReasonCode.DokumenWajibTidakAda => "Dokumen wajib belum diunggah",
        ReasonCode.DokumenJenisSalah => "Jenis berkas dokumen tidak sesuai",
        ReasonCode.DokumenTerlaluBesar => "Ukuran berkas dokumen melebihi batas",
        ReasonCode.KategoriKosong => "Kategori belum dipilih",
        ReasonCode.SdgKosong => "Tujuan SDG belum dipilih",
        ReasonCode.KelompokTidakSesuai => "Kelompok tidak sesuai dengan riwayat penghargaan",
        ReasonCode.JudulGanda => "Judul sama dengan proposal lain",
        ReasonCode.JudulMirip => "Judul mirip dengan proposal lain",
        ReasonCode.KuotaPenuh => "Kuota proposal organisasi sudah penuh",
        ReasonCode.IsianTerlaluPendek => "Isian terlalu pendek",
        ReasonCode.IsianMengulangBagianLain => "Isian mengulang bagian lain",
        ReasonCode.IsianMenyalinPertanyaan => "Isian menyalin teks pertanyaan",
        ReasonCode.IsianMenyalinProposalLain => "Isian menyalin proposal lain",
        ReasonCode.TautanTidakDapatDiakses => "Tautan bukti tidak dapat diakses atau tidak publik",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
