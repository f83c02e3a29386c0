using System.Globalization;
using ClosedXML.Excel;
using Finsam.Domain.Economy.Statements;
using Finsam.Reporting.Tabular;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The auditors' workbook: a sheet per table of the report, the year's saldobalans, and the checks, so that every
/// figure of the report can be traced to the accounts and recomputed. In order:
/// <list type="number">
/// <item><c>Innehåll</c>: every sheet with what it holds and a link to it (listed from the workbook itself, so a sheet
/// added through <see cref="Appendix"/> is listed too);</item>
/// <item><c>Om arbetsboken</c>: which report it belongs to (<see cref="WorkbookIdentity"/>);</item>
/// <item>one sheet per table of the report, numbers as numbers (kronor with öre, counts, shares), every sum a
/// <c>SUM</c> over its rows and every difference column a formula; in the resultaträkning, balansräkning and
/// kassaflödesanalys every line is <c>SUMIFS</c> over the saldobalans by the mapped line (last year's column over last
/// year's saldobalans), and a note's row per account refers to the account's row in the saldobalans;</item>
/// <item><c>Saldobalans</c>: account, name, mapped line, opening balance, the year's movement and closing balance;
/// <c>Saldobalans ÅÅÅÅ</c>: the same for last year, when its figures are in Finsam (its own ledger, or the previous-year
/// figures of this year's file); without it last year's columns are values, and the sheets say so;</item>
/// <item>appendices (the seam for e.g. a voucher list);</item>
/// <item><c>Kontroller</c>: the report's checks and the statements recomputed from the saldobalans, each with the
/// expected and actual amounts as formulas over the other sheets where it can, the difference and
/// "Stämmer"/"Stämmer inte" as formulas.</item>
/// </list>
/// Formulas are saved with their computed values, so a viewer that does not recalculate shows them. Every sheet is set up
/// to print one page wide with its title and header rows repeated. Column widths are set (AdjustToContents needs GDI+).
/// </summary>
public static class AnnualReportWorkbook
{
    public const string AmountFormat = "#,##0.00";
    public const string CountFormat = "#,##0";
    public const string ShareFormat = "0.0%";
    public const string PreciseShareFormat = "0.00%";
    /// <summary>A difference of percentages, in procentenheter.</summary>
    public const string PointsFormat = "0.0\" procentenheter\"";
    public const string IndexSheet = "Innehåll";
    public const string TrialBalanceSheet = "Saldobalans";
    public const string ChecksSheet = "Kontroller";
    public const string Agrees = "Stämmer";
    public const string Disagrees = "Stämmer inte";

    /// <summary>The first row of a table's body: row 1 is the title, row 2 the column headers.</summary>
    public const int FirstDataRow = 3;

    /// <summary>The saldobalans's columns (1-based): konto, namn, rad, ingående balans, årets förändring, utgående balans.</summary>
    public static class TrialBalanceColumns
    {
        public const int Account = 1;
        public const int Name = 2;
        public const int Line = 3;
        public const int Opening = 4;
        public const int Period = 5;
        public const int Closing = 6;
    }

    /// <summary>The heading of the checks that recompute the statements from the saldobalans (on <see cref="ChecksSheet"/>).</summary>
    public const string TrialBalanceChecksHeading = "Räkenskaperna ur saldobalansen";

    /// <summary>
    /// A sheet added to the workbook besides the report's tables (placed after the saldobalans, before the checks, and
    /// listed in the index): its name (at most 31 characters), what it holds, and how it is written. Rows 1–2 are
    /// its title and headers, which print on every page.
    /// </summary>
    public sealed record Appendix(string Name, string Description, Action<IXLWorksheet> Write);

    /// <param name="model">The report.</param>
    /// <param name="trialBalance">The year's saldobalans; the resultaträkning and balansräkning are formulas over it. Null: values only.</param>
    /// <param name="pdfSha256">The SHA-256 of the PDF archived with this workbook (printed on the identity sheet); null for a draft.</param>
    /// <param name="appendices">Further sheets, e.g. the voucher list.</param>
    /// <param name="previousTrialBalance">Last year's saldobalans, which last year's columns are formulas over. Null: last year's columns are values.</param>
    public static byte[] Build(AnnualReportModel model, TrialBalance? trialBalance = null, string? pdfSha256 = null, IReadOnlyList<Appendix>? appendices = null,
        TrialBalance? previousTrialBalance = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var workbook = new XLWorkbook();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        IXLWorksheet Add(string key, string description)
        {
            var sheet = workbook.Worksheets.Add(SheetName(key, used));
            descriptions[sheet.Name] = description;
            return sheet;
        }

        var index = Add(IndexSheet, "Den här förteckningen: varje blad, vad det innehåller och en länk dit.");
        var identity = Add(WorkbookIdentity.SheetName,
            "Vilken årsredovisning arbetsboken hör till: förbund, organisationsnummer, år, utkast eller fastställd, styrelsens beslut och PDF-filens SHA-256.");
        WorkbookIdentity.Write(identity, model, pdfSha256);
        PrintSetup(identity, wide: true);

        var tables = model.Tables.ToList();
        var sheets = tables.ToDictionary(t => t, t => Add(t.Key, Describe(t, trialBalance is not null, trialBalance is not null && previousTrialBalance is not null)));
        var layout = new Layout(tables.ToDictionary(t => t.Key, t => (sheets[t].Name, t), StringComparer.Ordinal));
        if (trialBalance is not null)
        {
            layout.TrialBalance = WriteTrialBalance(Add(TrialBalanceSheet,
                "Saldobalans: konto, namn, rad i resultat- eller balansräkningen, ingående balans, årets förändring och utgående balans, ur bokföringen."),
                TrialBalanceSheet, trialBalance);
            if (previousTrialBalance is not null)
            {
                var name = PreviousTrialBalanceSheet(model.Year);
                layout.PreviousTrialBalance = WriteTrialBalance(Add(name,
                    $"Saldobalans {(model.Year - 1).ToString(CultureInfo.InvariantCulture)} (föregående år, jämförelsekolumnerna är formler över den): ur det årets egen bokföring i Finsam, annars ur föregående års belopp i årets SIE-fil."),
                    name, previousTrialBalance);
            }
        }

        foreach (var table in tables)
        {
            WriteTable(sheets[table], table, layout);
        }

        foreach (var appendix in appendices ?? [])
        {
            var sheet = Add(appendix.Name, appendix.Description);
            appendix.Write(sheet);
            PrintSetup(sheet, wide: sheet.ColumnsUsed().Count() > 6);
        }

        WriteChecks(Add(ChecksSheet, "Kontroller: väntat och faktiskt belopp, skillnad och utfall, som formler över de andra bladen."), model, layout);
        WriteIndex(index, workbook, descriptions, model);
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.PageSetup.Header.Left.AddText(model.FederationName);
            sheet.PageSetup.Header.Right.AddText($"{model.Title}{(model.IsDraft ? " (utkast)" : "")}");
        }

