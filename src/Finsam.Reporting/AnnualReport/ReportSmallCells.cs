using Finsam.Domain.Statistics;

namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// The small-cell rule (<see cref="SmallCells"/>, docs/privacy.md) applied to a table of the annual report, which is
/// published: counts of 1–4 become "&lt;5", and cells that would give one back by subtraction "..".
/// </summary>
/// <remarks>
/// The cells of a <see cref="CellKind.Count"/> column are tied by every sum row (<see cref="ReportRow.SumOf"/>) and by
/// the groups the caller gives (a row's parts and its total). A table with hidden cells keeps its true totals, prints
/// <see cref="SmallCells.Note"/> ("Summorna omfattar även de dolda värdena") and its sum rows lose
/// <see cref="ReportRow.SumOf"/>, so the workbook writes each total as a value rather than a formula over visible cells
/// that would leave the hidden ones out; the footing (<see cref="Footing"/>) concerns amounts and is not affected.
/// </remarks>
public static class ReportSmallCells
{
    /// <param name="table">A table of counts of persons.</param>
    /// <param name="groups">Cells tied by a sum besides the sum rows, e.g. each row's kvinnor, män, annat and totalt.</param>
    /// <param name="shares">Share cells: each hidden when its share would show a small group or a count it is taken from is hidden.</param>
    public static ReportTable Apply(
        ReportTable table,
        IEnumerable<IEnumerable<(int Row, int Column)>>? groups = null,
        IEnumerable<(int Row, int Column, Share Share, IReadOnlyList<(int Row, int Column)> From)>? shares = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var counts = new Dictionary<(int Row, int Column), int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r].Cells;
            for (var c = 0; c < Math.Min(cells.Count, table.Columns.Count); c++)
            {
                if (table.Columns[c].Kind == CellKind.Count && cells[c].Number is { } n && n % 1 == 0)
                {
                    counts[(r, c)] = (int)n;
                }
            }
        }

        var sums = table.Rows.Select((row, r) => (row, r)).Where(x => x.row.SumOf is { Count: > 0 })
            .SelectMany(x => table.Columns.Select((_, c) => x.row.SumOf!.Select(p => (p, c)).Append((x.r, c))));
        var hidden = SmallCells.Suppress(counts, sums.Concat(groups ?? []));
        var hiddenShares = (shares ?? []).Where(s => SmallCells.Hides(s.Share) || s.From.Any(hidden.Contains)).Select(s => (s.Row, s.Column)).ToHashSet();
        if (hidden.Count == 0 && hiddenShares.Count == 0)
        {
            return table;
        }

        var rows = table.Rows.Select((row, r) =>
        {
            var cells = row.Cells.Select((cell, c) =>
                hidden.Contains((r, c)) ? new ReportCell(SmallCells.Show(counts[(r, c)], hidden: true), null)
                : hiddenShares.Contains((r, c)) ? new ReportCell(SmallCells.HiddenMark, null)
                : cell).ToList();
            return row with { Cells = cells, SumOf = null };
        }).ToList();
        return table with { Rows = rows, Note = table.Note is { } note ? $"{note} {SmallCells.Note}" : SmallCells.Note };
    }

    /// <summary>Whether a cell was hidden by <see cref="Apply"/>.</summary>
    public static bool IsHidden(ReportCell cell) => cell.Number is null && cell.Text is SmallCells.SmallMark or SmallCells.HiddenMark;
}
