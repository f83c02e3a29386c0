using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.Web.Features;

/// <summary>
/// A table of counts as a role sees it: exact for roles with person access, otherwise under the small-cell rule
/// (<see cref="SmallCells"/>: 1–4 as "&lt;5", and cells that would give one back by subtraction as "..").
/// </summary>
public sealed class ShownCounts
{
    private readonly IReadOnlyList<IReadOnlyList<int>> _grid;
    private readonly bool[][] _hidden;

    private ShownCounts(IReadOnlyList<IReadOnlyList<int>> grid, bool[][] hidden)
    {
        _grid = grid;
        _hidden = hidden;
    }

    /// <param name="suppress">Whether the small-cell rule applies (a role without person access).</param>
    /// <param name="grid">The counts, row by row.</param>
    /// <param name="rowTotals">The last column is each row's total.</param>
    /// <param name="columnTotals">The last row is each column's total.</param>
    public static ShownCounts Of(bool suppress, IReadOnlyList<IReadOnlyList<int>> grid, bool rowTotals, bool columnTotals)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return new ShownCounts(grid, suppress
            ? SmallCells.Suppress(grid, rowTotals, columnTotals)
            : grid.Select(r => new bool[r.Count]).ToArray());
    }

    /// <summary>Cells hidden by a rule given by the caller (e.g. groups that are not rows or columns).</summary>
    public static ShownCounts Of(IReadOnlyList<IReadOnlyList<int>> grid, Func<int, int, bool> hidden)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(hidden);
        return new ShownCounts(grid, grid.Select((row, r) => row.Select((_, c) => hidden(r, c)).ToArray()).ToArray());
    }

    /// <summary>
    /// The ended per end reason and gender as a role sees them: a row per gender (in <see cref="Gender"/>'s order) and
    /// the total row, a column per end reason (in <see cref="ParticipantStatistics.EndedByReason"/>'s order) and the
    /// total column. A share drawn from these counts (an end reason's share of a gender's ended) is hidden where its
    /// count is (<see cref="EndReasonHidden"/>), or "16 av 67" would give back a cell the table shows as "..".
    /// </summary>
    public static ShownCounts EndedByReason(bool suppress, ParticipantStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var reasons = statistics.EndedByReason;
        return Of(suppress,
            [.. Genders.Select(g => (IReadOnlyList<int>)[.. reasons.Select(r => r.Counts[g]), statistics.Ended[g]]), [.. reasons.Select(r => r.Counts.Total), statistics.Ended.Total]],
            rowTotals: true, columnTotals: true);
    }

    /// <summary>In a table of <see cref="EndedByReason"/>: whether the count of a gender (null = all) and end reason (null = all) is hidden.</summary>
    public bool EndReasonHidden(ParticipantStatistics statistics, Gender? gender, EndReason? reason)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var row = gender is { } g ? Array.IndexOf(Genders, g) : Genders.Length;
        var column = reason is { } r ? statistics.EndedByReason.Select((x, i) => (x.Key, i)).First(x => x.Key == r).i : statistics.EndedByReason.Count;
        return Hidden(row, column);
    }

    private static readonly Gender[] Genders = Enum.GetValues<Gender>();

    public int Value(int row, int column) => _grid[row][column];

    public bool Hidden(int row, int column) => _hidden[row][column];

    public bool AnyHidden => _hidden.Any(r => r.Contains(true));

    /// <summary>The cell as shown: "12", "&lt;5" or "..".</summary>
    public string this[int row, int column] => SmallCells.Show(_grid[row][column], _hidden[row][column]);
}
