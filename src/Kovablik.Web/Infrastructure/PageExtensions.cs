using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web.Infrastructure;

public static class PageExtensions
{
    /// <summary>Puts domain errors next to their fields (prefix = the bound property, e.g. "Input").</summary>
    public static void AddErrors(this ModelStateDictionary state, IReadOnlyDictionary<string, string[]> errors, string prefix, IStringLocalizer l)
    {
        foreach (var (field, messages) in errors)
            foreach (var m in messages)
                state.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", l.Message(m));
    }

    public static string FormatDate(DateOnly? d) => d?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture) ?? "–";

    public static string FormatInstant(DateTimeOffset? t) =>
        t is null ? "–" : Kovablik.Platform.Wib.ToWib(t.Value).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture) + " WIB";

    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:N0} KB",
        _ => $"{bytes / (1024.0 * 1024):N1} MB",
    };
}
