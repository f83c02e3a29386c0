using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;

namespace Finsam.Domain.Economy;

/// <summary>
/// The economy figures the annual report states in words and the förbund's economy indicators measure: administration's
/// share of the costs, eget kapital against the recommended ceiling, and årets resultat against the budget. ONE
/// computation for both (docs/annual-report.md, *One figure, one source*): the report's sentences and the goal results
/// are written from this record, so they cannot disagree.
/// </summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="AdministrationCost">Costs of the insatser of the kind administration (driftsredovisning), kronor.</param>
/// <param name="TotalCost">All costs of the driftsredovisning, kronor.</param>
/// <param name="Equity">Eget kapital at the year's end (balansräkning), kronor.</param>
/// <param name="EquityCeiling">The recommended highest eget kapital of the year, when entered.</param>
/// <param name="Result">Årets resultat (resultaträkning), kronor.</param>
/// <param name="BudgetedResult">The budget's net (income minus cost), when the year has a budget.</param>
public sealed record EconomyFigures(
    int Year, decimal AdministrationCost, decimal TotalCost, decimal Equity, decimal? EquityCeiling, decimal Result, decimal? BudgetedResult)
{
    /// <summary>The figures of a year from its driftsredovisning and statements and the ceiling entered for it.</summary>
    public static EconomyFigures From(OperatingStatement operating, FinancialStatements statements, decimal? equityCeiling)
    {
        ArgumentNullException.ThrowIfNull(operating);
        ArgumentNullException.ThrowIfNull(statements);
        var administration = operating.Categories.Where(c => c.Category == OperatingCategory.Administration).Sum(c => c.Actual.Cost);
        return new EconomyFigures(
            operating.Year, administration, operating.Actual.Cost, statements.Closing.Equity, equityCeiling, statements.Income.ResultForTheYear, operating.Budget?.Net);
    }

    /// <summary>Administration's share of all costs in percent, unrounded (compared unrounded with a target); null without costs.</summary>
    public decimal? AdministrationPercent => TotalCost == 0m ? null : 100m * AdministrationCost / TotalCost;

    /// <summary>Eget kapital minus the ceiling, kronor (positive: above the ceiling); null without a ceiling.</summary>
    public decimal? EquityAboveCeiling => EquityCeiling is { } ceiling ? Equity - ceiling : null;

    /// <summary>Årets resultat minus the budgeted result, kronor (positive: better than budgeted); null without a budget.</summary>
    public decimal? ResultAgainstBudget => BudgetedResult is { } budget ? Result - budget : null;

    /// <summary>A percent as printed: one decimal, "12,3 %".</summary>
    public static string Percent(decimal percent) => SwedishFormat.Number(Math.Round(percent, 1, MidpointRounding.AwayFromZero), 1) + "\u00a0%";

    /// <summary>An amount as the report prints it: tkr with one decimal, "5 733,0 tkr".</summary>
    public static string Tkr(decimal kronor) => SwedishFormat.Tkr(RoundTkr(kronor)) + "\u00a0tkr";

    /// <summary>Rounded to a printed tkr (one decimal: 100 kronor), half away from zero.</summary>
    public static decimal RoundTkr(decimal kronor) => Math.Round(kronor / 100m, MidpointRounding.AwayFromZero) * 100m;

    /// <summary>The printed difference of two printed amounts, so "12 000,0 tkr, 5 733,0 tkr över" adds up in print.</summary>
    private static decimal PrintedDifference(decimal a, decimal b) => RoundTkr(a) - RoundTkr(b);

    /// <summary>The administration share in words: "12,3 %".</summary>
    public string? AdministrationText => AdministrationPercent is { } p ? Percent(p) : null;

    /// <summary>Eget kapital against the ceiling in words: "eget kapital 12 000,0 tkr, 5 733,0 tkr över taket (6 267,0 tkr)".</summary>
    public string? EquityText
    {
        get
        {
            if (EquityCeiling is not { } ceiling)
            {
                return null;
            }

            var difference = PrintedDifference(Equity, ceiling);
            var where = Equity > ceiling ? $"{Tkr(Math.Abs(difference))} över taket" : difference == 0m ? "på taket" : $"{Tkr(Math.Abs(difference))} under taket";
            return $"eget kapital {Tkr(Equity)}, {where} ({Tkr(ceiling)})";
        }
    }

    /// <summary>Årets resultat against the budget in words: "årets resultat 1 234,0 tkr, 234,0 tkr bättre än budget (1 000,0 tkr)".</summary>
    public string? ResultText
    {
        get
        {
            if (BudgetedResult is not { } budget)
            {
                return null;
            }

            var difference = PrintedDifference(Result, budget);
            var how = Result == budget || difference == 0m ? "som budgeterat" : Result > budget ? $"{Tkr(Math.Abs(difference))} bättre än budget" : $"{Tkr(Math.Abs(difference))} sämre än budget";
            return $"årets resultat {Tkr(Result)}, {how} ({Tkr(budget)})";
        }
    }
}
