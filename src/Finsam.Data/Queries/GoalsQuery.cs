using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>
/// The förbund's goals and the insatser's goals of a year with their computed results and ratings: what the goal pages,
/// the board's dashboard and the annual report's bilaga show.
/// </summary>
public static class GoalsQuery
{
    /// <summary>Every målområde of the year with its målsättningar and indicators, results taken from the förbund's total.</summary>
    public static Task<IReadOnlyList<GoalAreaStatus>> FederationGoalsForYearAsync(
        this FinsamDbContext db, int year, YearlyParticipantStatistics statistics, CancellationToken cancellationToken = default) =>
        db.FederationGoalsForYearAsync(year, statistics, null, cancellationToken);

    /// <summary>
    /// As above, with each indicator's result of the year before beside it (<see cref="IndicatorStatus.Previous"/>): a
    /// computed measure evaluated on <paramref name="previous"/> (the previous year's statistics; null leaves it blank),
    /// a manual or qualitative one taken from the previous year's indicator with the same text.
    /// </summary>
    public static async Task<IReadOnlyList<GoalAreaStatus>> FederationGoalsForYearAsync(
        this FinsamDbContext db, int year, YearlyParticipantStatistics statistics, YearlyParticipantStatistics? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statistics);
        var lastYears = await db.GoalAreas.AsNoTracking()
            .Where(a => a.Year == year - 1)
            .SelectMany(a => a.Objectives.SelectMany(o => o.Indicators))
            .ToListAsync(cancellationToken);
        var lastYear = lastYears.GroupBy(i => Key(i.Text, i.Measure.Metric)).ToDictionary(g => g.Key, g => g.First());
        var hasPrevious = previous is not null && previous.Total.Current.Total > 0;
        var areas = await db.GoalAreas.AsNoTracking()
            .Where(a => a.Year == year)
            .Include(a => a.Objectives).ThenInclude(o => o.Indicators)
            .AsSplitQuery()
            .OrderBy(a => a.Number).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        // The economy indicators take the year's figures from the statements, the same record the report's sentences are
        // written from (StatementQuery.YearStatements.Economy); read only when an indicator needs them.
        var needsEconomy = areas.Any(a => a.Objectives.Any(o => o.Indicators.Any(i => i.Measure.IsEconomy)));
        var economy = needsEconomy ? await db.EconomyFiguresForYearAsync(year, cancellationToken) : null;
        var economyBefore = needsEconomy ? await db.EconomyFiguresForYearAsync(year - 1, cancellationToken) : null;
        return areas.Select(a => new GoalAreaStatus(
                a,
                a.Objectives.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new ObjectiveStatus(
                    o,
                    o.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i =>
                    {
                        var result = i.Measure.Evaluate(statistics.Total, statistics.Outcomes, economy);
                        var before = i.Measure.IsEconomy
                            ? economyBefore is null ? null : i.Measure.Evaluate(statistics.Total, null, economyBefore) is { HasValue: true } b ? b : null
                            : i.Measure.IsComputed
                            ? hasPrevious ? i.Measure.Evaluate(previous!.Total, previous.Outcomes) : null
                            : Entered(lastYear.GetValueOrDefault(Key(i.Text, i.Measure.Metric))?.Measure, year - 1);
                        return new IndicatorStatus(i, result, i.Assessment ?? Indicator.Suggest(result), i.Assessment is null) { Previous = before };
                    }).ToList())).ToList()))
            .ToList();
    }

    /// <summary>
    /// Each insats with goals or a rating in the year: its goals with results from its own registrations, the rule's
    /// suggestion on the given scale and the rating in force (the override when there is one).
    /// </summary>
    public static Task<IReadOnlyList<InsatsGoalStatus>> InsatsGoalsForYearAsync(
        this FinsamDbContext db, int year, YearlyParticipantStatistics statistics, RatingScale scale, CancellationToken cancellationToken = default) =>
        db.InsatsGoalsForYearAsync(year, statistics, scale, null, cancellationToken);

    /// <summary>
    /// As above, with each goal's result of the year before beside it (<see cref="InsatsGoalResult.Previous"/>): a computed
    /// measure evaluated on the insats's statistics in <paramref name="previous"/> (blank when the insats did not run or
    /// <paramref name="previous"/> is null), a manual or qualitative one taken from the insats's goal of the previous year
    /// with the same text and measure.
    /// </summary>
    public static async Task<IReadOnlyList<InsatsGoalStatus>> InsatsGoalsForYearAsync(
        this FinsamDbContext db, int year, YearlyParticipantStatistics statistics, RatingScale scale, YearlyParticipantStatistics? previous,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(scale);
        var goals = await db.InsatsGoals.AsNoTracking().Where(g => g.Year == year).ToListAsync(cancellationToken);
        var lastYear = (await db.InsatsGoals.AsNoTracking().Where(g => g.Year == year - 1).ToListAsync(cancellationToken))
            .GroupBy(g => (g.InsatsId, Key(g.Text, g.Measure.Metric)))
            .ToDictionary(g => g.Key, g => g.First());
        var ratings = await db.InsatsRatings.AsNoTracking().Where(r => r.Year == year).ToDictionaryAsync(r => r.InsatsId, cancellationToken);
        var ids = goals.Select(g => g.InsatsId).Concat(ratings.Keys).ToHashSet();
        var insatser = await db.Insatser.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var byInsats = goals.ToLookup(g => g.InsatsId);
        return insatser.Select(insats =>
        {
            var stats = statistics.For(insats.Id);
            var rows = byInsats[insats.Id].OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
                .Select(g => new InsatsGoalResult(g, g.Measure.Evaluate(stats, statistics.OutcomesApplyFor(insats.Id) ? stats : null))
                {
                    Previous = g.Measure.IsComputed
                        ? previous?.Insatser.FirstOrDefault(i => i.InsatsId == insats.Id) is { } before ? g.Measure.Evaluate(before.Statistics, before.OutcomeStatistics) : null
                        : Entered(lastYear.GetValueOrDefault((insats.Id, Key(g.Text, g.Measure.Metric)))?.Measure, year - 1),
                })
                .ToList();
            var basis = RatingRule.Suggest(rows.Select(r => new GoalCheck(r.Goal.IsMainOutcome, r.Result.Met)).ToList(), insats.EndedEarlyIn(year));
            var suggested = scale.Suggest(basis);
            var rating = ratings.GetValueOrDefault(insats.Id);
            var chosen = scale.Find(rating?.Rating);
            return new InsatsGoalStatus(insats, stats, rows, basis, suggested, rating, chosen ?? suggested);
        }).ToList();
    }
    /// <summary>
    /// A computed förbund goal's result in each year of <paramref name="years"/> that has participants, oldest first: the
    /// board's chart of a goal over the years. <paramref name="years"/> comes from one
    /// <see cref="ParticipantStatisticsQuery.StatisticsForYearsAsync"/> over the span, so no year is read twice.
    /// </summary>
    public static IReadOnlyList<(int Year, GoalResult Result)> FederationTrend(IReadOnlyDictionary<int, YearlyParticipantStatistics> years, GoalMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(measure);
        return !measure.IsComputed
            ? []
            : years.Where(y => y.Value.Total.Current.Total > 0).OrderBy(y => y.Key)
                .Select(y => (y.Key, measure.Evaluate(y.Value.Total, y.Value.Outcomes))).ToList();
    }

    /// <summary>As <see cref="FederationTrend"/> for an insats's computed goal: each year the insats ran, on its own statistics ("ej tillämpligt" where its outcome measures do not apply).</summary>
    public static IReadOnlyList<(int Year, GoalResult Result)> InsatsTrend(IReadOnlyDictionary<int, YearlyParticipantStatistics> years, int insatsId, GoalMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(measure);
        return !measure.IsComputed
            ? []
            : years.OrderBy(y => y.Key)
                .Select(y => (y.Key, Insats: y.Value.Insatser.FirstOrDefault(i => i.InsatsId == insatsId)))
                .Where(y => y.Insats is not null && y.Insats.Statistics.Current.Total > 0)
                .Select(y => (y.Key, measure.Evaluate(y.Insats!.Statistics, y.Insats.OutcomeStatistics)))
                .ToList();
    }

    /// <summary>Goals of two years are the same goal when their text (ignoring case and surrounding space) and metric agree.</summary>
    private static (string, GoalMetric) Key(string text, GoalMetric metric) => (text.Trim().ToUpperInvariant(), metric);

    /// <summary>The result entered for a manual or qualitative measure of the previous year, or null when none was.</summary>
    private static GoalResult? Entered(GoalMeasure? measure, int year)
    {
        if (measure is null)
        {
            return null;
        }

        var result = measure.Evaluate(ParticipantStatistics.Compute(year, []));
        return result.HasValue || result.Text is not null ? result : null;
    }
}

