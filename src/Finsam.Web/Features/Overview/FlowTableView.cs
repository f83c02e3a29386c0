using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Statistics;

namespace Finsam.Web.Features.Overview;

/// <summary>
/// The model of the partial _FlowTable: the year's flow per insats and the förbund's total, under the small-cell rule
/// when <paramref name="SmallCells"/> (a role without person access). The cells are tied by two kinds of sum: each row's
/// aktuella = kvinnor + män + annat, and each column's total = the sum of the insatser that count in the totals.
/// </summary>
public sealed record FlowTableView(YearlyParticipantFlows Flows, bool SmallCells)
{
    /// <summary>The columns of <see cref="Counts"/>: aktuella, kvinnor, män, annat/ej angivet, nya, avslutade.</summary>
    public const int Columns = 6;

    private ShownCounts? _counts;

    /// <summary>One row per insats, then the förbund's total.</summary>
    public ShownCounts Counts => _counts ??= Build();

    private static IReadOnlyList<int> Row(ParticipantFlow f) => [f.Current, f.CurrentWomen, f.CurrentMen, f.CurrentOtherOrUnspecified, f.New, f.Ended];

    private ShownCounts Build()
    {
        var grid = Flows.Insatser.Select(i => Row(i.Flow)).Append(Row(Flows.Total)).ToList();
        if (!SmallCells)
        {
            return ShownCounts.Of(false, grid, false, false);
        }

        var counts = new Dictionary<(int, int), int>();
        for (var r = 0; r < grid.Count; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                counts[(r, c)] = grid[r][c];
            }
        }

        var total = Flows.Insatser.Count;
        var counted = Flows.Insatser.Select((i, r) => (i, r)).Where(x => x.i.CountsInTotals).Select(x => x.r).Append(total).ToList();
        var groups = Enumerable.Range(0, grid.Count).Select(r => Enumerable.Range(0, 4).Select(c => (r, c)))
            .Concat(Enumerable.Range(0, Columns).Select(c => counted.Select(r => (r, c))));
        var hidden = Domain.Statistics.SmallCells.Suppress(counts, groups);
        return ShownCounts.Of(grid, (r, c) => hidden.Contains((r, c)));
    }

    /// <summary>An insats's share to work or studies (row <paramref name="row"/>), or the total's (row = number of insatser).</summary>
    public string WorkOrStudies(int row)
    {
        var total = row == Flows.Insatser.Count;
        var share = total ? Flows.TotalWorkOrStudiesShare : Flows.Insatser[row].Flow.WorkOrStudiesShare;
        if (!SmallCells)
        {
            return SwedishFormat.ShareWithBasis(share);
        }

        // Taken from the row's avslutade unless the total's share is over the insatser whose outcome measures apply.
        var fromRow = !total || Flows.OutcomesTotal is null;
        return Domain.Statistics.SmallCells.ShowShare(share, fromRow && Counts.Hidden(row, 5));
    }

    /// <summary>A single figure (unique individuals) under the rule.</summary>
    public string Figure(int count) => Domain.Statistics.SmallCells.Show(count, SmallCells && Domain.Statistics.SmallCells.IsSmall(count));
}
