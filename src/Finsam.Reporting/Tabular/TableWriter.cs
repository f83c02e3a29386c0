using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Finsam.Reporting.Tabular;

/// <summary>
/// Writes rows as CSV (UTF-8 with BOM, semicolon separated: what Swedish Excel opens directly) or as an Excel
/// sheet with typed cells. Text that a spreadsheet would take for a formula is neutralised.
/// </summary>
public static class TableWriter
{
    /// <summary>The content type of the workbooks <see cref="WriteExcel"/> writes.</summary>
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Amounts in kronor with öre: Excel's own format code, where "," is the digit grouping; Swedish Excel shows it as
    /// 1 234,50. (A literal space in the code would only be printed as a space in a fixed place, not group digits.)
    /// </summary>
    public const string AmountFormat = "#,##0.00";

    /// <summary>A value: string, int, decimal, DateOnly or null.</summary>
    public static byte[] WriteCsv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendJoin(';', headers.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(';', row.Select(v => Quote(AsText(v)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] WriteExcel(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<double>? columnWidths = null)
    {
        using var workbook = new XLWorkbook();
        WriteSheet(workbook.Worksheets.Add(sheetName), headers, rows, columnWidths);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Writes a table into a sheet: bold headers in <paramref name="headerRow"/> (frozen with the rows above), then the rows, numbers and dates as such.</summary>
    public static void WriteSheet(IXLWorksheet sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<double>? columnWidths = null, int headerRow = 1)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        for (var c = 0; c < headers.Count; c++)
        {
            var cell = sheet.Cell(headerRow, c + 1);
            cell.Value = headers[c];
            cell.DataType = XLDataType.Text;
            cell.Style.Font.Bold = true;
            sheet.Column(c + 1).Width = columnWidths is not null && c < columnWidths.Count ? columnWidths[c] : 16;
        }

        var r = headerRow + 1;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                SetCell(sheet.Cell(r, c + 1), row[c]);
            }

            r++;
        }

        sheet.SheetView.FreezeRows(headerRow);
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                break;
            case int number:
                cell.Value = number;
                break;
            case decimal amount:
                cell.Value = amount;
                cell.Style.NumberFormat.Format = AmountFormat;
                break;
            default:
                // Set as text explicitly: ClosedXML would otherwise guess the type (and a leading '=' is never a formula here).
                cell.SetValue(value.ToString() ?? "");
                cell.DataType = XLDataType.Text;
                break;
        }
    }

    private static string AsText(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal amount => amount.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
        _ => NeutraliseFormula(value.ToString() ?? ""),
    };

    /// <summary>Prefixes text starting with = + - @ (or a tab/CR) with an apostrophe, so a spreadsheet shows it as text.</summary>
    public static string NeutraliseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([';', '"', '\r', '\n', ',']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
