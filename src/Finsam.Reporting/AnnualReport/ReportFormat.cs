using Finsam.Domain.Formatting;

namespace Finsam.Reporting.AnnualReport;

/// <summary>How a cell is shown in the report: amounts in tkr with one decimal, counts whole, shares as percent.</summary>
public static class ReportFormat
{
    public static string Cell(ReportCell cell, CellKind kind) => cell.Number is { } n
        ? kind switch
        {
            CellKind.Amount => SwedishFormat.Tkr(n),
            CellKind.Share => SwedishFormat.Number(n * 100m, 0) + "\u00a0%",
            _ => SwedishFormat.Number(n, n % 1 == 0 ? 0 : 1),
        }
        : cell.Text ?? "";

    public static bool IsNumeric(CellKind kind) => kind != CellKind.Text;
}
