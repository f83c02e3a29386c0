namespace Finsam.Domain.Economy.Statements;

/// <summary>A year's ledger balances per account, in the SIE sign convention (debit positive, credit negative).</summary>
public sealed record LedgerFigures(
    int Year,
    IReadOnlyDictionary<string, decimal> Opening,
    IReadOnlyDictionary<string, decimal> Closing,
    IReadOnlyDictionary<string, decimal> Results);

/// <summary>Resultaträkning of one year, presented with income positive and costs negative (kronor).</summary>
public sealed record IncomeStatement(
    decimal OperatingIncome,
    decimal OperatingCosts,
    decimal Depreciation,
    decimal FinancialIncome,
    decimal FinancialCosts,
    decimal ExtraordinaryItems)
{
    public decimal OperatingResult => OperatingIncome + OperatingCosts + Depreciation;

    public decimal ResultAfterFinancialItems => OperatingResult + FinancialIncome + FinancialCosts;

    public decimal ResultForTheYear => ResultAfterFinancialItems + ExtraordinaryItems;
}

/// <summary>Balansräkning at one date; every amount positive in its own side's direction (kronor).</summary>
public sealed record BalanceSheet(
    decimal FixedAssets,
    decimal FinancialFixedAssets,
    decimal Inventories,
    decimal ShortTermReceivables,
    decimal ShortTermInvestments,
    decimal CashAndBank,
    decimal Equity,
    decimal ResultForTheYear,
    decimal Provisions,
    decimal LongTermLiabilities,
    decimal ShortTermLiabilities)
{
    public decimal NonCurrentAssets => FixedAssets + FinancialFixedAssets;

    public decimal CurrentAssets => Inventories + ShortTermReceivables + ShortTermInvestments + CashAndBank;

    public decimal TotalAssets => NonCurrentAssets + CurrentAssets;

    public decimal Liabilities => LongTermLiabilities + ShortTermLiabilities;

    public decimal TotalEquityAndLiabilities => Equity + Provisions + Liabilities;
}

/// <summary>Kassaflödesanalys by the indirect method, derived from the income statement and the two balance sheets.</summary>
public sealed record CashFlowStatement(
    decimal ResultForTheYear,
    decimal DepreciationAddedBack,
    decimal ChangeInProvisions,
    decimal ChangeInReceivablesAndInventories,
    decimal ChangeInShortTermLiabilities,
    decimal Investments,
    decimal ChangeInShortTermInvestments,
    decimal ChangeInLongTermLiabilities,
    decimal OtherChangesInEquity,
    decimal CashAtStart)
{
    public decimal FromOperationsBeforeWorkingCapital => ResultForTheYear + DepreciationAddedBack + ChangeInProvisions;

    public decimal FromOperatingActivities => FromOperationsBeforeWorkingCapital + ChangeInReceivablesAndInventories + ChangeInShortTermLiabilities;

    public decimal FromInvestingActivities => Investments + ChangeInShortTermInvestments;

    public decimal FromFinancingActivities => ChangeInLongTermLiabilities + OtherChangesInEquity;

    public decimal CashFlowForTheYear => FromOperatingActivities + FromInvestingActivities + FromFinancingActivities;

    public decimal CashAtEnd => CashAtStart + CashFlowForTheYear;
}

/// <summary>One reconciliation check: its Swedish name, whether it holds, and the two amounts compared.</summary>
public sealed record StatementCheck(string Name, bool Passed, decimal Expected, decimal Actual, string Explanation);

/// <summary>An account with a balance that no mapping rule places on a statement line.</summary>
public sealed record UnmappedAccount(string Account, decimal Opening, decimal Closing, decimal Result);

