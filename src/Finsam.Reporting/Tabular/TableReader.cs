using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Finsam.Reporting.Tabular;

/// <summary>
/// Reads uploaded CSV (UTF-8, semicolon or comma separated, RFC 4180 quoting) and Excel (.xlsx, first sheet)
/// files into a <see cref="Table"/> of text cells. Refuses what it cannot read with a Swedish message.
/// </summary>
public static class TableReader
{
    public const int MaxRows = 200_000;
    public const int MaxLineLength = 10_000;
    public const int MaxColumns = 100;

    public static Table Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ReadCsv(stream),
            ".xlsx" => ReadExcel(stream),
            _ => throw new TableFormatException("Filen ska vara CSV (.csv) eller Excel (.xlsx)."),
        };
    }

    public static Table ReadCsv(Stream stream)
    {
        string text;
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            throw new TableFormatException("Filen är inte sparad som UTF-8. Spara den som \"CSV UTF-8\" och försök igen.", ex);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new TableFormatException("Filen är inte en textfil.");
        }

        var records = ParseCsv(text);
        if (records.Count == 0)
        {
            throw new TableFormatException("Filen är tom.");
        }

        var (headerLine, headers) = records[0];
        if (headers.Count > MaxColumns)
        {
            throw new TableFormatException($"Rad {headerLine}: fler än {MaxColumns} kolumner.");
        }

        var rows = records.Skip(1).Select(r => new TableRow(r.Line, r.Cells)).Where(r => !r.IsEmpty).ToList();
        return new Table(headers, rows);
    }

    private static List<(int Line, List<string> Cells)> ParseCsv(string text)
    {
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var delimiter = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';

        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var lineLength = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (++lineLength > MaxLineLength)
            {
                throw new TableFormatException($"Rad {recordLine}: raden är längre än {MaxLineLength} tecken.");
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells));
                if (records.Count > MaxRows + 1)
                {
                    throw new TableFormatException($"Filen har fler än {MaxRows} rader. Dela upp den.");
                }

                cells = [];
                line++;
                recordLine = line;
                lineLength = 0;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new TableFormatException($"Rad {recordLine}: ett citattecken (\") avslutas aldrig.");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }

        return records;
    }

    public static Table ReadExcel(Stream stream)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(stream);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new TableFormatException("Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).", ex);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault() ?? throw new TableFormatException("Arbetsboken har inget blad.");
            var used = sheet.RangeUsed();
            if (used is null)
            {
                throw new TableFormatException("Filen är tom.");
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            var lastRow = used.LastRow().RowNumber();
            if (lastColumn > MaxColumns)
            {
                throw new TableFormatException($"Bladet har fler än {MaxColumns} kolumner.");
            }

            if (lastRow > MaxRows + 1)
            {
                throw new TableFormatException($"Filen har fler än {MaxRows} rader. Dela upp den.");
            }

            var firstRow = used.FirstRow().RowNumber();
            var headers = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(firstRow, c))).ToList();
            var rows = new List<TableRow>();
            for (var r = firstRow + 1; r <= lastRow; r++)
            {
                var row = new TableRow(r, Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(r, c))).ToList());
                if (!row.IsEmpty)
                {
                    rows.Add(row);
                }
            }

            return new Table(headers, rows);
        }
    }

    /// <summary>A cell as text: dates as yyyy-MM-dd, whole numbers without decimals, formulas by their cached value.</summary>
    private static string CellText(IXLCell cell)
    {
        try
        {
            return cell.DataType switch
            {
                XLDataType.DateTime => DateOnly.FromDateTime(cell.GetDateTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                XLDataType.Number => cell.GetDouble().ToString(cell.GetDouble() % 1 == 0 ? "0" : "0.############", CultureInfo.InvariantCulture),
                XLDataType.Boolean => cell.GetBoolean() ? "Ja" : "Nej",
                _ => cell.GetString(),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException)
        {
            throw new TableFormatException($"Rad {cell.Address.RowNumber}, kolumn {cell.Address.ColumnLetter}: cellen kunde inte läsas.", ex);
        }
    }
}
