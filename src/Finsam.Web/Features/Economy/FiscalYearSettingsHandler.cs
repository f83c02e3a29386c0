using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Formatting;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>The figures entered per fiscal year beside the ledger: the equity ceiling, the balanskrav adjustments and the ansvarsförbindelser.</summary>
public sealed class FiscalYearSettingsHandler(FinsamDbContext db, AuditLog audit)
{
    public const string CeilingMessage = "Ange takbeloppet i kronor, t.ex. 2 500 000.";

    public const string AmountMessage = "Ange beloppet i kronor (0 eller mer), t.ex. 12 500.";

    /// <summary>Sets (or with an empty text removes) the year's equity ceiling. Errors are on the field "Ceiling".</summary>
    public async Task<ChangeResult> SetEquityCeilingAsync(int year, string? ceiling, CancellationToken cancellationToken)
    {
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(ceiling))
        {
            if (!SwedishFormat.TryParseDecimal(ceiling, out var parsed) || parsed < 0m)
            {
                return ChangeResult.Refused("Ceiling", CeilingMessage);
            }

            value = parsed;
        }

        var (fiscalYear, refusal) = await OpenYearAsync(year, cancellationToken);
        if (fiscalYear is null)
        {
            return refusal!;
        }

        fiscalYear.EquityCeiling = value;
        audit.Add(AuditAction.Update, "FiscalYear", year.ToString(CultureInfo.InvariantCulture),
            $"takbelopp eget kapital: {(value is { } c ? SwedishFormat.Kronor(c) : "inget")}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Sets the year's balanskrav adjustments and ansvarsförbindelser. Errors are on the fields of <see cref="AdjustmentsInput"/>.</summary>
    public async Task<ChangeResult> SetBalanceRequirementAsync(int year, AdjustmentsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
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

            errors.Add(new(field, AmountMessage));
            return 0m;
        }

        var adjustments = new BalanceRequirementAdjustments
        {
            RealisationGains = Read(input.RealisationGains, nameof(AdjustmentsInput.RealisationGains)),
            RealisationGainsByException = Read(input.RealisationGainsByException, nameof(AdjustmentsInput.RealisationGainsByException)),
            RealisationLossesByException = Read(input.RealisationLossesByException, nameof(AdjustmentsInput.RealisationLossesByException)),
            UnrealisedLossesOnSecurities = Read(input.UnrealisedLossesOnSecurities, nameof(AdjustmentsInput.UnrealisedLossesOnSecurities)),
            ReversedUnrealisedLosses = Read(input.ReversedUnrealisedLosses, nameof(AdjustmentsInput.ReversedUnrealisedLosses)),
        };
        if (ContingentLiabilities.Validate(input.ContingentLiabilities) is { } tooLong)
        {
            errors.Add(new(nameof(AdjustmentsInput.ContingentLiabilities), tooLong));
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        var (fiscalYear, refusal) = await OpenYearAsync(year, cancellationToken);
        if (fiscalYear is null)
        {
            return refusal!;
        }

        fiscalYear.BalanceRequirement = adjustments;
        fiscalYear.ContingentLiabilities = ContingentLiabilities.Normalise(input.ContingentLiabilities);
        audit.Add(AuditAction.Update, "FiscalYear", year.ToString(CultureInfo.InvariantCulture),
            "balanskravsjusteringar: " + string.Join(", ", BalanceRequirement.Build(0m, adjustments).Adjustments.Select(a => $"{a.Text.ToLowerInvariant()} {SwedishFormat.Kronor(a.Amount)}"))
            + "; ansvarsförbindelser: " + (fiscalYear.ContingentLiabilities is { } liabilities ? $"{liabilities.Length} tecken" : "inga"));
        return await db.SaveAsync(cancellationToken);
    }

    private async Task<(Domain.Economy.FiscalYear? Year, ChangeResult? Refusal)> OpenYearAsync(int year, CancellationToken cancellationToken)
    {
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            return (null, ChangeResult.Refused("", $"Verksamhetsåret {year} finns inte."));
        }

        return fiscalYear.IsClosed ? (null, ChangeResult.Refused("", WritePath.ClosedYearMessage(year))) : (fiscalYear, null);
    }
}
