using ClosedXML.Excel;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Reports;
using Finsam.Reporting.AnnualReport;

namespace Finsam.UnitTests.Reports;

public sealed class AnnualReportTablesTests
{
    private static readonly IncomeStatement Income = new(28_000_000m, -27_500_000m, -50_000m, 10_000m, -2_000m, 0m);

    [Fact]
    public void Sum_rows_add_up_the_rows_they_name_and_equal_the_statement()
    {
        var table = EconomyTables.IncomeStatement(2025, Income, null);
        var result = table.Rows.Single(r => r.Cells[0].Text == "Årets resultat");
        Assert.Equal(Income.ResultForTheYear, result.Cells[2].Number);
        Assert.Equal(RowStyle.Sum, result.Style);
        var operating = table.Rows.Single(r => r.Cells[0].Text == "Verksamhetens nettokostnad");
        Assert.Equal(Income.OperatingResult, operating.Cells[2].Number);
        Assert.Equal([0, 1, 2], operating.SumOf);
        Assert.Equal(["Post", "Not", "2025-01-01–2025-12-31"], table.Columns.Select(c => c.Header));   // no previous year: no empty column
        Assert.DoesNotContain(table.Rows, r => r.Cells[0].Text == "Extraordinära poster");   // zero: left out
        Assert.Equal([6], result.SumOf);   // resultat efter finansiella poster; the extraordinary line is gone
    }

    [Fact]
    public void A_budget_on_a_category_is_shown_on_its_line_and_every_category_total_sums_its_lines()
    {
        // Intäkter från medlemmarna: one account line, budgeted on the category. Finansiella poster: two lines, budgeted on the category.
        var members = new OperatingCategoryBlock(OperatingCategory.MemberIncome,
            [new OperatingRow("3010", "3010 Bidrag", new OperatingFigures(14_000_000m, 0m), null, null)],
            new OperatingFigures(14_000_000m, 0m), new OperatingFigures(14_400_000m, 0m), null);
        var financial = new OperatingCategoryBlock(OperatingCategory.FinancialItems,
            [new OperatingRow("8410", "8410 Ränta", new OperatingFigures(10_000m, 0m), null, null), new OperatingRow("8510", "8510 Räntekostnad", new OperatingFigures(0m, 2_000m), null, null)],
            new OperatingFigures(10_000m, 2_000m), new OperatingFigures(5_000m, 0m), null);
        var statement = new OperatingStatement(2025, [members, financial], new OperatingFigures(14_010_000m, 2_000m), new OperatingFigures(14_405_000m, 0m), null, []);
        var table = EconomyTables.Operating(statement);
        ReportRow Row(string text) => table.Rows.Single(r => r.Cells[0].Text == text);
        Assert.Equal(14_400_000m, Row("3010 Bidrag").Cells[4].Number);          // budget netto on the one line
        Assert.Equal(-400_000m, Row("3010 Bidrag").Cells[5].Number);            // avvikelse
        Assert.Equal(5_000m, Row("Budget för finansiella poster utan fördelning").Cells[4].Number);
        Assert.All(table.Rows.Where(r => r.Style == RowStyle.Sum), r => Assert.NotNull(r.SumOf));
        Assert.Equal(14_405_000m, table.Rows[^1].Cells[4].Number);
    }

