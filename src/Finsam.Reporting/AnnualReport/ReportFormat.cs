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
            : cell.Text ?? "";
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
