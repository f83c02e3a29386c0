using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Web.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Finsam.Data.Queries.LedgerQuery;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// Verifikationslista: the year's vouchers, searched by number, date range, amount, account and project code (a GET
/// form, so a search is a link), paged by keys (<see cref="PagedList.CreateByKeysAsync"/>); exportable to Excel.
/// </summary>
public class VouchersModel(FinsamDbContext db) : PageModel
{
    public const int PageSize = 50;

    public int Year { get; private set; }

    [BindProperty(SupportsGet = true, Name = VoucherSearchInput.NumberKey)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = VoucherSearchInput.FromKey)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = VoucherSearchInput.ToKey)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = VoucherSearchInput.AmountKey)]
    public string? Amount { get; set; }

    [BindProperty(SupportsGet = true, Name = VoucherSearchInput.AccountKey)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = VoucherSearchInput.ObjectCodeKey)]
    public string? ObjectCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public string? PageText { get; set; }

    public bool Searched { get; private set; }

    public PagedList<VoucherSummary> Results { get; private set; } = PagedList.Empty<VoucherSummary>();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await ReadAsync(year, cancellationToken) is not var (yearId, filter))
        {
            return Year == 0 ? NotFound() : Page();
        }

        Results = await PagedList.CreateByKeysAsync(
            db.VoucherKeys(yearId, filter),
            db.VoucherKeys(yearId, filter, reversed: true),
            (ids, ct) => db.VoucherSummariesAsync(ids, ct),
            v => v.Id,
            LedgerModel.PageNumber(PageText),
            PageSize,
            cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(int year, CancellationToken cancellationToken)
    {
        if (await ReadAsync(year, cancellationToken) is not var (_, filter))
        {
            return Year == 0 ? NotFound() : Page();
        }

        if (await LedgerExport.VouchersAsync(db, year, filter, cancellationToken) is { } file)
        {
            return File(file.Content, file.ContentType, file.FileName);
        }

        ModelState.AddModelError("", LedgerExport.TooLarge);
        return await OnGetAsync(year, cancellationToken);
    }

    /// <summary>The year's id and the search; null when the year has no ledger (Year stays 0) or the search cannot be read (messages in ModelState).</summary>
    private async Task<(int YearId, VoucherFilter Filter)?> ReadAsync(int year, CancellationToken cancellationToken)
    {
        if (await db.FiscalYearIdAsync(year, cancellationToken) is not { } yearId)
        {
            return null;
        }

        Year = year;
        var input = new VoucherSearchInput { Number = Number, From = From, To = To, Amount = Amount, Account = Account, ObjectCode = ObjectCode };
        Searched = !input.IsEmpty;
        return input.Read(ModelState) is { } filter ? (yearId, filter) : null;
    }
}
