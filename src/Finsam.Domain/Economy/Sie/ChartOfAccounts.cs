using Finsam.Domain.Economy.Statements;

namespace Finsam.Domain.Economy.Sie;

/// <summary>The families of charts of accounts a SIE file can declare with #KPTYP.</summary>
public enum ChartFamily
{
    /// <summary>The file has no #KPTYP (the SIE standard then means BAS95, but files from municipal systems often leave it out).</summary>
    NotStated = 0,

    /// <summary>Kommun-Bas (KB, KBxx): the municipal chart, which Finsam's default mapping follows.</summary>
    KommunBas = 1,

    /// <summary>A BAS company chart: BAS95, BAS96, EUBAS97, BAS2014 and later, NE2007.</summary>
    BasCompany = 2,

    /// <summary>A #KPTYP Finsam does not know.</summary>
    Unknown = 3,
}

/// <summary>
/// Which chart of accounts a ledger uses (read from #KPTYP), and the account mapping that suits it. The charts differ
/// where it matters for a förbund in class 8: in Kommun-Bas 84 is financial income and 85 financial costs; in a BAS
/// company chart 80–83 are financial income (83 ränteintäkter) and 84 financial costs (8410 räntekostnader), 88
/// bokslutsdispositioner and 89 the year's result. Classes 1–7 are the same in both.
/// </summary>
public sealed record ChartOfAccounts(string? Declared, ChartFamily Family)
{
    /// <summary>Reads a #KPTYP value.</summary>
    public static ChartOfAccounts FromKptyp(string? kptyp)
    {
        var value = kptyp?.Trim() ?? "";
        var upper = value.ToUpperInvariant();
        var family = upper switch
        {
            "" => ChartFamily.NotStated,
            _ when upper == "KB" || (upper.StartsWith("KB", StringComparison.Ordinal) && upper[2..].All(char.IsAsciiDigit)) || upper.StartsWith("KOMMUN", StringComparison.Ordinal) => ChartFamily.KommunBas,
            _ when upper.StartsWith("BAS", StringComparison.Ordinal) || upper.StartsWith("EUBAS", StringComparison.Ordinal) || upper.StartsWith("NE", StringComparison.Ordinal) => ChartFamily.BasCompany,
            _ => ChartFamily.Unknown,
        };
        return new ChartOfAccounts(value.Length == 0 ? null : value, family);
    }

    /// <summary>A Swedish description for the import page, e.g. "BAS2014 (BAS-kontoplan för företag)".</summary>
    public string Description => Family switch
    {
        ChartFamily.KommunBas => $"{Declared} (Kommun-Bas)",
        ChartFamily.BasCompany => $"{Declared} (BAS-kontoplan för företag)",
        ChartFamily.Unknown => $"{Declared} (okänd kontoplan; Finsam föreslår ingen mappning)",
        _ => "Anges inte i filen (#KPTYP saknas); Finsam använder den sparade mappningen",
    };

    /// <summary>The mapping that fits the chart, or null when Finsam cannot tell (not stated, unknown).</summary>
    public IReadOnlyList<AccountMappingRule>? Rules => Family switch
    {
        ChartFamily.KommunBas => AccountMappingRule.Defaults,
        ChartFamily.BasCompany => BasCompanyRules,
        _ => null,
    };

    /// <summary>The mapping for a BAS company chart (BAS2014, EUBAS97, BAS95/96).</summary>
    public static IReadOnlyList<AccountMappingRule> BasCompanyRules { get; } =
    [
        Rule("10", StatementLine.FixedAssets),
        Rule("11", StatementLine.FixedAssets),
        Rule("12", StatementLine.FixedAssets),
        Rule("13", StatementLine.FinancialFixedAssets),
        Rule("14", StatementLine.Inventories),
        Rule("15", StatementLine.ShortTermReceivables),
        Rule("16", StatementLine.ShortTermReceivables),
        Rule("17", StatementLine.ShortTermReceivables),
        Rule("18", StatementLine.ShortTermInvestments),
        Rule("19", StatementLine.CashAndBank),
        Rule("20", StatementLine.Equity),
        Rule("21", StatementLine.Equity),
        Rule("22", StatementLine.Provisions),
        Rule("23", StatementLine.LongTermLiabilities),
        Rule("24", StatementLine.ShortTermLiabilities),
        Rule("25", StatementLine.ShortTermLiabilities),
        Rule("26", StatementLine.ShortTermLiabilities),
        Rule("27", StatementLine.ShortTermLiabilities),
        Rule("28", StatementLine.ShortTermLiabilities),
        Rule("29", StatementLine.ShortTermLiabilities),
        Rule("3", StatementLine.OperatingIncome),
        Rule("4", StatementLine.OperatingCosts),
        Rule("5", StatementLine.OperatingCosts),
        Rule("6", StatementLine.OperatingCosts),
        Rule("7", StatementLine.OperatingCosts),
        Rule("78", StatementLine.Depreciation),
        Rule("80", StatementLine.FinancialIncome),
        Rule("81", StatementLine.FinancialIncome),
        Rule("82", StatementLine.FinancialIncome),
        Rule("83", StatementLine.FinancialIncome),
        Rule("84", StatementLine.FinancialCosts),
        Rule("88", StatementLine.ExtraordinaryItems),
        Rule("89", StatementLine.ResultTransfer),
    ];

