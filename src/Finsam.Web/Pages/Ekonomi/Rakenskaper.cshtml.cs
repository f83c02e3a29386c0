using Finsam.Data;
using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Domain.Auditing;
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

    /// <summary>The balanskrav adjustments as entered (kronor), in the order of <see cref="BalanceRequirement.Build"/>.</summary>
    public sealed class AdjustmentsInput
    {
        public string? RealisationGains { get; set; }

        public string? RealisationGainsByException { get; set; }

        public string? RealisationLossesByException { get; set; }

        public string? UnrealisedLossesOnSecurities { get; set; }

        public string? ReversedUnrealisedLosses { get; set; }
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
        if (!ModelState.IsValid)
        {
            return await OnGetAsync(year, enhet, cancellationToken);
        }

        fiscalYear.BalanceRequirement = adjustments;
        audit.Add(AuditAction.Update, "FiscalYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "balanskravsjusteringar: " + string.Join(", ", BalanceRequirement.Build(0m, adjustments).Adjustments.Select(a => $"{a.Text.ToLowerInvariant()} {SwedishFormat.Kronor(a.Amount)}")));
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { year, enhet });
    }

    /// <summary>A statement row: text, this year, last year; sums are shown in bold.</summary>
    public sealed record Row(string Text, decimal Current, decimal? Previous, bool IsSum = false);

    public int Year { get; private set; }

    /// <summary>Thousands of kronor with one decimal (as annual reports), or whole kronor.</summary>
    public bool InTkr { get; private set; } = true;

    public StatementQuery.YearStatements Statements { get; private set; } = null!;

    public IReadOnlyList<Row> IncomeRows { get; private set; } = [];

    public IReadOnlyList<Row> AssetRows { get; private set; } = [];

    public IReadOnlyList<Row> EquityRows { get; private set; } = [];

    public IReadOnlyList<Row> CashFlowRows { get; private set; } = [];

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
            };
        }

        Statements = statements;
        var c = statements.Current;
        var p = statements.Previous;

        IncomeRows =
        [
            new("Verksamhetens intäkter", c.Income.OperatingIncome, p?.Income.OperatingIncome),
            new("Verksamhetens kostnader", c.Income.OperatingCosts, p?.Income.OperatingCosts),
            new("Avskrivningar", c.Income.Depreciation, p?.Income.Depreciation),
            new("Verksamhetens resultat", c.Income.OperatingResult, p?.Income.OperatingResult, true),
            new("Finansiella intäkter", c.Income.FinancialIncome, p?.Income.FinancialIncome),
            new("Finansiella kostnader", c.Income.FinancialCosts, p?.Income.FinancialCosts),
            new("Resultat efter finansiella poster", c.Income.ResultAfterFinancialItems, p?.Income.ResultAfterFinancialItems, true),
            new("Extraordinära poster", c.Income.ExtraordinaryItems, p?.Income.ExtraordinaryItems),
            new("Årets resultat", c.Income.ResultForTheYear, p?.Income.ResultForTheYear, true),
        ];

        var cb = c.Closing;
        var pb = p?.Closing;
        AssetRows =
        [
            new("Materiella och immateriella anläggningstillgångar", cb.FixedAssets, pb?.FixedAssets),
            new("Finansiella anläggningstillgångar", cb.FinancialFixedAssets, pb?.FinancialFixedAssets),
            new("Summa anläggningstillgångar", cb.NonCurrentAssets, pb?.NonCurrentAssets, true),
            new("Förråd", cb.Inventories, pb?.Inventories),
            new("Kortfristiga fordringar", cb.ShortTermReceivables, pb?.ShortTermReceivables),
            new("Kortfristiga placeringar", cb.ShortTermInvestments, pb?.ShortTermInvestments),
            new("Kassa och bank", cb.CashAndBank, pb?.CashAndBank),
            new("Summa omsättningstillgångar", cb.CurrentAssets, pb?.CurrentAssets, true),
            new("Summa tillgångar", cb.TotalAssets, pb?.TotalAssets, true),
        ];
        EquityRows =
        [
            new("Eget kapital", cb.Equity, pb?.Equity, true),
            new("därav årets resultat", cb.ResultForTheYear, pb?.ResultForTheYear),
            new("Avsättningar", cb.Provisions, pb?.Provisions),
            new("Långfristiga skulder", cb.LongTermLiabilities, pb?.LongTermLiabilities),
            new("Kortfristiga skulder", cb.ShortTermLiabilities, pb?.ShortTermLiabilities),
            new("Summa skulder", cb.Liabilities, pb?.Liabilities, true),
            new("Summa eget kapital, avsättningar och skulder", cb.TotalEquityAndLiabilities, pb?.TotalEquityAndLiabilities, true),
        ];

        var cf = c.CashFlow;
        var pf = statements.PreviousCashFlowKnown ? p?.CashFlow : null;
        CashFlowRows =
        [
            new("Årets resultat", cf.ResultForTheYear, pf?.ResultForTheYear),
            new("Justering för avskrivningar", cf.DepreciationAddedBack, pf?.DepreciationAddedBack),
            new("Förändring av avsättningar", cf.ChangeInProvisions, pf?.ChangeInProvisions),
            new("Medel från verksamheten före förändring av rörelsekapital", cf.FromOperationsBeforeWorkingCapital, pf?.FromOperationsBeforeWorkingCapital, true),
            new("Minskning (+) / ökning (−) av kortfristiga fordringar och förråd", cf.ChangeInReceivablesAndInventories, pf?.ChangeInReceivablesAndInventories),
            new("Ökning (+) / minskning (−) av kortfristiga skulder", cf.ChangeInShortTermLiabilities, pf?.ChangeInShortTermLiabilities),
            new("Kassaflöde från den löpande verksamheten", cf.FromOperatingActivities, pf?.FromOperatingActivities, true),
            new("Nettoinvesteringar i anläggningstillgångar", cf.Investments, pf?.Investments),
            new("Förändring av kortfristiga placeringar", cf.ChangeInShortTermInvestments, pf?.ChangeInShortTermInvestments),
            new("Kassaflöde från investeringsverksamheten", cf.FromInvestingActivities, pf?.FromInvestingActivities, true),
            new("Förändring av långfristiga skulder", cf.ChangeInLongTermLiabilities, pf?.ChangeInLongTermLiabilities),
            new("Övriga förändringar av eget kapital", cf.OtherChangesInEquity, pf?.OtherChangesInEquity),
            new("Kassaflöde från finansieringsverksamheten", cf.FromFinancingActivities, pf?.FromFinancingActivities, true),
            new("Årets kassaflöde", cf.CashFlowForTheYear, pf?.CashFlowForTheYear, true),
            new("Likvida medel vid årets början", cf.CashAtStart, pf?.CashAtStart),
            new("Likvida medel vid årets slut", cf.CashAtEnd, pf?.CashAtEnd, true),
        ];
        return Page();
    }

    public IEnumerable<StatementCheck> FailedChecks => Statements.Checks.Where(c => !c.Passed);
}
