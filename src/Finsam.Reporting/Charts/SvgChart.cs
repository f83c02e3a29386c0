using System.Globalization;
using System.Text;
using Finsam.Domain.Formatting;

namespace Finsam.Reporting.Charts;

/// <summary>How a chart writes its values.</summary>
public enum ChartValueFormat
{
    /// <summary>Whole numbers: "1 234".</summary>
    Number,

    /// <summary>Values in percent (31.25 → "31 %").</summary>
    Percent,

    /// <summary>Kronor shown in tkr with one decimal (13 506 000 → "13 506,0").</summary>
    Tkr,
}

/// <summary>
/// One series of a chart: a name (for the legend) and a value per category; null is "no value". Labels, when given,
/// replace the formatted values in the data table and the marks' tooltips, e.g. "31 %, 5 av 17".
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, IReadOnlyList<string>? Labels = null)
{
    /// <summary>When the values are shares: each one's count and basis (5 of 17), so the workbook can show them as numbers.</summary>
    public IReadOnlyList<Domain.Statistics.Share>? Shares { get; init; }

    public string LabelAt(int index, ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (Labels is not null && index < Labels.Count)
        {
            return Labels[index];
        }

        return index < Values.Count && Values[index] is { } v ? chart.FormatValue(v) : "–";
    }
}

/// <summary>The kinds of chart <see cref="SvgChart"/> draws.</summary>
public enum ChartKind
{
    Bars,
    StackedBars,
    Line,
}

/// <summary>
/// What a chart shows. <see cref="Title"/> and <see cref="Description"/> become the SVG's title and desc, read by screen
/// readers; the page shows the same data as a table beside the chart.
/// </summary>
public sealed record ChartData(
    string Title,
    string Description,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    ChartValueFormat Format = ChartValueFormat.Number)
{
    /// <summary>
    /// For stacked bars: the label at the end of each bar, when it is not the sum of the drawn values (under the
    /// small-cell rule a bar's true total is shown, or "&lt;5"/".." when the total itself is hidden); null: the sum.
    /// </summary>
    public IReadOnlyList<string>? StackTotals { get; init; }

    public string FormatValue(decimal value) => Format switch
    {
        ChartValueFormat.Percent => SwedishFormat.Number(Math.Round(value, 0, MidpointRounding.AwayFromZero)) + "\u00a0%",
        ChartValueFormat.Tkr => SwedishFormat.Tkr(value),
        _ => SwedishFormat.Number(value),
    };
}

/// <summary>
/// Renders small charts as SVG markup on the server: no JavaScript, no external fonts, black text on white with values
/// written on the marks so they read in print and in the PDF. Horizontal bars (grouped or stacked) and lines.
/// All text is XML-escaped; the markup can be inserted into a page as is.
/// </summary>
public static class SvgChart
{
    /// <summary>Colours with at least 4.5:1 contrast against white, distinguishable in greyscale by the value labels.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0b5394", "#b45309", "#2e7d32", "#6a1b9a", "#4a5360", "#a4161a"];

