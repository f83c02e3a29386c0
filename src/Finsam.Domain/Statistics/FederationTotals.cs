namespace Finsam.Domain.Statistics;

/// <summary>
/// The förbund's two totals of a year (docs/goals.md, "Ej tillämpligt"): <see cref="Total"/> over the enrolments of the
/// insatser that count in the förbund's totals (aktuella, nya, avslutade, unika individer), and <see cref="Outcomes"/>
/// over those of them whose outcome measures apply, from which every outcome share is taken, numerator and denominator.
/// </summary>
public sealed record FederationTotals(ParticipantStatistics Total, ParticipantStatistics Outcomes)
{
    public static FederationTotals Compute(
        int year, IEnumerable<EnrolmentFact> enrolments, IReadOnlySet<int> countedInsatser, IReadOnlySet<int> outcomesApply)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        ArgumentNullException.ThrowIfNull(countedInsatser);
        ArgumentNullException.ThrowIfNull(outcomesApply);
        var counted = enrolments.Where(e => countedInsatser.Contains(e.InsatsId)).ToList();
        var total = ParticipantStatistics.Compute(year, counted);
        var applicable = counted.Where(e => outcomesApply.Contains(e.InsatsId)).ToList();
        return new FederationTotals(total, applicable.Count == counted.Count ? total : ParticipantStatistics.Compute(year, applicable));
    }
}
