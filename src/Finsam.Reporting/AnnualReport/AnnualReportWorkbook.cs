using ClosedXML.Excel;
using Finsam.Reporting.Tabular;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The auditors' appendices: one workbook with a sheet per table of the report and a sheet of the checks. Numbers
/// are numbers (kronor with öre, counts, shares), totals and differences are formulas over the cells above so they
/// can be recomputed, header rows are frozen and columns have set widths (AdjustToContents needs GDI+).
/// </summary>
public static class AnnualReportWorkbook
{
    public const string AmountFormat = "#,##0.00";
    public const string CountFormat = "#,##0";
    public const string ShareFormat = "0.0%";
    public const string PreciseShareFormat = "0.00%";
    public const string ChecksSheet = "Kontroller";

    /// <summary>The first row of a table's body: row 1 is the title, row 2 the column headers.</summary>
    public const int FirstDataRow = 3;

    /// <param name="model">The report.</param>
    /// <param name="pdfSha256">The SHA-256 of the PDF archived with this workbook (printed on the identity sheet); null for a draft.</param>
    public static byte[] Build(AnnualReportModel model, string? pdfSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        WorkbookIdentity.Write(workbook.Worksheets.Add(SheetName(WorkbookIdentity.SheetName, used)), model, pdfSha256);
        foreach (var table in model.Tables)
        {
            WriteTable(workbook.Worksheets.Add(SheetName(table.Key, used)), table);
        }

        WriteChecks(workbook.Worksheets.Add(SheetName(ChecksSheet, used)), model);
        workbook.Properties.Title = $"{model.Title} – bilagor till revisionen";
        workbook.Properties.Company = model.FederationName;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A unique sheet name of at most 31 characters without the characters Excel forbids.</summary>
    public static string SheetName(string key, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(used);
        var clean = new string(key.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '-' : c).ToArray()).Trim();
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return name;
    }

    private static void WriteTable(IXLWorksheet sheet, ReportTable table)
    {
        sheet.Cell(1, 1).SetValue(table.Title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 12;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var header = sheet.Cell(2, c + 1);
            header.SetValue(table.Columns[c].Header);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF5");
            header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            sheet.Column(c + 1).Width = table.Columns[c].Width;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var excelRow = FirstDataRow + r;
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var cell = sheet.Cell(excelRow, c + 1);
                var value = c < row.Cells.Count ? row.Cells[c] : ReportCell.Empty;
                if (column.Difference is { } d && value.Number is not null)
                {
                    cell.FormulaA1 = $"{Letter(d.Minuend)}{excelRow}-{Letter(d.Subtrahend)}{excelRow}";
                }
                else if (row.SumOf is { Count: > 0 } sumOf && value.Number is not null)
                {
                    cell.FormulaA1 = "SUM(" + string.Join(",", sumOf.Select(i => $"{Letter(c)}{FirstDataRow + i}")) + ")";
                }
                else if (value.Number is { } number)
                {
                    cell.SetValue(number);
                }
                else if (value.Text is { } text)
                {
                    cell.SetValue(TableWriter.NeutraliseFormula(text));
                }

                if (value.Number is not null)
                {
                    cell.Style.NumberFormat.Format = column.Kind switch
                    {
                        CellKind.Amount => AmountFormat,
                        CellKind.Share => column.ShareDecimals > 1 ? PreciseShareFormat : ShareFormat,
                        _ => CountFormat,
                    };
                }

                if (row.Style is RowStyle.Sum or RowStyle.Heading)
                {
                    cell.Style.Font.Bold = true;
                }

                if (row.Style == RowStyle.Sum)
                {
                    cell.Style.Border.TopBorder = XLBorderStyleValues.Thin;
                }
            }
        }

        if (table.Note is { } note)
        {
            sheet.Cell(FirstDataRow + table.Rows.Count + 1, 1).SetValue(note);
        }

        sheet.SheetView.FreezeRows(2);
    }

    private static void WriteChecks(IXLWorksheet sheet, AnnualReportModel model)
    {
        string[] headers = ["Kontroll", "Utfall", "Väntat (kr)", "Faktiskt (kr)", "Skillnad (kr)", "Förklaring"];
        double[] widths = [60, 14, 18, 18, 16, 80];
        sheet.Cell(1, 1).SetValue($"Kontroller {model.Year}: {model.Checks.Count(c => c.Passed)} av {model.Checks.Count} stämmer");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(2, c + 1).SetValue(headers[c]);
            sheet.Cell(2, c + 1).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = widths[c];
        }

        for (var i = 0; i < model.Checks.Count; i++)
        {
            var check = model.Checks[i];
            var r = FirstDataRow + i;
            sheet.Cell(r, 1).SetValue(check.Name);
            sheet.Cell(r, 2).SetValue(check.Passed ? "Stämmer" : "Stämmer inte");
            sheet.Cell(r, 3).SetValue(check.Expected);
            sheet.Cell(r, 4).SetValue(check.Actual);
            sheet.Cell(r, 5).FormulaA1 = $"D{r}-C{r}";
            sheet.Cell(r, 6).SetValue(check.Explanation);
            foreach (var c in new[] { 3, 4, 5 })
            {
                sheet.Cell(r, c).Style.NumberFormat.Format = AmountFormat;
            }

            if (!check.Passed)
            {
                sheet.Row(r).Style.Font.FontColor = XLColor.FromHtml("#A4161A");
                sheet.Row(r).Style.Font.Bold = true;
            }
        }

        sheet.SheetView.FreezeRows(2);
    }

    /// <summary>The column letter of a zero-based column index.</summary>
    public static string Letter(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
