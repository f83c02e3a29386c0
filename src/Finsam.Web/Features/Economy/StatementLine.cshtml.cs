using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// Drill-down from a line of the resultaträkning or balansräkning to the accounts the mapping puts on it, each with its
/// amounts and a link to its huvudbok (<see cref="LedgerQuery.AccountsOfLineAsync"/>).
/// </summary>
public class StatementLineModel(FinsamDbContext db) : PageModel
{
    public int Year { get; private set; }

    public StatementLine Line { get; private set; }

    public IReadOnlyList<LedgerQuery.AccountSummary> Accounts { get; private set; } = [];

    /// <summary>The resultaträkning's lines are the year's movement; the balansräkning's the closing balances.</summary>
    public bool IsIncomeStatement => Line.IsIncomeStatement();

    /// <summary>The line's amount as the statements show it, in kronor (before any rounding to tkr).</summary>
    public decimal Presented => LedgerQuery.Presented(Line, Accounts.Sum(a => IsIncomeStatement ? a.Movement : a.Closing));

    public async Task<IActionResult> OnGetAsync(int year, int line, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined((StatementLine)line) || await db.FiscalYearIdAsync(year, cancellationToken) is null)
        {
            return NotFound();
        }

        Year = year;
        Line = (StatementLine)line;
        Accounts = await db.AccountsOfLineAsync(year, Line, cancellationToken);
        return Page();
    }
}
