using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;

namespace Finsam.UnitTests.Reports;

/// <summary>The auditors' workbook on a small report: index, saldobalans, statements as formulas over it, measured results, cached values, print setup.</summary>
public sealed class AnnualReportWorkbookTests
{
    private static readonly AccountMappingRule[] Rules = [.. AccountMappingRule.Defaults];

    /// <summary>A balanced year: income 1 000, costs 700 (of which 100 depreciation), a result of 300 not yet booked to equity.</summary>
    private static TrialBalance Ledger() => TrialBalance.Build(2025,
    [
        ("1110", Domain.Economy.LedgerBalanceKind.Opening, 500m), ("1110", Domain.Economy.LedgerBalanceKind.Closing, 400m),
        ("1930", Domain.Economy.LedgerBalanceKind.Opening, 1_500m), ("1930", Domain.Economy.LedgerBalanceKind.Closing, 2_000m),
        ("2010", Domain.Economy.LedgerBalanceKind.Opening, -1_800m), ("2010", Domain.Economy.LedgerBalanceKind.Closing, -1_800m),
        ("2440", Domain.Economy.LedgerBalanceKind.Opening, -200m), ("2440", Domain.Economy.LedgerBalanceKind.Closing, -300m),
        ("3010", Domain.Economy.LedgerBalanceKind.Result, -1_000m),
        ("4010", Domain.Economy.LedgerBalanceKind.Result, 600m),
        ("7810", Domain.Economy.LedgerBalanceKind.Result, 100m),
    ], new Dictionary<string, string> { ["1930"] = "Bank", ["3010"] = "Medlemsbidrag" }, Rules);

    private static AnnualReportModel Model(params ReportTable[] extra)
    {
        var income = new IncomeStatement(1_000m, -600m, -100m, 0m, 0m, 0m);
        var closing = new BalanceSheet(400m, 0m, 0m, 0m, 0m, 2_000m, 2_100m, 300m, 0m, 0m, 300m);
        var rr = EconomyTables.IncomeStatement(2025, income, null);
        var br = EconomyTables.BalanceSheet(2025, closing, null, null);
        return new AnnualReportModel(2025, "Förbundet", "222000-0000", true, new DateTime(2026, 2, 1, 12, 0, 0, DateTimeKind.Utc),
            [
                new ReportSection(ReportSectionKind.IncomeStatement, "Resultaträkning", null, [new TableBlock(rr)]),
                new ReportSection(ReportSectionKind.BalanceSheet, "Balansräkning", null, [new TableBlock(br), .. extra.Select(t => new TableBlock(t))]),
            ],
            [new ReportCheck("Balansräkningen balanserar", true, 2_400m, 2_400m, "Tillgångar mot skulder.")]);
    }

    [Fact]
    public void The_trial_balance_gives_each_account_its_line_opening_movement_and_closing()
    {
        var ledger = Ledger();
        var bank = ledger.Rows.Single(r => r.Account == "1930");
        Assert.Equal(("Bank", StatementLine.CashAndBank, 1_500m, 500m, 2_000m), (bank.Name, bank.Line!.Value, bank.Opening!.Value, bank.Period, bank.Closing!.Value));
        var depreciation = ledger.Rows.Single(r => r.Account == "7810");
        Assert.Equal((StatementLine.Depreciation, (decimal?)null, 100m, true), (depreciation.Line!.Value, depreciation.Opening, depreciation.Period, depreciation.IsResultAccount));
        Assert.Equal("Avskrivningar", depreciation.LineName);
        Assert.Equal(TrialBalance.Unmapped, new TrialBalanceRow("9999", "", null, null, 5m, null).LineName);
    }

