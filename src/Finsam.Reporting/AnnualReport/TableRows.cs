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

    /// <summary>Marks a row as a figure printed elsewhere too, which the footing never moves off its own rounding.</summary>
    public int Pin(int row)
    {
        _rows[row] = _rows[row] with { Pinned = true };
        return row;
    }

    /// <summary>Marks a row as repeating a row of another table, whose printed figure it prints (<see cref="ReportRow.Follows"/>).</summary>
    public int Follow(int row, RowReference reference)
    {
        _rows[row] = _rows[row] with { Follows = reference };
        return row;
    }

    /// <summary>Marks cells of a row as repeating sums of other tables' cells (<see cref="ReportRow.FollowsCells"/>).</summary>
    public int FollowCells(int row, IReadOnlyList<CellFollow> follows)
    {
        _rows[row] = _rows[row] with { FollowsCells = follows };
        return row;
    }

    /// <summary>
    /// The rows without those that are zero (or empty) in every column, as the statements print them: a sum stays
    /// while any row it adds up stays, a sum that is part of no other sum always stays, and a heading stays when a row
    /// under it does. The sums' row numbers follow the rows that remain.
    /// </summary>
    public IReadOnlyList<ReportRow> WithoutZeroRows()
    {
        var parts = _rows.Where(r => r.SumOf is not null).SelectMany(r => r.SumOf!).ToHashSet();
        var keep = new bool[_rows.Count];
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            keep[r] = row.Style != RowStyle.Heading
                && (row.Cells.Any(c => c.Number is { } n && n != 0m)
                    || (row.Style == RowStyle.Sum && !parts.Contains(r))
                    || (row.SumOf?.Any(p => keep[p]) ?? false));
        }

        for (var r = _rows.Count - 1; r >= 0; r--)
        {
            if (_rows[r].Style == RowStyle.Heading)
            {
                // Up to the next heading; a heading right above another stays when that one does.
                for (var next = r + 1; next < _rows.Count; next++)
                {
                    keep[r] |= keep[next];
                    if (_rows[next].Style == RowStyle.Heading)
                    {
                        break;
                    }
                }
            }
        }

        var index = new Dictionary<int, int>();
        var result = new List<ReportRow>();
        for (var r = 0; r < _rows.Count; r++)
        {
            if (keep[r])
            {
                index[r] = result.Count;
                var row = _rows[r];
                result.Add(row.SumOf is null ? row : row with { SumOf = [.. row.SumOf.Where(index.ContainsKey).Select(p => index[p])] });
            }
        }

        return result;
    }

    /// <summary>A bold row whose values are given (not a formula), e.g. a figure that is part of another.</summary>
    public int Total(string text, params decimal?[] values)
    {
        _rows.Add(new ReportRow([text, .. values.Select(ReportCell.Of)], RowStyle.Sum));
        return _rows.Count - 1;
    }
}
