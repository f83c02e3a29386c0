using Finsam.Domain.Insatser;

namespace Finsam.Domain.Economy.Statements;

/// <summary>The categories of the driftsredovisning, in the order the report shows them.</summary>
public enum OperatingCategory
{
    /// <summary>Income without an insats code: the members' contributions and other common income.</summary>
    MemberIncome = 1,

    /// <summary>Insatser of the kind administration: kansli, board, audit, premises.</summary>
    Administration = 2,

    /// <summary>Individinriktade insatser.</summary>
    IndividualInsatser = 3,

    /// <summary>Strukturinriktade insatser.</summary>
    StructuralInsatser = 4,

    /// <summary>Costs without an insats code, and amounts on a code that is no insats.</summary>
    Unallocated = 5,

    /// <summary>Financial income and costs (interest) without an insats code: never the members' income.</summary>
    FinancialItems = 6,
}

/// <summary>Income and cost, both positive kronor; <see cref="Net"/> is income minus cost (a surplus is positive).</summary>
public readonly record struct OperatingFigures(decimal Income, decimal Cost)
{
    public decimal Net => Income - Cost;

    public static OperatingFigures operator +(OperatingFigures a, OperatingFigures b) => new(a.Income + b.Income, a.Cost + b.Cost);

    public static OperatingFigures Add(OperatingFigures a, OperatingFigures b) => a + b;

    public static OperatingFigures Sum(IEnumerable<OperatingFigures> figures) => figures.Aggregate(default(OperatingFigures), (a, b) => a + b);
}

/// <summary>One amount of the ledger's income statement accounts: debit positive, with its insats code if any.</summary>
public sealed record ResultLine(string Account, string? ObjectCode, decimal Amount);

/// <summary>An insats as the driftsredovisning needs it: its code, name and category.</summary>
public sealed record OperatingUnit(string Code, string Name, InsatsKind Kind)
{
    public OperatingCategory Category => Kind switch
    {
        InsatsKind.Administration => OperatingCategory.Administration,
        InsatsKind.Structural => OperatingCategory.StructuralInsatser,
        _ => OperatingCategory.IndividualInsatser,
    };
}

/// <summary>A budget amount for a category, optionally for one insats (by code).</summary>
public sealed record BudgetAmount(OperatingCategory Category, string? InsatsCode, OperatingFigures Figures);

/// <summary>
/// A row of the driftsredovisning: an insats (key = its code) or, for rows without an insats, an account.
/// <see cref="Budget"/> is null when nothing is budgeted on the row itself.
/// </summary>
public sealed record OperatingRow(string Key, string Text, OperatingFigures Actual, OperatingFigures? Budget, OperatingFigures? Previous)
{
    /// <summary>Utfall minus budget, netto: positive is better than budgeted.</summary>
    public decimal? Deviation => Budget is { } b ? Actual.Net - b.Net : null;
}

/// <summary>A category with its rows and totals. The budget total includes lines budgeted on the category itself.</summary>
public sealed record OperatingCategoryBlock(
    OperatingCategory Category, IReadOnlyList<OperatingRow> Rows, OperatingFigures Actual, OperatingFigures? Budget, OperatingFigures? Previous)
{
    public decimal? Deviation => Budget is { } b ? Actual.Net - b.Net : null;
}