public sealed record IndicatorStatus(Indicator Indicator, GoalResult Result, GoalAssessment? Assessment, bool AssessmentIsSuggested)
{
    /// <summary>The result of the year before, or null when there is none (printed blank, never 0).</summary>
    public GoalResult? Previous { get; init; }
}

public sealed record ObjectiveStatus(Objective Objective, IReadOnlyList<IndicatorStatus> Indicators);

public sealed record GoalAreaStatus(GoalArea Area, IReadOnlyList<ObjectiveStatus> Objectives)
{
    public IEnumerable<IndicatorStatus> AllIndicators => Objectives.SelectMany(o => o.Indicators);

    /// <summary>The status that follows from the indicators' assessments (<see cref="GoalArea.StatusOf"/>).</summary>
    public GoalAssessment? FromIndicators => GoalArea.StatusOf(AllIndicators.Select(i => i.Assessment));

    /// <summary>The status in force: the kansli's override when it has a written reason, otherwise the one from the indicators.</summary>
    public GoalAssessment? Status => Area.EffectiveStatus(FromIndicators);

    /// <summary>Whether the status in force departs from the indicators (its reason is printed beside it).</summary>
    public bool IsOverridden => Area.IsOverridden(FromIndicators);
}

public sealed record InsatsGoalResult(InsatsGoal Goal, GoalResult Result)
{
    /// <summary>The result of the year before, or null when there is none (printed blank, never 0).</summary>
    public GoalResult? Previous { get; init; }
}

/// <param name="Effective">The rating in force: the kansli's override, otherwise the rule's suggestion; null when neither.</param>
public sealed record InsatsGoalStatus(
    Insats Insats,
    ParticipantStatistics Statistics,
    IReadOnlyList<InsatsGoalResult> Goals,
    RatingBasis Basis,
    RatingLevel? Suggested,
    InsatsRating? Rating,
    RatingLevel? Effective)
{
    public bool IsOverridden => Rating?.Rating is not null && Effective is not null && Effective != Suggested;
}
