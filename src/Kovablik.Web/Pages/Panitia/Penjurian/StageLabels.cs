using Kovablik.Competitions.Judging;

namespace Kovablik.Web.Pages.Panitia.Penjurian;

/// <summary>Indonesian labels (resource keys) of the judging stage enums.</summary>
public static class StageLabels
{
    public static string Display(JudgingStageKind k) => k switch
    {
        JudgingStageKind.Desk => "Penilaian proposal",
        JudgingStageKind.Presentation => "Presentasi & wawancara",
        JudgingStageKind.Visit => "Visitasi",
        _ => "Penetapan",
    };

    public static string Display(JudgingStageStatus s) => s switch
    {
        JudgingStageStatus.Setup => "Persiapan",
        JudgingStageStatus.Scoring => "Penilaian berjalan",
        _ => "Dibekukan",
    };

    public static string Display(StageMethod m) => m switch
    {
        StageMethod.NormalisedMean => "Rata-rata ternormalisasi",
        StageMethod.RawMean => "Rata-rata mentah",
        _ => "Rata-rata terpangkas",
    };

    public static string Display(ResultPublication p) => p == ResultPublication.PassedOnly ? "Hanya nama yang lolos" : "Peringkat lengkap";

    public static string Display(PlenaryAction a) => a switch
    {
        PlenaryAction.Pass => "Loloskan",
        PlenaryAction.Fail => "Tidak loloskan",
        _ => "Tetapkan nilai",
    };

    public static string Display(RankDecidedBy? by) => by switch
    {
        RankDecidedBy.Criterion => "Nilai seri, ditentukan oleh nilai kriteria:",
        RankDecidedBy.SubmissionTime => "Nilai seri, ditentukan oleh waktu pengajuan lebih awal",
        RankDecidedBy.ProposalId => "Nilai seri, ditentukan oleh nomor proposal",
        _ => "",
    };
}
