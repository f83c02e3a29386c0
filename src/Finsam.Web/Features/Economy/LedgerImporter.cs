using System.Globalization;
using System.Security.Cryptography;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Sie;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Features.Economy;

/// <summary>Configuration section "Economy".</summary>
public sealed class EconomyOptions
{
    public const string Section = "Economy";

    /// <summary>The SIE dimension whose objects are the insatser's project codes. SIE's own number for projects is 6.</summary>
    public int InsatsDimension { get; set; } = 6;
}

/// <summary>
/// Imports a SIE file as the ledger of its fiscal year (#RAR 0). The file is read whole first; a malformed file is
/// refused with its line number and nothing changes. A valid file replaces the year's ledger in one transaction.
/// A closed year is never changed.
/// </summary>
public sealed class LedgerImporter(FinsamDbContext db, AuditLog audit, IOptions<EconomyOptions> options, TimeProvider clock, IHttpContextAccessor http)
{
    public const long MaxFileBytes = 100 * 1024 * 1024;

    /// <summary>The file names SIE files have (type 4 .se, 4I .si, types 1–3 .sie), and .txt for a renamed one.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".se", ".si", ".sie", ".txt"];

    public sealed record Outcome(string? Error, int Year, LedgerImport? Import)
    {
        public bool Succeeded => Error is null;
    }

    public async Task<Outcome> ImportAsync(byte[] file, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
        {
            return new Outcome("Filen ska vara en SIE-fil (.se, .si eller .sie) från bokföringsprogrammet.", 0, null);
        }

        SieDocument sie;
        try
        {
            sie = SieParser.Parse(file);
        }
        catch (SieFormatException ex)
        {
            return new Outcome($"Filen kunde inte läsas. {ex.Message}", 0, null);
        }

        if (!sie.FiscalYears.TryGetValue(0, out var current))
        {
            return new Outcome("Filen saknar räkenskapsår (#RAR 0) och kan inte knytas till ett verksamhetsår.", 0, null);
        }

        var year = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == current.Start.Year, cancellationToken);
        if (year is { IsClosed: true })
        {
            return new Outcome(WritePath.ClosedYearMessage(year.Year), year.Year, null);
        }

