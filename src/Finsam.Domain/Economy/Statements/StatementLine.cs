namespace Finsam.Domain.Economy.Statements;

/// <summary>
/// The lines of the resultaträkning and balansräkning that accounts are mapped to (see <see cref="AccountMappingRule"/>).
/// </summary>
public enum StatementLine
{
    // Resultaträkning: presented with income positive and costs negative.
    OperatingIncome = 1,
    OperatingCosts = 2,
    Depreciation = 3,
    FinancialIncome = 4,
    FinancialCosts = 5,
    ExtraordinaryItems = 6,

    /// <summary>Closing entries that move the year's result to equity (kontogrupp 89). Not a line of its own.</summary>
    ResultTransfer = 7,

    // Balansräkning: assets presented as debit balances, equity and liabilities as credit balances, both positive.
    FixedAssets = 20,
    FinancialFixedAssets = 21,
    Inventories = 22,
    ShortTermReceivables = 23,
    ShortTermInvestments = 24,
    CashAndBank = 25,
    Equity = 30,
    Provisions = 31,
    LongTermLiabilities = 32,
    ShortTermLiabilities = 33,
}

public static class StatementLines
{
    public static bool IsIncomeStatement(this StatementLine line) => (int)line < 20;

    public static bool IsAsset(this StatementLine line) => (int)line is >= 20 and < 30;

    public static string SwedishName(this StatementLine line) => line switch
    {
        StatementLine.OperatingIncome => "Verksamhetens intäkter",
        StatementLine.OperatingCosts => "Verksamhetens kostnader",
        StatementLine.Depreciation => "Avskrivningar",
        StatementLine.FinancialIncome => "Finansiella intäkter",
        StatementLine.FinancialCosts => "Finansiella kostnader",
        StatementLine.ExtraordinaryItems => "Extraordinära poster",
        StatementLine.ResultTransfer => "Resultatdisposition (bokslut)",
        StatementLine.FixedAssets => "Materiella och immateriella anläggningstillgångar",
        StatementLine.FinancialFixedAssets => "Finansiella anläggningstillgångar",
        StatementLine.Inventories => "Förråd",
        StatementLine.ShortTermReceivables => "Kortfristiga fordringar",
        StatementLine.ShortTermInvestments => "Kortfristiga placeringar",
        StatementLine.CashAndBank => "Kassa och bank",
        StatementLine.Equity => "Eget kapital",
        StatementLine.Provisions => "Avsättningar",
        StatementLine.LongTermLiabilities => "Långfristiga skulder",
        StatementLine.ShortTermLiabilities => "Kortfristiga skulder",
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Okänd rad."),
    };
}

/// <summary>
/// Maps the accounts whose number starts with <see cref="Prefix"/> to a statement line. The longest matching
/// prefix wins, so "78" (avskrivningar) overrides "7" (verksamhetens kostnader).
/// </summary>
public class AccountMappingRule
{
    public int Id { get; set; }

    public required string Prefix { get; set; }

    public StatementLine Line { get; set; }

    /// <summary>The default mapping from the municipal chart of accounts (Kommun-Bas), classes 1–8.</summary>
    public static IReadOnlyList<AccountMappingRule> Defaults { get; } =
    [
        Rule(1, "10", StatementLine.FixedAssets),
        Rule(2, "11", StatementLine.FixedAssets),
        Rule(3, "12", StatementLine.FixedAssets),
        Rule(4, "13", StatementLine.FinancialFixedAssets),
        Rule(5, "14", StatementLine.Inventories),
        Rule(6, "15", StatementLine.ShortTermReceivables),
        Rule(7, "16", StatementLine.ShortTermReceivables),
        Rule(8, "17", StatementLine.ShortTermReceivables),
        Rule(9, "18", StatementLine.ShortTermInvestments),
        Rule(10, "19", StatementLine.CashAndBank),
        Rule(11, "20", StatementLine.Equity),
        Rule(12, "22", StatementLine.Provisions),
        Rule(13, "23", StatementLine.LongTermLiabilities),
        Rule(14, "24", StatementLine.ShortTermLiabilities),
        Rule(15, "25", StatementLine.ShortTermLiabilities),
        Rule(16, "26", StatementLine.ShortTermLiabilities),
        Rule(17, "27", StatementLine.ShortTermLiabilities),
        Rule(18, "28", StatementLine.ShortTermLiabilities),
        Rule(19, "29", StatementLine.ShortTermLiabilities),
        Rule(20, "3", StatementLine.OperatingIncome),
        Rule(21, "4", StatementLine.OperatingCosts),
        Rule(22, "5", StatementLine.OperatingCosts),
        Rule(23, "6", StatementLine.OperatingCosts),
        Rule(24, "7", StatementLine.OperatingCosts),
        Rule(25, "78", StatementLine.Depreciation),
        Rule(26, "84", StatementLine.FinancialIncome),
        Rule(27, "85", StatementLine.FinancialCosts),
        Rule(28, "87", StatementLine.ExtraordinaryItems),
        Rule(29, "89", StatementLine.ResultTransfer),
    ];

    private static AccountMappingRule Rule(int id, string prefix, StatementLine line) => new() { Id = id, Prefix = prefix, Line = line };

    /// <summary>The line an account maps to, or null when no rule matches.</summary>
    public static StatementLine? Resolve(IEnumerable<AccountMappingRule> rules, string account)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(account);
        return rules.Where(r => account.StartsWith(r.Prefix, StringComparison.Ordinal))
            .OrderByDescending(r => r.Prefix.Length)
            .Select(r => (StatementLine?)r.Line)
            .FirstOrDefault();
    }
}