    private static AccountMappingRule Rule(string prefix, StatementLine line) => new() { Prefix = prefix, Line = line };
}

/// <summary>A rule to add or change: the prefix, the line the chart wants, and the line it has today (null: no rule).</summary>
public sealed record ProposedRule(string Prefix, StatementLine Line, StatementLine? Today);

/// <summary>An account of the file that would move to another statement line with the proposal.</summary>
public sealed record AccountMove(string Account, string Name, StatementLine? Today, StatementLine? Proposed);

/// <summary>A proposal to change the saved account mapping so it fits the file's chart; empty when it already fits.</summary>
public sealed record MappingProposal(ChartOfAccounts Chart, IReadOnlyList<ProposedRule> Rules, IReadOnlyList<AccountMove> Moves)
{
    public bool IsEmpty => Moves.Count == 0;

    /// <summary>
    /// Compares the saved mapping with the one the chart wants, for the accounts of the file. Only rules that change
    /// where one of the file's accounts goes are proposed, so a mapping the user has refined is left alone elsewhere.
    /// </summary>
    /// <param name="chart">The file's chart.</param>
    /// <param name="saved">The förbund's mapping today.</param>
    /// <param name="accounts">The file's accounts with a balance or a transaction: number → name.</param>
    public static MappingProposal For(ChartOfAccounts chart, IReadOnlyCollection<AccountMappingRule> saved, IReadOnlyDictionary<string, string> accounts)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(accounts);
        if (chart.Rules is not { } wanted)
        {
            return new MappingProposal(chart, [], []);
        }

        var moved = accounts
            .Select(a => new AccountMove(a.Key, a.Value, AccountMappingRule.Resolve(saved, a.Key), AccountMappingRule.Resolve(wanted, a.Key)))
            .Where(m => m.Today != m.Proposed && m.Proposed is not null)
            .OrderBy(m => m.Account, StringComparer.Ordinal)
            .ToList();

        // The chart's rule that decides each moved account, once per prefix.
        var rules = moved
            .Select(m => wanted.Where(r => m.Account.StartsWith(r.Prefix, StringComparison.Ordinal)).MaxBy(r => r.Prefix.Length)!)
            .DistinctBy(r => r.Prefix)
            .Select(r => new ProposedRule(r.Prefix, r.Line, saved.FirstOrDefault(s => s.Prefix == r.Prefix)?.Line))
            .OrderBy(r => r.Prefix, StringComparer.Ordinal)
            .ToList();

        // A longer saved rule (e.g. "8410") would still win over the proposed prefix: such accounts get their own rule.
        var proposedRules = saved.Where(s => !rules.Any(r => r.Prefix == s.Prefix))
            .Concat(rules.Select(r => new AccountMappingRule { Prefix = r.Prefix, Line = r.Line }))
            .ToList();
        foreach (var move in moved.Where(m => AccountMappingRule.Resolve(proposedRules, m.Account) != m.Proposed))
        {
            var longest = saved.Where(s => move.Account.StartsWith(s.Prefix, StringComparison.Ordinal)).MaxBy(s => s.Prefix.Length)!;
            rules.Add(new ProposedRule(longest.Prefix, move.Proposed!.Value, longest.Line));
        }

        return new MappingProposal(chart, rules.DistinctBy(r => r.Prefix).OrderBy(r => r.Prefix, StringComparer.Ordinal).ToList(), moved);
    }
}
