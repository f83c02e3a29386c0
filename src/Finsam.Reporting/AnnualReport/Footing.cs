namespace Finsam.Reporting.AnnualReport;

/// <summary>
/// Rounds a table's numbers for print so that every printed sum is the sum of its printed rows (docs/annual-report.md,
/// "Rounding"). The model keeps the exact kronor (the workbook's formulas use them); only the print is rounded.
/// </summary>
/// <remarks>
/// Per amount column, top-down through the sums (<see cref="ReportRow.SumOf"/>): a sum that is part of no other sum
/// prints its own rounding (the exact total, rounded); each sum's rows then print their own roundings, and the
/// difference to the sum's printed figure is given, one unit (0,1 tkr) at a time, to the rows with the largest
/// rounding remainders (largest-remainder rounding, as for the members' contributions). A row therefore prints either
/// its value rounded down or rounded up, never further off, and a row that is exact (0,0 among them) never moves.
/// A <see cref="ReportRow.Pinned"/> row (a figure printed in another table too) keeps its own rounding; when the rows
/// of a sum leave nothing to move, the sum cannot foot and the table prints <see cref="RoundingNote"/>.
/// A <see cref="ReportColumn.Difference"/> column prints the difference of the two printed columns (netto =
/// intäkt − kostnad), so it foots across and, its operands footing, down too.
/// </remarks>
public static class Footing
{
    /// <summary>Tkr with one decimal: a unit of 100 kronor.</summary>
    public const decimal TkrUnit = 100m;

    /// <summary>The standard note when a law-bound figure cannot move to make a sum foot.</summary>
    public const string RoundingNote = "Avrundningsdifferenser kan förekomma.";

