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
/// liabilities, and per project code (insats) for the operating costs, taken from the vouchers.
/// </summary>
public static class StatementNotes
{
    /// <param name="year">The year's ledger figures.</param>
    /// <param name="statements">The statements built from them.</param>
    /// <param name="rules">The account mapping.</param>
    /// <param name="accountNames">Account number → name.</param>
    /// <param name="costsByProject">Voucher amounts (debit positive) on cost accounts per project code; null code = no project.
    /// Null when the file had no vouchers.</param>
    /// <param name="projectNames">Project code → insats name, for the texts.</param>
    public static IReadOnlyList<StatementNote> Build(
        LedgerFigures year,
        FinancialStatements statements,
        IReadOnlyCollection<AccountMappingRule> rules,
        IReadOnlyDictionary<string, string> accountNames,
        IReadOnlyDictionary<string, decimal>? costsByProject,
        IReadOnlyDictionary<string, string> projectNames)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(accountNames);
        ArgumentNullException.ThrowIfNull(projectNames);

        IReadOnlyList<NoteRow> PerAccount(IReadOnlyDictionary<string, decimal> balances, StatementLine line, int sign) => balances
            .Where(b => AccountMappingRule.Resolve(rules, b.Key) == line && b.Value != 0m)
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new NoteRow(b.Key, $"{b.Key} {accountNames.GetValueOrDefault(b.Key, "")}".Trim(), sign * b.Value))
            .ToList();

        var notes = new List<StatementNote>
        {
            new("Verksamhetens intäkter", StatementLine.OperatingIncome.SwedishName(), PerAccount(year.Results, StatementLine.OperatingIncome, -1), statements.Income.OperatingIncome),
            new("Kortfristiga fordringar", StatementLine.ShortTermReceivables.SwedishName(), PerAccount(year.Closing, StatementLine.ShortTermReceivables, 1), statements.Closing.ShortTermReceivables),
            new("Kortfristiga skulder", StatementLine.ShortTermLiabilities.SwedishName(), PerAccount(year.Closing, StatementLine.ShortTermLiabilities, -1), statements.Closing.ShortTermLiabilities),
        };

        if (costsByProject is not null)
        {
            var rows = costsByProject
                .Where(c => c.Value != 0m)
                .OrderBy(c => c.Key == "" ? 1 : 0).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new NoteRow(c.Key, c.Key == "" ? "Utan projektkod" : $"{c.Key} {projectNames.GetValueOrDefault(c.Key, "")}".Trim(), -c.Value))
                .ToList();
            notes.Add(new StatementNote("Verksamhetens kostnader per projektkod", StatementLine.OperatingCosts.SwedishName(), rows, statements.Income.OperatingCosts));
        }

        return notes;
    }
}
