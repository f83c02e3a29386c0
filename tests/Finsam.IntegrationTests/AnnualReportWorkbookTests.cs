using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Finsam.Reporting.AnnualReport;
using Finsam.TestSupport;
using Finsam.Web.Features.AnnualReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// The demo's auditors' workbook as the auditor downloads it: every formula is saved with its value, recomputes (with
/// ClosedXML's engine) to that value and to the report's figures, the resultaträkning and balansräkning are reproduced
/// line by line from the saldobalans, and the checks are formulas over the other sheets.
/// </summary>
public sealed class AnnualReportWorkbookTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2025;
    private FinsamFactory _factory = null!;
    private byte[] _bytes = [];
    private AnnualReportModel _model = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
        var auditor = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Auditor));
        _bytes = await auditor.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}");
        await using var scope = _factory.Services.CreateAsyncScope();
        _model = (await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(Year, CancellationToken.None))!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    /// <summary>The value saved with each formula (&lt;v&gt;), by sheet name and cell ("Resultaträkning!C7"); null when none was saved.</summary>
    private static Dictionary<string, string?> SavedFormulaValues(byte[] workbook)
    {
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace rel = "http://schemas.openxmlformats.org/package/2006/relationships";
        using var zip = new ZipArchive(new MemoryStream(workbook));
        XDocument Load(string path)
        {
            using var stream = zip.GetEntry(path)!.Open();
            return XDocument.Load(stream);
        }

        var targets = Load("xl/_rels/workbook.xml.rels").Descendants(rel + "Relationship")
            .ToDictionary(e => e.Attribute("Id")!.Value, e => e.Attribute("Target")!.Value.TrimStart('/'));
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var sheet in Load("xl/workbook.xml").Descendants(x + "sheet"))
        {
            var target = targets[sheet.Attribute(r + "id")!.Value];
            var path = target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target;
            foreach (var cell in Load(path).Descendants(x + "c").Where(c => c.Element(x + "f") is not null))
            {
                values[$"{sheet.Attribute("name")!.Value}!{cell.Attribute("r")!.Value}"] = cell.Element(x + "v")?.Value;
            }
        }

        return values;
    }

    [Fact]
    public void Every_formula_is_saved_with_its_value_and_recomputes_to_it()
    {
        var saved = SavedFormulaValues(_bytes);
        Assert.True(saved.Count > 200, $"Only {saved.Count} formulas.");
        Assert.Empty(saved.Where(s => string.IsNullOrEmpty(s.Value)).Select(s => s.Key));

        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        workbook.RecalculateAllFormulas();
        var differences = new List<string>();
        foreach (var sheet in workbook.Worksheets)
        {
            foreach (var cell in sheet.CellsUsed(c => c.HasFormula))
            {
                var key = $"{sheet.Name}!{cell.Address.ToStringRelative()}";
                var value = cell.Value;
                var same = value is double number
                    ? double.TryParse(saved[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var stored) && Math.Abs(stored - number) < 0.005
                    : string.Equals(Convert.ToString(value, CultureInfo.InvariantCulture), saved[key], StringComparison.Ordinal);
                if (!same)
                {
                    differences.Add($"{key} ={cell.FormulaA1}: saved {saved[key]}, recomputed {value}");
                }
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void Every_table_recomputes_to_the_figures_of_the_report()
    {
        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        workbook.RecalculateAllFormulas();
        var tables = _model.Tables.ToList();
        // Innehåll, Om arbetsboken, then a sheet per table in the report's order.
        var sheets = workbook.Worksheets.Skip(2).Take(tables.Count).ToList();
        var compared = 0;
        var differences = new List<string>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var sheet = sheets[t];
            Assert.Equal(table.Title, sheet.Cell(1, 1).GetString());
            // A table's column in the sheet: found by its header (a measured column is followed by its n and N).
            var headers = sheet.Row(2).CellsUsed().Select(c => (c.GetString(), c.Address.ColumnNumber)).ToList();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = headers.Last(h => h.Item1 == table.Columns[c].Header).ColumnNumber;
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    if (c < table.Rows[r].Cells.Count && table.Rows[r].Cells[c] is { Number: { } expected })
                    {
                        var cell = sheet.Cell(AnnualReportWorkbook.FirstDataRow + r, column);
                        compared++;
                        if (cell.Value is not double actual || Math.Abs((double)expected - actual) > 0.005)
                        {
                            differences.Add($"{sheet.Name}!{cell.Address}: report {expected}, workbook {cell.Value} ({cell.FormulaA1})");
                        }
                    }
                }
            }
        }

        Assert.Empty(differences);
        Assert.True(compared > 300, $"Only {compared} figures compared.");
    }

    [Fact]
    public async Task The_voucher_sheet_holds_every_line_of_the_years_vouchers_and_balances()
    {
        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        var sheet = workbook.Worksheet("Verifikationer");
        Assert.Equal("Debet", sheet.Cell(2, 9).GetString());
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 2).ToList();
        var expected = await _factory.WithDbAsync(async db =>
        {
            var fiscalYear = await db.FiscalYears.Where(y => y.Year == Year).Select(y => y.Id).SingleAsync();
            return await db.Vouchers.Where(v => v.FiscalYearId == fiscalYear).SelectMany(v => v.Lines).Select(l => l.Amount).ToListAsync();
        });
        Assert.Equal(expected.Count, rows.Count);
        var debit = rows.Sum(r => r.Cell(9).IsEmpty() ? 0m : r.Cell(9).GetValue<decimal>());
        var credit = rows.Sum(r => r.Cell(10).IsEmpty() ? 0m : r.Cell(10).GetValue<decimal>());
        Assert.Equal(expected.Where(a => a > 0).Sum(), debit);
        Assert.Equal(-expected.Where(a => a < 0).Sum(), credit);
        Assert.Equal(debit, credit);
        Assert.Contains(workbook.Worksheet(AnnualReportWorkbook.IndexSheet).Column(2).CellsUsed(), c => c.GetString() == "Verifikationer");
    }

    [Fact]
    public async Task The_trial_balance_reproduces_the_income_statement_and_balance_sheet_line_by_line()
    {
        var statements = (await _factory.WithDbAsync(db => db.StatementsForYearAsync(Year)))!;
        var trialBalance = (await _factory.WithDbAsync(db => db.TrialBalanceForYearAsync(Year)))!;

        // The query itself: the accounts of each line add up to the statement's line.
        decimal Period(StatementLine line) => -trialBalance.Rows.Where(r => r.Line == line).Sum(r => r.Period);
        decimal Closing(StatementLine line, int sign) => sign * trialBalance.Rows.Where(r => r.Line == line).Sum(r => r.Closing ?? 0m);
        var income = statements.Current.Income;
        Assert.Equal(income.OperatingIncome, Period(StatementLine.OperatingIncome));
        Assert.Equal(income.OperatingCosts, Period(StatementLine.OperatingCosts));
        Assert.Equal(income.Depreciation, Period(StatementLine.Depreciation));
        Assert.Equal(income.FinancialIncome, Period(StatementLine.FinancialIncome));
        Assert.Equal(income.FinancialCosts, Period(StatementLine.FinancialCosts));
        var closing = statements.Current.Closing;
        Assert.Equal(closing.FixedAssets, Closing(StatementLine.FixedAssets, 1));
        Assert.Equal(closing.ShortTermReceivables, Closing(StatementLine.ShortTermReceivables, 1));
        Assert.Equal(closing.CashAndBank, Closing(StatementLine.CashAndBank, 1));
        Assert.Equal(closing.ShortTermLiabilities, Closing(StatementLine.ShortTermLiabilities, -1));
        Assert.DoesNotContain(trialBalance.Rows, r => r.Line is null);

        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        var sheet = workbook.Worksheet(AnnualReportWorkbook.TrialBalanceSheet);
        Assert.Equal(trialBalance.Rows.Select(r => r.Account), sheet.Column(1).CellsUsed().Skip(2).Take(trialBalance.Rows.Count).Select(c => c.GetString()));
        Assert.All(sheet.Column(1).CellsUsed().Skip(2).Take(trialBalance.Rows.Count), c => Assert.Equal(XLDataType.Text, c.DataType));
        workbook.RecalculateAllFormulas();

        // The workbook: every line of this year is a formula over the saldobalans and gives the report's figure.
        foreach (var (key, count) in new[] { ("Resultaträkning", 3), ("Balansräkning", 5) })
        {
            var table = _model.Tables.Single(t => t.Key == key);
            var statement = workbook.Worksheet(key);
            var lines = 0;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row.Style != RowStyle.Normal || row.Cells[2].Number is not { } expected)
                {
                    continue;
                }

                var cell = statement.Cell(AnnualReportWorkbook.FirstDataRow + r, 3);
                Assert.True(cell.FormulaA1.Contains("SUMIFS('Saldobalans'!", StringComparison.Ordinal) || cell.FormulaA1.StartsWith("'Resultaträkning'!", StringComparison.Ordinal),
                    $"{key}: {row.Cells[0].Text} is {cell.FormulaA1}");
                Assert.Equal((double)expected, cell.GetDouble(), 2);
                lines++;
            }

            Assert.True(lines >= count, $"{key}: {lines} lines.");
        }

        // The checks sheet says so too: each recomputed line and the saldobalans's own sums agree.
        var checks = workbook.Worksheet(AnnualReportWorkbook.ChecksSheet);
        var heading = checks.RowsUsed().Single(r => r.Cell(1).GetString() == AnnualReportWorkbook.TrialBalanceChecksHeading).RowNumber();
        var recomputed = checks.RowsUsed().Where(r => r.RowNumber() > heading).ToList();
        Assert.True(recomputed.Count >= 10);
        Assert.All(recomputed, r => Assert.Equal(AnnualReportWorkbook.Agrees, r.Cell(2).GetString()));
        Assert.All(recomputed, r => Assert.Contains("!", r.Cell(4).FormulaA1, StringComparison.Ordinal));
    }

    [Fact]
    public void The_cash_flow_notes_and_last_years_columns_are_formulas_over_the_trial_balances()
    {
        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        var previousSheet = AnnualReportWorkbook.PreviousTrialBalanceSheet(Year);
        Assert.True(workbook.TryGetWorksheet(previousSheet, out _), $"No sheet {previousSheet}.");
        workbook.RecalculateAllFormulas();
        var current = $"'{AnnualReportWorkbook.TrialBalanceSheet}'!";
        var previous = $"'{previousSheet}'!";
        var missing = new List<string>();
        var formulas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in _model.Tables.Where(t => t.Key is "Resultaträkning" or "Balansräkning" or "Kassaflödesanalys" || t.Key.StartsWith("Not ", StringComparison.Ordinal)))
        {
            var sheet = workbook.Worksheet(table.Key.Length <= 31 ? table.Key : workbook.Worksheets.Skip(2).ElementAt(_model.Tables.ToList().IndexOf(table)).Name);
            var note = table.Key.StartsWith("Not ", StringComparison.Ordinal);
            var first = note ? 1 : 2;
            Assert.True(table.Columns.Count == first + 2, $"{table.Key} has no column for last year.");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                // A note's row per project code or member is an amount from the vouchers (the saldobalans has no project codes).
                var byAccount = !note || char.IsAsciiDigit(row.Cells[0].Text?[0] ?? ' ');
                for (var c = first; c <= first + 1 && row.Style == RowStyle.Normal && byAccount; c++)
                {
                    if (row.Cells[c].Number is not { } expected)
                    {
                        continue;
                    }

                    var cell = sheet.Cell(AnnualReportWorkbook.FirstDataRow + r, c + 1);
                    var source = c == first ? current : previous;
                    // Årets resultat in the balansräkning and the kassaflödesanalys is the resultaträkning's cell.
                    if (!cell.HasFormula || !cell.FormulaA1.Contains(source, StringComparison.Ordinal) && !cell.FormulaA1.StartsWith("'Resultaträkning'!", StringComparison.Ordinal))
                    {
                        missing.Add($"{sheet.Name}!{cell.Address} {row.Cells[0].Text} ({table.Columns[c].Header}): {cell.FormulaA1} {cell.Value}");
                        continue;
                    }

                    Assert.Equal((double)expected, cell.GetDouble(), 2);
                    formulas[table.Key] = formulas.GetValueOrDefault(table.Key) + 1;
                }
            }
        }

        Assert.Empty(missing);
        // Every line of the cash flow in both years (the demo has four that are not sums), and every note with rows per account.
        Assert.True(formulas.GetValueOrDefault("Kassaflödesanalys") >= 2 * 4, $"Kassaflödesanalys: {formulas.GetValueOrDefault("Kassaflödesanalys")} formulas.");
        Assert.True(formulas.Count(f => f.Key.StartsWith("Not ", StringComparison.Ordinal)) >= 3, string.Join(", ", formulas.Keys));
        Assert.Contains(workbook.Worksheet(AnnualReportWorkbook.IndexSheet).Column(2).CellsUsed(), c => c.GetString() == previousSheet);

        // The flerårsöversikt's two years that the statements print refer to the statements' cells.
        var overview = workbook.Worksheet("Flerårsöversikt");
        foreach (var row in new[] { AnnualReportWorkbook.FirstDataRow, AnnualReportWorkbook.FirstDataRow + 1 })
        {
            Assert.Matches("^'Resultaträkning'!", overview.Cell(row, 2).FormulaA1);
            Assert.Matches("^'Resultaträkning'!", overview.Cell(row, 3).FormulaA1);   // kostnader (+ avskrivningar when the year has any)
            Assert.Matches("^'Resultaträkning'!", overview.Cell(row, 4).FormulaA1);
            Assert.Matches("^'Balansräkning'!", overview.Cell(row, 5).FormulaA1);
        }
    }

    [Fact]
    public void The_checks_are_formulas_over_the_other_sheets_and_agree_with_the_report()
    {
        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        workbook.RecalculateAllFormulas();
        var checks = workbook.Worksheet(AnnualReportWorkbook.ChecksSheet);
        var referring = 0;
        for (var i = 0; i < _model.Checks.Count; i++)
        {
            var check = _model.Checks[i];
            var row = checks.Row(AnnualReportWorkbook.FirstDataRow + i);
            Assert.Equal(check.Name, row.Cell(1).GetString());
            Assert.Equal((double)check.Expected, row.Cell(3).GetDouble(), 2);
            Assert.Equal((double)check.Actual, row.Cell(4).GetDouble(), 2);
            Assert.Equal($"IF(ROUND(E{row.RowNumber()},2)=0,\"Stämmer\",\"Stämmer inte\")", row.Cell(2).FormulaA1);
            Assert.Equal(check.Passed ? AnnualReportWorkbook.Agrees : AnnualReportWorkbook.Disagrees, row.Cell(2).GetString());
            referring += new[] { row.Cell(3), row.Cell(4) }.Count(c => c.HasFormula && c.FormulaA1.Contains('!', StringComparison.Ordinal));
        }

        // The balance sheet balancing, cash against the cash flow, the driftsredovisning and every note refer to their sheets.
        Assert.True(referring >= 2 * 9, $"Only {referring} amounts of the report's checks are formulas.");
        Assert.Matches("^Kontroller 2025: (\\d+) av \\1 stämmer$", checks.Cell(1, 1).GetString());
    }

    [Fact]
    public void The_index_identity_goal_results_and_print_setup_let_the_auditor_find_and_print_everything()
    {
        using var workbook = new XLWorkbook(new MemoryStream(_bytes));
        var index = workbook.Worksheet(1);
        Assert.Equal(AnnualReportWorkbook.IndexSheet, index.Name);
        Assert.Equal(WorkbookIdentity.SheetName, workbook.Worksheet(2).Name);
        Assert.Equal(AnnualReportWorkbook.ChecksSheet, workbook.Worksheets.Last().Name);
        var listed = index.Column(2).CellsUsed().Skip(1).Select(c => (c.GetString(), c.HasHyperlink ? c.Hyperlink.InternalAddress : null)).ToList();
        Assert.Equal(workbook.Worksheets.Select(w => (w.Name, (string?)$"'{w.Name}'!A1")), listed);

        var identity = workbook.Worksheet(2);
        var values = WorkbookIdentity.Labels.Select((label, i) => (label, identity.Cell(i + 3, 2).GetString())).ToDictionary(p => p.label, p => p.Item2);
        Assert.Equal("2025", values["Verksamhetsår"]);
        Assert.Equal("Utkast (inte fastställd)", values["Status"]);
        Assert.Equal(_model.Cover?.Seat, values["Säte"]);
        Assert.StartsWith($"{_model.Checks.Count} av {_model.Checks.Count} ", values["Kontroller"], StringComparison.Ordinal);

        foreach (var sheet in workbook.Worksheets)
        {
            Assert.True(sheet.Name.Length <= 31, sheet.Name);
            Assert.True((1, 0) == (sheet.PageSetup.PagesWide, sheet.PageSetup.PagesTall), $"{sheet.Name} does not print one page wide.");
            Assert.True((1, 2) == (sheet.PageSetup.FirstRowToRepeatAtTop, sheet.PageSetup.LastRowToRepeatAtTop), $"{sheet.Name} does not repeat its title and headers.");
        }

        Assert.Equal(XLPageOrientation.Landscape, workbook.Worksheet("Driftsredovisning").PageSetup.PageOrientation);
        Assert.Equal(XLPageOrientation.Landscape, workbook.Worksheet(AnnualReportWorkbook.TrialBalanceSheet).PageSetup.PageOrientation);

        // A goal's share result is a number (n / N) with n and N in columns of their own, never text like "35 %, 43 av 124".
        var shares = workbook.Worksheets.Where(s => s.Row(2).CellsUsed().Any(c => c.GetString().EndsWith(": antal (n)", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(shares);
        var rows = 0;
        foreach (var sheet in shares)
        {
            var n = sheet.Row(2).CellsUsed().First(c => c.GetString().EndsWith(": antal (n)", StringComparison.Ordinal)).Address.ColumnNumber;
            foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() >= AnnualReportWorkbook.FirstDataRow && r.Cell(n).DataType == XLDataType.Number))
            {
                var value = row.Cell(n - 1);
                Assert.Equal($"{AnnualReportWorkbook.Letter(n - 1)}{row.RowNumber()}/{AnnualReportWorkbook.Letter(n)}{row.RowNumber()}", value.FormulaA1);
                Assert.Equal(AnnualReportWorkbook.ShareFormat, value.Style.NumberFormat.Format);
                Assert.Equal(row.Cell(n).GetDouble() / row.Cell(n + 1).GetDouble(), value.GetDouble(), 9);
                rows++;
            }
        }

        Assert.True(rows > 0);
        var shareAsText = new System.Text.RegularExpressions.Regex("^[0-9]+(,[0-9])?\\s?%, [0-9]+ av [0-9]+$");
        Assert.Empty(workbook.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => c.DataType == XLDataType.Text && shareAsText.IsMatch(c.GetString()))
            .Select(c => $"{c.Worksheet.Name}!{c.Address}: {c.GetString()} under {c.Worksheet.Cell(2, c.Address.ColumnNumber).GetString()}"));
    }
}
