using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ClosedXML.Excel;
using UglyToad.PdfPig;
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

    /// <summary>A cell of the report's JSON as printed: its text, or "" for a number or an empty cell.</summary>
    private static string Text(JsonElement cell) => cell.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";

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

    /// <summary>The demo's cell of 1 in the year's age table (row, gender column 0–2), found as the report computes it.</summary>
    private async Task<(int Row, int Column, string Label)> CellOfOneAsync()
    {
        var ages = (await fixture.Factory.WithDbAsync(db => db.StatisticsForYearAsync(Year, CancellationToken.None))).Total.CurrentByAge;
        var (row, column) = Enumerable.Range(0, ages.Count).SelectMany(r => Enumerable.Range(0, 3).Select(c => (r, c)))
            .First(x => new[] { ages[x.r].Counts.Women, ages[x.r].Counts.Men, ages[x.r].Counts.OtherOrUnspecified }[x.c] == 1);
        return (row, column, ages[row].Key.Label);
    }

    [Fact]
    public async Task No_end_reason_share_gives_back_a_count_that_the_table_beside_it_hides()
    {
        // "16 av 67" for women to work beside a count shown as ".." would give the cell back, and the small ones of the
        // row by subtraction. The report's chart of shares hides what its Avslutsorsaker table hides, with no n or N
        // left in the JSON; the board's overview chart hides what Statistik's ended table hides.
        var board = await ClientAsync(Roles.Board);
        var hiddenCounts = 0;
        foreach (var year in new[] { 2023, 2024 })
        {
            using var json = JsonDocument.Parse(await board.GetStringAsync($"/api/arsredovisning/{year}"));
            var tables = json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray())
                .SelectMany(b => b.GetProperty("type").GetString() switch { "table" => [b.GetProperty("table")], "chart" => [b.GetProperty("data")], _ => Array.Empty<JsonElement>() })
                .ToList();
            var counts = tables.Single(t => t.GetProperty("key").GetString() == "Avslutsorsaker").GetProperty("rows").EnumerateArray()
                .ToDictionary(r => Text(r.GetProperty("cells")[0]), r => r.GetProperty("cells").EnumerateArray().ToList());
            var shares = tables.Single(t => t.GetProperty("key").GetString() == "Utfall per kön").GetProperty("rows").EnumerateArray().ToList();
            foreach (var row in shares)
            {
                var cells = row.GetProperty("cells").EnumerateArray().ToList();
                var countRow = counts[Text(cells[0])];
                foreach (var (series, column) in new[] { (1, 1), (2, 2), (3, 4) })
                {
                    var hidden = Text(countRow[column]) is SmallCells.SmallMark or SmallCells.HiddenMark;
                    hiddenCounts += hidden ? 1 : 0;
                    var share = cells[series];
                    var shareHidden = Text(share) is SmallCells.SmallMark or SmallCells.HiddenMark;
                    Assert.True(!hidden || shareHidden, $"{year}: {Text(cells[0])}, column {series}: the count is hidden but the share reads \"{Text(share)}\".");
                    Assert.True(!shareHidden || !share.TryGetProperty("measure", out _), $"{year}: {Text(cells[0])}, column {series}: a hidden share keeps its n and N.");
                }
            }

            // The board's overview: its chart's table against Statistik's ended table (a row per gender, a column per reason).
            var statistikPage = Html.Parse(await board.GetStringAsync($"/Oversikt/Statistik?ar={year}"));
            var ended = Table(statistikPage, $"Avslutade {year} per avslutsorsak och kön");
            var overview = Html.Parse(await board.GetStringAsync($"/Oversikt?ar={year}"));
            var chart = Table(overview, $"Avslutsorsak per kön {year}");
            var reasonColumns = overview.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent.StartsWith($"Avslutsorsak per kön {year}", StringComparison.Ordinal) == true)
                .QuerySelectorAll("thead th").Skip(1).Select(h => h.TextContent.Trim()).ToList();
            var reasonHeaders = statistikPage.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent.StartsWith($"Avslutade {year} per avslutsorsak", StringComparison.Ordinal) == true)
                .QuerySelectorAll("thead th").Skip(1).Select(h => h.TextContent.Trim()).ToList();
            string[] genderRows = [SwedishNames.Of(Finsam.Domain.Participants.Gender.Woman), SwedishNames.Of(Finsam.Domain.Participants.Gender.Man), "Totalt"];
            Assert.Equal(3, reasonColumns.Count);
            foreach (var (reason, shown) in chart)
            {
                var column = reasonHeaders.IndexOf(reason);
                Assert.True(column >= 0, $"{year}: no column {reason} in Statistik's ended table");
                for (var series = 0; series < 3; series++)
                {
                    var count = ended.Single(r => r.Header == genderRows[series]).Cells[column];
                    Assert.True(count is not (SmallCells.SmallMark or SmallCells.HiddenMark) || shown[series] is SmallCells.SmallMark or SmallCells.HiddenMark,
                        $"{year}, overview: {reason} / {reasonColumns[series]}: the count is hidden but the share reads \"{shown[series]}\".");
                }
            }
        }

        Assert.True(hiddenCounts > 0, "The demo has hidden end-reason counts to check against.");

        // The overview's trend of the share to work or studies hides, year by year, what Statistik hides for that year.
        var trend = Table(Html.Parse(await board.GetStringAsync("/Oversikt?ar=2024")), "Andel till arbete eller studier per år");
        Assert.NotEmpty(trend);
        foreach (var (year, shown) in trend)
        {
            var hint = Html.Parse(await board.GetStringAsync($"/Oversikt/Statistik?ar={year}")).QuerySelectorAll("p.hint")
                .Select(p => p.TextContent.Trim()).Single(t => t.StartsWith("Till arbete eller studier:", StringComparison.Ordinal));
            var match = System.Text.RegularExpressions.Regex.Match(hint, @"^Till arbete eller studier: kvinnor (.+?), män (.+?), alla (.+?)\.(\s|$)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            Assert.True(match.Success, hint);
            string[] parts = [match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value];
            for (var series = 0; series < 3; series++)
            {
                Assert.True(parts[series].Trim() != SmallCells.HiddenMark || shown[series] is SmallCells.SmallMark or SmallCells.HiddenMark,
                    $"{year}: Statistik hides the share to work or studies of series {series}, the overview's trend reads \"{shown[series]}\".");
            }
        }
    }

    [Fact]
    public async Task An_insats_goals_result_is_hidden_where_the_flow_table_hides_a_count_it_is_computed_from()
    {
        // "24 %, 5 av 21" in the bilaga beside the flow table's ".." for that insats's arbete/studier would give the cell
        // back, and with the column's total the small ones. The flow table's columns per metric: 1 aktuella, 5 nya,
        // 6 avslutade, 7 arbete/studier, 9 arbetssökande.
        var columns = new Dictionary<Finsam.Domain.Goals.GoalMetric, int[]>
        {
            [Finsam.Domain.Goals.GoalMetric.Participants] = [1], [Finsam.Domain.Goals.GoalMetric.NewParticipants] = [5],
            [Finsam.Domain.Goals.GoalMetric.EndedParticipants] = [6], [Finsam.Domain.Goals.GoalMetric.WorkOrStudiesShare] = [7, 6],
            [Finsam.Domain.Goals.GoalMetric.JobSeekingShare] = [9, 6], [Finsam.Domain.Goals.GoalMetric.EndedShareOfCurrent] = [6, 1],
        };
        var board = await ClientAsync(Roles.Board);
        var checkedHidden = 0;
        foreach (var year in new[] { 2023, 2024 })
        {
            var goals = await fixture.Factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.InsatsGoals.Where(g => g.Year == year).Select(g => new { g.Insats!.Code, g.Insats.Name, g.Text, g.Measure.Metric })));
            using var json = JsonDocument.Parse(await board.GetStringAsync($"/api/arsredovisning/{year}"));
            var tables = json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray())
                .Where(b => b.GetProperty("type").GetString() == "table").Select(b => b.GetProperty("table")).ToList();
            static List<List<JsonElement>> Rows(JsonElement table) => [.. table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells").EnumerateArray().ToList())];
            var flows = Rows(tables.Single(t => t.GetProperty("key").GetString() == "Deltagarflöden"));
            foreach (var goal in goals.Where(g => columns.ContainsKey(g.Metric)))
            {
                var flow = flows.SingleOrDefault(r => Text(r[0]).StartsWith($"{goal.Name} – {goal.Code}", StringComparison.Ordinal));
                var goalTable = tables.SingleOrDefault(t => t.GetProperty("key").GetString() == $"Mål {goal.Code}");
                if (flow is null || goalTable.ValueKind == JsonValueKind.Undefined)
                {
                    continue;
                }

                var hidden = columns[goal.Metric].Any(c => Text(flow[c]) is SmallCells.SmallMark or SmallCells.HiddenMark);
                var result = Rows(goalTable).Single(r => Text(r[0]).StartsWith(goal.Text, StringComparison.Ordinal))[2];
                if (hidden && Text(result) != Finsam.Web.Features.Goals.GoalText.NotApplicable)
                {
                    checkedHidden++;
                    Assert.True(Text(result) is SmallCells.SmallMark or SmallCells.HiddenMark && !result.TryGetProperty("measure", out _),
                        $"{year}, {goal.Code} \"{goal.Text}\": the flow table hides its count, the result reads \"{Text(result)}\".");
                }
            }
        }

        Assert.True(checkedHidden > 0, "The demo has goal results computed from hidden flow cells to check.");
    }

    [Fact]
    public async Task The_reports_json_shows_no_count_of_one_to_four_in_its_participant_tables()
    {
        var (row, column, label) = await CellOfOneAsync();
        using var json = JsonDocument.Parse(await (await ClientAsync(Roles.Board)).GetStringAsync($"/api/arsredovisning/{Year}"));
        var tables = json.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .SelectMany(b => b.GetProperty("type").GetString() switch
            {
                "table" => [b.GetProperty("table")],
                "chart" => [b.GetProperty("data")],
                _ => Array.Empty<JsonElement>(),
            })
            .ToList();

        var ages = tables.Single(t => t.GetProperty("key").GetString() == "Åldersgrupper");
        var cells = ages.GetProperty("rows")[row].GetProperty("cells");
        Assert.Equal(label, cells[0].GetProperty("text").GetString());
        Assert.Equal("<5", cells[column + 1].GetProperty("text").GetString());
        Assert.False(cells[column + 1].TryGetProperty("number", out _));
        Assert.Contains(SmallCells.Note, ages.GetProperty("note").GetString(), StringComparison.Ordinal);

        // No count of 1–4 in any count column of a participant table or chart (the economy's tables hold amounts).
        var small = new List<string>();
        foreach (var table in tables)
        {
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ToList();
            foreach (var r in table.GetProperty("rows").EnumerateArray())
            {
                var rowCells = r.GetProperty("cells").EnumerateArray().ToList();
                for (var c = 1; c < rowCells.Count && c < columns.Count; c++)
                {
                    if (columns[c] == "Count" && rowCells[c].TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number && n.GetDecimal() is var v && v % 1 == 0 && SmallCells.IsSmall((int)v))
                    {
                        small.Add($"{table.GetProperty("key").GetString()} / {rowCells[0]} / {c}: {v}");
                    }
                }
            }
        }

        Assert.True(small.Count == 0, string.Join("\n", small));
    }

    [Fact]
    public async Task The_reports_workbook_hides_the_cell_and_writes_the_total_as_a_value()
    {
        var (row, column, label) = await CellOfOneAsync();
        var response = await (await ClientAsync(Roles.Auditor)).GetAsync($"/Arsredovisning?handler=Excel&ar={Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Åldersgrupper");
        var line = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == label);
        Assert.Equal("<5", line.Cell(column + 2).GetString());
        var statistics = await fixture.Factory.WithDbAsync(db => db.StatisticsForYearAsync(Year, CancellationToken.None));
        var sum = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "Summa aktuella");
        Assert.Equal("", sum.Cell(5).FormulaA1);
        Assert.Equal(statistics.Total.Current.Total, (int)sum.Cell(5).GetDouble());
    }

    [Fact]
    public async Task The_reports_pdf_is_published_so_it_hides_the_cell_for_every_role()
    {
        var (row, column, label) = await CellOfOneAsync();
        var statistics = await fixture.Factory.WithDbAsync(db => db.StatisticsForYearAsync(Year, CancellationToken.None));
        var counts = statistics.Total.CurrentByAge[row].Counts;

        // The Förbundschef has person access, yet the report (which is published) follows the rule.
        var chef = await ClientAsync(Roles.Director);
        var response = await chef.GetAsync($"/Arsredovisning?handler=Pdf&ar={Year}&utkast=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        var start = text.IndexOf($"Aktuella deltagare per åldersgrupp {Year}", StringComparison.Ordinal);
        Assert.True(start >= 0, "The age table is in the PDF.");
        var table = text[start..Math.Min(text.Length, start + 1500)];
        var words = label.Split(' ').Length;
        var rowText = table[table.IndexOf(label, StringComparison.Ordinal)..].Split(' ').Skip(words).Take(4).ToList();
        Assert.Equal("<5", rowText[column]);
        Assert.Equal(SwedishFormat.Number(counts.Total).Replace("\u00a0", "", StringComparison.Ordinal), rowText[3].Replace("\u00a0", "", StringComparison.Ordinal));
        Assert.Contains("<5 = 1–4 deltagare", text, StringComparison.Ordinal);
    }
}
