using System.Globalization;

namespace Kovablik.Platform;

/// <summary>
/// Domain messages with arguments. Messages are Indonesian resource keys, so <c>$"Maksimal {n} lampiran."</c>
/// can never be translated; <c>Message.Format("Maksimal {0} lampiran.", n)</c> keeps the format key and the
/// arguments in one string that travels wherever a message goes (ErrorBag, Result, import reasons, job rows).
/// The web host localises it with <c>l.Message(m)</c>; the CLI and logs print <see cref="ToIndonesian"/>.
/// </summary>
/// <remarks>
/// Layout: <c>text US key (US tag value)*</c>, US = U+001F. <c>text</c> is the message already formatted in
/// Indonesian, so the string stays readable in logs, tests and anything that shows it raw. Tags: <c>s</c> text
/// (shown as is), <c>n</c> number (invariant digits, formatted later with the reader's culture, e.g. <c>{0:N0}</c>),
/// <c>k</c> a resource key that is localised too (<see cref="Key"/>). A message without arguments is the plain key.
/// </remarks>
public static class Message
{
    public const char Separator = '\u001F';

    /// <summary>Indonesian number formatting (1.234,5) without depending on the host's ICU data.</summary>
    private static readonly CultureInfo Indonesian = CreateIndonesian();

    /// <summary>The format key (Indonesian, with {0} placeholders) and its arguments, as one string.</summary>
    public static string Format(string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Contains(Separator, StringComparison.Ordinal)) throw new ArgumentException("A message key cannot contain U+001F.", nameof(key));
        if (args.Length == 0) return key;
        var encoded = args.Select(EncodeArgument).ToArray();
        var text = string.Format(Indonesian, key, encoded.Select(a => ForIndonesian(DecodeArgument(a))).ToArray());
        return text + Separator + key + string.Concat(encoded.Select(a => Separator + a));
    }

    /// <summary>An argument that is itself a resource key (a section title, a role name): localised with the message.</summary>
    public static MessageKey Key(string key) => new(key);

    /// <summary>The key and arguments of a message; a plain string is its own key, without arguments.</summary>
    public static (string Key, object?[] Args) Decode(string message)
    {
        if (!message.Contains(Separator, StringComparison.Ordinal)) return (message, []);
        var parts = message.Split(Separator);
        return (parts[1], parts.Skip(2).Select(DecodeArgument).ToArray());
    }

    /// <summary>The message in Indonesian (the CLI, logs, exceptions): no control characters.</summary>
    public static string ToIndonesian(string message)
    {
        var end = message.IndexOf(Separator, StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    private static string EncodeArgument(object? arg) => arg switch
    {
        null => "",
        MessageKey k => "k" + Clean(k.Key),
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            "n" + Convert.ToString(arg, CultureInfo.InvariantCulture),
        _ => "s" + Clean(Convert.ToString(arg, CultureInfo.InvariantCulture) ?? ""),
    };

    private static object? DecodeArgument(string arg)
    {
        if (arg.Length == 0) return null;
        var value = arg[1..];
        return arg[0] switch
        {
            'k' => new MessageKey(value),
            'n' when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            'n' when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) => f,
            _ => value,
        };
    }

    private static object? ForIndonesian(object? arg) => arg is MessageKey k ? k.Key : arg;

    private static string Clean(string s) => s.Replace(Separator, ' ');

    private static CultureInfo CreateIndonesian()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        return CultureInfo.ReadOnly(culture);
    }
}

/// <summary>A message argument that is a resource key; see <see cref="Message.Key"/>.</summary>
public readonly record struct MessageKey(string Key);
