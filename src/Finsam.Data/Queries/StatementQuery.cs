using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>Builds a year's statements, and the previous year's for comparison, from the imported ledgers.</summary>
public static class StatementQuery
{
    /// <param name="Current">The year's statements and checks.</param>
    /// <param name="Previous">Last year's figures for the comparison column, when known.</param>
    /// <param name="PreviousCashFlowKnown">Whether last year's opening balances are known, which its cash flow needs.</param>
    /// <param name="Notes">The notes of the year, each with the check that it sums to its statement line.</param>
    public sealed record YearStatements(FinancialStatements Current, FinancialStatements? Previous, bool PreviousCashFlowKnown, IReadOnlyList<StatementNote> Notes)
    {
        /// <summary>The statements' checks followed by the notes' checks.</summary>
        public IReadOnlyList<StatementCheck> Checks => [.. Current.Checks, .. Notes.Select(n => n.Check)];
    }

    /// <returns>Null when the year has no imported ledger.</returns>
    public static async Task<YearStatements?> StatementsForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        var current = await FiguresAsync(db, year, year, cancellationToken);
        if (current is null)
        {
            return null;
        }

        // The previous year's own ledger when it has been imported; otherwise the previous-year figures of this year's file.
        var previousOwn = await FiguresAsync(db, year - 1, year - 1, cancellationToken);
        var previous = previousOwn ?? await FiguresAsync(db, year, year - 1, cancellationToken);
        var statements = FinancialStatements.Build(current, rules, previousOwn);
        var previousStatements = previous is { Closing.Count: > 0 } ? FinancialStatements.Build(previous, rules) : null;
        var notes = await NotesAsync(db, year, current, statements, rules, cancellationToken);
        return new YearStatements(statements, previousStatements, previous is { Opening.Count: > 0 }, notes);
    }

    private static async Task<IReadOnlyList<StatementNote>> NotesAsync(
        FinsamDbContext db, int year, LedgerFigures figures, FinancialStatements statements, List<AccountMappingRule> rules, CancellationToken cancellationToken)
    {
        var yearId = await db.FiscalYears.Where(y => y.Year == year).Select(y => y.Id).SingleAsync(cancellationToken);
        var accountNames = await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == yearId)
            .ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);
        var perAccountAndProject = await db.VoucherLines.AsNoTracking()
            .Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.FiscalYearId == yearId))
            .GroupBy(l => new { l.Account, l.ObjectCode })
            .Select(g => new { g.Key.Account, g.Key.ObjectCode, Amount = g.Sum(l => l.Amount) })
            .ToListAsync(cancellationToken);
        var costsByProject = perAccountAndProject.Count == 0
            ? null
            : perAccountAndProject
                .Where(x => AccountMappingRule.Resolve(rules, x.Account) == StatementLine.OperatingCosts)
                .GroupBy(x => x.ObjectCode ?? "")
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Amount), StringComparer.Ordinal);
        var projectNames = await db.Insatser.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Name, StringComparer.Ordinal, cancellationToken);
        return StatementNotes.Build(figures, statements, rules, accountNames, costsByProject, projectNames);
    }

    /// <summary>The account balances of <paramref name="balanceYear"/> as imported with the ledger of <paramref name="fiscalYear"/>.</summary>
    private static async Task<LedgerFigures?> FiguresAsync(FinsamDbContext db, int fiscalYear, int balanceYear, CancellationToken cancellationToken)
    {
        var yearId = await db.FiscalYears.Where(y => y.Year == fiscalYear).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
        if (yearId is null || !await db.LedgerImports.AnyAsync(i => i.FiscalYearId == yearId, cancellationToken))
        {
            return null;
        }

        var rows = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == yearId && b.BalanceYear == balanceYear && b.ObjectCode == null && b.Kind != LedgerBalanceKind.Period)
            .Select(b => new { b.Kind, b.Account, b.Amount })
            .ToListAsync(cancellationToken);
        Dictionary<string, decimal> Of(LedgerBalanceKind kind) =>
            rows.Where(r => r.Kind == kind).GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);
        return new LedgerFigures(balanceYear, Of(LedgerBalanceKind.Opening), Of(LedgerBalanceKind.Closing), Of(LedgerBalanceKind.Result));
    }
}
