using Finsam.Domain.Economy;
using Finsam.Domain.Economy.Statements;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>Builds a year's statements, and the previous year's for comparison, from the imported ledgers.</summary>
public static class StatementQuery
{
    /// <param name="Current">The year's statements and checks.</param>
    /// <param name="Previous">Last year's figures for the comparison column, when known.</param>
    /// <param name="PreviousCashFlowKnown">Whether last year's opening balances are known, which its cash flow needs.</param>
    /// <param name="Notes">The notes of the year, each with the check that it sums to its statement line.</param>
    /// <param name="Operating">The driftsredovisning with budget, deviation and previous year, and its checks.</param>
    /// <param name="BalanceRequirement">The balanskravsutredning.</param>
    /// <param name="HasVouchers">Whether the year's file had vouchers, so amounts per insats code are known.</param>
    /// <param name="ContingentLiabilities">The year's ansvarsförbindelser as entered (null: none).</param>
    /// <param name="PreviousNotes">Last year's notes, for the notes' comparison column: from last year's own ledger (with its vouchers and contributions) or from the previous-year figures of this year's file.</param>
    /// <param name="MemberContributionChecks">Each member's booked against decided contribution, when the ledger books members on their own accounts.</param>
    public sealed record YearStatements(
        FinancialStatements Current,
        FinancialStatements? Previous,
        bool PreviousCashFlowKnown,
        IReadOnlyList<StatementNote> Notes,
        OperatingStatement Operating,
        BalanceRequirement BalanceRequirement,
        bool HasVouchers,
        string? ContingentLiabilities,
        IReadOnlyList<StatementCheck>? MemberContributionChecks = null,
        IReadOnlyList<StatementNote>? PreviousNotes = null,
        decimal? EquityCeiling = null)
    {
        /// <summary>
        /// The figures the report's sentences state and the economy indicators measure (administration share, eget kapital
        /// against the ceiling, result against budget): ONE computation for both.
        /// </summary>
        public EconomyFigures Economy => EconomyFigures.From(Operating, Current, EquityCeiling);

        /// <summary>The statements' checks, then the notes', the driftsredovisning's and the members' contributions'.</summary>
        public IReadOnlyList<StatementCheck> Checks => [.. Current.Checks, .. Notes.Select(n => n.Check), .. Operating.Checks, .. MemberContributionChecks ?? []];

        public bool AllChecksPass => Checks.All(c => c.Passed);
    }

    /// <returns>Null when the year has no imported ledger.</returns>
    public static async Task<YearStatements?> StatementsForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        var current = await FiguresAsync(db, year, year, cancellationToken);
        if (current is null)
        {
            return null;
        }

