using System.Globalization;
using Kovablik.Competitions;
using Kovablik.Platform;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Pages.Kompetisi;

/// <summary>How edition dates are shown: the full day and time in WIB, so a midday cut-off cannot be misread.</summary>
public static class EditionDisplay
{
    /// <summary>"Selasa, 30 Juni 2026 pukul 12.00 WIB" (English: "Tuesday, 30 June 2026 at 12:00 WIB").</summary>
    public static string Instant(DateTimeOffset? utc, IStringLocalizer l)
    {
        if (utc is null) return l["belum ditentukan"];
        var culture = CultureInfo.CurrentCulture;
        var wib = Wib.ToWib(utc.Value);
        var day = wib.ToString("dddd, d MMMM yyyy", culture);
        var time = wib.ToString(culture.TwoLetterISOLanguageName == "id" ? "HH.mm" : "HH:mm", CultureInfo.InvariantCulture);
        return string.Format(culture, l["{0} pukul {1} WIB"], day, time);
    }

    public static string Status(EditionStatus status) => status switch
    {
        EditionStatus.Draft => "Draf",
        EditionStatus.Published => "Dipublikasikan",
        EditionStatus.Closed => "Ditutup",
        _ => status.ToString(),
    };

    public static string Size(long bytes) => Infrastructure.PageExtensions.FormatSize(bytes);

    /// <summary>"application/pdf" → "PDF" for people; other types as they are.</summary>
    public static string Types(DocumentSlot slot) =>
        string.Join(", ", slot.AllowedTypeList.Select(t => t == "application/pdf" ? "PDF" : t));
}