    [Fact]
    public void The_balance_sheet_sums_both_sides()
    {
        var sheet = new BalanceSheet(80_000m, 0m, 0m, 300_000m, 0m, 14_384_000m, 13_364_000m, 458_000m, 0m, 0m, 1_400_000m);
        var table = EconomyTables.BalanceSheet(2025, sheet, sheet, null);
        decimal? Value(string text) => table.Rows.Single(r => r.Cells[0].Text == text).Cells[2].Number;
        Assert.Equal(14_764_000m, Value("Summa tillgångar"));
        Assert.Equal(14_764_000m, Value("Summa eget kapital, avsättningar och skulder"));
        Assert.Equal(458_000m, Value("Årets resultat"));
        Assert.Equal(13_364_000m - 458_000m, Value("Övrigt eget kapital"));
        Assert.Equal(13_364_000m, Value("Summa eget kapital"));
        Assert.Equal(["Post", "Not", "2025-12-31", "2024-12-31"], table.Columns.Select(c => c.Header));
        Assert.DoesNotContain(table.Rows, r => r.Cells[0].Text is "Förråd" or "Avsättningar" or "Finansiella anläggningstillgångar");   // zero in both years
        Assert.Equal("Ansvarsförbindelser: Inga", table.Note);
        Assert.Equal("Ansvarsförbindelser: Borgen för Samhall 50 tkr", EconomyTables.BalanceSheet(2025, sheet, null, " Borgen för Samhall 50 tkr ").Note);
    }

