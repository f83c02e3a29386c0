using Finsam.Domain.Economy;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.Domain.Goals;

/// <summary>What a goal measures. All but <see cref="Manual"/> are computed from the registrations (docs/goals.md).</summary>
public enum GoalMetric
{
    /// <summary>Entered by hand with a source note.</summary>
    Manual = 0,

    /// <summary>Antal aktuella deltagare (deltaganden).</summary>
    Participants = 1,

    /// <summary>Antal nya deltagare.</summary>
    NewParticipants = 2,

    /// <summary>Antal avslutade deltagare.</summary>
    EndedParticipants = 3,

    /// <summary>Antal unika individer.</summary>
    UniqueIndividuals = 4,

    /// <summary>Andel av de avslutade till arbete eller studier.</summary>
    WorkOrStudiesShare = 5,

    /// <summary>Andel av de avslutade som arbetssökande.</summary>
    JobSeekingShare = 6,

    /// <summary>Andel av de avslutade med ett visst avslutsskäl.</summary>
    EndReasonShare = 7,

    /// <summary>Andel med egen försörjning vid uppföljningen 12 månader efter avslut.</summary>
    SelfSupportingAfter12Months = 8,

    /// <summary>Andel av aktuella deltagare som avslutats: the year's ended of its current participants ("Avsluta aktiva deltagare").</summary>
    EndedShareOfCurrent = 9,

    /// <summary>Kvalitativt mål: a written result and an assessment entered by hand, no number.</summary>
    Qualitative = 10,

    /// <summary>Administrationens andel av förbundets kostnader (driftsredovisningen), in percent: <see cref="Economy.EconomyFigures.AdministrationPercent"/>.</summary>
    AdministrationCostShare = 11,

    /// <summary>Eget kapital över taket (the recommended highest eget kapital), kronor: <see cref="Economy.EconomyFigures.EquityAboveCeiling"/>.</summary>
    EquityAboveCeiling = 12,

    /// <summary>Årets resultat mot budget (resultat minus budgeterat resultat), kronor: <see cref="Economy.EconomyFigures.ResultAgainstBudget"/>.</summary>
    ResultAgainstBudget = 13,
}

/// <summary>Whether the result must reach the target or stay below it.</summary>
public enum GoalDirection
{
    /// <summary>Minst: the result must be at least the target.</summary>
    AtLeast = 1,

    /// <summary>Högst: the result must be at most the target.</summary>
    AtMost = 2,
}

/// <summary>The unit of a manual result: a count, a percent, or percentage points (a difference between two percentages).</summary>
public enum GoalUnit
{
    Count = 1,
    Percent = 2,

    /// <summary>Procentenheter: the difference between two percentages (31 % and 26 % differ by 5 procentenheter, not 5 %).</summary>
    PercentagePoints = 3,

    /// <summary>Kronor: an amount of money, printed "1 250 000 kr".</summary>
    Kronor = 4,
}

/// <summary>
/// The measurable part of a goal or an indicator: a metric, a target and, for a manual metric, the result entered
/// with its source. Shared by the förbund's indicators and the insatser's goals.
/// </summary>
public class GoalMeasure
{
    public GoalMetric Metric { get; set; }

    /// <summary>The end reason of <see cref="GoalMetric.EndReasonShare"/>.</summary>
    public EndReason? EndReason { get; set; }

    public GoalDirection Direction { get; set; } = GoalDirection.AtLeast;

    /// <summary>The target: a count, or a percent (35 = 35 %) for share metrics. Null when the goal has no number.</summary>
    public decimal? Target { get; set; }

    /// <summary>The unit of a manual metric.</summary>
    public GoalUnit ManualUnit { get; set; } = GoalUnit.Count;

    /// <summary>The result of a manual metric, in its unit.</summary>
    public decimal? ManualResult { get; set; }

    /// <summary>
    /// The numerator of a manual share (n of "89 av 96"); with <see cref="ManualDenominator"/> the result is computed
    /// from the two, as a computed share is, instead of <see cref="ManualResult"/>.
    /// </summary>
    public int? ManualNumerator { get; set; }

    /// <summary>The denominator of a manual share (N of "89 av 96").</summary>
    public int? ManualDenominator { get; set; }

    /// <summary>Where a manual result comes from, e.g. "Indikatormätning 2020, n = 29".</summary>
    public string? SourceNote { get; set; }

