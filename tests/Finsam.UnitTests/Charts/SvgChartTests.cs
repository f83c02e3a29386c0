using System.Xml.Linq;
using Finsam.Reporting.Charts;

namespace Finsam.UnitTests.Charts;

/// <summary>The charts are well-formed SVG with an accessible name, and draw what the data says.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Text(string s) => s.Replace('\u00a0', ' ').Replace('\u2212', '-');

    private static readonly ChartData Participants = new(
        "Deltagare per insats 2025",
        "Aktuella deltagare per insats, uppdelat på kvinnor och män.",
        ["P30 Steget vidare", "P31 Samverkansteam Åkerby & co"],
        [new("Kvinnor", [120m, 30m]), new("Män", [60m, null])]);

    [Fact]
    public void Grouped_bars_have_one_bar_per_value_with_its_label_and_an_accessible_name()
    {
        var doc = XDocument.Parse(SvgChart.Bars(Participants));
        var root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        var title = root.Element(Svg + "title")!;
        var desc = root.Element(Svg + "desc")!;
        Assert.Equal("Deltagare per insats 2025", title.Value);
        Assert.Equal($"{(string?)title.Attribute("id")} {(string?)desc.Attribute("id")}", (string?)root.Attribute("aria-labelledby"));

        var bars = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.Equal(3, bars.Count);                                   // the missing value draws no bar
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths[0] / 2, widths[1], 3);                     // 60 is half of 120
        Assert.Equal(widths[0] / 4, widths[2], 3);                     // 30 is a quarter

        var values = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value).ToList();
        Assert.Equal(["120", "60", "30", "–"], values);
        var categories = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "category").Select(t => t.Value).ToList();
        Assert.Equal(["P30 Steget vidare", "P31 Samverkansteam Åkerby & co"], categories);
        Assert.Equal(["Kvinnor", "Män"], root.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend").Select(g => g.Value));
    }

    [Fact]
    public void One_colour_means_one_thing_in_every_chart()
    {
        // The shared series have colours of their own, all different.
        Assert.Equal(SvgChart.SeriesColours.Count, SvgChart.SeriesColours.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        // "Annat/ej angivet" in the stacked chart and "Alla" in the grouped one are different colours; "Kvinnor" is the same colour in both.
        static Dictionary<string, string> Legend(string svg) => XDocument.Parse(svg).Root!.Descendants(Svg + "g")
            .Where(g => (string?)g.Attribute("class") == "legend")
            .ToDictionary(g => g.Value, g => (string)g.Element(Svg + "rect")!.Attribute("fill")!);
        var stacked = Legend(SvgChart.Bars(new ChartData("Deltagare", "", ["P30"], [new("Kvinnor", [1m]), new("Män", [2m]), new("Annat/ej angivet", [1m])]), stacked: true));
        var grouped = Legend(SvgChart.Bars(new ChartData("Avslutsorsak", "", ["Arbete"], [new("Kvinnor", [1m]), new("Män", [2m]), new("Alla", [3m])])));
        Assert.Equal(stacked["Kvinnor"], grouped["Kvinnor"]);
        Assert.Equal(stacked["Män"], grouped["Män"]);
        Assert.NotEqual(stacked["Annat/ej angivet"], grouped["Alla"]);
    }

    [Fact]
    public void Stacked_bars_put_the_series_end_to_end_and_label_the_total()
    {
        var root = XDocument.Parse(SvgChart.Bars(Participants, stacked: true)).Root!;
        var bars = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        double At(XElement e, string a) => double.Parse((string)e.Attribute(a)!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(At(bars[0], "x") + At(bars[0], "width"), At(bars[1], "x"), 3);
        Assert.Equal(At(bars[0], "y"), At(bars[1], "y"));
        Assert.Equal(["180", "30"], root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value));
    }

    [Fact]
    public void Values_are_written_the_swedish_way()
    {
        var data = new ChartData("Andel", "Andel till arbete/studier", ["Kvinnor"], [new("2025", [31.25m])], ChartValueFormat.Percent);
        var root = XDocument.Parse(SvgChart.Bars(data)).Root!;
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "31\u00a0%");
        var money = new ChartData("Budget", "Budget och utfall", ["P30"], [new("Budget", [1_515_000m]), new("Utfall", [-1_185_000m])], ChartValueFormat.Tkr);
        var texts = XDocument.Parse(SvgChart.Bars(money)).Root!.Descendants(Svg + "text").Select(t => Text(t.Value)).ToList();
        Assert.Contains("1 515,0", texts);
        Assert.Contains("-1 185,0", texts);
    }

    [Fact]
    public void A_line_has_a_point_and_a_value_per_year_and_round_ticks()
    {
        var data = new ChartData("Trend", "Deltagare per år", ["2023", "2024", "2025"], [new("Aktuella", [310m, 402m, 388m]), new("Avslutade", [120m, null, 150m])]);
        var root = XDocument.Parse(SvgChart.Line(data)).Root!;
        var lines = root.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(3, ((string)lines[0].Attribute("points")!).Split(' ').Length);
        Assert.Equal(2, ((string)lines[1].Attribute("points")!).Split(' ').Length);    // the missing year is skipped
        Assert.Equal(5, root.Descendants(Svg + "circle").Count());
        Assert.Equal(["2023", "2024", "2025"], root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "category").Select(t => t.Value));
        var ticks = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "tick").Select(t => Text(t.Value)).ToList();
        Assert.Equal(["0", "100", "200", "300", "400", "500"], ticks);

        // A higher point is drawn higher up (smaller y).
        var points = root.Descendants(Svg + "circle").Where(c => (string?)c.Attribute("data-series") == "0")
            .Select(c => double.Parse((string)c.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(points[1] < points[0] && points[1] < points[2]);
    }

    [Fact]
    public void Text_is_escaped_and_empty_data_still_renders()
    {
        var data = new ChartData("<script>", "a & b", [], []);
        var markup = SvgChart.Bars(data);
        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.Equal("<script>", XDocument.Parse(markup).Root!.Element(Svg + "title")!.Value);
        Assert.NotNull(XDocument.Parse(SvgChart.Line(data)).Root);
    }
}
