namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// Builds the rows of a <see cref="ReportTable"/>: plain rows of values, group headings, and sums that add up
/// earlier rows (their values are computed here from those rows, and the workbook writes them as formulas).
/// </summary>
public sealed class TableRows
{
    private readonly List<ReportRow> _rows = [];

    public IReadOnlyList<ReportRow> Rows => _rows;

    /// <returns>The row's index, for sums.</returns>
    public int Add(string text, params decimal?[] values) => Add([text, .. values.Select(ReportCell.Of)]);

    public int Add(IReadOnlyList<ReportCell> cells, RowStyle style = RowStyle.Normal)
    {
        _rows.Add(new ReportRow(cells, style));
        return _rows.Count - 1;
    }

    public void Heading(string text) => _rows.Add(new ReportRow([text], RowStyle.Heading));

    /// <summary>A sum row: each numeric column is the sum of the given rows (empty when they are all empty).</summary>
    public int Sum(string text, params int[] rows)
    {
        var width = rows.Max(r => _rows[r].Cells.Count);
        var cells = new List<ReportCell> { text };
        for (var c = 1; c < width; c++)
        {
            var values = rows.Select(r => c < _rows[r].Cells.Count ? _rows[r].Cells[c].Number : null).ToList();
            cells.Add(values.All(v => v is null) ? ReportCell.Empty : ReportCell.Of(values.Sum(v => v ?? 0m)));
        }

        _rows.Add(new ReportRow(cells, RowStyle.Sum, rows));
        return _rows.Count - 1;
    }

    /// <summary>Sets one cell of a row already added, e.g. a sum row's column that is not the sum of its rows.</summary>
    public void Set(int row, int column, ReportCell cell)
    {
        var cells = _rows[row].Cells.ToList();
        cells[column] = cell;
        _rows[row] = _rows[row] with { Cells = cells };
    }

    /// <summary>A bold row whose values are given (not a formula), e.g. a figure that is part of another.</summary>
    public int Total(string text, params decimal?[] values)
    {
        _rows.Add(new ReportRow([text, .. values.Select(ReportCell.Of)], RowStyle.Sum));
        return _rows.Count - 1;
    }
}