    /// <summary>The unit a column's numbers are printed in; 0 for numbers printed as they are (counts).</summary>
    public static decimal Unit(ReportColumn column, decimal amountUnit)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            CellKind.Amount => amountUnit,
            CellKind.Share => 1m / Pow10(column.ShareDecimals + 2),
            _ => 0m,
        };
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <summary>
    /// Prints a set of tables (a report, or the statements page) together: a row that <see cref="ReportRow.Follows"/> a
    /// row of another table prints that row's printed figure, whatever the tables' order.
    /// </summary>
    public static Dictionary<ReportTable, PrintedTable> PrintAll(IEnumerable<ReportTable> tables, decimal amountUnit)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        var byKey = list.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var done = new Dictionary<ReportTable, PrintedTable>(ReferenceEqualityComparer.Instance);
        var busy = new HashSet<ReportTable>(ReferenceEqualityComparer.Instance);
        PrintedTable Of(ReportTable table)
        {
            if (done.TryGetValue(table, out var known))
            {
                return known;
            }

            busy.Add(table);
            decimal? CellOf(string key, int row, int column, int sign) =>
                byKey.TryGetValue(key, out var other) && !busy.Contains(other) && row < other.Rows.Count && column > 0 && column < other.Columns.Count
                    ? Of(other).Cell(row, column).Number * sign
                    : null;
            var printed = Print(table, amountUnit, (reference, k) =>
                byKey.TryGetValue(reference.TableKey, out var other)
                    ? CellOf(reference.TableKey, reference.Row, other.Columns.Select((c, i) => (c, i)).Where(x => x.c.Kind == CellKind.Amount && x.c.Difference is null).Select(x => x.i).ElementAtOrDefault(k), reference.Sign)
                    : null,
                sources => sources.Aggregate((decimal?)0m, (sum, s) => sum is { } total && CellOf(s.TableKey, s.Row, s.Column, s.Sign) is { } v ? total + v : null));
            busy.Remove(table);
            done[table] = printed;
            return printed;
        }

        foreach (var table in list)
        {
            Of(table);
        }

        return done;
    }

    /// <param name="follow">The printed figure of a row of another table, for the k-th amount column (<see cref="ReportRow.Follows"/>); null when unknown.</param>
    /// <param name="followCells">The printed sum of cells of other tables (<see cref="ReportRow.FollowsCells"/>); null when unknown.</param>
    public static PrintedTable Print(ReportTable table, decimal amountUnit, Func<RowReference, int, decimal?>? follow = null, Func<IReadOnlyList<CellSource>, decimal?>? followCells = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        var values = rows.Select(_ => new decimal?[table.Columns.Count]).ToArray();
        var unfooted = new List<(int Row, int Column)>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (!ReportFormat.IsNumeric(column.Kind))
            {
                continue;
            }

            decimal? Exact(int r) => c < rows[r].Cells.Count ? rows[r].Cells[c].Number : null;
            if (column.Difference is { } d)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    if (Exact(r) is not null)
                    {
                        values[r][c] = (values[r][d.Minuend] ?? 0m) - (values[r][d.Subtrahend] ?? 0m);
                    }
                }

                continue;
            }

            var unit = Unit(column, amountUnit);
            if (unit == 0m)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    values[r][c] = Exact(r);
                }

                continue;
            }

            decimal Rounded(int r) => Math.Round(Exact(r)!.Value / unit, MidpointRounding.AwayFromZero) * unit;
            var k = table.Columns.Take(c).Count(x => x.Kind == column.Kind && x.Difference is null);
            decimal? Followed(int r) => column.Kind != CellKind.Amount ? null
                : rows[r].FollowsCells?.FirstOrDefault(f => f.Column == c) is { } cells
                    ? followCells?.Invoke(cells.Sources) is { } sum && Math.Abs(sum - Exact(r)!.Value) < unit ? sum : null
                    : rows[r].Follows is { } f && follow?.Invoke(f, k) is { } v && Math.Abs(v - Exact(r)!.Value) < unit ? v : null;
            bool IsSum(int r) => rows[r].SumOf is { Count: > 0 } && Exact(r) is not null;
            var printed = new decimal?[rows.Count];
            var distributed = new HashSet<int>();
            var isPart = new bool[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                if (IsSum(r))
                {
                    foreach (var part in rows[r].SumOf!)
                    {
                        isPart[part] = true;
                    }
                }
            }

            // A sum whose rows are all pinned cannot move without breaking its own footing.
            var rigid = new Dictionary<int, bool>();
            bool Rigid(int r) => rigid.TryGetValue(r, out var known) ? known
                : rigid[r] = rows[r].Pinned || Followed(r) is not null
                    || (IsSum(r) && rows[r].SumOf!.Where(p => Exact(p) is not null).All(p => Rigid(p) || Exact(p) == Rounded(p)));

            // What a row that cannot move prints: the figure it follows, its own rounding, or (a sum) the sum of its rows.
            decimal Fixed(int r) => Followed(r) ?? (rows[r].Pinned || !IsSum(r) || !Rigid(r)
                ? Rounded(r)
                : rows[r].SumOf!.Distinct().Where(p => Exact(p) is not null).Sum(Fixed));

            void Distribute(int sum)
            {
                if (!distributed.Add(sum))
                {
                    return;
                }

                var parts = rows[sum].SumOf!.Distinct().Where(p => Exact(p) is not null).ToList();
                var free = new List<int>();
                foreach (var part in parts)
                {
                    if (printed[part] is null)
                    {
                        printed[part] = Rigid(part) ? Fixed(part) : Rounded(part);
                        if (!Rigid(part))
                        {
                            free.Add(part);
                        }
                    }
                }

                var steps = (int)((printed[sum]!.Value - parts.Sum(p => printed[p]!.Value)) / unit);
                if (steps != 0)
                {
                    var sign = Math.Sign(steps);

                    // Rows whose exact value lies beyond their rounding on the side the sum needs, largest remainder first.
                    var candidates = free.Where(p => (Exact(p)!.Value - printed[p]!.Value) * sign > 0m)
                        .OrderByDescending(p => (Exact(p)!.Value - printed[p]!.Value) * sign)
                        .ThenByDescending(p => Math.Abs(Exact(p)!.Value))
                        .ThenBy(p => p)
                        .ToList();
                    foreach (var part in candidates.Take(Math.Abs(steps)))
                    {
                        printed[part] += sign * unit;
                    }

                    if (candidates.Count < Math.Abs(steps))
                    {
                        unfooted.Add((sum, c));
                    }
                }

                foreach (var part in parts.Where(IsSum))
                {
                    Distribute(part);
                }
            }

            for (var r = rows.Count - 1; r >= 0; r--)
            {
                if (IsSum(r) && !isPart[r])
                {
                    printed[r] = Followed(r) ?? Rounded(r);
                    Distribute(r);
                }
            }

            for (var r = 0; r < rows.Count; r++)
            {
                values[r][c] = Exact(r) is null ? null : printed[r] ?? Followed(r) ?? Rounded(r);
            }
        }

        return new PrintedTable(table, values, unfooted);
    }
}

/// <summary>A table's numbers as printed (see <see cref="Footing"/>).</summary>
public sealed class PrintedTable
{
    private readonly decimal?[][] _values;

    internal PrintedTable(ReportTable table, decimal?[][] values, IReadOnlyList<(int Row, int Column)> unfooted)
    {
        Table = table;
        _values = values;
        Unfooted = unfooted;
    }

    public ReportTable Table { get; }

    /// <summary>The sums (row, column) whose rows could not be moved to add up to them: the table prints <see cref="Footing.RoundingNote"/>.</summary>
    public IReadOnlyList<(int Row, int Column)> Unfooted { get; }

    public bool Foots => Unfooted.Count == 0;

    /// <summary>The cell as printed: its text, or its number rounded for print.</summary>
    public ReportCell Cell(int row, int column)
    {
        var cells = Table.Rows[row].Cells;
        var cell = column < cells.Count ? cells[column] : ReportCell.Empty;
        return cell.Number is null ? cell : ReportCell.Of(_values[row][column]);
    }

    /// <summary>The table's note, with the rounding note when a sum cannot foot.</summary>
    public string? Note => Foots ? Table.Note : Table.Note is { } note ? $"{note} {Footing.RoundingNote}" : Footing.RoundingNote;
}
