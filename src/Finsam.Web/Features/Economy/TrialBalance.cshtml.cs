using Finsam.Data;
using Finsam.Domain.Economy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

public class TrialBalanceModel(FinsamDbContext db) : PageModel
{
    public sealed record Row(string Number, string Name, decimal? Opening, decimal? Change, decimal? Closing);

    public int Year { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            return NotFound();
        }

        Year = year;
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == fiscalYear.Id).ToDictionaryAsync(a => a.Number, a => a.Name, cancellationToken);
        var balances = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == fiscalYear.Id && b.BalanceYear == year && b.ObjectCode == null && b.Kind != LedgerBalanceKind.Period)
            .Select(b => new { b.Account, b.Kind, b.Amount })
            .ToListAsync(cancellationToken);
        Rows = balances.GroupBy(b => b.Account).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            decimal? Sum(LedgerBalanceKind kind) => g.Any(b => b.Kind == kind) ? g.Where(b => b.Kind == kind).Sum(b => b.Amount) : null;
            var opening = Sum(LedgerBalanceKind.Opening);
            var closing = Sum(LedgerBalanceKind.Closing);
            var change = Sum(LedgerBalanceKind.Result) ?? (closing - (opening ?? 0m));
            return new Row(g.Key, accounts.GetValueOrDefault(g.Key, ""), opening, change, closing);
        }).ToList();
        return Page();
    }
}