/// <summary>
/// The driftsredovisning of a year: utfall (income, cost, net) per category and insats, budget, deviation and the
/// previous year, built from the ledger's amounts per account and insats code, and checked against the resultaträkning.
/// </summary>
public sealed record OperatingStatement(
    int Year,
    IReadOnlyList<OperatingCategoryBlock> Categories,
    OperatingFigures Actual,
    OperatingFigures? Budget,
    OperatingFigures? Previous,
    IReadOnlyList<StatementCheck> Checks)
{
    public decimal? Deviation => Budget is { } b ? Actual.Net - b.Net : null;

    /// <summary>Administration's share of all costs, in percent (the usual goal is at most 10 %); null without costs.</summary>
    public decimal? AdministrationCostPercent
    {
        get
        {
            var administration = Categories.Where(c => c.Category == OperatingCategory.Administration).Sum(c => c.Actual.Cost);
            return Actual.Cost == 0m ? null : Math.Round(100m * administration / Actual.Cost, 1, MidpointRounding.AwayFromZero);
        }
    }

    /// <param name="year">The fiscal year.</param>
    /// <param name="current">The year's amounts on income statement accounts, per account and insats code.</param>
    /// <param name="previous">The previous year's amounts, when its ledger with vouchers is known.</param>
    /// <param name="budget">The year's budget lines (may be empty).</param>
    /// <param name="rules">The account mapping: decides which accounts are income, cost, or not in the resultaträkning.</param>
    /// <param name="units">The insatser by code.</param>
    /// <param name="accountNames">Account number → name, for rows without an insats.</param>
    /// <param name="income">The year's resultaträkning, which the totals must equal.</param>
    public static OperatingStatement Build(
        int year,
        IReadOnlyCollection<ResultLine> current,
        IReadOnlyCollection<ResultLine>? previous,
        IReadOnlyCollection<BudgetAmount> budget,
        IReadOnlyCollection<AccountMappingRule> rules,
        IReadOnlyDictionary<string, OperatingUnit> units,
        IReadOnlyDictionary<string, string> accountNames,
        IncomeStatement income)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(accountNames);
        ArgumentNullException.ThrowIfNull(income);

        var actualRows = Classify(current, rules, units, accountNames);
        var previousRows = previous is null ? null : Classify(previous, rules, units, accountNames);
        var budgetRows = budget.Where(b => b.InsatsCode is not null)
            .GroupBy(b => b.InsatsCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => OperatingFigures.Sum(g.Select(b => b.Figures)), StringComparer.Ordinal);

        var categories = new List<OperatingCategoryBlock>();
        foreach (var category in Enum.GetValues<OperatingCategory>())
        {
            // Every insats of the category with an amount this year or last year, or a budget, gets a row.
            var keys = actualRows.Where(r => r.Value.Category == category).Select(r => r.Key)
                .Concat(previousRows?.Where(r => r.Value.Category == category).Select(r => r.Key) ?? [])
                .Concat(budgetRows.Keys.Where(k => units.TryGetValue(k, out var u) && u.Category == category).Select(k => new RowKey(category, k, "")))
                .Distinct()
                .OrderBy(k => k.Code.Length == 0 ? 1 : 0).ThenBy(k => k.Code, NaturalCodeComparer.Instance).ThenBy(k => k.Account, StringComparer.Ordinal)
                .ToList();
            var rows = keys.Select(k => new OperatingRow(
                    k.Code.Length > 0 ? k.Code : k.Account,
                    actualRows.GetValueOrDefault(k)?.Text ?? previousRows?.GetValueOrDefault(k)?.Text ?? TextOf(k, units, accountNames),
                    actualRows.GetValueOrDefault(k)?.Figures ?? default,
                    k.Code.Length > 0 && budgetRows.TryGetValue(k.Code, out var b) ? b : null,
                    previousRows is null ? null : previousRows.GetValueOrDefault(k)?.Figures ?? default))
                .ToList();
            var categoryBudget = budget.Where(b => BudgetCategory(b, units) == category).ToList();
            if (rows.Count == 0 && categoryBudget.Count == 0)
            {
                continue;
            }

            categories.Add(new OperatingCategoryBlock(
                category,
                rows,
                OperatingFigures.Sum(rows.Select(r => r.Actual)),
                categoryBudget.Count == 0 ? null : OperatingFigures.Sum(categoryBudget.Select(b => b.Figures)),
                previousRows is null ? null : OperatingFigures.Sum(rows.Select(r => r.Previous ?? default))));
        }

        var actual = OperatingFigures.Sum(categories.Select(c => c.Actual));
        var checks = new List<StatementCheck>
        {
            new("Driftsredovisningens netto är lika med årets resultat", actual.Net == income.ResultForTheYear, income.ResultForTheYear, actual.Net,
                "Summan av driftsredovisningens netto (från verifikationerna per projektkod) jämförs med årets resultat i resultaträkningen."),
            new("Driftsredovisningens intäkter är lika med resultaträkningens intäkter", actual.Income == income.OperatingIncome + income.FinancialIncome,
                income.OperatingIncome + income.FinancialIncome, actual.Income,
                "Summan av driftsredovisningens intäkter jämförs med verksamhetens och de finansiella intäkterna i resultaträkningen."),
        };

        return new OperatingStatement(
            year,
            categories,
            actual,
            budget.Count == 0 ? null : OperatingFigures.Sum(budget.Select(b => b.Figures)),
            previousRows is null ? null : OperatingFigures.Sum(categories.Select(c => c.Previous ?? default)),
            checks);
    }

    private static OperatingCategory BudgetCategory(BudgetAmount budget, IReadOnlyDictionary<string, OperatingUnit> units) =>
        budget.InsatsCode is { } code && units.TryGetValue(code, out var unit) ? unit.Category : budget.Category;

    private readonly record struct RowKey(OperatingCategory Category, string Code, string Account);

    private sealed record Classified(OperatingCategory Category, string Text, OperatingFigures Figures);

    /// <summary>
    /// Places each amount on a row: an insats code → that insats in its category; a code that is no insats →
    /// a row of its own under <see cref="OperatingCategory.Unallocated"/>; no code → operating income per account under
    /// <see cref="OperatingCategory.MemberIncome"/>, financial income and costs (interest) per account under
    /// <see cref="OperatingCategory.FinancialItems"/>, other costs on one row under <see cref="OperatingCategory.Unallocated"/>.
    /// Income is what the mapping puts on an income line (verksamhetens or finansiella intäkter); everything else
    /// in the resultaträkning (costs, depreciation, financial costs, extraordinary items) is cost.
    /// </summary>
    private static Dictionary<RowKey, Classified> Classify(
        IEnumerable<ResultLine> lines,
        IReadOnlyCollection<AccountMappingRule> rules,
        IReadOnlyDictionary<string, OperatingUnit> units,
        IReadOnlyDictionary<string, string> accountNames)
    {
        var rows = new Dictionary<RowKey, Classified>();
        foreach (var line in lines)
        {
            var statementLine = AccountMappingRule.Resolve(rules, line.Account);
            if (statementLine is not { } mapped || !mapped.IsIncomeStatement() || mapped == StatementLine.ResultTransfer)
            {
                continue;
            }

            var isIncome = mapped is StatementLine.OperatingIncome or StatementLine.FinancialIncome;
            var figures = isIncome ? new OperatingFigures(-line.Amount, 0m) : new OperatingFigures(0m, line.Amount);
            var code = string.IsNullOrWhiteSpace(line.ObjectCode) ? "" : line.ObjectCode.Trim();
            var isFinancial = mapped is StatementLine.FinancialIncome or StatementLine.FinancialCosts;
            RowKey key = code.Length > 0
                ? new(units.TryGetValue(code, out var unit) ? unit.Category : OperatingCategory.Unallocated, code, "")
                : isFinancial ? new(OperatingCategory.FinancialItems, "", line.Account)
                : mapped == StatementLine.OperatingIncome ? new(OperatingCategory.MemberIncome, "", line.Account) : new(OperatingCategory.Unallocated, "", "");
            var text = TextOf(key, units, accountNames);
            rows[key] = rows.TryGetValue(key, out var existing) ? existing with { Figures = existing.Figures + figures } : new(key.Category, text, figures);
        }

        return rows;
    }

    private static string TextOf(RowKey key, IReadOnlyDictionary<string, OperatingUnit> units, IReadOnlyDictionary<string, string> accountNames) =>
        key.Code.Length > 0
            ? units.TryGetValue(key.Code, out var unit) ? $"{unit.Name} – {unit.Code}" : $"{key.Code} (projektkod utan insats)"
            : key.Account.Length > 0 ? $"{key.Account} {accountNames.GetValueOrDefault(key.Account, "")}".Trim() : "Kostnader utan projektkod";
}

/// <summary>Orders codes like P2 before P10 (letters, then the number).</summary>
public sealed class NaturalCodeComparer : IComparer<string>
{
    public static NaturalCodeComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (xp, xn) = Split(x ?? "");
        var (yp, yn) = Split(y ?? "");
        var byPrefix = string.CompareOrdinal(xp, yp);
        return byPrefix != 0 ? byPrefix : xn != yn ? xn.CompareTo(yn) : string.CompareOrdinal(x, y);
    }

    private static (string Prefix, long Number) Split(string code)
    {
        var digits = code.Length;
        while (digits > 0 && char.IsAsciiDigit(code[digits - 1]))
        {
            digits--;
        }

        return digits < code.Length && code.Length - digits < 18 ? (code[..digits], long.Parse(code[digits..], System.Globalization.CultureInfo.InvariantCulture)) : (code, -1);
    }
}
