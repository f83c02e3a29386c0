using System.Globalization;
using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Sie;
using Finsam.Domain.Economy.Statements;
using Finsam.Web.Auditing;
using Finsam.Web.Features.Economy;
using Finsam.Web.Jobs;
using Finsam.Domain.Formatting;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Features.Economy;

/// <summary>Configuration section "Economy".</summary>
public sealed class EconomyOptions
{
    public const string Section = "Economy";

    /// <summary>
    /// The default SIE dimension whose objects are the insatser's project codes, used until the förbund has its own
    /// setting (<see cref="Domain.Organisation.Federation.InsatsDimension"/>). SIE's own number for projects is 6.
    /// </summary>
    public int InsatsDimension { get; set; } = 6;
}

/// <summary>
/// Imports a SIE file as the ledger of its fiscal year (#RAR 0), replacing the year's ledger, in one transaction: a
/// file that turns out malformed (its line and reason) or refused changes nothing. The file is read one voucher at a
/// time and its vouchers are stored as they are read, so a large ledger is never held whole. A closed year is never
/// changed. While reading, the import reviews the file (<see cref="LedgerImportReview"/>): when the file's chart of
/// accounts does not fit the saved account mapping, or its project codes sit on another dimension than the
/// förbund's setting, the import is rolled back and the proposal shown; the user confirms (<see cref="Confirmation"/>)
/// and the file, kept meanwhile (<see cref="PendingLedgerFiles"/>), is imported with the confirmed choices saved in
/// the same transaction.
/// </summary>
public sealed class LedgerImporter(
    FinsamDbContext db,
    AuditLog audit,
    TimeProvider clock,
    IHttpContextAccessor http,
    AccountMappingHandler mapping,
    InsatsDimensionHandler dimensionSetting)
{
    public const long MaxFileBytes = 100 * 1024 * 1024;

    /// <summary>The file names SIE files have (type 4 .se, 4I .si, types 1–3 .sie), and .txt for a renamed one.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".se", ".si", ".sie", ".txt"];

    public const string NotSie = "Filen ska vara en SIE-fil (.se, .si eller .sie) från bokföringsprogrammet.";

    /// <summary>Vouchers saved at a time; their lines follow in multi-row inserts.</summary>
    public const int BatchVouchers = 5_000;

    /// <param name="Error">Why the file was refused (Swedish, with the line or account), or null.</param>
    /// <param name="Year">The fiscal year.</param>
    /// <param name="Import">The stored import; null when refused or waiting for confirmation.</param>
    /// <param name="Review">What the import found: chart, proposals and warnings.</param>
    public sealed record Outcome(string? Error, int Year, LedgerImport? Import, LedgerImportReview? Review = null)
    {
        public bool Succeeded => Error is null && Import is not null;

        /// <summary>Nothing was stored: the review proposes a mapping or a dimension that the user must confirm first.</summary>
        public bool NeedsConfirmation => Error is null && Import is null && Review is not null;
    }

    /// <summary>The user's answer to a review's proposals: save the proposed mapping, and the dimension of the project codes.</summary>
    public sealed record Confirmation(bool SaveMapping, int Dimension);

    public Task<Outcome> ImportAsync(byte[] file, string fileName, CancellationToken cancellationToken) =>
        ImportAsync(file, fileName, null, cancellationToken);

    public Task<Outcome> ImportAsync(byte[] file, string fileName, Confirmation? confirmation, CancellationToken cancellationToken) =>
        ImportAsync(file, fileName, confirmation, null, cancellationToken);

    /// <param name="progress">Where to report how far the import has come (a background job's page), or null: per batch of vouchers.</param>
    public async Task<Outcome> ImportAsync(byte[] file, string fileName, Confirmation? confirmation, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new JobProgress(0, 0, "Läser filen"));
        ArgumentNullException.ThrowIfNull(file);
        if (!Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
        {
            return new Outcome(NotSie, 0, null);
        }

        SieReader reader;
        SieVoucher? first;
        try
        {
            reader = new SieReader(file);
            reader.ReadVoucher(out first);
        }
        catch (SieFormatException ex)
        {
            return new Outcome($"Filen kunde inte läsas. {ex.Message}", 0, null);
        }

        var sie = reader.Document;
        if (!sie.FiscalYears.TryGetValue(0, out var current))
        {
            return first is null
                ? new Outcome("Filen saknar räkenskapsår (#RAR 0) och kan inte knytas till ett verksamhetsår.", 0, null)
                : new Outcome($"Filen kunde inte läsas. Rad {first.Line}: verifikationen står före räkenskapsåret (#RAR 0), som ska stå först i filen.", 0, null);
        }

        var yearReview = LedgerFileChecks.Review(current, latestYear: clock.GetLocalNow().Year + 1);
        if (yearReview.Errors.Count > 0)
        {
            return new Outcome(string.Join(" ", yearReview.Errors), current.Start.Year, null);
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

        var setting = await dimensionSetting.CurrentAsync(cancellationToken);
        var dimension = confirmation?.Dimension ?? setting;
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        var insatsCodes = (await db.Insatser.AsNoTracking().Select(i => i.Code).ToListAsync(cancellationToken)).Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;

        // A large page cache on SQLite while the old ledger is deleted and the indexes fill (restored before the commit or rollback).
        await using var largeWrite = await db.LargeWriteAsync(cancellationToken);

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

        // Stored inside the one transaction in batches, outside the change tracker (multi-row inserts), while the file
        // is read: a large ledger (hundreds of thousands of lines) is never held whole.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Stored stored;
        try
        {
            stored = await StoreAsync(reader, first, year.Id, year.Year, dimension, rules, progress, cancellationToken);
        }
        catch (SieFormatException ex)
        {
            // Nothing is committed: the transaction is rolled back when disposed.
            db.ChangeTracker.Clear();
            return new Outcome($"Filen kunde inte läsas. {ex.Message}", year.Year, null);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        db.ChangeTracker.Clear();
        progress?.Report(new JobProgress(0, 0, "Granskar kontoplan, dimensioner och balanser"));
        var review = await ReviewAsync(sie, current, year.Year, stored, yearReview, rules, insatsCodes, setting, dimension, cancellationToken);
        if (confirmation is null && review.NeedsConfirmation)
        {
            await largeWrite.DisposeAsync();
            if (transaction is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return new Outcome(null, year.Year, null, review);
        }

        if (confirmation is not null)
        {
            if (await ApplyAsync(confirmation, review, setting, cancellationToken) is { } refused)
            {
                return new Outcome(refused, year.Year, null, review);
            }
        }

        var import = new LedgerImport
        {
            FiscalYearId = year.Id,
            FileName = Cut(Path.GetFileName(fileName), 260),
            Sha256 = Finsam.Domain.ContentHash.Sha256(file),
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
            ImportedBy = http.HttpContext?.User.Identity?.Name,
            CompanyName = CutOrNull(sie.CompanyName, 200),
            OrganisationNumber = CutOrNull(sie.OrganisationNumber, 20),
            AccountCount = sie.Accounts.Count,
            VoucherCount = stored.Vouchers,
            TransactionCount = stored.Transactions,
            Warnings = review.Warnings.Count == 0 ? null : Cut(string.Join('\n', review.Warnings), 20_000),
        };
        db.LedgerImports.Add(import);
        audit.Add(AuditAction.Import, "Ledger", year.Year.ToString(CultureInfo.InvariantCulture),
            $"{Path.GetFileName(fileName)}: {import.AccountCount} konton, {import.VoucherCount} verifikationer, {import.TransactionCount} transaktioner");
        await db.SaveChangesAsync(cancellationToken);
        await largeWrite.DisposeAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return new Outcome(null, year.Year, import, review);
    }

    /// <summary>Saves the confirmed mapping and dimension in the import's transaction; a refusal's message, or null.</summary>
    private async Task<string?> ApplyAsync(Confirmation confirmation, LedgerImportReview review, int setting, CancellationToken cancellationToken)
    {
        if (confirmation.SaveMapping)
        {
            foreach (var rule in review.Mapping.Rules)
            {
                var saved = await mapping.SaveAsync(rule.Prefix, rule.Line, cancellationToken);
                if (!saved.Succeeded)
                {
                    return $"Kontomappningen för {rule.Prefix} kunde inte sparas: {string.Join(" ", saved.Errors.Select(e => e.Message))}";
                }
            }
        }

        if (confirmation.Dimension != setting)
        {
            var saved = await dimensionSetting.SaveAsync(confirmation.Dimension, cancellationToken);
            if (!saved.Succeeded)
            {
                return string.Join(" ", saved.Errors.Select(e => e.Message));
            }
        }

        return null;
    }

    private async Task DeleteLedgerAsync(int yearId, CancellationToken cancellationToken)
    {
        await db.VoucherLines.Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.FiscalYearId == yearId)).ExecuteDeleteAsync(cancellationToken);
        await db.Vouchers.Where(v => v.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
        await db.LedgerBalances.Where(b => b.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
        await db.LedgerAccounts.Where(a => a.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
        await db.LedgerImports.Where(i => i.FiscalYearId == yearId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>What storing found on the way: counts, the accounts used, the objects per dimension, vouchers outside the year, income without a project code per account.</summary>
    private sealed class Stored
    {
        public int Vouchers { get; set; }

        public int Transactions { get; set; }

        public HashSet<string> TransactionAccounts { get; } = new(StringComparer.Ordinal);

        public InsatsDimensionUsage Objects { get; } = new();

        public List<VoucherOutsideYear> OutsideYear { get; } = [];

        /// <summary>Per account, the net amount (debit positive) of lines without an object on the insats dimension.</summary>
        public Dictionary<string, decimal> Uncoded { get; } = new(StringComparer.Ordinal);
    }

    private async Task<Stored> StoreAsync(
        SieReader reader, SieVoucher? first, int yearId, int calendarYear, int dimension, IReadOnlyCollection<AccountMappingRule> rules,
        IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var sie = reader.Document;
        var fiscalYear = sie.FiscalYears[0];
        var stored = new Stored();

        // Vouchers and their lines as multi-row inserts, a batch at a time, as they are read: the vouchers get their ids
        // here (the first free ones, taken inside this transaction), so their lines refer to them without reading back.
        var nextVoucherId = await db.NextIdAsync<Voucher>(cancellationToken);
        var vouchers = new List<Voucher>(BatchVouchers);
        var lines = new List<VoucherLine>(BatchVouchers * 2);
        IReadOnlyList<SieObjectRef>? lastObjects = null;
        string? lastCode = null;
        var v = first;
        while (v is not null)
        {
            var voucher = new Voucher
            {
                Id = nextVoucherId++, FiscalYearId = yearId, Series = Cut(v.Series, 20), Number = Cut(v.Number, 20), Date = v.Date, Text = CutOrNull(v.Text, 500),
            };
            vouchers.Add(voucher);
            if (LedgerFileChecks.OutsideYear(v, fiscalYear) is { } outside)
            {
                stored.OutsideYear.Add(outside);
            }

            foreach (var t in v.Transactions)
            {
                // The reader shares one list per distinct object list, so consecutive lines on the same object are cheap.
                if (!ReferenceEquals(t.Objects, lastObjects))
                {
                    lastObjects = t.Objects;
                    lastCode = InsatsObject(t.Objects, dimension);
                }

                stored.TransactionAccounts.Add(t.Account);
                stored.Objects.Add(t.Objects, t.Amount);
                if (lastCode is null)
                {
                    stored.Uncoded[t.Account] = stored.Uncoded.GetValueOrDefault(t.Account) + t.Amount;
                }

                lines.Add(new VoucherLine
                {
                    VoucherId = voucher.Id,
                    Account = t.Account,
                    ObjectCode = lastCode,
                    Amount = t.Amount,
                    Date = t.Date,
                    Text = CutOrNull(t.Text, 500),
                });
            }

            if (vouchers.Count == BatchVouchers)
            {
                await FlushAsync();
            }

            v = reader.ReadVoucher(out var next) ? next : null;
        }

        await FlushAsync();

        // The whole file has been read: its accounts and balances.
        int CalendarYear(int index) => sie.FiscalYears.TryGetValue(index, out var y) ? y.Start.Year : calendarYear + index;
        var accountNumbers = sie.Accounts.Keys
            .Concat(sie.OpeningBalances.Select(b => b.Account)).Concat(sie.ClosingBalances.Select(b => b.Account))
            .Concat(sie.Results.Select(b => b.Account)).Concat(stored.TransactionAccounts)
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
        return stored;

        async Task FlushAsync()
        {
            await db.InsertAsync(vouchers, explicitKeys: true, cancellationToken);
            await db.InsertAsync(lines, cancellationToken: cancellationToken);
            stored.Vouchers += vouchers.Count;
            stored.Transactions += lines.Count;
            vouchers.Clear();
            lines.Clear();
            var (read, length) = reader.Position;
            progress?.Report(new JobProgress(read, length, $"Sparar verifikationerna ({SwedishFormat.Number(stored.Vouchers)} hittills)"));
        }
    }

    /// <summary>Reviews the stored file: chart and mapping, dimension, dates, opening balances per account, contributions per member.</summary>
    private async Task<LedgerImportReview> ReviewAsync(
        SieDocument sie, SieFiscalYear current, int calendarYear, Stored stored, FiscalYearReview yearReview, IReadOnlyCollection<AccountMappingRule> rules,
        HashSet<string> insatsCodes, int setting, int dimension, CancellationToken cancellationToken)
    {
        var chart = ChartOfAccounts.FromKptyp(sie.ChartType);
        var used = sie.OpeningBalances.Select(b => b.Account).Concat(sie.ClosingBalances.Select(b => b.Account))
            .Concat(sie.Results.Select(b => b.Account)).Concat(stored.TransactionAccounts)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(a => a, a => sie.Accounts.GetValueOrDefault(a)?.Name ?? "", StringComparer.Ordinal);
        var proposal = MappingProposal.For(chart, rules, used);
        var proposedDimension = insatsCodes.Count == 0 ? null : stored.Objects.Propose(dimension, insatsCodes);
        var dimensions = stored.Objects.Matches(insatsCodes, sie.Dimensions);

        var warnings = new List<string>(sie.Warnings);
        warnings.AddRange(yearReview.Warnings);
        warnings.AddRange(LedgerFileChecks.Describe(stored.OutsideYear, current));
        if (insatsCodes.Count > 0)
        {
            warnings.AddRange(stored.Objects.Unmatched(dimension, insatsCodes, sie.Objects).Select(o => o.Describe()));
        }

        // Which mapping the statements will use: the proposal once it is saved.
        var effectiveRules = proposal.Rules.Count == 0 ? rules
            : rules.Where(r => !proposal.Rules.Any(p => p.Prefix == r.Prefix)).Concat(proposal.Rules.Select(p => new AccountMappingRule { Prefix = p.Prefix, Line = p.Line })).ToList();
        warnings.AddRange(await OpeningBalanceWarningsAsync(sie, calendarYear, effectiveRules, cancellationToken));

        var contributions = await db.MemberContributionsForYearAsync(calendarYear, cancellationToken);
        var income = stored.Uncoded.Count > 0 ? stored.Uncoded : sie.Results.Where(r => r.YearIndex == 0).GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);
        var incomeAccounts = income
            .Where(i => AccountMappingRule.Resolve(effectiveRules, i.Key) == StatementLine.OperatingIncome && i.Value != 0m)
            .Select(i => new IncomeAccount(i.Key, sie.Accounts.GetValueOrDefault(i.Key)?.Name ?? "", -i.Value))
            .ToList();
        var perMember = BookedContributions.Compare(contributions, incomeAccounts);
        warnings.AddRange(perMember.Where(m => !m.Matches).Select(m => m.Describe()));

        return new LedgerImportReview(chart, proposal, setting, dimension, proposedDimension, dimensions, perMember, warnings);
    }

    /// <summary>The year's opening balances against the previous year's closing balances, and the next year's opening balances against this year's closing, account by account, when those years are in Finsam.</summary>
    private async Task<IReadOnlyList<string>> OpeningBalanceWarningsAsync(SieDocument sie, int calendarYear, IReadOnlyCollection<AccountMappingRule> rules, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        Dictionary<string, decimal> Of(List<SieBalance> balances) =>
            balances.Where(b => b.YearIndex == 0).GroupBy(b => b.Account).ToDictionary(g => g.Key, g => g.Sum(b => b.Amount), StringComparer.Ordinal);

        async Task<Dictionary<string, decimal>?> StoredAsync(int year, LedgerBalanceKind kind)
        {
            var yearId = await db.FiscalYears.Where(y => y.Year == year).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
            if (yearId is null || !await db.LedgerImports.AnyAsync(i => i.FiscalYearId == yearId, cancellationToken))
            {
                return null;
            }

            var rows = await db.LedgerBalances.AsNoTracking()
                .Where(b => b.FiscalYearId == yearId && b.BalanceYear == year && b.ObjectCode == null && b.Kind == kind)
                .Select(b => new { b.Account, b.Amount })
                .ToListAsync(cancellationToken);
            return rows.GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);
        }

        bool IsEquity(string account) => AccountMappingRule.Resolve(rules, account) == StatementLine.Equity;
        decimal Unbooked(IReadOnlyDictionary<string, decimal> results) =>
            results.Any(r => AccountMappingRule.Resolve(rules, r.Key) == StatementLine.ResultTransfer && r.Value != 0m)
                ? 0m
                : results.Where(r => AccountMappingRule.Resolve(rules, r.Key) is { } l && l.IsIncomeStatement() && l != StatementLine.ResultTransfer).Sum(r => r.Value);

        if (await StoredAsync(calendarYear - 1, LedgerBalanceKind.Closing) is { } previousClosing)
        {
            var previousResults = await StoredAsync(calendarYear - 1, LedgerBalanceKind.Result) ?? [];
            var differences = OpeningBalanceCheck.Compare(Of(sie.OpeningBalances), previousClosing, IsEquity, Unbooked(previousResults));
            if (differences.Count > 0)
            {
                warnings.Add($"Ingående balanser {calendarYear} skiljer sig från utgående balanser {calendarYear - 1} i Finsam på {differences.Count} konton:");
                warnings.AddRange(differences.Select(d => d.Describe(calendarYear)));
            }
        }

        if (await StoredAsync(calendarYear + 1, LedgerBalanceKind.Opening) is { } nextOpening)
        {
            var differences = OpeningBalanceCheck.Compare(nextOpening, Of(sie.ClosingBalances), IsEquity, Unbooked(Of(sie.Results)));
            if (differences.Count > 0)
            {
                warnings.Add($"Ingående balanser {calendarYear + 1} i Finsam skiljer sig från filens utgående balanser {calendarYear} på {differences.Count} konton:");
                warnings.AddRange(differences.Select(d => d.Describe(calendarYear + 1)));
            }
        }

        return warnings;
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

/// <summary>What an import found in a file, for the import page.</summary>
/// <param name="Chart">The file's chart of accounts (#KPTYP).</param>
/// <param name="Mapping">The proposed change to the account mapping; empty when the saved mapping fits the chart.</param>
/// <param name="SavedDimension">The förbund's setting of the project codes' dimension.</param>
/// <param name="UsedDimension">The dimension this import read the project codes from.</param>
/// <param name="ProposedDimension">A dimension whose objects match more insats codes than the used one's, or null.</param>
/// <param name="Dimensions">Each dimension used by the file's transactions, with how many of its objects are insats codes.</param>
/// <param name="Contributions">Each member's booked against decided contribution; empty when the ledger does not tell members apart.</param>
/// <param name="Warnings">Everything worth telling, in Swedish, each naming its line, account, voucher or object.</param>
public sealed record LedgerImportReview(
    ChartOfAccounts Chart,
    MappingProposal Mapping,
    int SavedDimension,
    int UsedDimension,
    int? ProposedDimension,
    IReadOnlyList<DimensionMatch> Dimensions,
    IReadOnlyList<MemberContributionComparison> Contributions,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The import waits for the user: a mapping to confirm, or a dimension other than the setting's.</summary>
    public bool NeedsConfirmation => !Mapping.IsEmpty || ProposedDimension is not null || UsedDimension != SavedDimension;
}
