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
        if (fiscalYearId is null)
        {
            return null;
        }

        var names = await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == fiscalYearId)
            .ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);
        var balances = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == fiscalYearId && b.BalanceYear == year && b.ObjectCode == null && b.Kind != LedgerBalanceKind.Period)
            .Select(b => new { b.Account, b.Kind, b.Amount })
            .ToListAsync(cancellationToken);
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        return TrialBalance.Build(year, balances.Select(b => (b.Account, b.Kind, b.Amount)), names, rules);
    }
}
