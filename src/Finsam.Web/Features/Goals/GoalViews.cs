using Finsam.Data.Queries;
using Finsam.Reporting.Charts;

namespace Finsam.Web.Features.Goals;

/// <summary>The model of the partial _FederationGoals: read-only on the dashboard, with edit links for the kansli.</summary>
public sealed record GoalsView(int Year, IReadOnlyList<GoalAreaStatus> Areas, bool Editable, bool SmallCells = false)
{
    /// <summary>The board's dashboard: each computed indicator's chart over the years, by indicator id (none on the kansli's page).</summary>
    public IReadOnlyDictionary<int, ChartView> Charts { get; init; } = new Dictionary<int, ChartView>();
}

/// <summary>The model of the partial _InsatsGoals.</summary>
public sealed record InsatsGoalsView(int Year, IReadOnlyList<InsatsGoalStatus> Insatser, bool Editable, bool SmallCells = false)
{
    /// <summary>The board's dashboard: each computed goal's chart over the years, by insats goal id.</summary>
    public IReadOnlyDictionary<int, ChartView> Charts { get; init; } = new Dictionary<int, ChartView>();

    /// <summary>Each insats's name links to its goal page under Översikt (aggregates only), the drill-down from the förbund.</summary>
    public bool LinkInsatser { get; init; }
}

/// <summary>The model of the partial _Chart: the data, how to draw it and the heading of the table's first column.</summary>
public sealed record ChartView(Finsam.Reporting.Charts.ChartData Data, Finsam.Reporting.Charts.ChartKind Kind, string CategoryHeader);

/// <summary>The model of the partial _BreakdownTable; <see cref="SmallCells"/>: shown under the small-cell rule (a role without person access).</summary>
public sealed record BreakdownView(string Caption, string Header, IReadOnlyList<(string Label, Finsam.Domain.Statistics.GenderCounts Counts)> Rows, bool SmallCells = false)
{
    private ShownCounts? _counts;

    /// <summary>The rows and their total row, each as kvinnor, män, annat/ej angivet and totalt.</summary>
    public ShownCounts Counts => _counts ??= ShownCounts.Of(SmallCells,
        [.. Rows.Select(r => (IReadOnlyList<int>)[r.Counts.Women, r.Counts.Men, r.Counts.OtherOrUnspecified, r.Counts.Total]),
            [Rows.Sum(r => r.Counts.Women), Rows.Sum(r => r.Counts.Men), Rows.Sum(r => r.Counts.OtherOrUnspecified), Rows.Sum(r => r.Counts.Total)]],
        rowTotals: true, columnTotals: true);

    /// <summary>
    /// The chart beside the table (<see cref="StatisticsCharts.Breakdown"/>), null when no one is counted: under the
    /// small-cell rule it hides what the table hides (series kvinnor, män, annat = the table's columns 0–2) and labels
    /// each bar with the table's total as shown (the hidden values as one grey segment where the total is shown).
    /// </summary>
    public ChartData? Chart
    {
        get
        {
            if (Rows.Sum(r => r.Counts.Total) == 0)
            {
                return null;
            }

            var chart = StatisticsCharts.Breakdown(Caption, Rows);
            var counts = Counts;
            return SmallCells ? chart.AsShown((series, row) => counts.Hidden(row, series), [.. Rows.Select((_, r) => (counts.Value(r, 3), counts.Hidden(r, 3)))]) : chart;
        }
    }
}
