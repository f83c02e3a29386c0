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
    public static async Task<IReadOnlyList<GoalAreaStatus>> FederationGoalsForYearAsync(
        this FinsamDbContext db, int year, YearlyParticipantStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statistics);
        var areas = await db.GoalAreas.AsNoTracking()
            .Where(a => a.Year == year)
            .Include(a => a.Objectives).ThenInclude(o => o.Indicators)
            .AsSplitQuery()
            .OrderBy(a => a.Number).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return areas.Select(a => new GoalAreaStatus(
                a,
                a.Objectives.OrderBy(o => o.SortOrder).ThenBy(o => o.Id).Select(o => new ObjectiveStatus(
                    o,
                    o.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i =>
                    {
                        var result = i.Measure.Evaluate(statistics.Total, statistics.Outcomes);
                        return new IndicatorStatus(i, result, i.Assessment ?? Indicator.Suggest(result), i.Assessment is null);
                    }).ToList())).ToList()))
            .ToList();
    }

    /// <summary>
    /// Each insats with goals or a rating in the year: its goals with results from its own registrations, the rule's
    /// suggestion on the given scale and the rating in force (the override when there is one).
    /// </summary>
    public static async Task<IReadOnlyList<InsatsGoalStatus>> InsatsGoalsForYearAsync(
        this FinsamDbContext db, int year, YearlyParticipantStatistics statistics, RatingScale scale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(scale);
        var goals = await db.InsatsGoals.AsNoTracking().Where(g => g.Year == year).ToListAsync(cancellationToken);
        var ratings = await db.InsatsRatings.AsNoTracking().Where(r => r.Year == year).ToDictionaryAsync(r => r.InsatsId, cancellationToken);
        var ids = goals.Select(g => g.InsatsId).Concat(ratings.Keys).ToHashSet();
        var insatser = await db.Insatser.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var byInsats = goals.ToLookup(g => g.InsatsId);
        return insatser.Select(insats =>
        {
            var stats = statistics.For(insats.Id);
            var rows = byInsats[insats.Id].OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
                .Select(g => new InsatsGoalResult(g, g.Measure.Evaluate(stats, statistics.OutcomesApplyFor(insats.Id) ? stats : null)))
                .ToList();
            var basis = RatingRule.Suggest(rows.Select(r => new GoalCheck(r.Goal.IsMainOutcome, r.Result.Met)).ToList(), insats.EndedEarlyIn(year));
            var suggested = scale.Suggest(basis);
            var rating = ratings.GetValueOrDefault(insats.Id);
            var chosen = scale.Find(rating?.Rating);
            return new InsatsGoalStatus(insats, stats, rows, basis, suggested, rating, chosen ?? suggested);
        }).ToList();
    }
}

public sealed record IndicatorStatus(Indicator Indicator, GoalResult Result, GoalAssessment? Assessment, bool AssessmentIsSuggested);

public sealed record ObjectiveStatus(Objective Objective, IReadOnlyList<IndicatorStatus> Indicators);

public sealed record GoalAreaStatus(GoalArea Area, IReadOnlyList<ObjectiveStatus> Objectives)
{
    public IEnumerable<IndicatorStatus> AllIndicators => Objectives.SelectMany(o => o.Indicators);
}

public sealed record InsatsGoalResult(InsatsGoal Goal, GoalResult Result);

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
