using Finsam.Reporting.AnnualReport;

namespace Finsam.UnitTests.Reports;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData("0.5", 2, "50 %")]
    [InlineData("0.1175", 2, "11,75 %")]
    [InlineData("0.015", 2, "1,5 %")]
    [InlineData("0.015", 0, "2 %")]
    [InlineData("0.2222222", 0, "22 %")]
    [InlineData("0.2222222", 2, "22,22 %")]
    [InlineData("1", 2, "100 %")]
    public void A_share_is_shown_with_the_decimals_it_needs_up_to_the_columns_limit(string share, int decimals, string expected) =>
        Assert.Equal(expected, ReportFormat.Percent(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), decimals).Replace('\u00a0', ' '));

    [Fact]
    public void A_cell_is_formatted_by_its_column()
    {
        var share = new ReportColumn("Andel", CellKind.Share) { ShareDecimals = 2 };
        Assert.Equal("11,75 %", ReportFormat.Cell(new ReportCell(null, 0.1175m), share).Replace('\u00a0', ' '));
        Assert.Equal("12 %", ReportFormat.Cell(new ReportCell(null, 0.1175m), new ReportColumn("Andel", CellKind.Share)).Replace('\u00a0', ' '));
        Assert.Equal("1 234,5", ReportFormat.Cell(new ReportCell(null, 1_234_500m), new ReportColumn("Belopp", CellKind.Amount)).Replace('\u00a0', ' '));
        Assert.Equal("text", ReportFormat.Cell("text", share));
    }

    [Fact]
    public void A_measured_figure_breaks_only_between_its_parts()
    {
        var text = new ReportColumn("Resultat", CellKind.Text);
        var result = new ReportCell("35 %, 43 av 124", null) { Measure = new MeasuredValue(0.3468m, MeasureUnit.Share, 43, 124) };
        Assert.Equal("35\u00a0%, 43\u00a0av\u00a0124", ReportFormat.Cell(result, text));
        var target = new ReportCell("minst 80 %", null) { Measure = new MeasuredValue(0.8m, MeasureUnit.Share, Relation: "minst") };
        Assert.Equal("minst\u00a080\u00a0%", ReportFormat.Cell(target, text));
        var points = new ReportCell("högst 5 procentenheter", null) { Measure = new MeasuredValue(5m, MeasureUnit.PercentagePoints, Relation: "högst") };
        Assert.Equal("högst\u00a05 procentenheter", ReportFormat.Cell(points, text));

        // Text without measured numbers is printed as it is.
        Assert.Equal("9 av 31 deltagare", ReportFormat.Cell("9 av 31 deltagare", text));
    }
}