    /// <summary>The written result of a qualitative goal, e.g. "Fyra samverkansmöten har genomförts".</summary>
    public string? ResultText { get; set; }

    /// <summary>The assessment of a qualitative goal, entered by hand with its written result.</summary>
    public GoalAssessment? QualitativeAssessment { get; set; }

    /// <summary>A manual result written as n of N.</summary>
    public bool HasManualBasis => Metric == GoalMetric.Manual && ManualNumerator is not null && ManualDenominator is not null;

    /// <summary>A manual amount in kronor.</summary>
    public bool IsKronor => (Metric == GoalMetric.Manual && ManualUnit == GoalUnit.Kronor) || Metric is GoalMetric.EquityAboveCeiling or GoalMetric.ResultAgainstBudget;

    /// <summary>A measure computed from the year's economy (<see cref="EconomyFigures"/>), not from the registrations: the förbund's indicators only.</summary>
    public bool IsEconomy => IsEconomyMetric(Metric);

    public static bool IsEconomyMetric(GoalMetric metric) =>
        metric is GoalMetric.AdministrationCostShare or GoalMetric.EquityAboveCeiling or GoalMetric.ResultAgainstBudget;

    public bool IsQualitative => Metric == GoalMetric.Qualitative;

    /// <summary>A manual result that is a difference between two percentages, written in procentenheter.</summary>
    public bool IsPercentagePoints => Metric == GoalMetric.Manual && ManualUnit == GoalUnit.PercentagePoints;

    public bool IsShare => Metric switch
    {
        GoalMetric.Manual => ManualUnit == GoalUnit.Percent,
        GoalMetric.WorkOrStudiesShare or GoalMetric.JobSeekingShare or GoalMetric.EndReasonShare or GoalMetric.SelfSupportingAfter12Months
            or GoalMetric.EndedShareOfCurrent or GoalMetric.AdministrationCostShare => true,
        _ => false,
    };

    /// <summary>Whether the result is computed from the registrations or the economy (not entered by hand).</summary>
    public bool IsComputed => Metric is not (GoalMetric.Manual or GoalMetric.Qualitative);

    /// <summary>Whether the metric is an outcome measure (a share of the ended or followed up): "ej tillämpligt" where outcomes do not apply.</summary>
    public bool IsOutcome => IsOutcomeMetric(Metric);

    public static bool IsOutcomeMetric(GoalMetric metric) =>
        metric is GoalMetric.WorkOrStudiesShare or GoalMetric.JobSeekingShare or GoalMetric.EndReasonShare or GoalMetric.SelfSupportingAfter12Months;

    /// <summary>The result for the given statistics (those of the insats, or the förbund's total).</summary>
    public GoalResult Evaluate(ParticipantStatistics statistics) => Evaluate(statistics, statistics);

    /// <summary>
    /// The result with counts taken from <paramref name="statistics"/> and outcome shares from <paramref name="outcomes"/>:
    /// for the förbund, the total over the insatser whose outcome measures apply; for an insats, its own statistics, or
    /// null when its outcome measures do not apply that year (the result is then <see cref="GoalResult.NotApplicable"/>).
    /// </summary>
    public GoalResult Evaluate(ParticipantStatistics statistics, ParticipantStatistics? outcomes) => Evaluate(statistics, outcomes, null);

    /// <summary>
    /// As above, with an economy measure taken from <paramref name="economy"/> (the year's figures, the same the report's
    /// sentences are written from); without them (no ledger imported, no ceiling or budget) it cannot be judged.
    /// </summary>
    public GoalResult Evaluate(ParticipantStatistics statistics, ParticipantStatistics? outcomes, EconomyFigures? economy)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (IsEconomy)
        {
            return EvaluateEconomy(economy);
        }

        if (IsOutcome && outcomes is null)
        {
            return GoalResult.NotApplicable;
        }

