namespace Finsam.Domain.Insatser;

/// <summary>
/// How an insats counts in one year's statistics. A year without a row follows the insats's defaults
/// (<see cref="Insats.CountsInParticipantTotals"/>, outcome measures apply), see <see cref="For"/>.
/// </summary>
public class InsatsYearSettings : IVersioned
{
    public int Id { get; set; }

    public int InsatsId { get; set; }

    public Insats? Insats { get; set; }

    public int Year { get; set; }

    /// <summary>Ingår i förbundets totaler: the insats's enrolments count in the förbund's total (unika individer, flöden).</summary>
    public bool CountsInTotals { get; set; } = true;

    /// <summary>
    /// Utfallsmått tillämpliga: the outcome measures (till arbete/studier, arbetssökande, avslutsskäl, egen försörjning
    /// efter 12 månader) apply. When false the insats prints "ej tillämpligt" and its enrolments are left out of every
    /// outcome share of the förbund, numerator and denominator.
    /// </summary>
    public bool OutcomesApply { get; set; } = true;

    public Guid Version { get; set; }

    /// <summary>The settings in force for the insats and year: the stored row, or the insats's defaults.</summary>
    public static InsatsYearSetting For(Insats insats, int year, InsatsYearSettings? stored)
    {
        ArgumentNullException.ThrowIfNull(insats);
        var individual = insats.Kind == InsatsKind.Individual;
        return stored is null
            ? new InsatsYearSetting(year, individual && insats.CountsInParticipantTotals, individual, false)
            : new InsatsYearSetting(year, individual && stored.CountsInTotals, individual && stored.OutcomesApply, true);
    }
}

/// <summary>The settings in force for one insats and year; <paramref name="IsStored"/> is false when they are the defaults.</summary>
public sealed record InsatsYearSetting(int Year, bool CountsInTotals, bool OutcomesApply, bool IsStored);