/// <summary>A year's statements with the checks that prove they reconcile.</summary>
public sealed record FinancialStatements(
    int Year,
    IncomeStatement Income,
    BalanceSheet Opening,
    BalanceSheet Closing,
    CashFlowStatement CashFlow,
    IReadOnlyList<UnmappedAccount> Unmapped,
    IReadOnlyList<StatementCheck> Checks)
{
    public bool AllChecksPass => Checks.All(c => c.Passed);

    /// <summary>
    /// Builds the statements of a year from its ledger and the mapping, and runs every check. When the previous
    /// year's own ledger is given, the opening balances are also checked against its closing balances.
    /// </summary>
    public static FinancialStatements Build(LedgerFigures year, IReadOnlyCollection<AccountMappingRule> rules, LedgerFigures? previousYearsOwnLedger = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(rules);
        var accounts = year.Opening.Keys.Concat(year.Closing.Keys).Concat(year.Results.Keys).Distinct(StringComparer.Ordinal).ToList();
        var lineOf = accounts.ToDictionary(a => a, a => AccountMappingRule.Resolve(rules, a), StringComparer.Ordinal);

        var unmapped = accounts
            .Where(a => lineOf[a] is null)
            .Select(a => new UnmappedAccount(a, year.Opening.GetValueOrDefault(a), year.Closing.GetValueOrDefault(a), year.Results.GetValueOrDefault(a)))
            .Where(u => u.Opening != 0m || u.Closing != 0m || u.Result != 0m)
            .OrderBy(u => u.Account, StringComparer.Ordinal)
            .ToList();

        decimal ResultOf(StatementLine line) => -accounts.Where(a => lineOf[a] == line).Sum(a => year.Results.GetValueOrDefault(a));
        var income = new IncomeStatement(
            ResultOf(StatementLine.OperatingIncome),
            ResultOf(StatementLine.OperatingCosts),
            ResultOf(StatementLine.Depreciation),
            ResultOf(StatementLine.FinancialIncome),
            ResultOf(StatementLine.FinancialCosts),
            ResultOf(StatementLine.ExtraordinaryItems));

        // Has the year's result been booked to equity (closing entries on kontogrupp 89)? Then equity already holds it.
        var transferred = accounts.Any(a => lineOf[a] == StatementLine.ResultTransfer && year.Results.GetValueOrDefault(a) != 0m);
        var opening = Sheet(year.Opening, lineOf, 0m);
        var closing = Sheet(year.Closing, lineOf, transferred ? 0m : income.ResultForTheYear) with { ResultForTheYear = income.ResultForTheYear };

        var depreciation = -income.Depreciation;
        var cashFlow = new CashFlowStatement(
            ResultForTheYear: income.ResultForTheYear,
            DepreciationAddedBack: depreciation,
            ChangeInProvisions: closing.Provisions - opening.Provisions,
            ChangeInReceivablesAndInventories: -(closing.ShortTermReceivables + closing.Inventories - opening.ShortTermReceivables - opening.Inventories),
            ChangeInShortTermLiabilities: closing.ShortTermLiabilities - opening.ShortTermLiabilities,
            Investments: -(closing.NonCurrentAssets - opening.NonCurrentAssets + depreciation),
            ChangeInShortTermInvestments: -(closing.ShortTermInvestments - opening.ShortTermInvestments),
            ChangeInLongTermLiabilities: closing.LongTermLiabilities - opening.LongTermLiabilities,
            OtherChangesInEquity: closing.Equity - opening.Equity - income.ResultForTheYear,
            CashAtStart: opening.CashAndBank);

        var checks = new List<StatementCheck>
        {
            new("Alla konton med saldo har en rad i räkenskaperna", unmapped.Count == 0, 0m, unmapped.Count,
                unmapped.Count == 0 ? "Alla konton är mappade." : $"Konton utan mappning: {string.Join(", ", unmapped.Select(u => u.Account))}."),
            new("Balansräkningen balanserar", closing.TotalAssets == closing.TotalEquityAndLiabilities, closing.TotalAssets, closing.TotalEquityAndLiabilities,
                "Summa tillgångar jämförs med summa eget kapital, avsättningar och skulder."),
            new("Ingående balansräkning balanserar", opening.TotalAssets == opening.TotalEquityAndLiabilities, opening.TotalAssets, opening.TotalEquityAndLiabilities,
                "Summa tillgångar jämförs med summa eget kapital, avsättningar och skulder vid årets början."),
            new("Årets resultat är lika med förändringen av eget kapital", closing.Equity - opening.Equity == income.ResultForTheYear,
                income.ResultForTheYear, closing.Equity - opening.Equity, "Årets resultat i resultaträkningen jämförs med eget kapital vid årets slut minus vid årets början."),
            new("Likvida medel vid årets slut enligt kassaflödesanalysen är lika med kassa och bank i balansräkningen", cashFlow.CashAtEnd == closing.CashAndBank,
                closing.CashAndBank, cashFlow.CashAtEnd, "Likvida medel vid årets början plus årets kassaflöde jämförs med kassa och bank vid årets slut."),
        };

        if (previousYearsOwnLedger is not null)
        {
            var previousClosing = Sheet(previousYearsOwnLedger.Closing, a => AccountMappingRule.Resolve(rules, a), 0m);
            checks.Add(new("Likvida medel vid årets början är lika med föregående års kassa och bank", opening.CashAndBank == previousClosing.CashAndBank,
                previousClosing.CashAndBank, opening.CashAndBank, $"Kassa och bank vid årets början jämförs med utgående balans {previousYearsOwnLedger.Year}."));
            // Account by account: differences that cancel out in the totals (equity +100, a liability −100) are found too.
            var previousLineOf = (string a) => AccountMappingRule.Resolve(rules, a);
            var previousTransferred = previousYearsOwnLedger.Results.Any(r => previousLineOf(r.Key) == StatementLine.ResultTransfer && r.Value != 0m);
            var previousResult = previousYearsOwnLedger.Results
                .Where(r => previousLineOf(r.Key) is { } l && l.IsIncomeStatement() && l != StatementLine.ResultTransfer)
                .Sum(r => r.Value);
            var differences = OpeningBalanceCheck.Compare(
                year.Opening, previousYearsOwnLedger.Closing, a => previousLineOf(a) == StatementLine.Equity, previousTransferred ? 0m : previousResult);
            checks.Add(new("Ingående balanser är lika med föregående års utgående balanser, konto för konto", differences.Count == 0,
                0m, differences.Count,
                differences.Count == 0
                    ? $"Varje kontos ingående balans {year.Year} är lika med dess utgående balans {previousYearsOwnLedger.Year}."
                    : string.Join(" ", differences.Select(d => d.Describe(year.Year)))));
        }

        return new FinancialStatements(year.Year, income, opening, closing, cashFlow, unmapped, checks);
    }

    private static BalanceSheet Sheet(IReadOnlyDictionary<string, decimal> balances, IReadOnlyDictionary<string, StatementLine?> lineOf, decimal unbookedResult) =>
        Sheet(balances, a => lineOf.GetValueOrDefault(a), unbookedResult);

    private static BalanceSheet Sheet(IReadOnlyDictionary<string, decimal> balances, Func<string, StatementLine?> lineOf, decimal unbookedResult)
    {
        decimal Debit(StatementLine line) => balances.Where(b => lineOf(b.Key) == line).Sum(b => b.Value);
        decimal Credit(StatementLine line) => -Debit(line);
        return new BalanceSheet(
            FixedAssets: Debit(StatementLine.FixedAssets),
            FinancialFixedAssets: Debit(StatementLine.FinancialFixedAssets),
            Inventories: Debit(StatementLine.Inventories),
            ShortTermReceivables: Debit(StatementLine.ShortTermReceivables),
            ShortTermInvestments: Debit(StatementLine.ShortTermInvestments),
            CashAndBank: Debit(StatementLine.CashAndBank),
            Equity: Credit(StatementLine.Equity) + unbookedResult,
            ResultForTheYear: 0m,
            Provisions: Credit(StatementLine.Provisions),
            LongTermLiabilities: Credit(StatementLine.LongTermLiabilities),
            ShortTermLiabilities: Credit(StatementLine.ShortTermLiabilities));
    }
}