        return Metric switch
        {
            GoalMetric.Manual when HasManualBasis => Judge(GoalResult.OfShare(new Share(ManualNumerator!.Value, ManualDenominator!.Value))),
            GoalMetric.Manual => ManualResult is { } r ? Judge(GoalResult.OfValue(r, IsShare) with { IsPercentagePoints = IsPercentagePoints, IsKronor = IsKronor }) : GoalResult.None,
            GoalMetric.Qualitative => GoalResult.OfText(ResultText, QualitativeAssessment),
            GoalMetric.EndedShareOfCurrent => Judge(GoalResult.OfShare(new Share(statistics.Ended.Total, statistics.Current.Total))),
            GoalMetric.Participants => Judge(GoalResult.OfCount(statistics.Current.Total)),
            GoalMetric.NewParticipants => Judge(GoalResult.OfCount(statistics.New.Total)),
            GoalMetric.EndedParticipants => Judge(GoalResult.OfCount(statistics.Ended.Total)),
            GoalMetric.UniqueIndividuals => Judge(GoalResult.OfCount(statistics.Flow.UniqueIndividuals)),
            GoalMetric.WorkOrStudiesShare => Judge(GoalResult.OfShare(outcomes!.WorkOrStudiesShare())),
            GoalMetric.JobSeekingShare => Judge(GoalResult.OfShare(outcomes!.JobSeekingShare())),
            GoalMetric.EndReasonShare => EndReason is { } reason ? Judge(GoalResult.OfShare(outcomes!.EndedShare(null, reason))) : GoalResult.None,
            GoalMetric.SelfSupportingAfter12Months => Judge(GoalResult.OfShare(outcomes!.FollowUp.SelfSupportingShare)),
            _ => GoalResult.None,
        };
    }

    private GoalResult EvaluateEconomy(EconomyFigures? economy)
    {
        var (value, text) = Metric switch
        {
            GoalMetric.AdministrationCostShare => (economy?.AdministrationPercent, economy?.AdministrationText),
            GoalMetric.EquityAboveCeiling => (economy?.EquityAboveCeiling, economy?.EquityText),
            GoalMetric.ResultAgainstBudget => (economy?.ResultAgainstBudget, economy?.ResultText),
            _ => (null, null),
        };
        return value is { } v ? Judge(GoalResult.OfValue(v, IsShare) with { IsKronor = IsKronor, Text = text }) : GoalResult.None;
    }

    /// <summary>
    /// Compares the unrounded result with the target: 5 av 17 (29,4 %) does not reach 30 % even though it is shown as 29 %.
    /// A share with nothing to divide by, or a goal without target, is not judged.
    /// </summary>
    private GoalResult Judge(GoalResult result)
    {
        if (Target is not { } target || result.Value is not { } value)
        {
            return result;
        }

        return result with { Met = Direction == GoalDirection.AtLeast ? value >= target : value <= target };
    }
}

/// <summary>
/// A goal's result: a count, a percent with its basis ("31 %, 5 av 17") or nothing. <see cref="Met"/> is null when
/// the goal cannot be judged (no target, no data).
/// </summary>
public sealed record GoalResult(decimal? Value, Share? Share, bool IsShare, bool? Met)
{
    public static GoalResult None { get; } = new(null, null, false, null);

    /// <summary>An outcome measure of an insats whose outcome measures do not apply that year: printed "ej tillämpligt", never 0.</summary>
    public static GoalResult NotApplicable { get; } = new(null, null, true, null) { IsNotApplicable = true };

    /// <summary>The measure does not apply (utfallsmått ej tillämpliga): not judged, printed "ej tillämpligt".</summary>
    public bool IsNotApplicable { get; init; }

    public static GoalResult OfCount(int count) => new(count, null, false, null);

    public static GoalResult OfShare(Share share) => new(share.Fraction is { } f ? f * 100m : null, share, true, null);

    public static GoalResult OfValue(decimal value, bool isShare) => new(value, null, isShare, null);

    /// <summary>
    /// A qualitative result: the written text and the assessment entered with it. Uppfyllt is met; delvis and ej
    /// uppfyllt are not (the rating rule then treats the goal as missed); without an assessment it is not judged.
    /// </summary>
    public static GoalResult OfText(string? text, GoalAssessment? assessment) =>
        new(null, null, false, assessment switch { GoalAssessment.Met => true, null => null, _ => false }) { Text = text, Assessment = assessment };

    public bool HasValue => Value is not null;

    /// <summary>The value is a difference between two percentages (procentenheter).</summary>
    public bool IsPercentagePoints { get; init; }

    /// <summary>The value is an amount in kronor.</summary>
    public bool IsKronor { get; init; }

    /// <summary>The written result of a qualitative goal.</summary>
    public string? Text { get; init; }

    /// <summary>The assessment entered with a qualitative result (uppfyllt, delvis uppfyllt, ej uppfyllt).</summary>
    public GoalAssessment? Assessment { get; init; }
}
