using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Kovablik.Platform;

namespace Kovablik.Organisations.Import;

/// <summary>
/// Reads an organisation import file (CSV or XLSX) into rows. Never throws for bad input: every problem
/// with the file itself becomes one Indonesian message the uploader can act on.
/// </summary>
public static class OrganisationImportParser
{
    public const int MaxRows = 50_000;
    public const int MaxBytes = 40 * 1024 * 1024;

    private static readonly Dictionary<string, Column> HeaderNames = new(StringComparer.Ordinal)
    {
        ["code"] = Column.Code,
        ["kode"] = Column.Code,
        ["name"] = Column.Name,
        ["nama"] = Column.Name,
        ["type"] = Column.Type,
        ["jenis"] = Column.Type,
        ["parent_code"] = Column.ParentCode,
        ["kode_induk"] = Column.ParentCode,
    };

    private enum Column
    {
        Code,
        Name,
        Type,
        ParentCode,
    }

    /// <summary>Reads the stream (up to <see cref="MaxBytes"/>) asynchronously, then parses it.</summary>
    public static async Task<OrganisationImportFile> ParseAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray(), fileName);
    }

    public static OrganisationImportFile Parse(byte[] content, string fileName)
    {
        if (content.Length > MaxBytes) return TooLarge();
        if (content.Length == 0) return OrganisationImportFile.Fail("Berkas kosong.");

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        // Content decides over the name: users rename files, and a .csv that is really a workbook should still work.
        if (IsZip(content)) return ParseXlsx(content);
        if (extension is ".xls" || IsOle(content))
            return OrganisationImportFile.Fail("Format Excel lama (.xls) tidak didukung. Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV UTF-8.");
        if (extension is ".xlsx" or ".xlsm")
            return OrganisationImportFile.Fail(XlsxUnreadable, "XLSX");

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return OrganisationImportFile.Fail(
                "Berkas bukan CSV UTF-8 maupun XLSX. Di Excel, simpan dengan pilihan \"CSV UTF-8 (Comma delimited)\" atau sebagai .xlsx.");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
            return OrganisationImportFile.Fail("Format berkas tidak dikenali. Unggah berkas CSV (UTF-8) atau Excel .xlsx.");
        return ParseCsv(text);
    }

    private const string XlsxUnreadable =
        "Berkas XLSX tidak dapat dibuka: berkas rusak, terkunci kata sandi, atau bukan berkas Excel .xlsx.";

    private static OrganisationImportFile TooLarge() =>
        OrganisationImportFile.Fail(Message.Format("Berkas terlalu besar (maksimal {0} MB).", MaxBytes / (1024 * 1024)));

    private static bool IsZip(byte[] b) => b.Length >= 4 && b[0] == 0x50 && b[1] == 0x4B && b[2] == 0x03 && b[3] == 0x04;

    private static bool IsOle(byte[] b) => b.Length >= 8 && b[0] == 0xD0 && b[1] == 0xCF && b[2] == 0x11 && b[3] == 0xE0;

    // ---------------------------------------------------------------- CSV (RFC 4180)

    internal static OrganisationImportFile ParseCsv(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text)) return OrganisationImportFile.Fail("Berkas kosong.", "CSV");

        var builder = new TableBuilder("CSV");
        OrganisationImportFile? stopped = null;
        var malformed = CsvText.Read(text, (number, fields) => (stopped = builder.Add(number, fields)) is null);
        if (stopped is not null) return stopped;
        if (malformed is not null) return OrganisationImportFile.Fail(malformed, "CSV");
        return builder.Finish();
    }

    // ---------------------------------------------------------------- XLSX

    private static OrganisationImportFile ParseXlsx(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        catch (Exception)
        {
            return OrganisationImportFile.Fail(XlsxUnreadable, "XLSX");
        }

        // Numbers are formatted with the workbook's number format; the invariant culture keeps "35.78"
        // a code with a dot whatever the server's locale is.
        var previousCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using (workbook)
            {
                var sheet = workbook.Worksheets.FirstOrDefault();
                var used = sheet?.RangeUsed();
                if (sheet is null || used is null) return OrganisationImportFile.Fail("Berkas kosong.", "XLSX");

                var firstRow = used.FirstRow().RowNumber();
                var lastRow = used.LastRow().RowNumber();
                var lastColumn = used.LastColumn().ColumnNumber();
                var builder = new TableBuilder("XLSX");
                for (var r = firstRow; r <= lastRow; r++)
                {
                    var values = new List<string>(lastColumn);
                    for (var c = 1; c <= lastColumn; c++) values.Add(CellText(sheet.Cell(r, c)));
                    if (builder.Add(r, values) is { } error) return error;
                }
                return builder.Finish();
            }
        }
        catch (Exception)
        {
            return OrganisationImportFile.Fail(XlsxUnreadable, "XLSX");
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    private static string CellText(IXLCell cell)
    {
        try
        {
            if (cell.IsEmpty()) return "";
            // A code typed as 35.10 is stored as the number 35.1; the formatted text is what the user sees and means.
            return cell.DataType == XLDataType.Number ? cell.GetFormattedString() : cell.GetString();
        }
        catch (Exception)
        {
            // Formulas ClosedXML cannot evaluate: fall back to the value Excel cached when it saved the file.
            return Convert.ToString(cell.CachedValue, CultureInfo.InvariantCulture) ?? "";
        }
    }

    // ---------------------------------------------------------------- shared

    /// <summary>Turns raw records into rows: finds the header, maps columns, skips blank rows, enforces the row limit.</summary>
    private sealed class TableBuilder(string format)
    {
        private Dictionary<Column, int>? _columns;
        private readonly List<OrganisationImportRow> _rows = [];

        public OrganisationImportFile? Add(int rowNumber, List<string> values)
        {
            if (values.TrueForAll(string.IsNullOrWhiteSpace)) return null;
            if (_columns is null) return ReadHeader(values);
            if (_rows.Count == MaxRows)
                return OrganisationImportFile.Fail(Message.Format("Berkas berisi lebih dari {0:N0} baris data. Pecah menjadi beberapa berkas.", MaxRows), format);
            _rows.Add(new OrganisationImportRow(rowNumber, Get(values, Column.Code), Get(values, Column.Name), Get(values, Column.Type), Get(values, Column.ParentCode)));
            return null;
        }

        public OrganisationImportFile Finish()
        {
            if (_columns is null) return OrganisationImportFile.Fail("Berkas kosong.", format);
            if (_rows.Count == 0) return OrganisationImportFile.Fail("Berkas hanya berisi judul kolom, tanpa baris data organisasi.", format);
            return OrganisationImportFile.Ok(_rows, format);
        }

        private OrganisationImportFile? ReadHeader(List<string> values)
        {
            var columns = new Dictionary<Column, int>();
            for (var i = 0; i < values.Count; i++)
            {
                var key = values[i].Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
                if (!HeaderNames.TryGetValue(key, out var column)) continue;
                if (!columns.TryAdd(column, i))
                    return OrganisationImportFile.Fail(Message.Format("Kolom \"{0}\" muncul lebih dari sekali pada baris judul.", values[i].Trim()), format);
            }
            var missing = Enum.GetValues<Column>().Where(c => !columns.ContainsKey(c)).Select(ColumnName).ToList();
            if (missing.Count > 0)
                return OrganisationImportFile.Fail(Message.Format("Kolom wajib tidak ditemukan: {0}. Baris pertama harus berisi judul kolom code,name,type,parent_code (atau kode,nama,jenis,kode_induk).", string.Join(", ", missing)), format);
            _columns = columns;
            return null;
        }

        private string Get(List<string> values, Column column)
        {
            var i = _columns![column];
            return i < values.Count ? values[i].Trim() : "";
        }

        private static string ColumnName(Column c) => c switch
        {
            Column.Code => "code",
            Column.Name => "name",
            Column.Type => "type",
            _ => "parent_code",
        };
    }
}
