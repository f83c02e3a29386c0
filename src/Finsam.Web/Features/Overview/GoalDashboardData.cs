using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;

namespace Finsam.Web.Features.Overview;

/// <summary>
/// What the board's goal dashboard shows for a year: the förbund's and the insatser's goals with this year's and last
/// year's results, and a chart over the last <see cref="GoalTrendChart.Years"/> years per computed goal. The participant
/// statistics of the whole span are read once (<see cref="ParticipantStatisticsQuery.StatisticsForYearsAsync"/>); the goal
/// queries and the trends are computed from them, never a read per year or per goal.
/// </summary>
public sealed record GoalDashboardData(GoalsView FederationGoals, InsatsGoalsView InsatsGoals)
{
    /// <summary>The dashboard of <paramref name="year"/>; with <paramref name="onlyInsats"/>, that insats's goals only (its drill-down page).</summary>
    public static async Task<GoalDashboardData> LoadAsync(FinsamDbContext db, RatingScale scale, int year, bool smallCells, CancellationToken cancellationToken, int? onlyInsats = null)
    {
        var span = Enumerable.Range(year - GoalTrendChart.Years + 1, GoalTrendChart.Years).ToList();
        var statistics = await db.StatisticsForYearsAsync(span, cancellationToken);
        var (current, previous) = (statistics[year], statistics[year - 1]);
        var areas = await db.FederationGoalsForYearAsync(year, current, previous, cancellationToken);
        var insatser = (await db.InsatsGoalsForYearAsync(year, current, scale, previous, cancellationToken)).Where(i => onlyInsats is null || i.Insats.Id == onlyInsats).ToList();

        var federationCharts = new Dictionary<int, ChartView>();
        foreach (var indicator in onlyInsats is null ? areas.SelectMany(a => a.AllIndicators) : [])
        {
            var chart = GoalTrendChart.Of($"{indicator.Indicator.Text} – per år", GoalsQuery.FederationTrend(statistics, indicator.Indicator.Measure), indicator.Indicator.Measure, smallCells);
            if (chart is not null)
            {
                federationCharts[indicator.Indicator.Id] = chart;
            }
        }

        var insatsCharts = new Dictionary<int, ChartView>();
        foreach (var insats in insatser)
        {
            foreach (var goal in insats.Goals)
            {
                var chart = GoalTrendChart.Of($"{insats.Insats.Code}: {goal.Goal.Text} – per år", GoalsQuery.InsatsTrend(statistics, insats.Insats.Id, goal.Goal.Measure), goal.Goal.Measure, smallCells);
                if (chart is not null)
                {
                    insatsCharts[goal.Goal.Id] = chart;
                }
            }
        }

        return new GoalDashboardData(
            new GoalsView(year, areas, Editable: false, smallCells) { Charts = federationCharts },
            new InsatsGoalsView(year, insatser, Editable: false, smallCells) { Charts = insatsCharts, LinkInsatser = onlyInsats is null });
    }
}
