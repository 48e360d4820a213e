using System.Text;

namespace Kovablik.Platform;

/// <summary>
/// RFC 4180 reader shared by the CSV imports. Never throws for bad input: a malformed quote becomes one Indonesian
/// message (a <see cref="Message"/> string) naming the record it is in.
/// </summary>
public static class CsvText
{
    /// <summary>
    /// Calls <paramref name="onRecord"/> for each record (1-based number, fields); it returns false to stop early.
    /// Returns null, or the message for a malformed quote.
    /// </summary>
    public static string? Read(string text, Func<int, List<string>, bool> onRecord)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var delimiter = DetectDelimiter(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordNumber = 1;
        var inQuotes = false;
        var wasQuoted = false;
        var afterClosingQuote = false;
        var quoteStartRecord = 0;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
            afterClosingQuote = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
                continue;
            }

            if (c == delimiter)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                EndField();
                if (!onRecord(recordNumber, fields)) return null;
                fields = [];
                recordNumber++;
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (afterClosingQuote)
            {
                // Spaces after a closing quote are a common hand-editing slip and carry no data; anything else is ambiguous.
                if (!char.IsWhiteSpace(c))
                    return Message.Format("Tanda kutip (\") di baris {0} tidak valid: setelah kutip penutup harus ada pemisah kolom atau akhir baris.", recordNumber);
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                inQuotes = true;
                wasQuoted = true;
                quoteStartRecord = recordNumber;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
            return Message.Format("Tanda kutip (\") yang dibuka di baris {0} tidak pernah ditutup.", quoteStartRecord);
        if (field.Length > 0 || fields.Count > 0 || afterClosingQuote || wasQuoted)
        {
            EndField();
            onRecord(recordNumber, fields);
        }
        return null;
    }

    /// <summary>Excel in Indonesian (and most European) locales writes ';' because ',' is the decimal separator.</summary>
    public static char DetectDelimiter(string text)
    {
        var rest = text.TrimStart('\r', '\n');
        var end = rest.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? rest : rest[..end];
        if (header.Contains(',', StringComparison.Ordinal)) return ',';
        if (header.Contains(';', StringComparison.Ordinal)) return ';';
        if (header.Contains('\t', StringComparison.Ordinal)) return '\t';
        return ',';
    }
}
