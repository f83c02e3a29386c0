namespace Finsam.Domain.Economy.Statements;

/// <summary>
/// One account of a year's saldobalans, in the SIE sign convention (debit positive, credit negative): the opening
/// balance, the year's movement and the closing balance, and the statement line the account mapping puts it on.
/// </summary>
/// <param name="Account">The account number.</param>
/// <param name="Name">The account's name in the year's ledger ("" when the file names none).</param>
/// <param name="Line">The statement line (null: no mapping rule matches the account).</param>
/// <param name="Opening">Ingående balans (null: the file has none for the account, as for result accounts).</param>
/// <param name="Period">The year's movement: the result of a result account, closing minus opening of a balance account.</param>
/// <param name="Closing">Utgående balans (null: the file has none for the account, as for result accounts).</param>
public sealed record TrialBalanceRow(string Account, string Name, StatementLine? Line, decimal? Opening, decimal Period, decimal? Closing)
{
    /// <summary>The line's Swedish name as the workbook and the pages show it; "Ej mappad" when no rule matches.</summary>
    public string LineName => Line?.SwedishName() ?? TrialBalance.Unmapped;

    /// <summary>A result account (resultaträkningen): its balance is the year's movement and starts from zero.</summary>
    public bool IsResultAccount => Line is { } line ? line.IsIncomeStatement() : Opening is null && Closing is null;
}

/// <summary>A year's saldobalans: every account with a balance in the year's ledger, in account order.</summary>
public sealed record TrialBalance(int Year, IReadOnlyList<TrialBalanceRow> Rows)
{
    /// <summary>The mapped-line text of an account that no mapping rule places on a statement line.</summary>
    public const string Unmapped = "Ej mappad";

    /// <summary>
    /// The rows from the year's balances per account: opening (IB), closing (UB) and result (RES) as imported.
    /// A result account's movement is its result; a balance account's is its closing minus its opening balance.
    /// </summary>
    public static TrialBalance Build(
        int year,
        IEnumerable<(string Account, LedgerBalanceKind Kind, decimal Amount)> balances,
        IReadOnlyDictionary<string, string> accountNames,
        IReadOnlyCollection<AccountMappingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(accountNames);
        ArgumentNullException.ThrowIfNull(rules);
        var rows = balances
            .Where(b => b.Kind != LedgerBalanceKind.Period)
            .GroupBy(b => b.Account, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                decimal? Sum(LedgerBalanceKind kind) => g.Any(b => b.Kind == kind) ? g.Where(b => b.Kind == kind).Sum(b => b.Amount) : null;
                var opening = Sum(LedgerBalanceKind.Opening);
                var closing = Sum(LedgerBalanceKind.Closing);
                var period = Sum(LedgerBalanceKind.Result) ?? ((closing ?? 0m) - (opening ?? 0m));
                return new TrialBalanceRow(g.Key, accountNames.GetValueOrDefault(g.Key, ""), AccountMappingRule.Resolve(rules, g.Key), opening, period, closing);
            })
            .ToList();
        return new TrialBalance(year, rows);
    }
}
