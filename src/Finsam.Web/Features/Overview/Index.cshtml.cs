using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Statistics;
using Finsam.Reporting.Charts;
using Finsam.Web.Authorization;
using Finsam.Web.Features.Goals;
using Finsam.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Overview;

/// <summary>The board's dashboard: key figures, goal status, participants per insats, outcomes by gender and trends. Aggregates only.</summary>
public class IndexModel(FinsamDbContext db, RatingScale scale, TimeProvider clock) : PageModel
{
    public const int TrendYears = 5;

    /// <summary>The series of the share charts (<see cref="StatisticsCharts.OutcomesByGender"/>, <see cref="StatisticsCharts.WorkOrStudiesTrend"/>): kvinnor, män, alla.</summary>
    private static readonly Domain.Participants.Gender?[] GenderSeries = [Domain.Participants.Gender.Woman, Domain.Participants.Gender.Man, null];

    [BindProperty(SupportsGet = true, Name = "ar")]
    public int? RequestedYear { get; set; }

    public YearFilter Years { get; private set; } = null!;

    public YearlyParticipantStatistics Statistics { get; private set; } = null!;

    public FlowTableView Flows { get; private set; } = null!;

    /// <summary>Whether the small-cell rule applies: a role without person access (Styrelse, Revisor); docs/privacy.md.</summary>
    public bool SmallCells { get; private set; }

    public IReadOnlyList<GoalAreaStatus> FederationGoals { get; private set; } = [];

    public IReadOnlyList<InsatsGoalStatus> InsatsGoals { get; private set; } = [];

    public IReadOnlyList<ChartView> Charts { get; private set; } = [];

    public IReadOnlyList<ChartView> TrendCharts { get; private set; } = [];

    /// <summary>The driftsredovisning of the year, when its ledger has been imported.</summary>
    public Finsam.Domain.Economy.Statements.OperatingStatement? Operating { get; private set; }

    public ChartView? BudgetChart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SmallCells = !User.SeesExactCounts();
        var available = await db.YearsWithEnrolmentsAsync(clock.GetLocalNow().Year, cancellationToken);
        Years = YearFilter.Choose(RequestedYear, available, unreadable: !ModelState.IsValid);
        var year = Years.Year;
        // The year and its trend in one read of the enrolments (not one per year).
        var trendYears = available.Where(y => y <= year).Take(TrendYears).Reverse().ToList();
        var statistics = await db.StatisticsForYearsAsync(trendYears.Append(year).ToList(), cancellationToken);
        Statistics = statistics[year];
        Flows = new FlowTableView(Statistics.ToFlows(), SmallCells);
        FederationGoals = await db.FederationGoalsForYearAsync(year, Statistics, cancellationToken);
        InsatsGoals = await db.InsatsGoalsForYearAsync(year, Statistics, scale, cancellationToken);

        var ended = ShownCounts.EndedByReason(SmallCells, Statistics.Total);
        bool HiddenShare(Domain.Participants.Gender? gender, Domain.Participants.EndReason reason) =>
            Domain.Statistics.SmallCells.Hides(Statistics.Outcomes.EndedShare(gender, reason))
            || (ReferenceEquals(Statistics.Outcomes, Statistics.Total) && ended.EndReasonHidden(Statistics.Total, gender, reason));
        // As Statistik shows a year's share to work or studies: hidden with the counts it is taken from (each year's
        // ended table suppressed once, not once per series).
        var endedOfYear = SmallCells ? trendYears.ToDictionary(y => y, y => ShownCounts.EndedByReason(suppress: true, statistics[y].Total)) : [];
        bool HiddenWorkOrStudies(int trendYear, Domain.Participants.Gender? gender)
        {
            var y = statistics[trendYear];
            return Domain.Statistics.SmallCells.Hides(y.Outcomes.WorkOrStudiesShare(gender))
                || (ReferenceEquals(y.Outcomes, y.Total) && new Domain.Participants.EndReason?[] { Domain.Participants.EndReason.Work, Domain.Participants.EndReason.Studies, null }
                    .Any(r => endedOfYear[trendYear].EndReasonHidden(y.Total, gender, r)));
        }

        var perInsats = StatisticsCharts.ParticipantsPerInsats(year, Statistics.Insatser.Select(i => ($"{i.Code} {i.Name}", i.Statistics)).ToList());
        var outcomes = StatisticsCharts.OutcomesByGender(year, Statistics.Outcomes);
        Charts =
        [
            // Under the small-cell rule the bars hide what the flow table hides (series kvinnor, män, annat = its columns 1–3)
            // and end at its aktuella as shown (column 0), not at the sum of the drawn values.
            new(SmallCells
                ? perInsats.AsShown((series, insats) => Flows.Counts.Hidden(insats, series + 1), [.. Statistics.Insatser.Select((_, i) => (Flows.Counts.Value(i, 0), Flows.Counts.Hidden(i, 0)))])
                : perInsats, ChartKind.StackedBars, "Insats"),
            // A share is hidden when it shows a small group, or (drawn from the same enrolments) when the ended table of
            // Statistik hides its count: a shown "16 av 67" would give that cell back, and the small ones by subtraction.
            new(SmallCells ? outcomes.Without((series, reason) => HiddenShare(GenderSeries[series], Enum.GetValues<Domain.Participants.EndReason>()[reason])) : outcomes, ChartKind.Bars, "Avslutsorsak"),
        ];

        var trend = trendYears.Select(y => statistics[y].Total).ToList();

        Operating = (await db.StatementsForYearAsync(year, cancellationToken))?.Operating;
        BudgetChart = Operating is null ? null : new(EconomyCharts.BudgetVsOutcome(Operating), ChartKind.Bars, "Insats");

        var flowTrend = StatisticsCharts.FlowTrend(trend);
        var outcomeYears = trendYears.Select(y => statistics[y].Outcomes).ToList();
        var workTrend = StatisticsCharts.WorkOrStudiesTrend(outcomeYears);
        TrendCharts =
        [
            new(SmallCells ? flowTrend.WithoutSmallCounts() : flowTrend, ChartKind.Line, "År"),
            new(SmallCells ? workTrend.Without((series, y) => HiddenWorkOrStudies(trendYears[y], GenderSeries[series])) : workTrend, ChartKind.Line, "År"),
        ];
    }

    /// <summary>A key figure: a count of 1–4 is "&lt;5" under the small-cell rule.</summary>
    public string KeyFigure(int count) => Domain.Statistics.SmallCells.Show(count, SmallCells && Domain.Statistics.SmallCells.IsSmall(count));

    /// <summary>A key share, ".." under the small-cell rule when it would show a small group.</summary>
    public string KeyShare(Share share) => SmallCells ? Domain.Statistics.SmallCells.ShowShare(share) : SwedishFormat.ShareWithBasis(share);

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
