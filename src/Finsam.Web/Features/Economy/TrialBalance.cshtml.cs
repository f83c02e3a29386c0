using Finsam.Data;
using Finsam.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

public class TrialBalanceModel(FinsamDbContext db) : PageModel
{
    public sealed record Row(string Number, string Name, decimal? Opening, decimal? Change, decimal? Closing);

    public int Year { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        // The same saldobalans as the auditors' workbook (TrialBalanceQuery).
        if (await db.TrialBalanceForYearAsync(year, cancellationToken) is not { } trialBalance)
        {
            return NotFound();
        }

        Year = year;
        Rows = trialBalance.Rows.Select(r => new Row(r.Account, r.Name, r.Opening, r.Period, r.Closing)).ToList();
        return Page();
    }
}
