using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Insatser;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Insatser;

/// <summary>The per-year form on the insats's page: "ingår i förbundets totaler" and "utfallsmått tillämpliga".</summary>
public sealed class InsatsYearSettingsInput
{
    public int Year { get; set; }

    public bool CountsInTotals { get; set; } = true;

    public bool OutcomesApply { get; set; } = true;

    /// <summary>The stored row's version the form was opened with; empty when the year followed the defaults.</summary>
    public Guid Version { get; set; }
}

public sealed class InsatsYearSettingsInputValidator : AbstractValidator<InsatsYearSettingsInput>
{
    public InsatsYearSettingsInputValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Ange ett år mellan 2000 och 2100.");
    }
}

/// <summary>
/// Saves an insats's settings for one year (docs/goals.md, "Ej tillämpligt"): validated, refused for a closed year,
/// version-checked, audited, one save.
/// </summary>
public sealed class InsatsYearSettingsHandler(FinsamDbContext db, AuditLog audit)
{
    /// <summary>Audited on the insats, so the change shows in its history.</summary>
    public const string EntityType = InsatsService.EntityType;

    public async Task<ChangeResult> SaveAsync(int insatsId, InsatsYearSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new InsatsYearSettingsInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var insats = await db.Insatser.AsNoTracking().SingleOrDefaultAsync(i => i.Id == insatsId, cancellationToken);
        if (insats is null)
        {
            return ChangeResult.Refused("", "Insatsen finns inte längre.");
        }

        if (insats.Kind != InsatsKind.Individual)
        {
            return ChangeResult.Refused(nameof(input.Year), "Bara individinriktade insatser har deltagare och utfallsmått.");
        }

        if (!insats.RunsDuring(new DateOnly(input.Year, 1, 1), new DateOnly(input.Year, 12, 31)))
        {
            return ChangeResult.Refused(nameof(input.Year), $"Insatsen pågick inte {input.Year}.");
        }

        if (await db.RefuseClosedYearAsync(input.Year, cancellationToken, nameof(input.Year)) is { } closed)
        {
            return closed;
        }

        var row = await db.InsatsYearSettings.SingleOrDefaultAsync(s => s.InsatsId == insatsId && s.Year == input.Year, cancellationToken);
        if (row is null && input.Version != Guid.Empty)
        {
            return ChangeResult.Refused("", WritePath.ConcurrencyMessage);
        }

        if (row is not null && db.CheckVersion(row, input.Version) is { } stale)
        {
            return stale;
        }

        var before = InsatsYearSettings.For(insats, input.Year, row);
        row ??= db.InsatsYearSettings.Add(new InsatsYearSettings { InsatsId = insatsId, Year = input.Year }).Entity;
        row.CountsInTotals = input.CountsInTotals;
        row.OutcomesApply = input.OutcomesApply;
        audit.Add(
            AuditAction.Update,
            EntityType,
            insatsId.ToString(CultureInfo.InvariantCulture),
            $"{insats.Code} {input.Year}: ingår i förbundets totaler {YesNo(before.CountsInTotals)} → {YesNo(row.CountsInTotals)}; "
            + $"utfallsmått tillämpliga {YesNo(before.OutcomesApply)} → {YesNo(row.OutcomesApply)}");
        return await db.SaveAsync(cancellationToken);
    }

    private static string YesNo(bool value) => value ? "ja" : "nej";
}
