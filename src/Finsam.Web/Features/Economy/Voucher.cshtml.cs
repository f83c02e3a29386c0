using Finsam.Data;
using Finsam.Data.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Finsam.Web.Features.Economy;

/// <summary>One voucher of the year with its lines (<see cref="LedgerQuery.VoucherAsync"/>).</summary>
public class VoucherModel(FinsamDbContext db) : PageModel
{
    public LedgerQuery.VoucherDetail Voucher { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, long id, CancellationToken cancellationToken)
    {
        if (await db.VoucherAsync(year, id, cancellationToken) is not { } voucher)
        {
            return NotFound();
        }

        Voucher = voucher;
        return Page();
    }
}
