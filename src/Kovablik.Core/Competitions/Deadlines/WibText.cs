using Kovablik.Platform;

namespace Kovablik.Competitions.Deadlines;

/// <summary>
/// Instants as Indonesian text in WIB ("Senin, 30 Maret 2026 pukul 12.00 WIB") for stored announcements and emails,
/// which are Indonesian whatever the reader's UI language; names are spelled out so the host's ICU data does not matter.
/// </summary>
public static class WibText
{
    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Format(DateTimeOffset? utc)
    {
        if (utc is null) return "belum ditentukan";
        var w = Wib.ToWib(utc.Value);
        return $"{Days[(int)w.DayOfWeek]}, {w.Day} {Months[w.Month - 1]} {w.Year} pukul {w.Hour:00}.{w.Minute:00} WIB";
    }
}
