using System.Xml.Linq;
using Finsam.Domain.Statistics;
using Finsam.Reporting.Charts;

namespace Finsam.UnitTests.Charts;

/// <summary>
/// A breakdown chart (stacked kvinnor, män, annat per category) under the small-cell rule: hidden values are not drawn,
/// each bar ends at its total as shown, and the hidden values of a bar with a shown total are one grey segment (#16).
/// </summary>
public sealed class BreakdownChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly IReadOnlyList<(string Label, GenderCounts Counts)> Rows =
    [
        ("Åkerby", new GenderCounts(20, 10, 0)),
        ("Strandvik", new GenderCounts(9, 2, 1)),
        ("Bergsjö", new GenderCounts(1, 2, 0)),
    ];

    [Fact]
    public void Each_series_keeps_its_colour_in_every_chart()
    {
        var chart = StatisticsCharts.Breakdown("Aktuella deltagare per hemkommun 2025", Rows);

        Assert.Equal(["Kvinnor", "Män", "Annat/ej angivet"], chart.Series.Select(s => s.Name));
        Assert.Equal([SvgChart.SeriesColours["Kvinnor"], SvgChart.SeriesColours["Män"], SvgChart.SeriesColours["Annat/ej angivet"]],
            Enumerable.Range(0, 3).Select(s => SvgChart.ColourOf(chart, s)));
    }

    [Fact]
    public void Under_the_small_cell_rule_hidden_values_are_not_drawn_and_each_bar_ends_at_its_total_as_shown()
    {
        // As a table under the rule would show it: Strandvik's män and annat hidden (total 12 shown), Bergsjö all hidden.
        bool Hidden(int series, int row) => (row == 1 && series >= 1) || row == 2;
        (int, bool)[] totals = [(30, false), (12, false), (3, true)];

        var chart = StatisticsCharts.Breakdown("Aktuella deltagare per hemkommun 2025", Rows).AsShown(Hidden, totals);

        Assert.Equal([null, null, null], chart.Series.Take(3).Select(s => s.Values[2]));
        Assert.Equal(ChartSmallCells.HiddenSeries, chart.Series[^1].Name);
        Assert.Equal([null, 3m, null], chart.Series[^1].Values);
        Assert.Equal(["30", "12", SmallCells.SmallMark], chart.StackTotals);

        var svg = XDocument.Parse(SvgChart.Bars(chart, stacked: true)).Root!;
        var labels = svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value).ToList();
        Assert.Equal(["30", "12", SmallCells.SmallMark], labels);
        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.DoesNotContain(bars, b => b.Element(Svg + "title")!.Value.StartsWith("Bergsjö", StringComparison.Ordinal));
        Assert.Contains(bars, b => b.Element(Svg + "title")!.Value == "Strandvik, Dolda värden: <5");
        Assert.Contains("Grått: dolda värden", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }
}
