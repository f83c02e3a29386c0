using System.Text.RegularExpressions;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>
/// The auditor's reads of a year's ledger, in one place: each account's opening balance, movement and closing balance,
/// the huvudbok (each voucher line of an account with its running balance), the voucher search and a voucher's lines.
/// Every read is bounded (a page, or one account) and uses the indexes on Vouchers (FiscalYearId, Date) and
/// VoucherLines (Account, ObjectCode) and (VoucherId). Plain data in, records out: usable outside the web app.
/// Amounts follow the SIE sign convention: debit positive, credit negative.
/// </summary>
public static partial class LedgerQuery
{
    /// <summary>An account of the year: opening balance (IB), the vouchers' movement, and the closing balance they give.</summary>
    /// <param name="Reported">The file's own closing figure (UB for balance accounts, IB + RES for result accounts), when it gave one.</param>
    public sealed record AccountSummary(string Number, string Name, StatementLine? Line, decimal Opening, decimal Movement, int EntryCount, decimal? Reported)
    {
        public decimal Closing => Opening + Movement;

        /// <summary>Whether opening balance plus vouchers equals the file's closing figure (true when the file gave none).</summary>
        public bool Reconciles => Reported is not { } reported || reported == Closing;
    }

    /// <summary>One voucher line in the huvudbok, with the account's balance after it.</summary>
    public sealed record LedgerRow(long VoucherId, long LineId, string Series, string VoucherNumber, DateOnly Date, string? Text, string Account, string? ObjectCode, decimal Amount, decimal Balance)
    {
        public decimal? Debit => Amount > 0m ? Amount : null;

        public decimal? Credit => Amount < 0m ? -Amount : null;
    }

    /// <summary>Some of the huvudbok's rows (<paramref name="Skip"/> from its start) and how many it has in all.</summary>
    public sealed record LedgerSlice(IReadOnlyList<LedgerRow> Rows, int Total, int Skip);

    /// <summary>What the voucher list is searched by; null: not searched by it.</summary>
    /// <param name="Number">A voucher number, with or without its series ("A 12", "A12", "12").</param>
    /// <param name="Amount">A line of the voucher has this amount, debit or credit.</param>
    /// <param name="Account">An account, or the start of account numbers ("30" for 30xx).</param>
    /// <param name="ObjectCode">A project code (object) of a line, case ignored.</param>
    public sealed record VoucherFilter(string? Number = null, DateOnly? From = null, DateOnly? To = null, decimal? Amount = null, string? Account = null, string? ObjectCode = null);

    /// <summary>A voucher in the list: its total is the sum of its debit lines.</summary>
    public sealed record VoucherSummary(long Id, string Series, string Number, DateOnly Date, string? Text, decimal Total, int LineCount);

    public sealed record VoucherLineRow(long VoucherId, string Series, string VoucherNumber, DateOnly Date, string? VoucherText, long LineId, string Account, string AccountName, string? ObjectCode, string? Text, decimal Amount)
    {
        public decimal? Debit => Amount > 0m ? Amount : null;

        public decimal? Credit => Amount < 0m ? -Amount : null;
    }

    public sealed record VoucherDetail(long Id, int Year, string Series, string Number, DateOnly Date, string? Text, IReadOnlyList<VoucherLineRow> Lines)
    {
        public decimal Debit => Lines.Sum(l => l.Debit ?? 0m);

        public decimal Credit => Lines.Sum(l => l.Credit ?? 0m);
    }

