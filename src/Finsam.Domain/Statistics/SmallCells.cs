using Finsam.Domain.Formatting;

namespace Finsam.Domain.Statistics;

/// <summary>
/// The small-cell rule (docs/privacy.md, "Small groups"): the one place that decides which counts of persons a role
/// without person access (Styrelse, Revisor) and the published annual report may show.
/// <list type="bullet">
/// <item><b>Primary:</b> a count of 1–4 is shown as <see cref="SmallMark"/> ("&lt;5"); 0 is shown (no one to identify).</item>
/// <item><b>Secondary:</b> cells are grouped by the sums that tie them (a row's parts and its total, a column's parts and
/// its total, a difference and its two operands). While a group has exactly one hidden cell (which its shown cells would
/// give back by subtraction), the smallest shown non-zero cell of the group is hidden too, shown as
/// <see cref="HiddenMark"/> (".."), repeated until no group has exactly one.</item>
/// <item><b>Shares:</b> a share is hidden when its numerator, its denominator or their difference is 1–4, or when a
/// count it is taken from is hidden (<see cref="Hides(Share)"/>).</item>
/// </list>
/// </summary>
public static class SmallCells
{
    /// <summary>The smallest count shown: 1 to <c>Threshold − 1</c> are hidden.</summary>
    public const int Threshold = 5;

    /// <summary>What a hidden count of 1–4 shows.</summary>
    public const string SmallMark = "<5";

    /// <summary>What a count hidden so that a small one cannot be given back by subtraction shows, and a hidden share.</summary>
    public const string HiddenMark = "..";

    /// <summary>The explanation a table with hidden cells prints.</summary>
    public const string Note = "<5 = 1–4 deltagare; .. = dolt så att ett litet antal inte kan räknas fram. Summorna omfattar även de dolda värdena.";

    /// <summary>A count of persons that is too small to show: 1–4.</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>A share that would let a small group be read back: its numerator, denominator or their difference is 1–4.</summary>
    public static bool Hides(Share share) =>
        IsSmall(share.Numerator) || IsSmall(share.Denominator) || IsSmall(share.Denominator - share.Numerator);

    /// <summary>A count as shown under the rule: "&lt;5", ".." or the number.</summary>
    public static string Show(int count, bool hidden) =>
        !hidden ? SwedishFormat.Number(count) : IsSmall(count) ? SmallMark : HiddenMark;

    /// <summary>A share as "31 %, 5 av 17", or ".." when <paramref name="hidden"/> or <see cref="Hides(Share)"/>.</summary>
    public static string ShowShare(Share share, bool hidden = false) =>
        hidden || Hides(share) ? HiddenMark : SwedishFormat.ShareWithBasis(share);

    /// <summary>
    /// The cells to hide: every small count, and then, while a group (the cells tied by one sum or difference) has
    /// exactly one hidden cell, the smallest shown non-zero cell of that group (ties: the first in the group).
    /// </summary>
    /// <param name="counts">Every cell's count (absolute values for differences).</param>
    /// <param name="groups">The cells tied by a sum: parts and total (or a difference and its operands).</param>
    /// <param name="derived">Cells that are never hidden for being small themselves (differences), only to protect others.</param>
    public static IReadOnlySet<TCell> Suppress<TCell>(
        IReadOnlyDictionary<TCell, int> counts, IEnumerable<IEnumerable<TCell>> groups, IEnumerable<TCell>? derived = null)
        where TCell : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(groups);
        var exempt = derived?.ToHashSet() ?? [];
        var hidden = counts.Where(c => IsSmall(c.Value) && !exempt.Contains(c.Key)).Select(c => c.Key).ToHashSet();
        var lines = groups.Select(g => g.Distinct().Where(counts.ContainsKey).ToList()).Where(g => g.Count > 1).ToList();
        var changed = hidden.Count > 0;
        while (changed)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(hidden.Contains) != 1)
                {
                    continue;
                }

                var candidates = line.Where(c => !hidden.Contains(c) && counts[c] != 0).ToList();
                if (candidates.Count > 0)
                {
                    hidden.Add(candidates.MinBy(c => Math.Abs(counts[c]))!);
                    changed = true;
                }
            }
        }

        return hidden;
    }

    /// <summary>
    /// A grid of counts whose last column is each row's total (<paramref name="rowTotals"/>) and/or whose last row is each
    /// column's total (<paramref name="columnTotals"/>): which cells to hide (<see cref="Suppress{TCell}"/>).
    /// </summary>
    public static bool[][] Suppress(IReadOnlyList<IReadOnlyList<int>> grid, bool rowTotals, bool columnTotals)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int rows = grid.Count, columns = rows == 0 ? 0 : grid[0].Count;
        var counts = new Dictionary<(int, int), int>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                counts[(r, c)] = grid[r][c];
            }
        }

        var groups = new List<IEnumerable<(int, int)>>();
        if (rowTotals)
        {
            groups.AddRange(Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Select(c => (r, c))));
        }

        if (columnTotals)
        {
            groups.AddRange(Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Select(r => (r, c))));
        }

        var hidden = Suppress(counts, groups);
        var result = Enumerable.Range(0, rows).Select(_ => new bool[columns]).ToArray();
        foreach (var (r, c) in hidden)
        {
            result[r][c] = true;
        }

        return result;
    }
}
