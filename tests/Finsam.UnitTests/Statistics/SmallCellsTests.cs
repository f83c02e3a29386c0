using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Statistics;

/// <summary>The small-cell rule (docs/privacy.md): counts 1–4 hidden, and no hidden count given back by subtraction.</summary>
public sealed class SmallCellsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void Counts_one_to_four_are_small_zero_and_five_are_not(int count, bool small) => Assert.Equal(small, SmallCells.IsSmall(count));

    [Fact]
    public void A_hidden_count_shows_less_than_five_and_a_secondary_one_two_dots()
    {
        Assert.Equal("<5", SmallCells.Show(1, hidden: true));
        Assert.Equal("..", SmallCells.Show(12, hidden: true));
        Assert.Equal("12", SmallCells.Show(12, hidden: false));
        Assert.Equal("0", SmallCells.Show(0, hidden: false));
    }

    [Theory]
    [InlineData(3, 40, true)]    // 3 persons
    [InlineData(10, 12, true)]   // the 2 who did not
    [InlineData(2, 3, true)]     // of 3 persons
    [InlineData(0, 3, true)]     // of 3 persons, none: still a group of 3
    [InlineData(5, 17, false)]
    [InlineData(0, 17, false)]
    [InlineData(17, 17, false)]
    public void A_share_is_hidden_when_its_numerator_denominator_or_their_difference_is_small(int numerator, int denominator, bool hidden)
    {
        var share = new Share(numerator, denominator);
        Assert.Equal(hidden, SmallCells.Hides(share));
        Assert.Equal(hidden ? ".." : Finsam.Domain.Formatting.SwedishFormat.ShareWithBasis(share), SmallCells.ShowShare(share));
    }

    [Fact]
    public void A_single_small_cell_in_a_row_hides_the_next_smallest_so_the_total_does_not_give_it_back()
    {
        // Kvinnor, Män, Annat, Totalt: 12 + 30 + 1 = 43.
        var hidden = SmallCells.Suppress([[12, 30, 1, 43]], rowTotals: true, columnTotals: false);
        Assert.Equal([true, false, true, false], hidden[0]);
    }

    [Fact]
    public void Rows_and_columns_are_protected_until_no_line_has_exactly_one_hidden_cell()
    {
        // Two age bands and the total row; the last column is each row's total.
        int[][] grid =
        [
            [10, 20, 1, 31],
            [15, 25, 0, 40],
            [25, 45, 1, 71],
        ];
        var hidden = SmallCells.Suppress(grid, rowTotals: true, columnTotals: true);

        // The 1s (primary); in row 0 then 10 (the smallest of that row); column 0 then needs a second: 15;
        // row 1 then needs a second: 25 (its smallest non-zero shown); column 1 then has one (25 of row 1): 20.
        // Column 2 has two hidden cells (1 and 1) and 0 cannot give anything back.
        Assert.True(hidden[0][2]);
        Assert.True(hidden[2][2]);
        for (var r = 0; r < 3; r++)
        {
            Assert.NotEqual(1, hidden[r].Count(h => h));
        }

        for (var c = 0; c < 4; c++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 3).Count(r => hidden[r][c]));
        }

        Assert.False(hidden[1][2]);   // 0 is shown
        Assert.False(hidden[2][3]);   // the grand total is shown
    }

    [Fact]
    public void Nothing_small_hides_nothing()
    {
        var hidden = SmallCells.Suppress([[10, 20, 0, 30], [10, 20, 0, 30]], rowTotals: true, columnTotals: true);
        Assert.All(hidden, row => Assert.All(row, Assert.False));
    }

    [Fact]
    public void A_difference_is_not_hidden_for_being_small_but_protects_its_operands()
    {
        // Vid start 3, vid avslut 20, förändring 17: 3 is hidden, so the difference or the other operand must be too.
        var counts = new Dictionary<string, int> { ["start"] = 3, ["end"] = 20, ["change"] = 17 };
        var hidden = SmallCells.Suppress(counts, [["start", "end", "change"]], derived: ["change"]);
        Assert.Equal(2, hidden.Count);
        Assert.Contains("start", hidden);

        // A small difference alone is shown: 2 more at the end than at the start names no one.
        var small = SmallCells.Suppress(new Dictionary<string, int> { ["start"] = 30, ["end"] = 32, ["change"] = 2 }, [["start", "end", "change"]], derived: ["change"]);
        Assert.Empty(small);
    }
}
