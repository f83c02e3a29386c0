namespace Finsam.Domain.Statistics;

/// <summary>
/// The förbund's two totals of a year (docs/goals.md, "Ej tillämpligt"): <see cref="Total"/> over the enrolments of the
/// insatser that count in the förbund's totals (aktuella, nya, avslutade, unika individer), and <see cref="Outcomes"/>
/// over those of them whose outcome measures apply, from which every outcome share is taken, numerator and denominator.
/// </summary>
public sealed record FederationTotals(ParticipantStatistics Total, ParticipantStatistics Outcomes)
{
    /// <param name="followUpOf">
    /// The 12-month follow-up of each insats when it was counted apart (then <paramref name="enrolments"/> need only be
    /// the year's); null to count it from the enrolments that ended the year before.
    /// </param>
    public static FederationTotals Compute(
        int year,
        IEnumerable<EnrolmentFact> enrolments,
        IReadOnlySet<int> countedInsatser,
        IReadOnlySet<int> outcomesApply,
        Func<int, FollowUpCounts>? followUpOf = null)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        ArgumentNullException.ThrowIfNull(countedInsatser);
        ArgumentNullException.ThrowIfNull(outcomesApply);
        var counted = enrolments.Where(e => countedInsatser.Contains(e.InsatsId)).ToList();
        var total = ParticipantStatistics.Compute(year, counted, FollowUpOver(countedInsatser));
        var applicable = counted.Where(e => outcomesApply.Contains(e.InsatsId)).ToList();
        var applicableInsatser = countedInsatser.Where(outcomesApply.Contains).ToList();
        return new FederationTotals(
            total,
            applicableInsatser.Count == countedInsatser.Count && applicable.Count == counted.Count
                ? total
                : ParticipantStatistics.Compute(year, applicable, FollowUpOver(applicableInsatser)));

        FollowUpCounts? FollowUpOver(IEnumerable<int> insatser) =>
            followUpOf is null ? null : insatser.Aggregate(FollowUpCounts.None, (sum, id) => sum.Plus(followUpOf(id)));
    }
}
