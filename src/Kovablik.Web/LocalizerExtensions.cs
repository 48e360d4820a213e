using Kovablik.Platform;
using Microsoft.Extensions.Localization;

namespace Kovablik.Web;

public static class LocalizerExtensions
{
    /// <summary>
    /// Localises a domain message from Core: a plain Indonesian key, or a key with arguments made by
    /// <see cref="Platform.Message.Format"/>. Arguments are formatted with the request culture (<c>{0:N0}</c> → 1.234 / 1,234);
    /// <see cref="Platform.Message.Key"/> arguments are localised too.
    /// </summary>
    public static string Message(this IStringLocalizer l, string message)
    {
        var (key, args) = Platform.Message.Decode(message);
        if (args.Length == 0) return l[key].Value;
        var values = args.Select(a => a is MessageKey k ? l[k.Key].Value : a ?? "").ToArray();
        try
        {
            return l[key, values].Value;
        }
        catch (FormatException)
        {
            // A translation with a broken placeholder must not turn an error message into an error page.
            return Platform.Message.ToIndonesian(message);
        }
    }
}
