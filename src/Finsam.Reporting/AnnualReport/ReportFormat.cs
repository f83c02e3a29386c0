using Finsam.Domain.Formatting;

namespace Finsam.Reporting.AnnualReport;

/// <summary>How a cell is shown in the report: amounts in tkr with one decimal, counts whole, shares as percent.</summary>
public static class ReportFormat
{
    public static string Cell(ReportCell cell, ReportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return cell.Number is { } n
            ? column.Kind switch
            {
                CellKind.Amount => SwedishFormat.Tkr(n),
                CellKind.Share => Percent(n, column.ShareDecimals),
                _ => SwedishFormat.Number(n, n % 1 == 0 ? 0 : 1),
            }
            : cell.Measure is { } measure && cell.Text is { } text ? KeepFiguresTogether(text, measure) : cell.Text ?? "";
    }

    /// <summary>
    /// A measured figure printed as text breaks only between its parts: "29 %, 9 av 31" after the comma, never inside
    /// "9 av 31" or "29 %"; a target keeps its relation with its number ("minst 80 %"). Non-breaking spaces, so a
    /// narrow column never prints "9 av" above "31".
    /// </summary>
    private static string KeepFiguresTogether(string text, MeasuredValue measure)
    {
        var kept = text.Replace(" av ", "\u00a0av\u00a0", StringComparison.Ordinal).Replace(" %", "\u00a0%", StringComparison.Ordinal);
        return measure.Relation is { Length: > 0 } relation && kept.StartsWith(relation + " ", StringComparison.Ordinal)
            ? relation + "\u00a0" + kept[(relation.Length + 1)..]
            : kept;
    }

    /// <summary>A share as a percentage with at most <paramref name="maxDecimals"/> decimals, trailing zeros dropped: "50 %", "11,75 %".</summary>
    public static string Percent(decimal share, int maxDecimals)
    {
        var percent = Math.Round(share * 100m, maxDecimals, MidpointRounding.AwayFromZero);
        var decimals = 0;
        while (decimals < maxDecimals && decimal.Round(percent, decimals) != percent)
        {
            decimals++;
        }

        return SwedishFormat.Number(percent, decimals) + "\u00a0%";
    }

    public static bool IsNumeric(CellKind kind) => kind != CellKind.Text;
}
