using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Statistics;
using Finsam.Reporting.Charts;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Overview;

/// <summary>The board's dashboard: key figures, goal status, participants per insats, outcomes by gender and trends. Aggregates only.</summary>
public class IndexModel(FinsamDbContext db, RatingScale scale, TimeProvider clock) : PageModel
{
    public const int TrendYears = 5;

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public YearlyParticipantStatistics Statistics { get; private set; } = null!;

    public YearlyParticipantFlows Flows { get; private set; } = null!;

    public IReadOnlyList<GoalAreaStatus> FederationGoals { get; private set; } = [];

    public IReadOnlyList<InsatsGoalStatus> InsatsGoals { get; private set; } = [];

    public IReadOnlyList<ChartView> Charts { get; private set; } = [];

    public IReadOnlyList<ChartView> TrendCharts { get; private set; } = [];

    /// <summary>The driftsredovisning of the year, when its ledger has been imported.</summary>
    public Finsam.Domain.Economy.Statements.OperatingStatement? Operating { get; private set; }

    public ChartView? BudgetChart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var available = await db.YearsWithEnrolmentsAsync(clock.GetLocalNow().Year, cancellationToken);
        Years = YearFilter.Choose(RequestedYear, available, unreadable: !ModelState.IsValid);
        var year = Years.Year;
        // The year and its trend in one read of the enrolments (not one per year).
        var trendYears = available.Where(y => y <= year).Take(TrendYears).Reverse().ToList();
        var statistics = await db.StatisticsForYearsAsync(trendYears.Append(year).ToList(), cancellationToken);
        Statistics = statistics[year];
        Flows = Statistics.ToFlows();
        FederationGoals = await db.FederationGoalsForYearAsync(year, Statistics, cancellationToken);
        InsatsGoals = await db.InsatsGoalsForYearAsync(year, Statistics, scale, cancellationToken);

        Charts =
        [
            new(StatisticsCharts.ParticipantsPerInsats(year, Statistics.Insatser.Select(i => ($"{i.Code} {i.Name}", i.Statistics)).ToList()), ChartKind.StackedBars, "Insats"),
            new(StatisticsCharts.OutcomesByGender(year, Statistics.Outcomes), ChartKind.Bars, "Avslutsorsak"),
        ];

        var trend = trendYears.Select(y => statistics[y].Total).ToList();

        Operating = (await db.StatementsForYearAsync(year, cancellationToken))?.Operating;
        BudgetChart = Operating is null ? null : new(EconomyCharts.BudgetVsOutcome(Operating), ChartKind.Bars, "Insats");

        TrendCharts =
        [
            new(StatisticsCharts.FlowTrend(trend), ChartKind.Line, "År"),
            new(StatisticsCharts.WorkOrStudiesTrend(trendYears.Select(y => statistics[y].Outcomes).ToList()), ChartKind.Line, "År"),
        ];
    }

    /// <summary>How many of the förbund's indicators have each assessment; "Ej bedömd" for those without.</summary>
    public IReadOnlyList<(string Label, int Count)> IndicatorStatus()
    {
        var indicators = FederationGoals.SelectMany(a => a.AllIndicators).ToList();
        return Enum.GetValues<GoalAssessment>()
            .Select(a => (SwedishNames.Of(a), indicators.Count(i => i.Assessment == a)))
            .Append(("Ej bedömd", indicators.Count(i => i.Assessment is null)))
            .ToList();
    }
}
