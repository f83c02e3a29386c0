using Finsam.Domain.Statistics;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;

namespace Finsam.Web.Features.Goals;

/// <summary>How goal targets and results are written on the pages: "minst 35 %", "31 %, 5 av 17", "96".</summary>
public static class GoalText
{
    public static string Target(GoalMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Target is not { } target)
        {
            return "–";
        }

        var direction = SwedishNames.Of(measure.Direction).ToLowerInvariant();
        return $"{direction} {Value(target, measure.IsShare, measure.IsPercentagePoints, measure.IsKronor)}";
    }

    /// <summary>What a measure that does not apply prints (utfallsmått ej tillämpliga), never 0.</summary>
    public const string NotApplicable = "ej tillämpligt";

    /// <summary>The short form for narrow tables, explained by <see cref="NotApplicableFootnote"/>.</summary>
    public const string NotApplicableShort = "e.t.";

    public const string NotApplicableFootnote = "e.t. = ej tillämpligt: insatsens utfallsmått är inte tillämpliga detta år och ingår inte i förbundets andelar.";

    public static string Result(GoalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsNotApplicable)
        {
            return NotApplicable;
        }

        if (result.Text is { } text)
        {
            return text;
        }

        if (result.Share is { } share)
        {
            return SwedishFormat.ShareWithBasis(share);
        }

        return result.Value is { } value ? Value(value, result.IsShare, result.IsPercentagePoints, result.IsKronor) : "–";
    }

    /// <summary>Whether there is a result of last year to show: none, or nothing to divide by, is left blank (never 0).</summary>
    public static bool HasPrevious([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] GoalResult? result) =>
        result is not null && (result.HasValue || result.Text is not null || result.IsNotApplicable);

    /// <summary>Last year's result beside this year's: blank when there is none (<see cref="HasPrevious"/>).</summary>
    public static string Previous(GoalResult? result) => HasPrevious(result) ? Result(result) : "";

    /// <summary>Last year's result under the small-cell rule (see <see cref="Result(GoalResult, GoalMeasure, bool)"/>).</summary>
    public static string Previous(GoalResult? result, GoalMeasure measure, bool smallCells) =>
        HasPrevious(result) ? Result(result, measure, smallCells) : "";

    /// <summary>
    /// The result under the small-cell rule when <paramref name="smallCells"/> (a role without person access, the published
    /// report): a share that would show a group of 1–4 (<see cref="SmallCells.Hides"/>), a difference taken from one, or a
    /// count of persons of 1–4 (a computed measure; a figure entered by hand is not a count of registered persons) is not shown.
    /// </summary>
    public static string Result(GoalResult result, GoalMeasure measure, bool smallCells)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(measure);
        if (!smallCells || result.IsNotApplicable || measure.Metric == GoalMetric.Manual || measure.IsEconomy)
        {
            return Decisive(result, measure);
        }

        if (result.Share is { } share)
        {
            return SmallCells.Hides(share) ? SmallCells.HiddenMark : Decisive(result, measure);
        }

        return result.Value is { } value && !result.IsShare && !result.IsPercentagePoints && value % 1 == 0 && value is > 0 and < SmallCells.Threshold
            ? SmallCells.SmallMark
            : Decisive(result, measure);
    }

    /// <summary>
    /// A share compared with a target is shown with the decimal that decides the comparison: 43 av 124 (34,68 %) against
    /// "minst 35 %" prints "34,7 %, 43 av 124", not "35 %", which would read as met. A share whose whole percent already
    /// tells the outcome is printed as before ("29 %, 5 av 17" against 30 %).
    /// </summary>
    private static string Decisive(GoalResult result, GoalMeasure measure)
    {
        if (result.Text is not null || !result.IsShare || result.IsPercentagePoints || result.Value is not { } value || measure.Target is not { } target)
        {
            return Result(result);
        }

        var decimals = DecisiveDecimals(value, target, measure.Direction, value % 1 == 0 ? 0 : result.Share is null ? 1 : 0);
        if (decimals == 0 || (result.Share is null && decimals <= 1))
        {
            return Result(result);
        }

        var percent = SwedishFormat.Number(Math.Round(value, decimals, MidpointRounding.AwayFromZero), decimals) + " %";
        return result.Share is { } share ? $"{percent}, {SwedishFormat.Number(share.Numerator)} av {SwedishFormat.Number(share.Denominator)}" : percent;
    }

    /// <summary>The fewest decimals (from <paramref name="shown"/>, at most 2) at which the rounded value meets the target exactly when the value does.</summary>
    public static int DecisiveDecimals(decimal value, decimal target, GoalDirection direction, int shown = 0)
    {
        bool Meets(decimal v) => direction == GoalDirection.AtLeast ? v >= target : v <= target;
        var decimals = shown;
        while (decimals < 2 && Meets(Math.Round(value, decimals, MidpointRounding.AwayFromZero)) != Meets(value))
        {
            decimals++;
        }

        return decimals;
    }

    /// <summary>
    /// A målområde's status in words: "Uppfyllt (enligt indikatorerna)", or an override with its reason,
    /// "Uppfyllt (avviker från indikatorerna, som ger delvis uppfyllt: …)".
    /// </summary>
    public static string AreaStatus(Finsam.Data.Queries.GoalAreaStatus area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (area.Status is not { } status)
        {
            return "Ej bedömd";
        }

        return area.IsOverridden
            ? $"{SwedishNames.Of(status)} (avviker från indikatorerna{(area.FromIndicators is { } rule ? ", som ger " + SwedishNames.Of(rule).ToLowerInvariant() : "")}: {area.Area.AssessmentReason!.Trim().TrimEnd('.')})"
            : $"{SwedishNames.Of(status)} (enligt indikatorerna)";
    }

    public static string Met(GoalResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsNotApplicable)
        {
            return NotApplicable;
        }

        // A qualitative goal is judged by hand: its assessment in words, "delvis uppfyllt" included.
        return result.Assessment is { } assessment ? SwedishNames.Of(assessment) : Met(result.Met);
    }

    public static string Met(bool? met) => met switch
    {
        true => "Ja",
        false => "Nej",
        null => "Kan inte bedömas",
    };

    public static string Metric(GoalMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return measure.Metric == GoalMetric.EndReasonShare && measure.EndReason is { } reason
            ? $"Andel avslutade till {SwedishNames.Of(reason).ToLowerInvariant()}"
            : SwedishNames.Of(measure.Metric);
    }

    /// <summary>A count, a percent ("35 %"), a difference of percentages ("5 procentenheter", never "5 %") or kronor ("1 250 000 kr").</summary>
    private static string Value(decimal value, bool percent, bool points = false, bool kronor = false) =>
        kronor
            ? SwedishFormat.Kronor(value)
            : SwedishFormat.Number(value, value % 1 == 0 ? 0 : 1) + (points ? (value == 1m ? " procentenhet" : " procentenheter") : percent ? "\u00a0%" : "");
}
