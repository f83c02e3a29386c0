using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Statistics;
using Finsam.Reporting.Charts;

namespace Finsam.Web.Features.Goals;

/// <summary>
/// A goal's status as the board reads it: a symbol, the words and a colour class, so the status never rests on colour
/// alone (the symbol is hidden from screen readers; the words carry it). Colours in site.css (board dashboard block).
/// </summary>
public sealed record GoalStatus(string Symbol, string Text, string CssClass)
{
    public static GoalStatus Met { get; } = new("✓", SwedishNames.Of(GoalAssessment.Met), "status-met");

    public static GoalStatus PartlyMet { get; } = new("◐", SwedishNames.Of(GoalAssessment.PartlyMet), "status-partly");

    public static GoalStatus NotMet { get; } = new("✗", SwedishNames.Of(GoalAssessment.NotMet), "status-not-met");

    /// <summary>An indicator: its assessment, "(förslag)" when the page suggests it; "Ej bedömd" without one.</summary>
    public static GoalStatus Of(GoalAssessment? assessment, bool suggested)
    {
        var status = assessment switch
        {
            GoalAssessment.Met => Met,
            GoalAssessment.PartlyMet => PartlyMet,
            GoalAssessment.NotMet => NotMet,
            _ => new GoalStatus("–", "Ej bedömd", "status-none"),
        };
        return suggested && assessment is not null ? status with { Text = status.Text + " (förslag)" } : status;
    }

    /// <summary>An insats goal: its qualitative assessment, met or not, "ej tillämpligt" or "Kan inte bedömas".</summary>
    public static GoalStatus Of(GoalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsNotApplicable)
        {
            return new("–", GoalText.NotApplicable, "status-none");
        }

        return result.Assessment is { } assessment ? Of(assessment, suggested: false)
            : result.Met switch
            {
                true => Met,
                false => NotMet,
                null => new GoalStatus("–", GoalText.Met((bool?)null), "status-none"),
            };
    }
}

/// <summary>The board's chart of one computed goal over the years, with its table (the chart's text alternative).</summary>
public static class GoalTrendChart
{
    /// <summary>How many years the dashboard's goal charts span (this year and the four before).</summary>
    public const int Years = 5;

    /// <summary>
    /// The chart of <paramref name="trend"/> (from <see cref="GoalsQuery.FederationTrend"/> or <see cref="GoalsQuery.InsatsTrend"/>),
    /// or null when the goal has fewer than two years with a result. Under <paramref name="smallCells"/> a result the
    /// small-cell rule hides is not drawn and its label is "&lt;5" or ".." (<see cref="GoalText.Result(GoalResult, GoalMeasure, bool)"/>).
    /// </summary>
    public static ChartView? Of(string title, IReadOnlyList<(int Year, GoalResult Result)> trend, GoalMeasure measure, bool smallCells)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(measure);
        if (trend.Count(t => t.Result.HasValue) < 2)
        {
            return null;
        }

        var labels = trend.Select(t => t.Result.HasValue || t.Result.IsNotApplicable ? GoalText.Result(t.Result, measure, smallCells) : "–").ToList();
        var values = trend.Select((t, i) => labels[i] == GoalText.Result(t.Result) ? t.Result.Value : null).ToList();
        var format = measure.IsShare ? ChartValueFormat.Percent : ChartValueFormat.Number;
        var description = $"Resultat per år {trend[0].Year}–{trend[^1].Year}, målvärde {GoalText.Target(measure)}. Samma uppgifter finns i tabellen.";
        var data = new ChartData(title, description, [.. trend.Select(t => t.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [new ChartSeries("Resultat", values, labels)], format);
        return new ChartView(data, ChartKind.Line, "År");
    }
}
