using Finsam.Domain.Statistics;

namespace Finsam.Reporting.Charts;

/// <summary>The small-cell rule (<see cref="SmallCells"/>) applied to a chart: a hidden value is not drawn and its label says why.</summary>
public static class ChartSmallCells
{
    /// <summary>
    /// The chart without the values <paramref name="hidden"/> names (series index, category index): each is drawn as no
    /// value and labelled "&lt;5" when its count is 1–4 (count charts), otherwise "..", and a hidden share loses its
    /// numbers (n and N) as well.
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
            // A hidden share keeps neither its value nor its n and N (the workbook and the JSON would print them).
            return s with
            {
                Values = [.. s.Values.Select((v, c) => masked[c] ? null : v)],
                Labels = labels,
                Shares = s.Shares is null ? null : [.. s.Shares.Select((share, c) => c < masked.Count && masked[c] ? default : share)],
            };
        }).ToList();
        return chart with { Series = series };
    }

    /// <summary>The series a stacked chart under the small-cell rule adds for the hidden values of a bar whose total is shown.</summary>
    public const string HiddenSeries = "Dolda värden";

    /// <summary>
    /// A stacked count chart drawn from a table shown under the small-cell rule: each value hidden where the table hides
    /// it (<paramref name="hidden"/>: series, category), and each bar's end labelled with the table's total as shown
    /// (<paramref name="totals"/>: the true total, or "&lt;5"/".." when the total itself is hidden). Where the total is
    /// shown, the hidden values are drawn together as one segment (<see cref="HiddenSeries"/>) so that the bar is as long
    /// as its total; that segment is the total less the shown values, which the table gives as well (no cell is hidden
    /// alone), so it tells nothing the table does not; its figure is written "&lt;5" when it is 1–4.
    /// </summary>
    public static ChartData AsShown(this ChartData chart, Func<int, int, bool> hidden, IReadOnlyList<(int Total, bool Hidden)> totals)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(totals);
        var shown = chart.Without(hidden);
        var rest = Enumerable.Range(0, chart.Categories.Count)
            .Select(c => c < totals.Count && !totals[c].Hidden ? totals[c].Total - shown.Series.Sum(s => c < s.Values.Count ? s.Values[c] ?? 0m : 0m) : 0m)
            .Select(v => v > 0m ? (decimal?)v : null)
            .ToList();
        return shown with
        {
            // The segment's own figure is written "<5" when it is 1–4 (a count of persons is never written 1–4).
            Series = rest.Any(v => v is not null)
                ? [.. shown.Series, new ChartSeries(HiddenSeries, rest, [.. rest.Select(v => v is { } n ? SmallCells.Show((int)n, SmallCells.IsSmall((int)n)) : "–")])]
                : shown.Series,
            StackTotals = [.. totals.Select(t => SmallCells.Show(t.Total, t.Hidden))],
            Description = rest.Any(v => v is not null) ? $"{shown.Description} Grått: dolda värden tillsammans (1–4 eller dolda så att de inte kan räknas fram)." : shown.Description,
        };
    }

    /// <summary>A count chart with every count of 1–4 hidden (no sums tie its values).</summary>
    public static ChartData WithoutSmallCounts(this ChartData chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Without((s, c) => chart.Series[s].Values[c] is { } v && SmallCells.IsSmall((int)v));
    }
}
