using Finsam.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Finsam.TestSupport;

/// <summary>
/// Before a year's report can be adopted every indicator must be assessed, not left at the rule's suggestion (the demo
/// leaves its computed indicators at the suggestion). Tests that adopt confirm the suggestions first, as the kansli would.
/// </summary>
public static class ReportAssessments
{
    /// <summary>Stores the rule's suggestion as the assessment of every indicator of the year that has none; returns how many.</summary>
    public static Task<int> ConfirmSuggestedAssessmentsAsync(this FinsamFactory factory, int year)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            var statistics = await db.StatisticsForYearAsync(year);
            var suggested = (await db.FederationGoalsForYearAsync(year, statistics)).SelectMany(a => a.AllIndicators)
                .Where(i => i.AssessmentIsSuggested && i.Assessment is not null).ToDictionary(i => i.Indicator.Id, i => i.Assessment);
            var indicators = await db.Indicators.Where(i => suggested.Keys.Contains(i.Id)).ToListAsync();
            foreach (var indicator in indicators)
            {
                indicator.Assessment = suggested[indicator.Id];
            }

            await db.SaveChangesAsync();
            return indicators.Count;
        });
    }
}
