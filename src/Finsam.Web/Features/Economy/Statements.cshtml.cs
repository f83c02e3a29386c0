using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Reporting.AnnualReport;
using Finsam.Web.Features.Economy;
using Finsam.Web.Validation;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>Resultaträkning, balansräkning and kassaflödesanalys of a year, with the previous year and every check.</summary>
public class StatementsModel(FinsamDbContext db, IAuthorizationService authorization, FiscalYearSettingsHandler settings) : PageModel
{
    /// <summary>The year's equity ceiling in kronor, when entered.</summary>
    public decimal? EquityCeiling { get; private set; }

    /// <summary>Whether the user may enter the ceiling (Kansli, Förbundschef) and the year is open.</summary>
    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? Ceiling { get; set; }

    public async Task<IActionResult> OnPostCeilingAsync(int year, string? enhet, CancellationToken cancellationToken)
    {
        if (await MayNotChangeAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await settings.SetEquityCeilingAsync(year, Ceiling, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, prefix: "");
            return await OnGetAsync(year, enhet, cancellationToken);
        }

        return RedirectToPage(new { year, enhet });
    }

    [BindProperty]
    public AdjustmentsInput Adjustments { get; set; } = new();

    public async Task<IActionResult> OnPostBalanskravAsync(int year, string? enhet, CancellationToken cancellationToken)
    {
        if (await MayNotChangeAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await settings.SetBalanceRequirementAsync(year, Adjustments, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, prefix: nameof(Adjustments));
            return await OnGetAsync(year, enhet, cancellationToken);
        }

        return RedirectToPage(new { year, enhet });
    }

    /// <summary>A year without a ledger is not found; a closed year's form is not offered, so a post to it is refused (who may post: <see cref="PageAccess"/>).</summary>
    private async Task<IActionResult?> MayNotChangeAsync(int year, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            return NotFound();
        }

        return fiscalYear.IsClosed ? Forbid() : null;
    }

    public int Year { get; private set; }

    /// <summary>The statement lines that have accounts this year, each traceable to its accounts and their vouchers.</summary>
    public IReadOnlyList<StatementLine> TracedLines { get; private set; } = [];

    /// <summary>Thousands of kronor with one decimal (as annual reports), or whole kronor.</summary>
    public bool InTkr { get; private set; } = true;

    public StatementQuery.YearStatements Statements { get; private set; } = null!;

    /// <summary>Resultaträkning, balansräkning and kassaflödesanalys, with last year beside them when known.</summary>
    public IReadOnlyList<ReportTable> StatementTables { get; private set; } = [];

    public IReadOnlyList<ReportTable> NoteTables { get; private set; } = [];

    /// <summary>The driftsredovisning, as in the annual report.</summary>
    public ReportTable OperatingTable { get; private set; } = null!;

    public string Amount(decimal value) => InTkr ? SwedishFormat.Tkr(value) : SwedishFormat.Number(value);

    public string Unit => InTkr ? "tkr" : "kr";

    /// <summary>The tables as printed: footed, each note's sum as its statement line (Footing).</summary>
    public IReadOnlyDictionary<ReportTable, PrintedTable> Printed { get; private set; } = new Dictionary<ReportTable, PrintedTable>();

    public async Task<IActionResult> OnGetAsync(int year, string? enhet, CancellationToken cancellationToken)
    {
        var statements = await db.StatementsForYearAsync(year, cancellationToken);
        if (statements is null)
        {
            return NotFound();
        }

        Year = year;
        InTkr = enhet != "kr";
        TracedLines = (await db.AccountsAsync(year, cancellationToken))
            .Where(a => a.Line is { } l && l != StatementLine.ResultTransfer)
            .Select(a => a.Line!.Value).Distinct().Order().ToList();
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleAsync(y => y.Year == year, cancellationToken);
        EquityCeiling = fiscalYear.EquityCeiling;
        CanEdit = !fiscalYear.IsClosed && await authorization.AllowsAsync(User, "/Economy/Statements", HttpMethods.Post, "Ceiling");
        Ceiling ??= EquityCeiling is { } ceilingNow ? SwedishFormat.Number(ceilingNow) : null;
        if (Request.Method == HttpMethods.Get)
        {
            string? Text(decimal amount) => amount == 0m ? null : SwedishFormat.Number(amount, 2);
            var a = fiscalYear.BalanceRequirement;
            Adjustments = new AdjustmentsInput
            {
                RealisationGains = Text(a.RealisationGains),
                RealisationGainsByException = Text(a.RealisationGainsByException),
                RealisationLossesByException = Text(a.RealisationLossesByException),
                UnrealisedLossesOnSecurities = Text(a.UnrealisedLossesOnSecurities),
                ReversedUnrealisedLosses = Text(a.ReversedUnrealisedLosses),
                ContingentLiabilities = fiscalYear.ContingentLiabilities,
            };
        }

        Statements = statements;
        var c = statements.Current;
        var p = statements.Previous;

        var notes = EconomyTables.NumberNotes(statements.Notes, statements.PreviousNotes);
        StatementTables =
        [
            EconomyTables.IncomeStatement(year, c.Income, p?.Income, notes),
            EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities, notes),
            EconomyTables.CashFlow(year, c.CashFlow, statements.PreviousCashFlowKnown ? p?.CashFlow : null, notes),
        ];
        NoteTables = EconomyTables.Notes(year, notes, StatementTables);
        OperatingTable = EconomyTables.Operating(statements.Operating, StatementTables[0]);
        Printed = Footing.PrintAll([.. StatementTables, .. NoteTables, OperatingTable], InTkr ? Footing.TkrUnit : 1m);
        return Page();
    }

    public IEnumerable<StatementCheck> FailedChecks => Statements.Checks.Where(c => !c.Passed);
}
