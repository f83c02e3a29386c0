using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;

namespace Finsam.Reporting.Tabular;

/// <summary>
/// Reads uploaded CSV (UTF-8 with or without BOM, or Windows-1252; semicolon or comma separated, RFC 4180 quoting) and Excel (.xlsx, first sheet)
/// files into a <see cref="Table"/> of text cells. Refuses what it cannot read with a Swedish message. The content
/// must match the extension: a CSV file is UTF-8 or Windows-1252 text (not UTF-16, not a zip or other binary file); an Excel file
/// is a zip package whose unpacked size is bounded before ClosedXML reads it (no zip bombs).
/// </summary>
public static class TableReader
{
    public const int MaxRows = 200_000;
    public const int MaxLineLength = 10_000;
    public const int MaxColumns = 100;

    /// <summary>The most an .xlsx file may unpack to. A real enrolment workbook unpacks to a few megabytes.</summary>
    public const long MaxUnpackedExcelBytes = 50 * 1024 * 1024;

    /// <summary>The most parts an .xlsx package may have.</summary>
    public const int MaxExcelParts = 1_000;

    /// <summary>
    /// The most cells an .xlsx sheet may have, counted in its XML before ClosedXML loads it (loading costs about
    /// 25 µs and 500 bytes a cell: 1,9 million cells took 45 s and 950 MB). 50 000 rows of the enrolment format fit;
    /// bigger files are read as CSV, which streams.
    /// </summary>
    public const int MaxExcelCells = 1_000_000;

    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 (the code-page provider is part of .NET; no global registration needed).</summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

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
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(ZipMagic))
        {
            throw new TableFormatException("Filen är en Excel- eller zip-fil, inte en CSV-fil. Ladda upp Excel-filer med ändelsen .xlsx.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new TableFormatException("Filen är sparad som UTF-16 (\"Unicode-text\"). Spara den som \"CSV UTF-8\" och försök igen.");
        }

        if (bytes.Contains((byte)0))
        {
            throw new TableFormatException("Filen är inte en textfil. Spara den som \"CSV UTF-8\" och försök igen.");
        }

        var (text, encoding) = Decode(bytes);
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
        return new Table(headers, rows) { Encoding = encoding };
    }

    /// <summary>
    /// The text of a CSV file and the name of its encoding: UTF-8 (with or without BOM) when the bytes decode strictly
    /// as UTF-8, else Windows-1252, Swedish Excel's default for "CSV (semikolonavgränsad)". Every byte sequence decodes
    /// as Windows-1252, so binary files are refused before (NUL bytes, UTF-16 BOM, zip).
    /// </summary>
    private static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            try
            {
                return (StrictUtf8.GetString(bytes[3..]), "UTF-8 med BOM");
            }
            catch (DecoderFallbackException ex)
            {
                throw new TableFormatException("Filen börjar som UTF-8 men innehåller tecken som inte är UTF-8. Spara den som \"CSV UTF-8\" och försök igen.", ex);
            }
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.GetString(bytes), "Windows-1252");
        }
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
        ArgumentNullException.ThrowIfNull(stream);
        using var package = new MemoryStream();
        stream.CopyTo(package);
        CheckExcelPackage(package);
        package.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(package);
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

    /// <summary>
    /// Refuses what is not a zip package, and a package with too many parts or that unpacks to more than
    /// <see cref="MaxUnpackedExcelBytes"/>. The parts are actually unpacked and counted: the sizes a zip file
    /// declares may lie.
    /// </summary>
    private static void CheckExcelPackage(MemoryStream package)
    {
        const string notExcel = "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).";
        if (!package.GetBuffer().AsSpan(0, (int)package.Length).StartsWith(ZipMagic))
        {
            throw new TableFormatException(notExcel);
        }

        package.Position = 0;
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxExcelParts)
            {
                throw new TableFormatException($"Excel-filen har fler än {MaxExcelParts} delar och läses inte.");
            }

            var budget = MaxUnpackedExcelBytes;
            var chunk = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > budget)
                {
                    throw TooBig();
                }

                using var part = entry.Open();
                if (IsWorksheet(entry))
                {
                    budget -= CountCells(part, budget);
                    continue;
                }

                int read;
                while ((read = part.Read(chunk, 0, chunk.Length)) > 0)
                {
                    budget -= read;
                    if (budget < 0)
                    {
                        throw TooBig();
                    }
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new TableFormatException(notExcel, ex);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new TableFormatException(notExcel, ex);
        }

        static TableFormatException TooBig() => new(
            $"Excel-filen packas upp till mer än {MaxUnpackedExcelBytes / (1024 * 1024)} MB och läses inte. Dela upp den eller spara den som CSV.");
    }

    private static bool IsWorksheet(ZipArchiveEntry entry) =>
        entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a sheet's XML as a stream, counting its rows and cells (no DTD, no entities), and refuses it beyond
    /// <see cref="MaxRows"/> or <see cref="MaxExcelCells"/>, or beyond the bytes left of the unpacking budget.
    /// </summary>
    /// <returns>The bytes the part unpacked to.</returns>
    private static long CountCells(Stream part, long budget)
    {
        using var counted = new BoundedStream(part, budget);
        using var xml = System.Xml.XmlReader.Create(counted, new System.Xml.XmlReaderSettings
        {
            DtdProcessing = System.Xml.DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        });
        long rows = 0, cells = 0;
        while (xml.Read())
        {
            if (xml.NodeType != System.Xml.XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "row" && ++rows > MaxRows + 1)
            {
                throw new TableFormatException($"Filen har fler än {MaxRows} rader. Dela upp den.");
            }

            if (xml.LocalName == "c" && ++cells > MaxExcelCells)
            {
                throw new TableFormatException(
                    $"Excel-bladet har fler än {MaxExcelCells / 1_000_000} miljon celler och läses inte. Spara det som CSV (semikolonavgränsad) och läs in den i stället.");
            }
        }

        return counted.BytesRead;
    }

    /// <summary>A read-only stream that counts what it reads and refuses to read more than its limit (the unpacking budget).</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            if (BytesRead > limit)
            {
                throw new TableFormatException(
                    $"Excel-filen packas upp till mer än {MaxUnpackedExcelBytes / (1024 * 1024)} MB och läses inte. Dela upp den eller spara den som CSV.");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