    /// <summary>The id of a year's fiscal year, or null when there is none.</summary>
    public static Task<int?> FiscalYearIdAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FiscalYears.Where(y => y.Year == year).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Every account of the year that has a name, a balance or a voucher line, in account order, with the statement line
    /// the mapping puts it on.
    /// </summary>
    public static async Task<IReadOnlyList<AccountSummary>> AccountsAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FiscalYearIdAsync(year, cancellationToken) is not { } yearId)
        {
            return [];
        }

        var names = await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == yearId)
            .ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);
        var balances = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == yearId && b.BalanceYear == year && b.ObjectCode == null && b.Kind != LedgerBalanceKind.Period)
            .GroupBy(b => new { b.Account, b.Kind })
            .Select(g => new { g.Key.Account, g.Key.Kind, Amount = g.Sum(b => b.Amount) })
            .ToListAsync(cancellationToken);
        var movements = await db.VoucherLines.AsNoTracking()
            .Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.FiscalYearId == yearId))
            .GroupBy(l => l.Account)
            .Select(g => new { Account = g.Key, Amount = g.Sum(l => l.Amount), Count = g.Count() })
            .ToDictionaryAsync(m => m.Account, StringComparer.Ordinal, cancellationToken);
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);

        decimal? Of(string account, LedgerBalanceKind kind) =>
            balances.Where(b => b.Account == account && b.Kind == kind).Select(b => (decimal?)b.Amount).FirstOrDefault();
        return names.Keys.Concat(balances.Select(b => b.Account)).Concat(movements.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(account =>
            {
                var opening = Of(account, LedgerBalanceKind.Opening) ?? 0m;
                var reported = Of(account, LedgerBalanceKind.Closing) ?? (Of(account, LedgerBalanceKind.Result) is { } result ? opening + result : null);
                var movement = movements.GetValueOrDefault(account);
                return new AccountSummary(
                    account, names.GetValueOrDefault(account, ""), AccountMappingRule.Resolve(rules, account), opening, movement?.Amount ?? 0m, movement?.Count ?? 0, reported);
            })
            .ToList();
    }

    /// <summary>The accounts that make up a statement line, with the amounts the line is built from.</summary>
    public static async Task<IReadOnlyList<AccountSummary>> AccountsOfLineAsync(this FinsamDbContext db, int year, StatementLine line, CancellationToken cancellationToken = default) =>
        (await db.AccountsAsync(year, cancellationToken)).Where(a => a.Line == line).ToList();

    /// <summary>
    /// An amount of a line's accounts as the statements present it: the resultaträkning shows income positive and
    /// costs negative (the negated movement), the balansräkning assets as debit and the rest as credit balances.
    /// </summary>
    public static decimal Presented(StatementLine line, decimal ledgerAmount) =>
        line.IsAsset() ? ledgerAmount : -ledgerAmount;

    /// <summary>
    /// Rows of the huvudbok: one account's (<paramref name="account"/>) or the whole year's in account order, each
    /// account's lines by date and voucher, with the account's running balance from its opening balance.
    /// </summary>
    public static async Task<LedgerSlice> LedgerAsync(this FinsamDbContext db, int year, string? account, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        if (await db.FiscalYearIdAsync(year, cancellationToken) is not { } yearId)
        {
            return new LedgerSlice([], 0, 0);
        }

        var lines = Lines(db, yearId, account);
        var total = await lines.CountAsync(cancellationToken);
        var page = await lines
            .OrderBy(x => x.Line.Account).ThenBy(x => x.Voucher.Date).ThenBy(x => x.Voucher.Id).ThenBy(x => x.Line.Id)
            .Skip(skip).Take(take)
            .Select(x => new { VoucherId = x.Voucher.Id, LineId = x.Line.Id, x.Voucher.Series, x.Voucher.Number, x.Voucher.Date, Text = x.Line.Text ?? x.Voucher.Text, x.Line.Account, x.Line.ObjectCode, x.Line.Amount })
            .ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return new LedgerSlice([], total, skip);
        }

        var accounts = page.Select(p => p.Account).Distinct().ToList();
        var openings = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == yearId && b.BalanceYear == year && b.ObjectCode == null && b.Kind == LedgerBalanceKind.Opening && accounts.Contains(b.Account))
            .GroupBy(b => b.Account)
            .Select(g => new { Account = g.Key, Amount = g.Sum(b => b.Amount) })
            .ToDictionaryAsync(b => b.Account, b => b.Amount, StringComparer.Ordinal, cancellationToken);

        // Only the page's first account can have lines before the page: the rest start on it.
        var first = page[0];
        var before = await Lines(db, yearId, first.Account)
            .Where(x => x.Voucher.Date < first.Date
                || (x.Voucher.Date == first.Date && (x.Voucher.Id < first.VoucherId || (x.Voucher.Id == first.VoucherId && x.Line.Id < first.LineId))))
            .SumAsync(x => x.Line.Amount, cancellationToken);
        var rows = new List<LedgerRow>(page.Count);
        string? current = null;
        var balance = 0m;
        foreach (var p in page)
        {
            if (p.Account != current)
            {
                balance = openings.GetValueOrDefault(p.Account) + (current is null ? before : 0m);
                current = p.Account;
            }

            balance += p.Amount;
            rows.Add(new LedgerRow(p.VoucherId, p.LineId, p.Series, p.Number, p.Date, p.Text, p.Account, p.ObjectCode, p.Amount, balance));
        }

        return new LedgerSlice(rows, total, skip);
    }

    private static IQueryable<LineAndVoucherRow> Lines(FinsamDbContext db, int yearId, string? account)
    {
        var lines = db.VoucherLines.AsNoTracking().AsQueryable();
        if (account is not null)
        {
            lines = lines.Where(l => l.Account == account);
        }

        return from l in lines
               join v in db.Vouchers.AsNoTracking() on l.VoucherId equals v.Id
               where v.FiscalYearId == yearId
               select new LineAndVoucherRow { Line = l, Voucher = v };
    }

    /// <summary>A voucher line with its voucher, for queries (a class with setters, which EF Core composes over).</summary>
    private sealed class LineAndVoucherRow
    {
        public required VoucherLine Line { get; init; }

        public required Voucher Voucher { get; init; }
    }

    /// <summary>The year's vouchers that match the filter, for counting and paging.</summary>
    public static IQueryable<Voucher> VouchersMatching(this FinsamDbContext db, int fiscalYearId, VoucherFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var vouchers = db.Vouchers.AsNoTracking().Where(v => v.FiscalYearId == fiscalYearId);
        if (filter.From is { } from)
        {
            vouchers = vouchers.Where(v => v.Date >= from);
        }

        if (filter.To is { } to)
        {
            vouchers = vouchers.Where(v => v.Date <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Number))
        {
            var text = filter.Number.Trim();
            var withSeries = SeriesAndNumber().Match(text);
            if (withSeries.Success)
            {
                var series = withSeries.Groups[1].Value;
                var number = withSeries.Groups[2].Value;
                vouchers = vouchers.Where(v => v.Series == series && v.Number == number);
            }
            else
            {
                vouchers = vouchers.Where(v => v.Number == text);
            }
        }

        if (filter.Amount is { } amount)
        {
            var negated = -amount;
            vouchers = vouchers.Where(v => db.VoucherLines.Any(l => l.VoucherId == v.Id && (l.Amount == amount || l.Amount == negated)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Account))
        {
            var account = filter.Account.Trim();
            vouchers = vouchers.Where(v => db.VoucherLines.Any(l => l.VoucherId == v.Id && l.Account.StartsWith(account)));
        }

        if (!string.IsNullOrWhiteSpace(filter.ObjectCode))
        {
            var code = filter.ObjectCode.Trim().ToUpperInvariant();
            vouchers = vouchers.Where(v => db.VoucherLines.Any(l => l.VoucherId == v.Id && l.ObjectCode != null && l.ObjectCode.ToUpper() == code));
        }

        return vouchers;
    }

    /// <summary>The matching vouchers' ids in list order (date, then the order they were imported in), or reversed.</summary>
    public static IQueryable<long> VoucherKeys(this FinsamDbContext db, int fiscalYearId, VoucherFilter filter, bool reversed = false)
    {
        var vouchers = db.VouchersMatching(fiscalYearId, filter);
        return reversed
            ? vouchers.OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Select(v => v.Id)
            : vouchers.OrderBy(v => v.Date).ThenBy(v => v.Id).Select(v => v.Id);
    }

    /// <summary>The vouchers of the given ids, with their totals (in no particular order).</summary>
    public static async Task<List<VoucherSummary>> VoucherSummariesAsync(this FinsamDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var rows = await db.Vouchers.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new
            {
                v.Id, v.Series, v.Number, v.Date, v.Text,
                Total = db.VoucherLines.Where(l => l.VoucherId == v.Id && l.Amount > 0m).Sum(l => (decimal?)l.Amount) ?? 0m,
                Count = db.VoucherLines.Count(l => l.VoucherId == v.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(v => new VoucherSummary(v.Id, v.Series, v.Number, v.Date, v.Text, v.Total, v.Count)).ToList();
    }

    /// <summary>Some of the matching vouchers in list order, and how many match.</summary>
    public static async Task<(IReadOnlyList<VoucherSummary> Rows, int Total)> SearchVouchersAsync(this FinsamDbContext db, int year, VoucherFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FiscalYearIdAsync(year, cancellationToken) is not { } yearId)
        {
            return ([], 0);
        }

        var keys = db.VoucherKeys(yearId, filter);
        var total = await keys.CountAsync(cancellationToken);
        var ids = await keys.Skip(skip).Take(take).ToListAsync(cancellationToken);
        var byId = (await db.VoucherSummariesAsync(ids, cancellationToken)).ToDictionary(v => v.Id);
        return (ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), total);
    }

    /// <summary>Every line of the matching vouchers, in list order: the voucher list as a table (at most <paramref name="limit"/> lines).</summary>
    public static async Task<IReadOnlyList<VoucherLineRow>> VoucherLinesMatchingAsync(this FinsamDbContext db, int year, VoucherFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FiscalYearIdAsync(year, cancellationToken) is not { } yearId)
        {
            return [];
        }

        var vouchers = db.VouchersMatching(yearId, filter);
        var rows = await (from l in db.VoucherLines.AsNoTracking()
                          join v in vouchers on l.VoucherId equals v.Id
                          orderby v.Date, v.Id, l.Id
                          select new { v.Id, v.Series, v.Number, v.Date, VoucherText = v.Text, LineId = l.Id, l.Account, l.ObjectCode, l.Text, l.Amount })
            .Take(limit)
            .ToListAsync(cancellationToken);
        var names = await AccountNamesAsync(db, yearId, cancellationToken);
        return rows.Select(r => new VoucherLineRow(r.Id, r.Series, r.Number, r.Date, r.VoucherText, r.LineId, r.Account, names.GetValueOrDefault(r.Account, ""), r.ObjectCode, r.Text, r.Amount)).ToList();
    }

    /// <summary>A voucher of the year with its lines, or null when the year has no such voucher.</summary>
    public static async Task<VoucherDetail?> VoucherAsync(this FinsamDbContext db, int year, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FiscalYearIdAsync(year, cancellationToken) is not { } yearId)
        {
            return null;
        }

        var voucher = await db.Vouchers.AsNoTracking().Include(v => v.Lines).SingleOrDefaultAsync(v => v.Id == id && v.FiscalYearId == yearId, cancellationToken);
        if (voucher is null)
        {
            return null;
        }

        var names = await AccountNamesAsync(db, yearId, cancellationToken);
        return new VoucherDetail(voucher.Id, year, voucher.Series, voucher.Number, voucher.Date, voucher.Text, voucher.Lines.OrderBy(l => l.Id)
            .Select(l => new VoucherLineRow(voucher.Id, voucher.Series, voucher.Number, voucher.Date, voucher.Text, l.Id, l.Account, names.GetValueOrDefault(l.Account, ""), l.ObjectCode, l.Text, l.Amount))
            .ToList());
    }

    private static Task<Dictionary<string, string>> AccountNamesAsync(FinsamDbContext db, int yearId, CancellationToken cancellationToken) =>
        db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == yearId).ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);

    /// <summary>"A12", "A 12", "B-7": a series of letters before the number.</summary>
    [GeneratedRegex(@"^([A-Za-zÅÄÖåäö]+)[\s-]*(\d+)$")]
    private static partial Regex SeriesAndNumber();
}
