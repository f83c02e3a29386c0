namespace Finsam.Domain.Economy.Statements;

/// <summary>One row of a note: an account (or a project code) with this year's amount.</summary>
public sealed record NoteRow(string Key, string Text, decimal Amount);

/// <summary>A note (not) to a statement line: its rows, their sum, and the statement amount it must equal.</summary>
public sealed record StatementNote(string Title, string StatementLineText, IReadOnlyList<NoteRow> Rows, decimal StatementAmount)
{
    public decimal Sum => Rows.Sum(r => r.Amount);

    public StatementCheck Check => new(
        $"Noten {Title.ToLowerInvariant()} summerar till raden {StatementLineText.ToLowerInvariant()}",
        Sum == StatementAmount,
        StatementAmount,
        Sum,
        $"Notens summa jämförs med {StatementLineText.ToLowerInvariant()} i räkenskaperna.");
}

/// <summary>
/// The notes of a year, presented in the statements' signs: per account for income, receivables and short-term
/// liabilities; per project code (insats) for the operating costs, taken from the vouchers; and, when the members'
/// contributions have been entered, the operating income per member and per project.
/// </summary>
public static class StatementNotes
{
    /// <param name="year">The year's ledger figures.</param>
    /// <param name="statements">The statements built from them.</param>
    /// <param name="rules">The account mapping.</param>
    /// <param name="accountNames">Account number → name.</param>
    /// <param name="resultLines">Voucher amounts (debit positive) per account and project code; null when the file had no vouchers.</param>
    /// <param name="units">The insatser by project code, for the texts.</param>
    /// <param name="contributions">The members' contributions as decided for the year; empty when not entered.</param>
    public static IReadOnlyList<StatementNote> Build(
        LedgerFigures year,
        FinancialStatements statements,
        IReadOnlyCollection<AccountMappingRule> rules,
        IReadOnlyDictionary<string, string> accountNames,
        IReadOnlyCollection<ResultLine>? resultLines,
        IReadOnlyDictionary<string, OperatingUnit> units,
        IReadOnlyCollection<MemberContributions.Contribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(accountNames);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(contributions);

        IReadOnlyList<NoteRow> PerAccount(IReadOnlyDictionary<string, decimal> balances, StatementLine line, int sign) => balances
            .Where(b => AccountMappingRule.Resolve(rules, b.Key) == line && b.Value != 0m)
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new NoteRow(b.Key, $"{b.Key} {accountNames.GetValueOrDefault(b.Key, "")}".Trim(), sign * b.Value))
            .ToList();

        var notes = new List<StatementNote>
        {
            new("Verksamhetens intäkter", StatementLine.OperatingIncome.SwedishName(), PerAccount(year.Results, StatementLine.OperatingIncome, -1), statements.Income.OperatingIncome),
        };

        if (resultLines is not null && contributions.Count > 0)
        {
            // Income without a project code is the members' contributions; coded income (ESF and other grants) is shown per project.
            var rows = contributions.Where(c => c.Amount != 0m)
                .Select(c => new NoteRow(c.Member.Name, $"Medlemsbidrag {c.Member.Name}", c.Amount))
                .Concat(PerProject(resultLines, StatementLine.OperatingIncome, rules, units, -1, "projektintäkter").Where(r => r.Key.Length > 0))
                .ToList();
            notes.Add(new StatementNote("Verksamhetens intäkter per medlem och projekt", StatementLine.OperatingIncome.SwedishName(), rows, statements.Income.OperatingIncome));
        }

        notes.Add(new("Kortfristiga fordringar", StatementLine.ShortTermReceivables.SwedishName(), PerAccount(year.Closing, StatementLine.ShortTermReceivables, 1), statements.Closing.ShortTermReceivables));
        notes.Add(new("Kortfristiga skulder", StatementLine.ShortTermLiabilities.SwedishName(), PerAccount(year.Closing, StatementLine.ShortTermLiabilities, -1), statements.Closing.ShortTermLiabilities));

        if (resultLines is not null)
        {
            notes.Add(new StatementNote("Verksamhetens kostnader per projektkod", StatementLine.OperatingCosts.SwedishName(),
                PerProject(resultLines, StatementLine.OperatingCosts, rules, units, -1, null), statements.Income.OperatingCosts));
        }

        return notes;
    }

    /// <summary>The amounts of one statement line per project code (key "" for none), in the statement's sign.</summary>
    private static List<NoteRow> PerProject(
        IEnumerable<ResultLine> lines, StatementLine line, IReadOnlyCollection<AccountMappingRule> rules,
        IReadOnlyDictionary<string, OperatingUnit> units, int sign, string? suffix) => lines
            .Where(l => AccountMappingRule.Resolve(rules, l.Account) == line)
            .GroupBy(l => l.ObjectCode?.Trim() ?? "", StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Amount: sign * g.Sum(l => l.Amount)))
            .Where(g => g.Amount != 0m)
            .OrderBy(g => g.Code.Length == 0 ? 1 : 0).ThenBy(g => g.Code, NaturalCodeComparer.Instance)
            .Select(g => new NoteRow(g.Code, g.Code.Length == 0
                ? "Utan projektkod"
                : (units.TryGetValue(g.Code, out var unit) ? $"{unit.Name} – {g.Code}" : g.Code) + (suffix is null ? "" : $" ({suffix})"), g.Amount))
            .ToList();
}
