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
    public void A_long_word_counts_in_a_cell_and_in_a_header_which_breaks_between_words_only()
    {
        // A header of short words breaks between them: the row's "Arbetslivsinriktad" is still the column's widest word.
        var narrow = TableWidth.MinimumPoints(Table(8, 1_000m));
        Assert.Equal(narrow, TableWidth.MinimumPoints(Table(8, 1_000m, "Kategori och insats med en mycket lång rubrik")), 6);
        var longWord = new ReportTable("T", "T", [new ReportColumn("Post", CellKind.Text)], [new ReportRow(["Rehabiliteringssamordningsverksamhetsutvecklingsprojektet"])]);
        Assert.True(TableWidth.MinimumPoints(longWord) > 200);

        // A wide table's header word is never broken inside ("Bedömni|ng"), so its longest word counts too.
        Assert.True(TableWidth.MinimumPoints(Table(8, 1_000m, "Rehabiliteringssamordningsverksamhetsutvecklingsprojektet")) > narrow + 150);
    }

    [Fact]
    public void A_results_n_av_N_is_one_unbreakable_word()
    {
        var column = new ReportColumn("R", CellKind.Text);
        ReportTable Of(ReportCell cell) => new("T", "T", [column], [new ReportRow([cell])]);
        var plain = TableWidth.MinimumPoints(Of("29 %, 9 av 31"));
        var measured = TableWidth.MinimumPoints(Of(new ReportCell("29 %, 9 av 31", null) { Measure = new MeasuredValue(0.29m, MeasureUnit.Share, 9, 31) }));
        Assert.True(measured > plain, $"\"9 av 31\" kept together is wider ({measured:0.0} pt) than its widest word ({plain:0.0} pt).");
    }
}
