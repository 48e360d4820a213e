namespace Kovablik.Competitions.Judging;

/// <summary>Refusals every judging service gives in the same words (they are also the localisation keys).</summary>
public static class JudgingMessages
{
    public const string Frozen = "Tahap ini sudah dibekukan; nilai tidak dapat diubah lagi.";
    public const string Stale = "Data ini baru saja diubah orang lain. Muat ulang halaman, lalu ulangi perubahan Anda.";
}