        // The previous year's own ledger when it has been imported; otherwise the previous-year figures of this year's file.
        var previousOwn = await FiguresAsync(db, year - 1, year - 1, cancellationToken);
        var previous = previousOwn ?? await FiguresAsync(db, year, year - 1, cancellationToken);
        var statements = FinancialStatements.Build(current, rules, previousOwn);
        var previousStatements = previous is { Closing.Count: > 0 } ? FinancialStatements.Build(previous, rules) : null;

        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleAsync(y => y.Year == year, cancellationToken);
        var accountNames = await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == fiscalYear.Id)
            .ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);
        var units = await db.Insatser.AsNoTracking()
            .Select(i => new OperatingUnit(i.Code, i.Name, i.Kind))
            .ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        var resultLines = await ResultLinesAsync(db, fiscalYear.Id, cancellationToken);
        var previousResultLines = previousOwn is null ? null : await ResultLinesOfYearAsync(db, year - 1, previousOwn, cancellationToken);
        var budget = await db.BudgetAmountsForYearAsync(year, cancellationToken);
        var operating = OperatingStatement.Build(
            year, resultLines ?? AccountResults(current), previousResultLines, budget, rules, units, accountNames, statements.Income);

        var contributions = await db.MemberContributionsForYearAsync(year, cancellationToken);
        var notes = StatementNotes.Build(current, statements, rules, accountNames, resultLines, units, contributions);

        // Each member's booked contribution (income without a project code on the member's own account) against its decided one.
        var uncodedIncome = (resultLines ?? AccountResults(current))
            .Where(l => string.IsNullOrWhiteSpace(l.ObjectCode) && AccountMappingRule.Resolve(rules, l.Account) == StatementLine.OperatingIncome)
            .GroupBy(l => l.Account, StringComparer.Ordinal)
            .Select(g => new IncomeAccount(g.Key, accountNames.GetValueOrDefault(g.Key, ""), -g.Sum(l => l.Amount)))
            .ToList();
        var memberChecks = BookedContributions.Compare(contributions, uncodedIncome)
            .Select(m => new StatementCheck($"Bokfört medlemsbidrag från {m.Member.Name} är lika med beslutat", m.Matches, m.Decided, m.Booked ?? 0m, m.Describe()))
            .ToList();
        IReadOnlyList<StatementNote>? previousNotes = null;
        if (previous is { Closing.Count: > 0 } && previousStatements is not null)
        {
            var previousYearId = previousOwn is null ? null
                : await db.FiscalYears.AsNoTracking().Where(y => y.Year == year - 1).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
            var previousNames = previousYearId is null ? accountNames
                : await db.LedgerAccounts.AsNoTracking().Where(a => a.FiscalYearId == previousYearId)
                    .ToDictionaryAsync(a => a.Number, a => a.Name, StringComparer.Ordinal, cancellationToken);
            var previousVouchers = previousYearId is null ? null : await ResultLinesAsync(db, previousYearId.Value, cancellationToken);
            IReadOnlyList<MemberContributions.Contribution> previousContributions = previousVouchers is null ? [] : await db.MemberContributionsForYearAsync(year - 1, cancellationToken);
            previousNotes = StatementNotes.Build(previous, previousStatements, rules, previousNames, previousVouchers, units, previousContributions);
        }

        return new YearStatements(
            statements, previousStatements, previous is { Opening.Count: > 0 }, notes, operating,
            BalanceRequirement.Build(statements.Income.ResultForTheYear, fiscalYear.BalanceRequirement), resultLines is not null,
            fiscalYear.ContingentLiabilities, memberChecks, previousNotes, fiscalYear.EquityCeiling);
    }

    /// <summary>The year's economy figures (<see cref="YearStatements.Economy"/>), or null when the year has no imported ledger.</summary>
    public static async Task<EconomyFigures?> EconomyFiguresForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default) =>
        (await db.StatementsForYearAsync(year, cancellationToken))?.Economy;

    /// <summary>
    /// The resultaträkning and balansräkning of each of the given years, for the flerårsöversikt: from the year's own
    /// ledger, or else from the previous-year figures of the next year's file; a year with neither is left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, FinancialStatements>> StatementsOfYearsAsync(this FinsamDbContext db, IEnumerable<int> years, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(years);
        var rules = await db.AccountMappingRules.AsNoTracking().ToListAsync(cancellationToken);
        var result = new Dictionary<int, FinancialStatements>();
        foreach (var year in years)
        {
            var figures = await FiguresAsync(db, year, year, cancellationToken);
            if (figures is null && await FiguresAsync(db, year + 1, year, cancellationToken) is { Closing.Count: > 0 } fromNext)
            {
                figures = fromNext;
            }

            if (figures is not null)
            {
                result[year] = FinancialStatements.Build(figures, rules);
            }
        }

        return result;
    }

    /// <summary>The year's budget lines with their insats codes.</summary>
    public static async Task<IReadOnlyList<BudgetAmount>> BudgetAmountsForYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = await db.BudgetLines.AsNoTracking()
            .Where(b => db.FiscalYears.Any(y => y.Id == b.FiscalYearId && y.Year == year))
            .Select(b => new { b.Category, Code = db.Insatser.Where(i => i.Id == b.InsatsId).Select(i => i.Code).FirstOrDefault(), b.Income, b.Cost })
            .ToListAsync(cancellationToken);
        return lines.Select(b => new BudgetAmount(b.Category, b.Code, new OperatingFigures(b.Income, b.Cost))).ToList();
    }

    private static async Task<IReadOnlyList<ResultLine>?> ResultLinesOfYearAsync(FinsamDbContext db, int year, LedgerFigures figures, CancellationToken cancellationToken)
    {
        var yearId = await db.FiscalYears.Where(y => y.Year == year).Select(y => y.Id).SingleAsync(cancellationToken);
        return await ResultLinesAsync(db, yearId, cancellationToken) ?? AccountResults(figures);
    }

    /// <summary>The year's voucher amounts per account and insats code, or null when the file had no vouchers.</summary>
    private static async Task<IReadOnlyList<ResultLine>?> ResultLinesAsync(FinsamDbContext db, int fiscalYearId, CancellationToken cancellationToken)
    {
        var lines = await db.VoucherLines.AsNoTracking()
            .Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.FiscalYearId == fiscalYearId))
            .GroupBy(l => new { l.Account, l.ObjectCode })
            .Select(g => new { g.Key.Account, g.Key.ObjectCode, Amount = g.Sum(l => l.Amount) })
            .ToListAsync(cancellationToken);
        return lines.Count == 0 ? null : lines.Select(l => new ResultLine(l.Account, l.ObjectCode, l.Amount)).ToList();
    }

    /// <summary>Without vouchers, the accounts' results without insats codes.</summary>
    private static List<ResultLine> AccountResults(LedgerFigures figures) =>
        figures.Results.Select(r => new ResultLine(r.Key, null, r.Value)).ToList();

    /// <summary>The account balances of <paramref name="balanceYear"/> as imported with the ledger of <paramref name="fiscalYear"/>.</summary>
    private static async Task<LedgerFigures?> FiguresAsync(FinsamDbContext db, int fiscalYear, int balanceYear, CancellationToken cancellationToken)
    {
        var yearId = await db.FiscalYears.Where(y => y.Year == fiscalYear).Select(y => (int?)y.Id).SingleOrDefaultAsync(cancellationToken);
        if (yearId is null || !await db.LedgerImports.AnyAsync(i => i.FiscalYearId == yearId, cancellationToken))
        {
            return null;
        }

        var rows = await db.LedgerBalances.AsNoTracking()
            .Where(b => b.FiscalYearId == yearId && b.BalanceYear == balanceYear && b.ObjectCode == null && b.Kind != LedgerBalanceKind.Period)
            .Select(b => new { b.Kind, b.Account, b.Amount })
            .ToListAsync(cancellationToken);
        Dictionary<string, decimal> Of(LedgerBalanceKind kind) =>
            rows.Where(r => r.Kind == kind).GroupBy(r => r.Account).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount), StringComparer.Ordinal);
        return new LedgerFigures(balanceYear, Of(LedgerBalanceKind.Opening), Of(LedgerBalanceKind.Closing), Of(LedgerBalanceKind.Result));
    }
}
