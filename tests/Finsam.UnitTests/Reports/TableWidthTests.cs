using Finsam.Reporting.AnnualReport;

namespace Finsam.UnitTests.Reports;

/// <summary>Which tables need a landscape page: the narrowest they can be set at 8 (or 9) pt against the portrait page's 17 cm.</summary>
public sealed class TableWidthTests
{
    private static ReportTable Table(int amountColumns, decimal amount, string firstColumn = "Insats") => new("T", "T",
        [new ReportColumn(firstColumn, CellKind.Text), .. Enumerable.Range(1, amountColumns).Select(i => new ReportColumn($"Belopp {i}", CellKind.Amount))],
        [new ReportRow([(ReportCell)"Arbetslivsinriktad rehabilitering", .. Enumerable.Range(1, amountColumns).Select(_ => (ReportCell)amount)])]);

    [Fact]
    public void A_driftsredovisning_of_nine_columns_fits_a_portrait_page_and_fifteen_amount_columns_do_not()
    {
        // The driftsredovisning: text and eight amount columns, tens of millions of kronor (−13 506,0 tkr).
        Assert.False(TableWidth.NeedsLandscape(Table(8, -13_506_000m)));
        Assert.False(TableWidth.NeedsLandscape(Table(8, -99_999_000m)));
        Assert.True(TableWidth.NeedsLandscape(Table(15, -123_456_700m)));
        Assert.True(TableWidth.MinimumPoints(Table(15, -123_456_700m)) < TableWidth.LandscapePoints);
    }

    [Fact]
    public void A_long_word_in_a_text_column_counts_but_a_wide_tables_header_breaks_anywhere()
    {
        var narrow = TableWidth.MinimumPoints(Table(8, 1_000m));
        Assert.Equal(narrow, TableWidth.MinimumPoints(Table(8, 1_000m, "Kategori och insats med en mycket lång rubrik")), 6);
        var longWord = new ReportTable("T", "T", [new ReportColumn("Post", CellKind.Text)], [new ReportRow(["Rehabiliteringssamordningsverksamhetsutvecklingsprojektet"])]);
        Assert.True(TableWidth.MinimumPoints(longWord) > 200);
    }
}
