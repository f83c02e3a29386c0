using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Domain.Auditing;
using Finsam.Reporting.AnnualReport;
using Finsam.Web.Auditing;
using Finsam.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Pages.Ekonomi;

/// <summary>Resultaträkning, balansräkning and kassaflödesanalys of a year, with the previous year and every check.</summary>
public class RakenskaperModel(FinsamDbContext db, IAuthorizationService authorization, AuditLog audit) : PageModel
{
    /// <summary>The year's equity ceiling in kronor, when entered.</summary>
    public decimal? EquityCeiling { get; private set; }

    /// <summary>Whether the user may enter the ceiling (Kansli, Förbundschef) and the year is open.</summary>
    public bool CanEdit { get; private set; }

    [BindProperty]
    public string? Ceiling { get; set; }

    public async Task<IActionResult> OnPostCeilingAsync(int year, string? enhet, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            return NotFound();
        }

        if (fiscalYear.IsClosed || !(await authorization.AuthorizeAsync(User, Policies.EconomyImport)).Succeeded)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Ceiling))
        {
            fiscalYear.EquityCeiling = null;
        }
        else if (SwedishFormat.TryParseDecimal(Ceiling, out var ceiling) && ceiling >= 0m)
        {
            fiscalYear.EquityCeiling = ceiling;
        }
        else
        {
            ModelState.AddModelError(nameof(Ceiling), "Ange takbeloppet i kronor, t.ex. 2 500 000.");
            return await OnGetAsync(year, enhet, cancellationToken);
        }

        audit.Add(AuditAction.Update, "FiscalYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"takbelopp eget kapital: {(fiscalYear.EquityCeiling is { } c ? SwedishFormat.Kronor(c) : "inget")}");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { year, enhet });
    }

    /// <summary>
    /// The balanskrav adjustments as entered (kronor), in the order of <see cref="BalanceRequirement.Build"/>, and the
    /// year's ansvarsförbindelser, entered on the same form.
    /// </summary>
    public sealed class AdjustmentsInput
    {
        public string? RealisationGains { get; set; }

        public string? RealisationGainsByException { get; set; }

        public string? RealisationLossesByException { get; set; }

        public string? UnrealisedLossesOnSecurities { get; set; }

        public string? ReversedUnrealisedLosses { get; set; }

        public string? ContingentLiabilities { get; set; }
    }

    [BindProperty]
    public AdjustmentsInput Adjustments { get; set; } = new();

    public async Task<IActionResult> OnPostBalanskravAsync(int year, string? enhet, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            return NotFound();
        }

        if (fiscalYear.IsClosed || !(await authorization.AuthorizeAsync(User, Policies.EconomyImport)).Succeeded)
        {
            return Forbid();
        }

        decimal Read(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return 0m;
            }

            if (SwedishFormat.TryParseDecimal(text, out var amount) && amount >= 0m)
            {
                return amount;
            }

            ModelState.AddModelError($"Adjustments.{field}", "Ange beloppet i kronor (0 eller mer), t.ex. 12 500.");
            return 0m;
        }

        var adjustments = new BalanceRequirementAdjustments
        {
            RealisationGains = Read(Adjustments.RealisationGains, nameof(AdjustmentsInput.RealisationGains)),
            RealisationGainsByException = Read(Adjustments.RealisationGainsByException, nameof(AdjustmentsInput.RealisationGainsByException)),
            RealisationLossesByException = Read(Adjustments.RealisationLossesByException, nameof(AdjustmentsInput.RealisationLossesByException)),
            UnrealisedLossesOnSecurities = Read(Adjustments.UnrealisedLossesOnSecurities, nameof(AdjustmentsInput.UnrealisedLossesOnSecurities)),
            ReversedUnrealisedLosses = Read(Adjustments.ReversedUnrealisedLosses, nameof(AdjustmentsInput.ReversedUnrealisedLosses)),
        };
        if (ContingentLiabilities.Validate(Adjustments.ContingentLiabilities) is { } tooLong)
        {
            ModelState.AddModelError($"Adjustments.{nameof(AdjustmentsInput.ContingentLiabilities)}", tooLong);
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(year, enhet, cancellationToken);
        }

        fiscalYear.BalanceRequirement = adjustments;
        fiscalYear.ContingentLiabilities = ContingentLiabilities.Normalise(Adjustments.ContingentLiabilities);
        audit.Add(AuditAction.Update, "FiscalYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "balanskravsjusteringar: " + string.Join(", ", BalanceRequirement.Build(0m, adjustments).Adjustments.Select(a => $"{a.Text.ToLowerInvariant()} {SwedishFormat.Kronor(a.Amount)}"))
            + "; ansvarsförbindelser: " + (fiscalYear.ContingentLiabilities is { } liabilities ? $"{liabilities.Length} tecken" : "inga"));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { year, enhet });
    }

    public int Year { get; private set; }

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

    public async Task<IActionResult> OnGetAsync(int year, string? enhet, CancellationToken cancellationToken)
    {
        var statements = await db.StatementsForYearAsync(year, cancellationToken);
        if (statements is null)
        {
            return NotFound();
        }

        Year = year;
        InTkr = enhet != "kr";
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleAsync(y => y.Year == year, cancellationToken);
        EquityCeiling = fiscalYear.EquityCeiling;
        CanEdit = !fiscalYear.IsClosed && (await authorization.AuthorizeAsync(User, Policies.EconomyImport)).Succeeded;
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

        StatementTables =
        [
            EconomyTables.IncomeStatement(year, c.Income, p?.Income),
            EconomyTables.BalanceSheet(year, c.Closing, p?.Closing, statements.ContingentLiabilities),
            EconomyTables.CashFlow(year, c.CashFlow, statements.PreviousCashFlowKnown ? p?.CashFlow : null),
        ];
        NoteTables = EconomyTables.Notes(year, statements.Notes);
        OperatingTable = EconomyTables.Operating(statements.Operating);
        return Page();
    }

    public IEnumerable<StatementCheck> FailedChecks => Statements.Checks.Where(c => !c.Passed);
}