    /// <summary>
    /// The colour of each series the charts share, by its name, so that one colour means one thing in every chart of
    /// the report and the overview (green was "Annat/ej angivet" in one chart and "Alla" in the next). Each with at
    /// least 4.5:1 contrast against white. A series not named here takes the palette's colour of its place.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SeriesColours = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Kvinnor"] = "#0b5394",
        ["Män"] = "#b45309",
        ["Annat/ej angivet"] = "#2e7d32",
        ["Alla"] = "#4a5360",
        ["Aktuella"] = "#6a1b9a",
        ["Nya"] = "#00838f",
        ["Avslutade"] = "#a4161a",
        ["Unika individer"] = "#6d4c41",
        ["Budget"] = "#827717",
        ["Utfall"] = "#ad1457",
        [ChartSmallCells.HiddenSeries] = "#767676",
    };

    /// <summary>The colour of a chart's series: its name's (<see cref="SeriesColours"/>), otherwise the palette's for its place.</summary>
    public static string ColourOf(ChartData data, int series)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SeriesColours.TryGetValue(data.Series[series].Name, out var colour) ? colour : Palette[series % Palette.Count];
    }

    private const int Width = 680;
    private const int LabelWidth = 230;
    private const int BarHeight = 16;
    private const int GroupGap = 10;
    private const int ValueLabelWidth = 70;

    /// <summary>Characters of a category label that fit in <see cref="LabelWidth"/> at 12 px DejaVu Sans (about 7.4 px each); longer names are shortened with "…" (the table beside the chart has them in full).</summary>
    private const int CategoryLabelCharacters = 30;
    private const string Font = "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\"";

    public static string Render(ChartData data, ChartKind kind) => kind switch
    {
        ChartKind.Line => Line(data),
        ChartKind.StackedBars => Bars(data, stacked: true),
        _ => Bars(data),
    };

    /// <summary>Horizontal bars, one group per category; stacked puts the series end to end in one bar.</summary>
    public static string Bars(ChartData data, bool stacked = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        var legend = data.Series.Count > 1 ? 24 : 0;
        var perGroup = stacked ? BarHeight : BarHeight * data.Series.Count;
        var height = 10 + legend + data.Categories.Count * (perGroup + GroupGap) + 10;
        var values = data.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var max = stacked
            ? Enumerable.Range(0, data.Categories.Count).Select(c => data.Series.Sum(s => Math.Max(0m, ValueAt(s, c) ?? 0m))).DefaultIfEmpty(0m).Max()
            : values.DefaultIfEmpty(0m).Max();
        max = max <= 0m ? 1m : max;
        var plotWidth = Width - LabelWidth - ValueLabelWidth;

        var svg = Begin(data, height);
        WriteLegend(svg, data, LabelWidth);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{LabelWidth}\" y1=\"{10 + legend}\" x2=\"{LabelWidth}\" y2=\"{height - 10}\" stroke=\"#4a5360\"/>");
        for (var c = 0; c < data.Categories.Count; c++)
        {
            var top = 10 + legend + c * (perGroup + GroupGap);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{LabelWidth - 6}\" y=\"{N(top + perGroup / 2.0 + 4)}\" text-anchor=\"end\" {Font}>{Escape(Shorten(data.Categories[c], CategoryLabelCharacters))}</text>");
            decimal offset = 0m;
            for (var s = 0; s < data.Series.Count; s++)
            {
                var value = ValueAt(data.Series[s], c);
                var y = stacked ? top : top + s * BarHeight;
                if (value is not { } v)
                {
                    if (!stacked)
                    {
                        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{LabelWidth + 4}\" y=\"{N(y + BarHeight - 4)}\" {Font}>–</text>");
                    }

                    continue;
                }

                var x = LabelWidth + (double)(offset / max) * plotWidth;
                var w = (double)(Math.Max(0m, v) / max) * plotWidth;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-series=\"{s}\" x=\"{N(x)}\" y=\"{N(y + 1)}\" width=\"{N(w)}\" height=\"{BarHeight - 2}\" fill=\"{ColourOf(data, s)}\"><title>{Escape($"{data.Categories[c]}, {data.Series[s].Name}: {data.Series[s].LabelAt(c, data)}")}</title></rect>");
                if (!stacked)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(x + w + 4)}\" y=\"{N(y + BarHeight - 4)}\" {Font}>{Escape(data.FormatValue(v))}</text>");
                }

                if (stacked)
                {
                    offset += Math.Max(0m, v);
                }
            }

            if (stacked)
            {
                var total = data.StackTotals is { } totals && c < totals.Count ? totals[c] : data.FormatValue(data.Series.Sum(s => ValueAt(s, c) ?? 0m));
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(LabelWidth + (double)(offset / max) * plotWidth + 4)}\" y=\"{N(top + BarHeight - 4)}\" {Font}>{Escape(total)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Lines over the categories (usually years), with a marker and the value at every point.</summary>
    public static string Line(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        const int height = 300;
        const int left = 60;
        const int right = 30;
        var top = data.Series.Count > 1 ? 44 : 24;
        const int bottom = 36;
        var values = data.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var (min, max, step) = Ticks(Math.Min(0m, values.DefaultIfEmpty(0m).Min()), values.DefaultIfEmpty(0m).Max());
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        double X(int c) => data.Categories.Count <= 1 ? left + plotWidth / 2.0 : left + c * plotWidth / (double)(data.Categories.Count - 1);
        double Y(decimal v) => top + plotHeight - (double)((v - min) / (max - min)) * plotHeight;

        var svg = Begin(data, height);
        WriteLegend(svg, data, left);
        for (var tick = min; tick <= max; tick += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" y1=\"{N(Y(tick))}\" x2=\"{Width - right}\" y2=\"{N(Y(tick))}\" stroke=\"#c9d1da\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left - 6}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" {Font}>{Escape(data.FormatValue(tick))}</text>");
        }

        for (var c = 0; c < data.Categories.Count; c++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{N(X(c))}\" y=\"{height - bottom + 20}\" text-anchor=\"middle\" {Font}>{Escape(data.Categories[c])}</text>");
        }

        for (var s = 0; s < data.Series.Count; s++)
        {
            var colour = ColourOf(data, s);
            var points = Enumerable.Range(0, data.Categories.Count)
                .Where(c => ValueAt(data.Series[s], c) is not null)
                .Select(c => (X: X(c), Y: Y(ValueAt(data.Series[s], c)!.Value), Value: ValueAt(data.Series[s], c)!.Value, Category: data.Categories[c]))
                .ToList();
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" data-series=\"{s}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");
            }

            foreach (var p in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-series=\"{s}\" cx=\"{N(p.X)}\" cy=\"{N(p.Y)}\" r=\"4\" fill=\"{colour}\"><title>{Escape($"{data.Series[s].Name} {p.Category}: {data.FormatValue(p.Value)}")}</title></circle>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{N(p.X)}\" y=\"{N(p.Y - 8)}\" text-anchor=\"middle\" fill=\"{colour}\" {Font}>{Escape(data.FormatValue(p.Value))}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Begin(ChartData data, int height)
    {
        var id = "diagram-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(data.Title + "\n" + data.Description)))[..10];
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{Escape(data.Title)}</title><desc id=\"{id}-d\">{Escape(data.Description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        return svg;
    }

    private static void WriteLegend(StringBuilder svg, ChartData data, int x)
    {
        if (data.Series.Count < 2)
        {
            return;
        }

        var at = (double)x;
        for (var s = 0; s < data.Series.Count; s++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\"><rect x=\"{N(at)}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{ColourOf(data, s)}\"/><text x=\"{N(at + 16)}\" y=\"18\" {Font}>{Escape(data.Series[s].Name)}</text></g>");
            at += 28 + data.Series[s].Name.Length * 7;
        }
    }

    private static decimal? ValueAt(ChartSeries series, int index) => index < series.Values.Count ? series.Values[index] : null;

    /// <summary>An axis from min to max in round steps (1, 2 or 5 times a power of ten), about five of them.</summary>
    internal static (decimal Min, decimal Max, decimal Step) Ticks(decimal min, decimal max)
    {
        if (max <= min)
        {
            max = min + 1m;
        }

        var raw = (double)(max - min) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var ratio = raw / magnitude;
        var nice = ratio <= 1 ? 1 : ratio <= 2 ? 2 : ratio <= 5 ? 5 : 10;
        var step = Math.Round((decimal)(nice * magnitude), 10);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        return (low, high == low ? low + step : high, step);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