        if (year is not null && (year.StartDate != current.Start || year.EndDate != current.End))
        {
            return new Outcome(
                $"Filens räkenskapsår ({current.Start:yyyy-MM-dd} – {current.End:yyyy-MM-dd}) stämmer inte med verksamhetsåret {year.Year} ({year.StartDate:yyyy-MM-dd} – {year.EndDate:yyyy-MM-dd}).",
                year.Year,
                null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (year is null)
        {
            year = FiscalYear.Open(current.Start.Year, current.Start, current.End);
            db.FiscalYears.Add(year);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await DeleteLedgerAsync(year.Id, cancellationToken);
        }

        // Saved inside the one transaction in batches, mostly outside the change tracker (multi-row inserts): a large
        // ledger (hundreds of thousands of lines) neither holds every entity in the tracker nor pays for tracking them.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var import = await StoreAsync(sie, year.Id, year.Year, fileName, file, cancellationToken);
            audit.Add(AuditAction.Import, "Ledger", year.Year.ToString(CultureInfo.InvariantCulture),
                $"{Path.GetFileName(fileName)}: {import.AccountCount} konton, {import.VoucherCount} verifikationer, {import.TransactionCount} transaktioner");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Outcome(null, year.Year, import);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task DeleteLedgerAsync(int yearId, CancellationToken cancellationToken)
    {
        await db.VoucherLines.Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.FiscalYearId == yearId)).ExecuteDeleteAsync(cancellationToken);
        await db.Vouchers.Where(v => v.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
        await db.LedgerBalances.Where(b => b.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
        await db.LedgerAccounts.Where(a => a.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
        await db.LedgerImports.Where(i => i.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Vouchers saved at a time; their lines follow in multi-row inserts.</summary>
    public const int BatchVouchers = 5_000;

    private async Task<LedgerImport> StoreAsync(SieDocument sie, int yearId, int calendarYear, string fileName, byte[] file, CancellationToken cancellationToken)
    {
        var dimension = options.Value.InsatsDimension;
        int CalendarYear(int index) => sie.FiscalYears.TryGetValue(index, out var y) ? y.Start.Year : calendarYear + index;

        var accountNumbers = sie.Accounts.Keys
            .Concat(sie.OpeningBalances.Select(b => b.Account)).Concat(sie.ClosingBalances.Select(b => b.Account))
            .Concat(sie.Results.Select(b => b.Account)).Concat(sie.Vouchers.SelectMany(v => v.Transactions).Select(t => t.Account))
            .Distinct(StringComparer.Ordinal);
        var accounts = accountNumbers
            .Select(number => (Number: number, Account: sie.Accounts.GetValueOrDefault(number)))
            .Select(a => new LedgerAccount { FiscalYearId = yearId, Number = a.Number, Name = a.Account?.Name ?? "", Type = a.Account?.Type })
            .ToList();
        await db.InsertAsync(accounts, cancellationToken: cancellationToken);

        var balances = new List<LedgerBalance>();
        foreach (var (yearBalances, kind) in new[] { (sie.OpeningBalances, LedgerBalanceKind.Opening), (sie.ClosingBalances, LedgerBalanceKind.Closing), (sie.Results, LedgerBalanceKind.Result) })
        {
            balances.AddRange(yearBalances.Select(b => new LedgerBalance { FiscalYearId = yearId, BalanceYear = CalendarYear(b.YearIndex), Kind = kind, Account = b.Account, Amount = b.Amount }));
        }

        foreach (var (objectBalances, kind) in new[] { (sie.ObjectOpeningBalances, LedgerBalanceKind.Opening), (sie.ObjectClosingBalances, LedgerBalanceKind.Closing) })
        {
            balances.AddRange(objectBalances.Select(b => new LedgerBalance
            {
                FiscalYearId = yearId, BalanceYear = CalendarYear(b.YearIndex), Kind = kind, Account = b.Account,
                ObjectDimension = b.Dimension, ObjectCode = b.ObjectCode, Amount = b.Amount,
            }));
        }

        foreach (var p in sie.PeriodBalances)
        {
            var insatsObject = p.Objects.FirstOrDefault(o => o.Dimension == dimension);
            balances.Add(new LedgerBalance
            {
                FiscalYearId = yearId, BalanceYear = CalendarYear(p.YearIndex), Kind = LedgerBalanceKind.Period, Period = p.Period,
                Account = p.Account, ObjectDimension = insatsObject is null ? null : dimension, ObjectCode = insatsObject?.Code, Amount = p.Amount,
            });
        }

        await db.InsertAsync(balances, cancellationToken: cancellationToken);

        // Vouchers and their lines as multi-row inserts, a batch at a time: the vouchers get their ids here (the first
        // free ones, taken inside this transaction), so their lines can refer to them without reading anything back.
        var transactions = 0;
        var nextVoucherId = await db.NextIdAsync<Voucher>(cancellationToken);
        var vouchers = new List<Voucher>(BatchVouchers);
        var lines = new List<VoucherLine>(BatchVouchers * 2);
        foreach (var batch in sie.Vouchers.Chunk(BatchVouchers))
        {
            vouchers.Clear();
            lines.Clear();
            foreach (var v in batch)
            {
                var voucher = new Voucher
                {
                    Id = nextVoucherId++, FiscalYearId = yearId, Series = Cut(v.Series, 20), Number = Cut(v.Number, 20), Date = v.Date, Text = CutOrNull(v.Text, 500),
                };
                vouchers.Add(voucher);
                foreach (var t in v.Transactions)
                {
                    lines.Add(new VoucherLine
                    {
                        VoucherId = voucher.Id,
                        Account = t.Account,
                        ObjectCode = InsatsObject(t.Objects, dimension),
                        Amount = t.Amount,
                        Date = t.Date,
                        Text = CutOrNull(t.Text, 500),
                    });
                }
            }

            await db.InsertAsync(vouchers, explicitKeys: true, cancellationToken);
            await db.InsertAsync(lines, cancellationToken: cancellationToken);
            transactions += lines.Count;
        }

        var import = new LedgerImport
        {
            FiscalYearId = yearId,
            FileName = Cut(Path.GetFileName(fileName), 260),
            Sha256 = Finsam.Domain.ContentHash.Sha256(file),
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
            ImportedBy = http.HttpContext?.User.Identity?.Name,
            CompanyName = CutOrNull(sie.CompanyName, 200),
            OrganisationNumber = CutOrNull(sie.OrganisationNumber, 20),
            AccountCount = sie.Accounts.Count,
            VoucherCount = sie.Vouchers.Count,
            TransactionCount = transactions,
            Warnings = sie.Warnings.Count == 0 ? null : Cut(string.Join('\n', sie.Warnings), 20_000),
        };
        db.LedgerImports.Add(import);
        return import;
    }

    private static string? InsatsObject(IReadOnlyList<SieObjectRef> objects, int dimension)
    {
        foreach (var o in objects)
        {
            if (o.Dimension == dimension)
            {
                return o.Code;
            }
        }

        return null;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static string? CutOrNull(string? text, int max) => string.IsNullOrEmpty(text) ? null : Cut(text, max);
}
