using System.Globalization;
using AngleSharp.Dom;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;

namespace Finsam.IntegrationTests;

/// <summary>
/// The small-cell rule (docs/privacy.md, "Small groups"): the board and the auditors never see a count of 1–4 of
/// persons, nor one given back by subtraction; Kansli and Förbundschef see the exact figures on the statistics pages.
/// </summary>
public sealed class SmallCellTests(SmallCellTests.Fixture fixture) : IClassFixture<SmallCellTests.Fixture>
{
    private const int Year = 2024;

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public async Task InitializeAsync() => await Factory.SeedDemoAsync(2025);

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private async Task<HttpClient> ClientAsync(string role) => await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(role));

    /// <summary>A table of a page by the start of its caption: its body rows, each as its header and its cells' text.</summary>
    private static List<(string Header, List<string> Cells)> Table(IDocument page, string caption)
    {
        var table = page.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption")?.TextContent.StartsWith(caption, StringComparison.Ordinal) == true);
        Assert.True(table is not null, $"No table \"{caption}\"");
        return table.QuerySelectorAll("tbody tr, tfoot tr")
            .Select(r => (r.QuerySelector("th")?.TextContent.Trim() ?? "", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()))
            .ToList();
    }

    private static bool IsSmallNumber(string text) =>
        int.TryParse(text.Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && SmallCells.IsSmall(n);

    [Fact]
    public async Task A_cell_of_one_on_the_boards_statistics_page_is_not_shown_but_kansli_sees_it()
    {
        // A cell of 1 in the demo's age table, found the way the page computes it.
        var statistics = await fixture.Factory.WithDbAsync(db => db.StatisticsForYearAsync(Year, CancellationToken.None));
        var ages = statistics.Total.CurrentByAge;
        var (row, column) = Enumerable.Range(0, ages.Count).SelectMany(r => Enumerable.Range(0, 3).Select(c => (r, c)))
            .First(x => new[] { ages[x.r].Counts.Women, ages[x.r].Counts.Men, ages[x.r].Counts.OtherOrUnspecified }[x.c] == 1);

        foreach (var role in new[] { Roles.Board, Roles.Auditor })
        {
            var page = Html.Parse(await (await ClientAsync(role)).GetStringAsync($"/Oversikt/Statistik?ar={Year}"));
            var table = Table(page, $"Aktuella deltagare {Year} per åldersgrupp");
            Assert.Equal(ages[row].Key.Label, table[row].Header);
            Assert.Equal("<5", table[row].Cells[column]);

            // The row's total is shown, so a second cell of the row is hidden: the 1 cannot be had by subtraction.
            Assert.Equal(SwedishFormat.Number(ages[row].Counts.Total), table[row].Cells[3]);
            Assert.True(table[row].Cells.Count(c => c is "<5" or "..") >= 2, string.Join(" | ", table[row].Cells));
            Assert.Contains(SmallCells.Note, page.Body!.TextContent, StringComparison.Ordinal);
        }

        var kansli = Html.Parse(await (await ClientAsync(Roles.Kansli)).GetStringAsync($"/Oversikt/Statistik?ar={Year}"));
        Assert.Equal("1", Table(kansli, $"Aktuella deltagare {Year} per åldersgrupp")[row].Cells[column]);
    }

    [Theory]
    [InlineData("/Oversikt/Statistik")]
    [InlineData("/Oversikt")]
    [InlineData("/Oversikt/Mal")]
    public async Task No_count_of_one_to_four_and_no_line_with_a_single_hidden_cell_on_a_board_page(string path)
    {
        var html = await (await ClientAsync(Roles.Board)).GetStringAsync($"{path}?ar={Year}");
        var page = Html.Parse(html);
        var small = new List<string>();
        foreach (var table in page.QuerySelectorAll("table"))
        {
            var caption = table.QuerySelector("caption")?.TextContent ?? "";
            var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
            foreach (var row in table.QuerySelectorAll("tbody tr, tfoot tr"))
            {
                var cells = row.QuerySelectorAll("td").ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    // A difference (förändring) names no one and is shown; indicator counts are goals, not persons.
                    var header = c + 1 < headers.Count ? headers[c + 1] : "";
                    if (header is "Förändring" or "Mål nådda" || caption.StartsWith("Insatsernas måluppfyllelse", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var text = cells[c].TextContent.Trim();
                    if (IsSmallNumber(text) || System.Text.RegularExpressions.Regex.IsMatch(text, @"\b[1-4] av ") || System.Text.RegularExpressions.Regex.IsMatch(text, @" av [1-4]$"))
                    {
                        small.Add($"{caption} / {row.QuerySelector("th")?.TextContent} / {header}: {text}");
                    }
                }
            }
        }

        Assert.True(small.Count == 0, string.Join("\n", small));
    }

    [Fact]
    public async Task The_boards_tables_have_no_row_or_column_with_exactly_one_hidden_cell()
    {
        var page = Html.Parse(await (await ClientAsync(Roles.Board)).GetStringAsync($"/Oversikt/Statistik?ar={Year}"));
        foreach (var caption in new[] { $"Aktuella deltagare {Year} per åldersgrupp", $"Aktuella deltagare {Year} per utbildningsnivå", $"Avslutade {Year} per avslutsorsak", $"Deltagarflöde {Year} per kön" })
        {
            var rows = Table(page, caption).Where(r => r.Header != "Andel").Select(r => r.Cells).ToList();
            static bool Hidden(string text) => text is "<5" or "..";
            foreach (var (cells, i) in rows.Select((r, i) => (r, i)))
            {
                Assert.True(cells.Count(Hidden) != 1 || caption.StartsWith("Deltagarflöde", StringComparison.Ordinal), $"{caption}, row {i}: {string.Join(" | ", cells)}");
            }

            for (var c = 0; c < rows[0].Count; c++)
            {
                Assert.True(rows.Count(r => Hidden(r[c])) != 1, $"{caption}, column {c}");
            }
        }
    }
}