    [Fact]
    public void The_workbook_writes_sums_and_differences_as_formulas_over_the_cells()
    {
        var t = new TableRows();
        var a = t.Add(["Insats A", 100m, 300m, -200m]);
        var b = t.Add(["Insats B", 50m, 20m, 30m]);
        t.Sum("Summa", a, b);
        var table = new ReportTable("Drift", "Drift 2025",
            [new("Insats", CellKind.Text), new("Intäkt", CellKind.Amount), new("Kostnad", CellKind.Amount), new("Netto", CellKind.Amount) { Difference = (1, 2) }],
            t.Rows);
        var model = new AnnualReportModel(2025, "Förbundet", null, true, DateTime.UtcNow,
            [new ReportSection(ReportSectionKind.OperatingStatement, "Driftsredovisning", null, [new TableBlock(table)])],
            [new ReportCheck("Balansräkningen balanserar", false, 10m, 12m, "Förklaring")]);

        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(model)));
        var sheet = workbook.Worksheet("Drift");
        Assert.Equal("Drift 2025", sheet.Cell(1, 1).GetString());
        Assert.Equal("Intäkt", sheet.Cell(2, 2).GetString());
        Assert.Equal(100d, sheet.Cell(3, 2).GetDouble());
        Assert.Equal(AnnualReportWorkbook.AmountFormat, sheet.Cell(3, 2).Style.NumberFormat.Format);
        Assert.Equal("B3-C3", sheet.Cell(3, 4).FormulaA1);
        Assert.Equal("SUM(B3,B4)", sheet.Cell(5, 2).FormulaA1);
        Assert.Equal(150d, sheet.Cell(5, 2).GetDouble());
        Assert.Equal("B5-C5", sheet.Cell(5, 4).FormulaA1);   // a total's net is still intäkt − kostnad
        Assert.Equal(-170d, sheet.Cell(5, 4).GetDouble());
        Assert.Equal(2, sheet.SheetView.SplitRow);

        var checks = workbook.Worksheet(AnnualReportWorkbook.ChecksSheet);
        Assert.Equal("Stämmer inte", checks.Cell(3, 2).GetString());
        Assert.Equal(2d, checks.Cell(3, 5).GetDouble());
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text_in_the_workbook()
    {
        var table = new ReportTable("T", "T", [new("Text", CellKind.Text)], [new ReportRow(["=HYPERLINK(\"http://x\")"])]);
        var model = new AnnualReportModel(2025, "F", null, true, DateTime.UtcNow, [new ReportSection(ReportSectionKind.Notes, "Noter", null, [new TableBlock(table)])], []);
        using var workbook = new XLWorkbook(new MemoryStream(AnnualReportWorkbook.Build(model)));
        var cell = workbook.Worksheet("T").Cell(3, 1);
        Assert.False(cell.HasFormula);
        Assert.StartsWith("'=", cell.GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Not 1 Verksamhetens intäkter per medlem och projekt", "Not 1 Verksamhetens intäkter…")]
    [InlineData("Kvot: a/b [x]", "Kvot- a-b -x-")]
    public void Sheet_names_are_short_unique_and_allowed(string key, string expected)
    {
        var used = new HashSet<string>();
        Assert.Equal(expected, AnnualReportWorkbook.SheetName(key, used));
        Assert.NotEqual(expected, AnnualReportWorkbook.SheetName(key, used));
        Assert.True(AnnualReportWorkbook.SheetName(key, used).Length <= 31);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    public void Column_letters(int index, string letter) => Assert.Equal(letter, AnnualReportWorkbook.Letter(index));

    [Fact]
    public void Markdown_is_rendered_with_headings_below_the_section_title_and_without_scripts()
    {
        Assert.Equal("<h2>Rubrik</h2>\n<h3>Under</h3>\n", ReportMarkdown.ToSafeHtml("### Rubrik\n#### Under"));
        var html = ReportMarkdown.ToSafeHtml("# Året\n\nText med **fet** stil.<script>alert(1)</script>\n\n[länk](javascript:alert(1)) [bra](https://finsam.se)\n\n<img src=x onerror=alert(1)>");
        Assert.NotNull(html);
        Assert.Contains("<h2>Året</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>fet</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://finsam.se\"", html, StringComparison.Ordinal);
        Assert.Null(ReportMarkdown.ToSafeHtml("  \n "));
    }

    [Fact]
    public async Task The_html_document_lists_every_section_in_the_contents_and_marks_a_draft()
    {
        var model = new AnnualReportModel(2025, "Samordningsförbundet Norrsund", "222000-0000", true, new DateTime(2026, 2, 1, 12, 0, 0, DateTimeKind.Utc),
        [
            new ReportSection(ReportSectionKind.Cover, "Försättsblad", null, []),
            new ReportSection(ReportSectionKind.ChairmanForeword, "Ordförande har ordet", "<p>Hej</p>", []),
            new ReportSection(ReportSectionKind.IncomeStatement, "Resultaträkning", null, [new TableBlock(EconomyTables.IncomeStatement(2025, Income, null))]),
        ], []);
        var html = System.Net.WebUtility.HtmlDecode(await ReportHtml.RenderAsync(model, new Dictionary<string, int> { ["avsnitt-8"] = 4 }));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(">UTKAST</text></svg>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#avsnitt-8\">Resultaträkning</a><span class=\"dots\"></span><span class=\"page\" data-page-of=\"avsnitt-8\">4</span>", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"section\" id=\"avsnitt-2\"><h1>Ordförande har ordet</h1>", html.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", html, StringComparison.Ordinal);
        Assert.DoesNotContain("UTKAST", System.Net.WebUtility.HtmlDecode(await ReportHtml.RenderAsync(model with { IsDraft = false })), StringComparison.Ordinal);

        // Without known pages (the PDF), the renderer fills in the number: a hidden placeholder reserves its space.
        Assert.Contains("<span class=\"page pending\" data-page-of=\"avsnitt-8\">00</span>", System.Net.WebUtility.HtmlDecode(await ReportHtml.RenderAsync(model)), StringComparison.Ordinal);
    }
}

public sealed class SignatoryParsingTests
{
    [Fact]
    public void Lines_of_name_and_title_are_read_and_empty_lines_skipped()
    {
        var parsed = Finsam.Web.Features.AnnualReport.SignatoriesModel.Parse("Anna Andersson, ordförande\n\n Bo Berg ,  ledamot, Åkerby ", out var error);
        Assert.Null(error);
        Assert.Equal([("Anna Andersson", "ordförande"), ("Bo Berg", "ledamot, Åkerby")], parsed);
    }

    [Fact]
    public void A_line_without_a_title_is_refused_with_its_number()
    {
        Assert.Empty(Finsam.Web.Features.AnnualReport.SignatoriesModel.Parse("Anna Andersson, ordförande\nBo Berg", out var error));
        Assert.StartsWith("Rad 2:", error, StringComparison.Ordinal);
    }
}