    [Fact]
    public void The_statements_are_formulas_over_the_trial_balance_and_recompute_to_the_report()
    {
        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(Model(), Ledger())));
        var rr = workbook.Worksheet("Resultaträkning");
        var income = rr.RowsUsed().Single(r => r.Cell(1).GetString() == "Verksamhetens intäkter");
        Assert.Equal("-SUMIFS('Saldobalans'!$E$3:$E$9,'Saldobalans'!$C$3:$C$9,\"Verksamhetens intäkter\")", income.Cell(3).FormulaA1);
        workbook.RecalculateAllFormulas();
        decimal Value(IXLWorksheet sheet, string line) => (decimal)sheet.RowsUsed().Single(r => r.Cell(1).GetString() == line).Cell(3).GetDouble();
        Assert.Equal(1_000m, Value(rr, "Verksamhetens intäkter"));
        Assert.Equal(-600m, Value(rr, "Verksamhetens kostnader"));
        Assert.Equal(-100m, Value(rr, "Avskrivningar"));
        Assert.Equal(300m, Value(rr, "Årets resultat"));
        var br = workbook.Worksheet("Balansräkning");
        Assert.Equal(400m, Value(br, "Materiella och immateriella anläggningstillgångar"));
        Assert.Equal(2_000m, Value(br, "Kassa och bank"));
        Assert.Equal(300m, Value(br, "Årets resultat"));
        Assert.StartsWith("'Resultaträkning'!C", br.RowsUsed().Single(r => r.Cell(1).GetString() == "Årets resultat").Cell(3).FormulaA1, StringComparison.Ordinal);
        Assert.Equal(1_800m, Value(br, "Övrigt eget kapital"));
        Assert.Equal(300m, Value(br, "Kortfristiga skulder"));
        Assert.Equal(2_400m, Value(br, "Summa tillgångar"));
        Assert.Equal(2_400m, Value(br, "Summa eget kapital, avsättningar och skulder"));

        var tb = workbook.Worksheet(AnnualReportWorkbook.TrialBalanceSheet);
        Assert.Equal(["Konto", "Kontonamn", "Rad i resultat- eller balansräkningen", "Ingående balans", "Årets förändring", "Utgående balans"],
            tb.Row(2).CellsUsed().Select(c => c.GetString()));
        Assert.Equal("1930", tb.Cell(4, 1).GetString());
        Assert.Equal(XLDataType.Text, tb.Cell(4, 1).DataType);
        var sum = tb.RowsUsed().Single(r => r.Cell(1).GetString() == "Summa");
        Assert.Equal([0d, 0d], [sum.Cell(4).GetDouble(), sum.Cell(6).GetDouble()]);

        // The checks: the report's check with its amounts taken from the balance sheet, then every line recomputed.
        var checks = workbook.Worksheet(AnnualReportWorkbook.ChecksSheet);
        Assert.StartsWith("'Balansräkning'!C", checks.Cell(3, 3).FormulaA1, StringComparison.Ordinal);
        Assert.Equal(AnnualReportWorkbook.Agrees, checks.Cell(3, 2).GetString());
        var recomputed = checks.RowsUsed().Where(r => r.Cell(1).GetString().EndsWith(" ur saldobalansen", StringComparison.Ordinal) && r.Cell(5).HasFormula).ToList();
        Assert.Equal(8, recomputed.Count);   // RR: intäkter, kostnader, avskrivningar; BR: anläggningstillgångar, kassa och bank, årets resultat, övrigt eget kapital, kortfristiga skulder
        Assert.All(recomputed, r => Assert.Equal(AnnualReportWorkbook.Agrees, r.Cell(2).GetString()));
        Assert.Equal("Kontroller 2025: 11 av 11 stämmer", checks.Cell(1, 1).GetString());
    }

    /// <summary>Last year: income 900, costs 600, depreciation 100; bank 1 500 and equity 1 800 at its end, receivables 500, liabilities 200.</summary>
    private static TrialBalance LastYear() => TrialBalance.Build(2024,
    [
        ("1110", Domain.Economy.LedgerBalanceKind.Closing, 500m), ("1930", Domain.Economy.LedgerBalanceKind.Closing, 1_500m),
        ("2010", Domain.Economy.LedgerBalanceKind.Closing, -1_800m), ("2440", Domain.Economy.LedgerBalanceKind.Closing, -200m),
        ("3010", Domain.Economy.LedgerBalanceKind.Result, -900m), ("4010", Domain.Economy.LedgerBalanceKind.Result, 500m),
        ("7810", Domain.Economy.LedgerBalanceKind.Result, 100m),
    ], new Dictionary<string, string>(), Rules);

    private static AnnualReportModel ModelWithLastYear()
    {
        var rr = EconomyTables.IncomeStatement(2025, new IncomeStatement(1_000m, -600m, -100m, 0m, 0m, 0m), new IncomeStatement(900m, -500m, -100m, 0m, 0m, 0m));
        var br = EconomyTables.BalanceSheet(2025, new BalanceSheet(400m, 0m, 0m, 0m, 0m, 2_000m, 2_100m, 300m, 0m, 0m, 300m),
            new BalanceSheet(500m, 0m, 0m, 0m, 0m, 1_500m, 1_800m, 300m, 0m, 0m, 200m), null);
        var kf = EconomyTables.CashFlow(2025, new CashFlowStatement(300m, 100m, 0m, 0m, 100m, 0m, 0m, 0m, 0m, 1_500m),
            new CashFlowStatement(300m, 100m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 1_100m));
        return Model() with
        {
            Sections =
            [
                new ReportSection(ReportSectionKind.IncomeStatement, "Resultaträkning", null, [new TableBlock(rr)]),
                new ReportSection(ReportSectionKind.BalanceSheet, "Balansräkning", null, [new TableBlock(br), new TableBlock(kf)]),
            ],
        };
    }

    [Fact]
    public void Last_years_columns_are_formulas_over_last_years_trial_balance_or_values_that_say_why()
    {
        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(ModelWithLastYear(), Ledger(), null, null, LastYear())));
        Assert.True(workbook.TryGetWorksheet("Saldobalans 2024", out _));
        workbook.RecalculateAllFormulas();
        var rr = workbook.Worksheet("Resultaträkning");
        var income = rr.RowsUsed().Single(r => r.Cell(1).GetString() == "Verksamhetens intäkter");
        Assert.StartsWith("-SUMIFS('Saldobalans 2024'!$E$", income.Cell(4).FormulaA1, StringComparison.Ordinal);
        Assert.Equal(900d, income.Cell(4).GetDouble());
        var kf = workbook.Worksheet("Kassaflödesanalys");
        double Kf(string line, int column) => kf.RowsUsed().Single(r => r.Cell(1).GetString() == line).Cell(column).GetDouble();
        Assert.Equal(100d, Kf("Justering för avskrivningar", 3));
        Assert.Equal(100d, Kf("Ökning (+) / minskning (−) av kortfristiga skulder", 3));
        Assert.Equal(1_500d, Kf("Likvida medel vid årets början", 3));
        Assert.Equal(2_000d, Kf("Likvida medel vid årets slut", 3));
        Assert.Contains("'Saldobalans'!$D$", kf.RowsUsed().Single(r => r.Cell(1).GetString() == "Likvida medel vid årets början").Cell(3).FormulaA1, StringComparison.Ordinal);
        Assert.StartsWith("'Resultaträkning'!D", kf.RowsUsed().Single(r => r.Cell(1).GetString() == "Årets resultat").Cell(4).FormulaA1, StringComparison.Ordinal);
        // Last year's cash flow here was not computed from these balances: its lines stay the report's values, and the sheet says so.
        Assert.False(kf.RowsUsed().Single(r => r.Cell(1).GetString() == "Likvida medel vid årets början").Cell(4).HasFormula);
        Assert.Contains(kf.CellsUsed(), c => c.GetString().StartsWith("Rader utan formel är årsredovisningens belopp", StringComparison.Ordinal));
        Assert.DoesNotContain(rr.CellsUsed(), c => c.GetString().StartsWith("Rader utan formel", StringComparison.Ordinal));

        // Without last year's ledger (the first year in Finsam) the column is values, and the sheet says so.
        using var first = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(ModelWithLastYear(), Ledger())));
        var firstRr = first.Worksheet("Resultaträkning");
        Assert.False(firstRr.RowsUsed().Single(r => r.Cell(1).GetString() == "Verksamhetens intäkter").Cell(4).HasFormula);
        Assert.Contains(firstRr.CellsUsed(), c => c.GetString().StartsWith("Kolumnen 2024-01-01–2024-12-31 är värden: föregående år har ingen bokföring i Finsam", StringComparison.Ordinal));
    }

    [Fact]
    public void A_line_that_does_not_match_its_accounts_shows_as_a_failed_check()
    {
        // The report says 1 100 in income; the accounts say 1 000.
        var model = Model();
        var rr = (TableBlock)model.Sections[0].Blocks[0];
        var rows = rr.Table.Rows.ToList();
        rows[0] = rows[0] with { Cells = [rows[0].Cells[0], rows[0].Cells[1], 1_100m] };
        model = model with { Sections = [model.Sections[0] with { Blocks = [new TableBlock(rr.Table with { Rows = rows })] }, model.Sections[1]] };
        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(model, Ledger())));
        var checks = workbook.Worksheet(AnnualReportWorkbook.ChecksSheet);
        var income = checks.RowsUsed().Single(r => r.Cell(1).GetString() == "Resultaträkning: Verksamhetens intäkter ur saldobalansen");
        Assert.Equal(AnnualReportWorkbook.Disagrees, income.Cell(2).GetString());
        Assert.Equal(-100d, income.Cell(5).GetDouble());
    }

    [Fact]
    public void Every_formula_is_saved_with_its_value()
    {
        var bytes = AnnualReportWorkbook.Build(Model(), Ledger());
        var (formulas, withoutValue) = FormulaCells(bytes);
        Assert.True(formulas > 30, $"{formulas} formulas");
        Assert.Empty(withoutValue);
    }

    /// <summary>Every formula cell (&lt;f&gt;) of every sheet of a saved workbook, and those without a saved value (&lt;v&gt;).</summary>
    public static (int Formulas, List<string> WithoutValue) FormulaCells(byte[] workbook)
    {
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var formulas = 0;
        var missing = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            foreach (var cell in XDocument.Load(stream).Descendants(x + "c").Where(c => c.Element(x + "f") is not null))
            {
                formulas++;
                if (string.IsNullOrEmpty(cell.Element(x + "v")?.Value))
                {
                    missing.Add($"{entry.FullName} {cell.Attribute("r")?.Value}");
                }
            }
        }

        return (formulas, missing);
    }

    [Fact]
    public void The_index_comes_first_and_links_every_sheet_including_appendices()
    {
        var appendix = new AnnualReportWorkbook.Appendix("Verifikationslista", "Verifikationerna.", s => s.Cell(1, 1).SetValue("Verifikationslista 2025"));
        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(Model(), Ledger(), null, [appendix])));
        var names = workbook.Worksheets.Select(w => w.Name).ToList();
        Assert.Equal([AnnualReportWorkbook.IndexSheet, WorkbookIdentity.SheetName, "Resultaträkning", "Balansräkning", AnnualReportWorkbook.TrialBalanceSheet, "Verifikationslista", AnnualReportWorkbook.ChecksSheet], names);
        var index = workbook.Worksheet(1);
        for (var i = 0; i < names.Count; i++)
        {
            var link = index.Cell(AnnualReportWorkbook.FirstDataRow + i, 2);
            Assert.Equal(names[i], link.GetString());
            Assert.True(link.HasHyperlink);
            Assert.Equal($"'{names[i]}'!A1", link.Hyperlink.InternalAddress);
            Assert.False(string.IsNullOrWhiteSpace(index.Cell(AnnualReportWorkbook.FirstDataRow + i, 3).GetString()));
        }

        Assert.Equal("Verifikationerna.", index.Cell(AnnualReportWorkbook.FirstDataRow + 5, 3).GetString());
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.True(sheet.Name.Length <= 31);
            Assert.True((1, 0) == (sheet.PageSetup.PagesWide, sheet.PageSetup.PagesTall), $"{sheet.Name} does not print one page wide.");
            Assert.Equal((1, 2), (sheet.PageSetup.FirstRowToRepeatAtTop, sheet.PageSetup.LastRowToRepeatAtTop));
        }

        Assert.Equal(XLPageOrientation.Landscape, workbook.Worksheet(AnnualReportWorkbook.ChecksSheet).PageSetup.PageOrientation);
    }

    [Fact]
    public void A_measured_result_is_written_as_value_n_and_N_in_numeric_columns()
    {
        var goals = new ReportTable("Mål P1", "Mål och resultat 2025: P1",
            [new("Mål", CellKind.Text, 50), new("Målvärde", CellKind.Text, 14), new("Resultat", CellKind.Text, 18), new("Uppfyllt", CellKind.Text, 14)],
            [
                new ReportRow(["Till arbete", new ReportCell("minst 35 %", null) { Measure = new MeasuredValue(0.35m, MeasureUnit.Share, Relation: "minst") },
                    new ReportCell("35 %, 43 av 124", null) { Measure = new MeasuredValue(43m / 124m, MeasureUnit.Share, 43, 124) }, "Nej"]),
                new ReportRow(["Deltagare", new ReportCell("minst 100", null) { Measure = new MeasuredValue(100m, MeasureUnit.Number, Relation: "minst") },
                    new ReportCell("96", null) { Measure = new MeasuredValue(96m, MeasureUnit.Number) }, "Nej"]),
                new ReportRow(["Ej tillämpligt", "–", "ej tillämpligt", "ej tillämpligt"]),
                new ReportRow(["Skillnad kvinnor och män", new ReportCell("högst 5 procentenheter", null) { Measure = new MeasuredValue(5m, MeasureUnit.PercentagePoints, Relation: "högst") },
                    new ReportCell("4,2 procentenheter", null) { Measure = new MeasuredValue(4.2m, MeasureUnit.PercentagePoints) }, "Ja"]),
            ]);
        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(Model(goals))));
        var sheet = workbook.Worksheet("Mål P1");
        Assert.Equal(["Mål", "Målvärde (villkor)", "Målvärde", "Resultat", "Resultat: antal (n)", "Resultat: av (N)", "Uppfyllt"], sheet.Row(2).CellsUsed().Select(c => c.GetString()));
        Assert.Equal("minst", sheet.Cell(3, 2).GetString());
        Assert.Equal(0.35, sheet.Cell(3, 3).GetDouble(), 6);
        Assert.Equal(AnnualReportWorkbook.ShareFormat, sheet.Cell(3, 3).Style.NumberFormat.Format);
        Assert.Equal("E3/F3", sheet.Cell(3, 4).FormulaA1);
        Assert.Equal(43d / 124d, sheet.Cell(3, 4).GetDouble(), 9);
        Assert.Equal(AnnualReportWorkbook.ShareFormat, sheet.Cell(3, 4).Style.NumberFormat.Format);
        Assert.Equal((43d, 124d), (sheet.Cell(3, 5).GetDouble(), sheet.Cell(3, 6).GetDouble()));
        Assert.Equal(96d, sheet.Cell(4, 4).GetDouble());
        Assert.Equal(XLDataType.Number, sheet.Cell(4, 4).DataType);
        Assert.True(sheet.Cell(4, 5).IsEmpty());
        Assert.Equal("ej tillämpligt", sheet.Cell(5, 4).GetString());
        Assert.Equal(("högst", 4.2, AnnualReportWorkbook.PointsFormat), (sheet.Cell(6, 2).GetString(), sheet.Cell(6, 4).GetDouble(), sheet.Cell(6, 4).Style.NumberFormat.Format));
    }
}
