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

    /// <summary>Last year's result beside this year's: blank when there is none or nothing to divide by (never 0).</summary>
    public static string Previous(GoalResult? result) =>
        result is null || (!result.HasValue && result.Text is null && !result.IsNotApplicable) ? "" : Result(result);

    /// <summary>Last year's result under the small-cell rule (see <see cref="Result(GoalResult, GoalMeasure, bool)"/>).</summary>
    public static string Previous(GoalResult? result, GoalMeasure measure, bool smallCells) =>
        result is null || (!result.HasValue && result.Text is null && !result.IsNotApplicable) ? "" : Result(result, measure, smallCells);

    /// <summary>
    /// The result under the small-cell rule when <paramref name="smallCells"/> (a role without person access, the published
    /// report): a share that would show a group of 1–4 (<see cref="SmallCells.Hides"/>), a difference taken from one, or a
    /// count of persons of 1–4 (a computed measure; a figure entered by hand is not a count of registered persons) is not shown.
    /// </summary>
    public static string Result(GoalResult result, GoalMeasure measure, bool smallCells)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(measure);
        if (!smallCells || result.IsNotApplicable || measure.Metric == GoalMetric.Manual)
        {
            return Result(result);
        }

        if (result.Share is { } share)
        {
            return SmallCells.Hides(share) ? SmallCells.HiddenMark : Result(result);
        }

        return result.Value is { } value && !result.IsShare && !result.IsPercentagePoints && value % 1 == 0 && value is > 0 and < SmallCells.Threshold
            ? SmallCells.SmallMark
            : Result(result);
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
