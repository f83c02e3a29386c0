using Finsam.Domain.Statistics;

namespace Finsam.Reporting.Charts;

/// <summary>The small-cell rule (<see cref="SmallCells"/>) applied to a chart: a hidden value is not drawn and its label says why.</summary>
public static class ChartSmallCells
{
    /// <summary>
    /// The chart without the values <paramref name="hidden"/> names (series index, category index): each is drawn as no
    /// value and labelled "&lt;5" when its count is 1–4 (count charts), otherwise "..".
    /// </summary>
    public static ChartData Without(this ChartData chart, Func<int, int, bool> hidden)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(hidden);
        var series = chart.Series.Select((s, i) =>
        {
            var masked = Enumerable.Range(0, s.Values.Count).Select(c => hidden(i, c)).ToList();
            if (!masked.Contains(true))
            {
                return s;
            }

            var labels = Enumerable.Range(0, s.Values.Count)
                .Select(c => !masked[c] ? s.LabelAt(c, chart)
                    : chart.Format == ChartValueFormat.Number && s.Values[c] is { } v && SmallCells.IsSmall((int)v) ? SmallCells.SmallMark
                    : SmallCells.HiddenMark)
                .ToList();
            return s with { Values = [.. s.Values.Select((v, c) => masked[c] ? null : v)], Labels = labels };
        }).ToList();
        return chart with { Series = series };
    }

    /// <summary>A count chart with every count of 1–4 hidden (no sums tie its values).</summary>
    public static ChartData WithoutSmallCounts(this ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Without((s, c) => chart.Series[s].Values[c] is { } v && SmallCells.IsSmall((int)v));
    }
}
