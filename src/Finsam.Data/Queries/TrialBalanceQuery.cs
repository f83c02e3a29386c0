using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>
/// A year's saldobalans from its imported ledger: per account (without objects) the opening balance, the year's
/// movement, the closing balance and the statement line the mapping puts it on. Used by the saldobalans page and the
/// auditors' workbook, whose resultaträkning and balansräkning are formulas over it.
/// </summary>
public static class TrialBalanceQuery
{
    /// <returns>Null when the fiscal year does not exist; no rows when it has no ledger.</returns>
    public static async Task<TrialBalance?> TrialBalanceForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fiscalYearId = await db.FiscalYears.AsNoTracking().Where(y => y.Year == year).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
        return fiscalYearId is null ? null : await BuildAsync(db, fiscalYearId.Value, year, cancellationToken);
    }

    /// <summary>
    /// Last year's saldobalans for the comparison columns of <paramref name="year"/>'s report, from the same source as
    /// the statements' (<see cref="StatementQuery"/>): last year's own ledger when it has been imported, otherwise the
    /// previous-year figures (#IB/#UB/#RES −1) of this year's file.
    /// </summary>
    /// <returns>Null when neither has figures for last year (the förbund's first year in Finsam).</returns>
    public static async Task<TrialBalance?> PreviousTrialBalanceForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var fiscalYear in new[] { year - 1, year })
        {
            var fiscalYearId = await db.FiscalYears.AsNoTracking()
                .Where(y => y.Year == fiscalYear && db.LedgerImports.Any(i => i.FiscalYearId == y.Id))
                .Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
            if (fiscalYearId is not null && await BuildAsync(db, fiscalYearId.Value, year - 1, cancellationToken) is { Rows.Count: > 0 } trialBalance
                && trialBalance.Rows.Any(r => r.Closing is not null))
            {
                return trialBalance;
            }
        }

        return null;
    }

    private static async Task<TrialBalance> BuildAsync(FinsamDbContext db, int fiscalYearId, int balanceYear, CancellationToken cancellationToken)
    {
        var names = await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == fiscalYearId)
            .ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);
        var balances = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == fiscalYearId && b.BalanceYear == balanceYear && b.ObjectCode == null && b.Kind != LedgerBalanceKind.Period)
            .Select(b => new { b.Account, b.Kind, b.Amount })
            .ToListAsync(cancellationToken);
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        return TrialBalance.Build(balanceYear, balances.Select(b => (b.Account, b.Kind, b.Amount)), names, rules);
    }
}