        workbook.Properties.Title = $"{model.Title} – bilagor till revisionen";
        workbook.Properties.Company = model.FederationName;
        using var stream = new MemoryStream();
        // The computed value of every formula is saved beside it (<v>), so a viewer that does not recalculate shows it.
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        return stream.ToArray();
    }

    /// <summary>A unique sheet name of at most 31 characters without the characters Excel forbids; a longer name is cut at a word and ends with "…".</summary>
    public static string SheetName(string key, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(used);
        var clean = new string(key.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'' ? '-' : c).ToArray()).Trim();
        var name = Shorten(clean, 31);
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n.ToString(CultureInfo.InvariantCulture)})";
            name = Shorten(clean, 31 - suffix.Length) + suffix;
        }

        return name;
    }

    private static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text[..(length - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > length / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }

    /// <summary>The name of last year's saldobalans sheet: "Saldobalans 2024".</summary>
    public static string PreviousTrialBalanceSheet(int reportYear) => $"{TrialBalanceSheet} {(reportYear - 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What a table's sheet holds, for the index.</summary>
    private static string Describe(ReportTable table, bool withTrialBalance, bool withPrevious)
    {
        var previous = withPrevious ? " och föregående års saldobalans" : "";
        return table.Key switch
        {
            "Resultaträkning" or "Balansräkning" or "Kassaflödesanalys" when withTrialBalance =>
                $"{table.Title}. Beloppen är formler över bladet {TrialBalanceSheet}{previous} (SUMIFS på raden i räkenskaperna); summorna är SUM-formler.",
            _ when withTrialBalance && table.Key.StartsWith("Not ", StringComparison.Ordinal) =>
                $"{table.Title}. Raderna per konto är formler över bladet {TrialBalanceSheet}{previous}; summan är en SUM-formel.",
            _ => table.Title + (table.Rows.Any(r => r.SumOf is { Count: > 0 }) || table.Columns.Any(c => c.Difference is not null) ? ". Summor och differenser är formler." : "."),
        };
    }

    /// <summary>Where each table and the saldobalans landed, for formulas across sheets.</summary>
    private sealed class Layout(Dictionary<string, (string Sheet, ReportTable Table)> tables)
    {
        public Dictionary<string, (string Sheet, ReportTable Table)> Tables => tables;

        public TrialBalanceLayout? TrialBalance { get; set; }

        public TrialBalanceLayout? PreviousTrialBalance { get; set; }

        /// <summary>The saldobalans a column of a statement or note is a formula over: this year's (the first amount column) or last year's (the second).</summary>
        public TrialBalanceLayout? TrialBalanceOf(bool previousColumn) => previousColumn ? PreviousTrialBalance : TrialBalance;

        /// <summary>The workbook checks of the statements' lines recomputed from the saldobalans: name, the report's figure and the cell.</summary>
        public List<(string Name, decimal Expected, string Cell)> Recomputed { get; } = [];

        /// <summary>
        /// A cell of a table's sheet (the sheet's column of the table's column, which a measured column before it moves)
        /// as a reference from another sheet, or null when the table is not in the workbook.
        /// </summary>
        public string? Cell(string tableKey, int row, int column) =>
            tables.TryGetValue(tableKey, out var t) && Plan(t.Table).FindIndex(p => p.Source == column && p.Part is Part.Whole or Part.Value) is >= 0 and var index
                ? $"{Quote(t.Sheet)}!{Letter(index)}{FirstDataRow + row}"
                : null;

        /// <summary>The first row of a table whose first cell is <paramref name="text"/> (and of the given style), or −1.</summary>
        public int Row(string tableKey, string text, RowStyle? style = null) =>
            tables.TryGetValue(tableKey, out var t)
                ? t.Table.Rows.Select((r, i) => (r, i)).Where(x => x.r.Cells.Count > 0 && x.r.Cells[0].Text == text && (style is null || x.r.Style == style)).Select(x => x.i).DefaultIfEmpty(-1).First()
                : -1;

        public decimal? Number(string tableKey, int row, int column) =>
            tables.TryGetValue(tableKey, out var t) && row >= 0 && row < t.Table.Rows.Count && column < t.Table.Rows[row].Cells.Count ? t.Table.Rows[row].Cells[column].Number : null;
    }

    /// <summary>A saldobalans sheet's ranges, absolute, for SUMIFS; its sum row; its rows by account and their values as written.</summary>
    private sealed record TrialBalanceLayout(string Sheet, int FirstRow, int LastRow, int SumRow, TrialBalance Data)
    {
        public string Range(int column) => $"{Quote(Sheet)}!${Letter(column - 1)}${FirstRow}:${Letter(column - 1)}${Math.Max(FirstRow, LastRow)}";

        /// <summary>The sum of a column over the accounts mapped to <paramref name="line"/>.</summary>
        public string SumIfs(int column, string line) =>
            $"SUMIFS({Range(column)},{Range(TrialBalanceColumns.Line)},\"{line.Replace("\"", "\"\"", StringComparison.Ordinal)}\")";

        /// <summary>A column's SUMIFS over the accounts of a line, with the value it computes.</summary>
        public Formula Sum(int column, StatementLine line) =>
            new(SumIfs(column, line.SwedishName()), Data.Rows.Where(r => r.Line == line).Sum(r => Value(r, column)));

        /// <summary>An account's cell of a column, with its value; null when the account is not in the saldobalans.</summary>
        public (Formula Cell, StatementLine? Line)? Account(string account, int column)
        {
            var i = Data.Rows.Select((r, n) => (r, n)).FirstOrDefault(x => string.Equals(x.r.Account, account, StringComparison.Ordinal));
            return i.r is null ? null : (new Formula($"{Quote(Sheet)}!{Letter(column - 1)}{FirstRow + i.n}", Value(i.r, column)), i.r.Line);
        }

        /// <summary>A cell of the sheet as <see cref="WriteTrialBalance"/> writes it: a result account starts at 0 and closes on its movement.</summary>
        private static decimal Value(TrialBalanceRow row, int column)
        {
            var result = row.IsResultAccount && row.Opening is null && row.Closing is null;
            return column switch
            {
                TrialBalanceColumns.Opening => result ? 0m : row.Opening ?? 0m,
                TrialBalanceColumns.Period => row.Period,
                _ => result ? row.Period : row.Closing ?? 0m,
            };
        }
    }

    /// <summary>A formula's text (without "=") and the value it computes, so a formula is written only where it gives the report's figure.</summary>
    private readonly record struct Formula(string Text, decimal Value, bool Compound = false)
    {
        public static Formula operator -(Formula a) => new($"-{a.Operand}", -a.Value, true);

        public static Formula operator +(Formula a, Formula b) => new($"{a.Text}+{b.Operand}", a.Value + b.Value, true);

        public static Formula operator -(Formula a, Formula b) => new($"{a.Text}-{b.Operand}", a.Value - b.Value, true);

        /// <summary>The text as the right operand of + or −: in brackets when it is itself a sum or difference.</summary>
        private string Operand => Compound ? $"({Text})" : Text;
    }

    private static string Quote(string sheet) => $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    private static TrialBalanceLayout WriteTrialBalance(IXLWorksheet sheet, string name, TrialBalance trialBalance)
    {
        Title(sheet, $"Saldobalans {trialBalance.Year.ToString(CultureInfo.InvariantCulture)}");
        string[] headers = ["Konto", "Kontonamn", "Rad i resultat- eller balansräkningen", "Ingående balans", "Årets förändring", "Utgående balans"];
        double[] widths = [10, 40, 44, 18, 18, 18];
        Headers(sheet, headers, widths);
        var row = FirstDataRow;
        foreach (var account in trialBalance.Rows)
        {
            sheet.Cell(row, TrialBalanceColumns.Account).Style.NumberFormat.Format = "@";
            sheet.Cell(row, TrialBalanceColumns.Account).SetValue(account.Account);
            sheet.Cell(row, TrialBalanceColumns.Name).SetValue(TableWriter.NeutraliseFormula(account.Name));
            sheet.Cell(row, TrialBalanceColumns.Line).SetValue(account.LineName);
            var d = Letter(TrialBalanceColumns.Opening - 1);
            var e = Letter(TrialBalanceColumns.Period - 1);
            var f = Letter(TrialBalanceColumns.Closing - 1);
            if (account.IsResultAccount && account.Opening is null && account.Closing is null)
            {
                // A result account starts the year at zero; its closing balance is the year's result.
                sheet.Cell(row, TrialBalanceColumns.Opening).SetValue(0m);
                sheet.Cell(row, TrialBalanceColumns.Period).SetValue(account.Period);
                sheet.Cell(row, TrialBalanceColumns.Closing).FormulaA1 = $"{d}{row}+{e}{row}";
            }
            else
            {
                // A balance account's movement is its closing minus its opening balance, both as imported.
                sheet.Cell(row, TrialBalanceColumns.Opening).SetValue(account.Opening ?? 0m);
                sheet.Cell(row, TrialBalanceColumns.Closing).SetValue(account.Closing ?? 0m);
                if (account.Period == (account.Closing ?? 0m) - (account.Opening ?? 0m))
                {
                    sheet.Cell(row, TrialBalanceColumns.Period).FormulaA1 = $"{f}{row}-{d}{row}";
                }
                else
                {
                    sheet.Cell(row, TrialBalanceColumns.Period).SetValue(account.Period);
                }
            }

            for (var c = TrialBalanceColumns.Opening; c <= TrialBalanceColumns.Closing; c++)
            {
                sheet.Cell(row, c).Style.NumberFormat.Format = AmountFormat;
            }

            row++;
        }

        var last = row - 1;
        sheet.Cell(row, 1).SetValue("Summa");
        for (var c = TrialBalanceColumns.Opening; c <= TrialBalanceColumns.Closing; c++)
        {
            var letter = Letter(c - 1);
            sheet.Cell(row, c).FormulaA1 = last >= FirstDataRow ? $"SUM({letter}{FirstDataRow}:{letter}{last})" : "0";
            sheet.Cell(row, c).Style.NumberFormat.Format = AmountFormat;
            sheet.Cell(row, c).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        }

        sheet.Row(row).Style.Font.Bold = true;
        sheet.Cell(row + 2, 1).SetValue(
            "Belopp i kronor, debet positivt och kredit negativt (som i SIE-filen). Resultatkonton börjar året på 0 och slutar på årets utfall, " +
            "så varje kolumn summerar till 0 när bokföringen balanserar. Resultaträkningens och balansräkningens belopp för året är summor " +
            "av kolumnerna per rad i räkenskaperna (SUMIFS på kolumn C); raden kommer från kontomappningen.");
        if (last >= FirstDataRow)
        {
            sheet.Range(2, 1, last, TrialBalanceColumns.Closing).SetAutoFilter();
        }

        sheet.SheetView.FreezeRows(2);
        PrintSetup(sheet, wide: true);
        return new TrialBalanceLayout(name, FirstDataRow, last, row, trialBalance);
    }

    /// <summary>One column of a table's sheet: which column of the table it shows, and which part of a measured cell.</summary>
    private enum Part
    {
        Whole,
        Relation,
        Value,
        Count,
        Basis,
    }

    private sealed record OutputColumn(int Source, Part Part, string Header, double Width);

    /// <summary>
    /// The sheet's columns: a table's column, or, for a column of measured text ("35 %, 43 av 124"), its value, n and N
    /// (and a target's relation) in columns of their own.
    /// </summary>
    private static List<OutputColumn> Plan(ReportTable table)
    {
        var plan = new List<OutputColumn>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var measures = table.Rows.Select(r => c < r.Cells.Count ? r.Cells[c].Measure : null).OfType<MeasuredValue>().ToList();
            if (measures.Count == 0)
            {
                plan.Add(new(c, Part.Whole, column.Header, column.Width));
                continue;
            }

            if (measures.Any(m => m.Relation is not null))
            {
                plan.Add(new(c, Part.Relation, $"{column.Header} (villkor)", 12));
            }

            plan.Add(new(c, Part.Value, column.Header, 12));
            if (measures.Any(m => m.Basis is not null))
            {
                plan.Add(new(c, Part.Count, $"{column.Header}: antal (n)", 12));
                plan.Add(new(c, Part.Basis, $"{column.Header}: av (N)", 12));
            }
        }

        return plan;
    }

    private static void WriteTable(IXLWorksheet sheet, ReportTable table, Layout layout)
    {
        Title(sheet, table.Title);
        var plan = Plan(table);
        Headers(sheet, plan.Select(p => p.Header).ToArray(), plan.Select(p => p.Width).ToArray());
        // The letter of the column that holds a table column's number (its value, for a measured column).
        var letterOf = Enumerable.Range(0, table.Columns.Count)
            .Select(c => Letter(plan.FindIndex(p => p.Source == c && p.Part is Part.Whole or Part.Value)))
            .ToArray();
        // The amount columns with a line written as a value, not a formula.
        var values = new HashSet<int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var excelRow = FirstDataRow + r;
            for (var o = 0; o < plan.Count; o++)
            {
                var (c, part, _, _) = plan[o];
                var column = table.Columns[c];
                var cell = sheet.Cell(excelRow, o + 1);
                var value = c < row.Cells.Count ? row.Cells[c] : ReportCell.Empty;
                if (part != Part.Whole)
                {
                    WriteMeasured(cell, value, part, excelRow, plan, o);
                }
                else if (column.Difference is { } d && value.Number is not null)
                {
                    cell.FormulaA1 = $"{letterOf[d.Minuend]}{excelRow}-{letterOf[d.Subtrahend]}{excelRow}";
                }
                else if (row.SumOf is { Count: > 0 } sumOf && value.Number is not null)
                {
                    cell.FormulaA1 = "SUM(" + string.Join(",", sumOf.Select(i => $"{letterOf[c]}{FirstDataRow + i}")) + ")";
                }
                else if (value.Number is { } repeated && row.FollowsCells?.FirstOrDefault(f => f.Column == c) is { } follows
                    && FollowFormula(follows, layout) is { } reference && reference.Value == repeated)
                {
                    // A figure the report repeats from the statements (the flerårsöversikt's and the key figures' years):
                    // a reference to the cells it repeats.
                    cell.FormulaA1 = reference.Text;
                }
                else if (value.Number is { } number && StatementFormula(table, r, c, layout) is { } formula
                    && (formula.Value == number || table.Key is "Resultaträkning" or "Balansräkning"))
                {
                    // A statement line is always its accounts' sum, and the checks sheet compares it with the report's figure;
                    // the cash flow's and the notes' rows are formulas where they give the report's figure, values otherwise.
                    cell.FormulaA1 = formula.Text;
                    if (table.Key is "Resultaträkning" or "Balansräkning")
                    {
                        var which = c == 2 ? "" : $" {column.Header}";
                        layout.Recomputed.Add(($"{table.Key}{which}: {row.Cells[0].Text}", number, $"{Quote(sheet.Name)}!{letterOf[c]}{excelRow}"));
                    }
                }
                else if (value.Number is { } plain)
                {
                    cell.SetValue(plain);
                    if (row.Style == RowStyle.Normal && column.Kind == CellKind.Amount)
                    {
                        values.Add(c);
                    }
                }
                else if (value.Text is { } text)
                {
                    cell.SetValue(TableWriter.NeutraliseFormula(text));
                }

                if (part == Part.Whole && value.Number is not null)
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

        var below = FirstDataRow + table.Rows.Count + 1;
        if (table.HasAmounts)
        {
            sheet.Cell(below++, 1).SetValue("Belopp i kronor med öre (årsredovisningen visar tkr med en decimal).");
        }

        if (table.Note is { } note)
        {
            sheet.Cell(below++, 1).SetValue(TableWriter.NeutraliseFormula(note));
        }

        foreach (var remark in ValueRemarks(table, values, layout))
        {
            sheet.Cell(below++, 1).SetValue(remark);
        }

        sheet.SheetView.FreezeRows(2);
        PrintSetup(sheet, wide: plan.Count > 6 || plan.Sum(p => p.Width) > 110);
    }

    /// <summary>The cells a figure repeats, as references to their sheets (signed and added), with their sum; null when a cell is not in the workbook.</summary>
    private static Formula? FollowFormula(CellFollow follow, Layout layout)
    {
        Formula? sum = null;
        foreach (var source in follow.Sources)
        {
            if (layout.Cell(source.TableKey, source.Row, source.Column) is not { } reference || layout.Number(source.TableKey, source.Row, source.Column) is not { } value)
            {
                return null;
            }

            var term = new Formula(reference, value);
            sum = sum is { } s ? source.Sign < 0 ? s - term : s + term : source.Sign < 0 ? -term : term;
        }

        return sum;
    }

    /// <summary>Why a statement's or note's amounts are values rather than formulas over the saldobalans.</summary>
    private static IEnumerable<string> ValueRemarks(ReportTable table, HashSet<int> values, Layout layout)
    {
        var isNote = table.Key.StartsWith("Not ", StringComparison.Ordinal);
        if (layout.TrialBalance is null || !isNote && table.Key is not ("Resultaträkning" or "Balansräkning" or "Kassaflödesanalys"))
        {
            yield break;
        }

        var first = isNote ? 1 : 2;
        if (table.Columns.Count > first + 1 && layout.PreviousTrialBalance is null)
        {
            yield return $"Kolumnen {table.Columns[first + 1].Header} är värden: föregående år har ingen bokföring i Finsam (första året), så det finns ingen saldobalans att räkna från.";
        }

        if (!isNote && (values.Contains(first) || values.Contains(first + 1) && layout.PreviousTrialBalance is not null))
        {
            yield return "Rader utan formel är årsredovisningens belopp: de går inte att räkna fram ur saldobalansen på samma sätt (jämför bladet Kontroller).";
        }

        if (isNote && values.Contains(first))
        {
            yield return "Rader per projektkod eller medlem är belopp ur verifikationerna och medlemsbidragen (saldobalansen har inga projektkoder); summan är en formel.";
        }
    }

    /// <summary>A part of a measured cell: the target's relation, the value (a share as n/N when both are known), n or N.</summary>
    private static void WriteMeasured(IXLCell cell, ReportCell value, Part part, int excelRow, List<OutputColumn> plan, int o)
    {
        if (value.Measure is not { } measure)
        {
            // Text without numbers ("ej tillämpligt", "–") stays in the value column; the other parts stay empty.
            if (part == Part.Value && value.Text is { } text)
            {
                cell.SetValue(TableWriter.NeutraliseFormula(text));
            }

            return;
        }

        switch (part)
        {
            case Part.Relation:
                cell.SetValue(measure.Relation ?? "");
                break;
            case Part.Count when measure.Count is { } count:
                cell.SetValue(count);
                cell.Style.NumberFormat.Format = CountFormat;
                break;
            case Part.Basis when measure.Basis is { } basis:
                cell.SetValue(basis);
                cell.Style.NumberFormat.Format = CountFormat;
                break;
            case Part.Value:
                if (measure.Unit == MeasureUnit.Share && measure.Count is not null && measure.Basis is { } n && n != 0
                    && plan.ElementAtOrDefault(o + 1)?.Part == Part.Count && plan.ElementAtOrDefault(o + 2)?.Part == Part.Basis)
                {
                    cell.FormulaA1 = $"{Letter(o + 1)}{excelRow}/{Letter(o + 2)}{excelRow}";
                }
                else
                {
                    cell.SetValue(measure.Value);
                }

                cell.Style.NumberFormat.Format = measure.Unit switch
                {
                    MeasureUnit.Share => ShareFormat,
                    MeasureUnit.PercentagePoints => PointsFormat,
                    MeasureUnit.Kronor => AmountFormat,
                    _ => measure.Value % 1 == 0 ? CountFormat : "#,##0.0",
                };
                break;
        }
    }

    /// <summary>
    /// A statement's or note's amount as a formula over the saldobalans (this year's for the first amount column, last
    /// year's for the second), with the value it computes; null: no formula for the cell.
    /// <list type="bullet">
    /// <item>Resultaträkning and balansräkning: the sum of the accounts mapped to the line (with the statement's sign),
    /// årets resultat as the resultaträkning's, övrigt eget kapital as the equity accounts less a result already booked
    /// to equity (kontogrupp 89).</item>
    /// <item>Kassaflödesanalys: årets resultat as the resultaträkning's, avskrivningar from their accounts, and each change
    /// of a balance line as its opening minus its closing balance (debit positive, so a decrease of an asset and an
    /// increase of a liability are positive), as <c>FinancialStatements</c> computes them.</item>
    /// <item>A note's row per account: the account's cell in the saldobalans (its movement, or its closing balance in a
    /// note to the balansräkning), with the note's sign.</item>
    /// </list>
    /// </summary>
    private static Formula? StatementFormula(ReportTable table, int row, int column, Layout layout)
    {
        var isNote = table.Key.StartsWith("Not ", StringComparison.Ordinal);
        var first = isNote ? 1 : 2;
        if (column != first && column != first + 1 || table.Rows[row].Style != RowStyle.Normal || table.Rows[row].Cells[0].Text is not { } text
            || layout.TrialBalanceOf(previousColumn: column == first + 1) is not { } tb)
        {
            return null;
        }

        if (isNote)
        {
            // "3010 Medlemsbidrag": the account is the first word; a row per project code or member has no account row.
            var account = text.Split(' ', 2)[0];
            var balance = table.Columns[column].Header.EndsWith("-12-31", StringComparison.Ordinal);
            if (tb.Account(account, balance ? TrialBalanceColumns.Closing : TrialBalanceColumns.Period) is not ({ } cell, { } accountLine))
            {
                return null;
            }

            // The statement's sign (income and credit balances negative in the ledger); a note of costs shows them positive.
            var positive = accountLine.IsIncomeStatement() ? accountLine is StatementLine.OperatingCosts or StatementLine.Depreciation or StatementLine.FinancialCosts : accountLine.IsAsset();
            return positive ? cell : -cell;
        }

        Formula Line(int tbColumn, StatementLine line) => tb.Sum(tbColumn, line);
        Formula Change(params StatementLine[] lines) => lines.Select(l => Line(TrialBalanceColumns.Opening, l) - Line(TrialBalanceColumns.Closing, l)).Aggregate((a, b) => a + b);
        Formula? Cell(string tableKey, string rowText, RowStyle style)
        {
            var r = layout.Row(tableKey, rowText, style);
            return r >= 0 && layout.Cell(tableKey, r, column) is { } reference && layout.Number(tableKey, r, column) is { } value ? new Formula(reference, value) : null;
        }

        StatementLine? Named(bool incomeStatement) => Enum.GetValues<StatementLine>()
            .Where(l => l != StatementLine.ResultTransfer && l != StatementLine.Equity && l.IsIncomeStatement() == incomeStatement)
            .Cast<StatementLine?>()
            .FirstOrDefault(l => l!.Value.SwedishName() == text);
        switch (table.Key)
        {
            case "Resultaträkning":
                // Costs are debit (positive) in the ledger and negative in the resultaträkning, income the other way round.
                return Named(incomeStatement: true) is { } line ? -Line(TrialBalanceColumns.Period, line) : null;
            case "Balansräkning":
                if (text == "Årets resultat")
                {
                    return Cell("Resultaträkning", "Årets resultat", RowStyle.Sum);
                }

                if (text == "Övrigt eget kapital")
                {
                    return -Line(TrialBalanceColumns.Closing, StatementLine.Equity) - Line(TrialBalanceColumns.Period, StatementLine.ResultTransfer);
                }

                // Assets are debit balances, equity, provisions and liabilities credit balances (negative in the ledger).
                return Named(incomeStatement: false) is { } balance
                    ? balance.IsAsset() ? Line(TrialBalanceColumns.Closing, balance) : -Line(TrialBalanceColumns.Closing, balance)
                    : null;
            case "Kassaflödesanalys":
                return text switch
                {
                    "Årets resultat" => Cell("Resultaträkning", "Årets resultat", RowStyle.Sum),
                    "Justering för avskrivningar" => Line(TrialBalanceColumns.Period, StatementLine.Depreciation),
                    "Förändring av avsättningar" => Change(StatementLine.Provisions),
                    "Minskning (+) / ökning (−) av kortfristiga fordringar och förråd" => Change(StatementLine.ShortTermReceivables, StatementLine.Inventories),
                    "Ökning (+) / minskning (−) av kortfristiga skulder" => Change(StatementLine.ShortTermLiabilities),
                    "Nettoinvesteringar i anläggningstillgångar" =>
                        Change(StatementLine.FixedAssets, StatementLine.FinancialFixedAssets) - Line(TrialBalanceColumns.Period, StatementLine.Depreciation),
                    "Förändring av kortfristiga placeringar" => Change(StatementLine.ShortTermInvestments),
                    "Förändring av långfristiga skulder" => Change(StatementLine.LongTermLiabilities),
                    "Övriga förändringar av eget kapital" => Change(StatementLine.Equity) - Line(TrialBalanceColumns.Period, StatementLine.ResultTransfer),
                    "Likvida medel vid årets början" => Line(TrialBalanceColumns.Opening, StatementLine.CashAndBank),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static void WriteChecks(IXLWorksheet sheet, AnnualReportModel model, Layout layout)
    {
        Headers(sheet, ["Kontroll", "Utfall", "Väntat (kr)", "Faktiskt (kr)", "Skillnad (kr)", "Förklaring"], [60, 14, 18, 18, 16, 80]);
        var r = FirstDataRow;
        foreach (var check in model.Checks)
        {
            var (expected, actual) = CheckFormulas(check, layout);
            // The outcome is a formula where the check is "the two amounts are equal", which is every check the
            // statements make; otherwise the report's own verdict is written.
            var agrees = check.Passed == (check.Expected == check.Actual);
            CheckRow(sheet, r++, check.Name, agrees ? null : check.Passed, expected, check.Expected, actual, check.Actual, check.Explanation);
        }

        if (layout.TrialBalance is { } tb)
        {
            r++;
            sheet.Cell(r, 1).SetValue(TrialBalanceChecksHeading);
            sheet.Cell(r, 1).Style.Font.Bold = true;
            r++;
            foreach (var (name, expected, cell) in layout.Recomputed)
            {
                CheckRow(sheet, r++, $"{name} ur saldobalansen", null, null, expected, cell, null,
                    "Årsredovisningens belopp jämförs med summan av kontona på raden i saldobalansen (formeln i räkenskapernas blad).");
            }

            var sum = (int column) => $"{Quote(tb.Sheet)}!{Letter(column - 1)}{tb.SumRow}";
            CheckRow(sheet, r++, "Saldobalansens ingående balanser summerar till noll", null, null, 0m, sum(TrialBalanceColumns.Opening), null,
                "Debet och kredit i ingående balans tar ut varandra.");
            CheckRow(sheet, r++, "Saldobalansens utgående balanser summerar till noll", null, null, 0m, sum(TrialBalanceColumns.Closing), null,
                "Debet och kredit i utgående balans (resultatkontona med årets utfall) tar ut varandra.");
            if (layout.PreviousTrialBalance is { } previous)
            {
                CheckRow(sheet, r++, $"{previous.Sheet}: utgående balanser summerar till noll", null, null, 0m,
                    $"{Quote(previous.Sheet)}!{Letter(TrialBalanceColumns.Closing - 1)}{previous.SumRow}", null,
                    "Debet och kredit i föregående års utgående balans tar ut varandra.");
            }
        }

        var last = r - 1;
        var count = model.Checks.Count + (layout.TrialBalance is null ? 0 : layout.Recomputed.Count + 2 + (layout.PreviousTrialBalance is null ? 0 : 1));
        sheet.Cell(1, 1).FormulaA1 =
            $"\"Kontroller {model.Year.ToString(CultureInfo.InvariantCulture)}: \"&COUNTIF(B{FirstDataRow}:B{last},\"{Agrees}\")&\" av {count.ToString(CultureInfo.InvariantCulture)} stämmer\"";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 12;
        sheet.SheetView.FreezeRows(2);
        PrintSetup(sheet, wide: true);
    }

    /// <summary>A check's row: the amounts as formulas over the other sheets (or values), the difference and the outcome as formulas.</summary>
    private static void CheckRow(IXLWorksheet sheet, int r, string name, bool? verdict, string? expectedFormula, decimal? expected, string? actualFormula, decimal? actual, string explanation)
    {
        sheet.Cell(r, 1).SetValue(TableWriter.NeutraliseFormula(name));
        Amount(sheet.Cell(r, 3), expectedFormula, expected);
        Amount(sheet.Cell(r, 4), actualFormula, actual);
        sheet.Cell(r, 5).FormulaA1 = $"D{r}-C{r}";
        sheet.Cell(r, 5).Style.NumberFormat.Format = AmountFormat;
        if (verdict is { } given)
        {
            sheet.Cell(r, 2).SetValue(given ? Agrees : Disagrees);
        }
        else
        {
            sheet.Cell(r, 2).FormulaA1 = $"IF(ROUND(E{r},2)=0,\"{Agrees}\",\"{Disagrees}\")";
        }

        sheet.Cell(r, 6).SetValue(TableWriter.NeutraliseFormula(explanation));
        var failed = verdict == false || (verdict is null && expectedFormula is null && actualFormula is null && expected != actual);
        if (failed)
        {
            sheet.Row(r).Style.Font.FontColor = XLColor.FromHtml("#A4161A");
            sheet.Row(r).Style.Font.Bold = true;
        }

        // A failing outcome in red whatever the figures, also when the auditor changes a figure.
        sheet.Cell(r, 2).AddConditionalFormat().WhenEquals($"\"{Disagrees}\"").Font.SetFontColor(XLColor.FromHtml("#A4161A")).Font.SetBold();

        static void Amount(IXLCell cell, string? formula, decimal? value)
        {
            if (formula is not null)
            {
                cell.FormulaA1 = formula;
            }
            else if (value is { } v)
            {
                cell.SetValue(v);
            }

            cell.Style.NumberFormat.Format = AmountFormat;
        }
    }

    private static readonly string[] IncomeLines = ["Verksamhetens intäkter", "Finansiella intäkter"];

    /// <summary>
    /// The expected and actual amounts of a report check as references to the sheets that show them, where the check
    /// compares two figures of the report's tables and those cells hold exactly the check's amounts; null: the value.
    /// </summary>
    private static (string? Expected, string? Actual) CheckFormulas(ReportCheck check, Layout layout)
    {
        string? Ref(string table, string text, RowStyle? style, int column, decimal value, int sign = 1)
        {
            var row = layout.Row(table, text, style);
            return row >= 0 && layout.Number(table, row, column) is { } number && sign * number == value
                ? (sign < 0 ? "-" : "") + layout.Cell(table, row, column)
                : null;
        }

        switch (check.Name)
        {
            case "Balansräkningen balanserar":
                return (Ref("Balansräkning", "Summa tillgångar", RowStyle.Sum, 2, check.Expected),
                    Ref("Balansräkning", "Summa eget kapital, avsättningar och skulder", RowStyle.Sum, 2, check.Actual));
            case "Likvida medel vid årets slut enligt kassaflödesanalysen är lika med kassa och bank i balansräkningen":
                return (Ref("Balansräkning", "Kassa och bank", null, 2, check.Expected),
                    Ref("Kassaflödesanalys", "Likvida medel vid årets slut", RowStyle.Sum, 2, check.Actual));
            case "Driftsredovisningens netto är lika med årets resultat":
                return (Ref("Resultaträkning", "Årets resultat", RowStyle.Sum, 2, check.Expected),
                    layout.Tables.TryGetValue("Driftsredovisning", out var drift) ? Ref("Driftsredovisning", drift.Table.Rows[^1].Cells[0].Text ?? "", RowStyle.Sum, 3, check.Actual) : null);
            case "Driftsredovisningens intäkter är lika med resultaträkningens intäkter":
            {
                // Verksamhetens and finansiella intäkter of the resultaträkning (a line zero in both years is left out of it).
                var lines = IncomeLines.Select(l => layout.Row("Resultaträkning", l, RowStyle.Normal)).Where(r => r >= 0).ToList();
                var expected = lines.Count > 0 && lines.Sum(r => layout.Number("Resultaträkning", r, 2) ?? 0m) == check.Expected
                    ? string.Join("+", lines.Select(r => layout.Cell("Resultaträkning", r, 2)))
                    : null;
                return (expected,
                    layout.Tables.TryGetValue("Driftsredovisning", out var operating) ? Ref("Driftsredovisning", operating.Table.Rows[^1].Cells[0].Text ?? "", RowStyle.Sum, 1, check.Actual) : null);
            }
        }

        // A note's check: its sum (shown with the statement's sign, costs positive) against the statement line it specifies.
        foreach (var (key, (_, table)) in layout.Tables)
        {
            if (!key.StartsWith("Not ", StringComparison.Ordinal) || table.Rows.Count == 0 || table.Rows[^1] is not { Follows: { } line } total)
            {
                continue;
            }

            var title = table.Title[(table.Title.IndexOf(". ", StringComparison.Ordinal) + 2)..];
            if (!check.Name.StartsWith($"Noten {title.ToLowerInvariant()} summerar", StringComparison.Ordinal))
            {
                continue;
            }

            var statement = layout.Number(line.TableKey, line.Row, 2) == check.Expected ? layout.Cell(line.TableKey, line.Row, 2) : null;
            var sum = layout.Number(key, table.Rows.Count - 1, 1) is { } n && line.Sign * n == check.Actual
                ? (line.Sign < 0 ? "-" : "") + layout.Cell(key, table.Rows.Count - 1, 1)
                : null;
            return (statement, sum);
        }

        return (null, null);
    }

    private static void WriteIndex(IXLWorksheet sheet, XLWorkbook workbook, IReadOnlyDictionary<string, string> descriptions, AnnualReportModel model)
    {
        Title(sheet, $"{model.Title} – {model.FederationName}: innehåll");
        Headers(sheet, ["Nr", "Blad", "Innehåll"], [5, 34, 110]);
        var r = FirstDataRow;
        foreach (var (s, i) in workbook.Worksheets.Select((s, i) => (s, i)))
        {
            sheet.Cell(r, 1).SetValue(i + 1);
            var link = sheet.Cell(r, 2);
            link.SetValue(s.Name);
            link.Hyperlink = new XLHyperlink($"{Quote(s.Name)}!A1");
            link.Style.Font.FontColor = XLColor.FromHtml("#0B5394");
            link.Style.Font.Underline = XLFontUnderlineValues.Single;
            sheet.Cell(r, 3).SetValue(TableWriter.NeutraliseFormula(descriptions.GetValueOrDefault(s.Name, "")));
            r++;
        }

        sheet.Cell(r + 1, 1).SetValue(
            "Så spåras en siffra: årsredovisningen visar tkr med en decimal, arbetsboken kronor med öre. Resultaträkningens och balansräkningens " +
            $"belopp för året är formler över bladet {TrialBalanceSheet} (summan av kontona på raden), summor är SUM-formler över raderna, och bladet " +
            $"{ChecksSheet} jämför varje belopp med årsredovisningens. Alla formler är sparade med sina värden.");
        sheet.Cell(r + 1, 1).Style.Alignment.WrapText = false;
        sheet.SheetView.FreezeRows(2);
        PrintSetup(sheet, wide: true);
    }

    private static void Title(IXLWorksheet sheet, string title)
    {
        sheet.Cell(1, 1).SetValue(TableWriter.NeutraliseFormula(title));
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 12;
    }

    private static void Headers(IXLWorksheet sheet, string[] headers, double[] widths)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            var header = sheet.Cell(2, c + 1);
            header.SetValue(TableWriter.NeutraliseFormula(headers[c]));
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF5");
            header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            sheet.Column(c + 1).Width = widths[c];
        }
    }

    /// <summary>Prints one page wide (as many tall as needed) on A4, landscape when wide, with the title and header rows on every page and page numbers.</summary>
    private static void PrintSetup(IXLWorksheet sheet, bool wide)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = wide ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 2);
        sheet.PageSetup.Footer.Right.AddText("Sida ");
        sheet.PageSetup.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        sheet.PageSetup.Footer.Right.AddText(" av ");
        sheet.PageSetup.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
        sheet.PageSetup.Footer.Left.AddText(XLHFPredefinedText.SheetName);
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
