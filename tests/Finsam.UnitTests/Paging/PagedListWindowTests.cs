using Finsam.Web.Paging;

namespace Finsam.UnitTests.Paging;

/// <summary>Which rows a page covers, read from the nearer end of the order.</summary>
public sealed class PagedListWindowTests
{
    [Theory]
    // 120 rows in pages of 50: 1–50, 51–100, 101–120.
    [InlineData(120, 1, 1, 0, 50, false)]
    [InlineData(120, 2, 2, 20, 50, true)]
    [InlineData(120, 3, 3, 0, 20, true)]
    // Out of range: the nearest page.
    [InlineData(120, 0, 1, 0, 50, false)]
    [InlineData(120, 99, 3, 0, 20, true)]
    // 104 337 rows: the last page (2 087) holds the 37 oldest; the one before it skips those 37 from the end.
    [InlineData(104_337, 2_087, 2_087, 0, 37, true)]
    [InlineData(104_337, 2_086, 2_086, 37, 50, true)]
    [InlineData(104_337, 1_043, 1_043, 52_100, 50, false)]
    [InlineData(104_337, 1_044, 1_044, 52_137, 50, true)]
    // Exactly full pages, and nothing at all.
    [InlineData(100, 2, 2, 0, 50, true)]
    [InlineData(0, 1, 1, 0, 0, false)]
    [InlineData(0, 5, 1, 0, 0, false)]
    public void A_page_is_read_from_the_nearer_end(int total, int number, int page, int skip, int take, bool fromEnd)
    {
        Assert.Equal((page, skip, take, fromEnd), PagedList.Window(total, number, 50));
    }

    [Fact]
    public void Every_row_is_on_exactly_one_page_in_order()
    {
        const int Total = 233;
        const int Size = 50;
        var rows = Enumerable.Range(0, Total).ToList();
        var reversed = rows.AsEnumerable().Reverse().ToList();
        var seen = new List<int>();
        for (var number = 1; number <= (Total + Size - 1) / Size; number++)
        {
            var (_, skip, take, fromEnd) = PagedList.Window(Total, number, Size);
            seen.AddRange(fromEnd ? reversed.Skip(skip).Take(take).Reverse() : rows.Skip(skip).Take(take));
        }

        Assert.Equal(rows, seen);
    }
}
