using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;

namespace Finsam.Reporting.Charts;

/// <summary>The charts of the economy, shared by the board's dashboard and the annual report.</summary>
public static class EconomyCharts
{
    /// <summary>
    /// Costs per insats and category: budget beside utfall, from the driftsredovisning. Rows with neither a budget nor
    /// a cost are left out; the member income is not a cost and is shown in the table only.
    /// </summary>
    public static ChartData BudgetVsOutcome(OperatingStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var rows = statement.Categories
            .Where(c => c.Category != OperatingCategory.MemberIncome)
            .SelectMany(c => c.Rows.Select(r => (Text: r.Text, r.Actual, r.Budget)))
            .Where(r => r.Actual.Cost != 0m || r.Budget is { Cost: not 0m })
            .ToList();
        return new ChartData(
            $"Kostnader: budget och utfall {statement.Year}",
            $"Kostnader per insats {statement.Year} i tkr, budget bredvid utfall enligt driftsredovisningen.",
            rows.Select(r => r.Text).ToList(),
            [
                new("Budget", rows.Select(r => r.Budget?.Cost).ToList()),
                new("Utfall", rows.Select(r => (decimal?)r.Actual.Cost).ToList()),
            ],
            ChartValueFormat.Tkr);
    }
}
