namespace Kovablik.Feedback;

/// <summary>Indonesian labels (resource keys) of the feedback enums.</summary>
public static class FeedbackLabels
{
    public static string Display(CommentKind kind) => kind switch
    {
        CommentKind.Question => "Pertanyaan",
        _ => "Komentar",
    };

    public static string Display(CommentStatus status) => status switch
    {
        CommentStatus.Held => "Menunggu moderasi",
        CommentStatus.Hidden => "Disembunyikan",
        _ => "Tampil",
    };

    public static string Display(ModerationReason reason) => reason switch
    {
        ModerationReason.Spam => "Spam atau iklan",
        ModerationReason.Profanity => "Kata kasar",
        ModerationReason.Harassment => "Menghina atau melecehkan",
        ModerationReason.PersonalData => "Membuka data pribadi",
        ModerationReason.OffTopic => "Tidak berkaitan dengan inovasi",
        ModerationReason.Misinformation => "Informasi menyesatkan",
        _ => "Lainnya",
    };

    public static string Display(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "Disetujui",
        ModerationAction.Hide => "Disembunyikan moderator",
        _ => "Disembunyikan otomatis karena laporan",
    };

    public static string Display(FilterSignal signal) => signal switch
    {
        FilterSignal.Profanity => "Kata kasar",
        FilterSignal.SpamPhrase => "Frasa spam",
        FilterSignal.ManyLinks => "Banyak tautan",
        FilterSignal.Link => "Tautan",
        FilterSignal.Shouting => "Huruf kapital semua",
        _ => "Karakter berulang",
    };

    public static readonly IReadOnlyList<ModerationReason> Reasons =
    [
        ModerationReason.Spam, ModerationReason.Profanity, ModerationReason.Harassment, ModerationReason.PersonalData,
        ModerationReason.OffTopic, ModerationReason.Misinformation, ModerationReason.Other,
    ];
}
