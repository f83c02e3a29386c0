using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Web.Paging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Finsam.Data.Queries.LedgerQuery;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// Huvudbok: one account's voucher lines (or every account's, paged) with opening balance, running balance and
/// closing balance, from <see cref="LedgerQuery"/>; exportable to Excel.
/// </summary>
public class LedgerModel(FinsamDbContext db) : PageModel
{
    public const int PageSize = 100;

    public const string AccountKey = "konto";

    public int Year { get; private set; }

    /// <summary>The chosen account, or null for the whole huvudbok.</summary>
    [BindProperty(SupportsGet = true, Name = AccountKey)]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public string? PageText { get; set; }

    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    public AccountSummary? Chosen { get; private set; }

    public PagedList<LedgerRow> Rows { get; private set; } = PagedList.Empty<LedgerRow>();

    /// <summary>The accounts whose last line is on this page (their closing balance is shown after it).</summary>
    public IReadOnlySet<string> EndingHere { get; private set; } = new HashSet<string>();

    /// <summary>Whether the page's first account has lines on the page before (its balance is carried over, not its opening balance).</summary>
    public bool ContinuedFromPrevious { get; private set; }

    public IReadOnlyDictionary<string, AccountSummary> ByNumber { get; private set; } = new Dictionary<string, AccountSummary>();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAccountsAsync(year, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var total = Chosen?.EntryCount ?? Accounts.Sum(a => a.EntryCount);
        var page = Math.Clamp(PageNumber(PageText), 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var skip = (page - 1) * PageSize;
        var take = PageSize;
        // One row either side of the page: whether its first account started before it, and its last one goes on after it.
        var before = skip > 0 ? 1 : 0;
        var slice = await db.LedgerAsync(year, Chosen?.Number, skip - before, take + before + 1, cancellationToken);
        var rows = slice.Rows.Skip(before).Take(take).ToList();
        var next = slice.Rows.Count > before + take ? slice.Rows[before + take].Account : null;
        EndingHere = rows.Select(r => r.Account).Where(a => a != next).ToHashSet();
        ContinuedFromPrevious = before == 1 && rows.Count > 0 && slice.Rows[0].Account == rows[0].Account;
        Rows = new PagedList<LedgerRow>(rows, page, PageSize, slice.Total);
        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAccountsAsync(year, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            if (await LedgerExport.LedgerAsync(db, year, Chosen?.Number, cancellationToken) is { } file)
            {
                return File(file.Content, file.ContentType, file.FileName);
            }

            ModelState.AddModelError("", LedgerExport.TooLarge);
        }

        return Page();
    }

    /// <summary>The year's accounts and the chosen one; false when the year has no ledger. An unknown account is a message at the picker.</summary>
    private async Task<bool> LoadAccountsAsync(int year, CancellationToken cancellationToken)
    {
        if (await db.FiscalYearIdAsync(year, cancellationToken) is null)
        {
            return false;
        }

        Year = year;
        Accounts = await db.AccountsAsync(year, cancellationToken);
        ByNumber = Accounts.ToDictionary(a => a.Number, StringComparer.Ordinal);
        Account = string.IsNullOrWhiteSpace(Account) ? null : Account.Trim();
        if (Account is not null)
        {
            Chosen = ByNumber.GetValueOrDefault(Account);
            if (Chosen is null)
            {
                ModelState.AddModelError(AccountKey, $"Kontot {Account} finns inte i bokföringen för {year}. Välj ett konto i listan.");
            }
        }

        return true;
    }

    /// <summary>A page number from the query string; anything unreadable is the first page.</summary>
    public static int PageNumber(string? text) => int.TryParse(text, out var n) && n > 0 ? n : 1;
}
