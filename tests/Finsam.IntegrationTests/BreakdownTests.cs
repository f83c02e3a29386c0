using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Reports;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// The breakdowns real reports publish (per hemkommun, remitterad av on the new, end-reason sub-codes) on the
/// statistics page and in the report's section "Deltagarnas fördelning", and the indicator survey's response rate,
/// klart positiva and comparison value on the goals page and in the report's bilaga (#16).
/// </summary>
public sealed class BreakdownTests(BreakdownTests.Fixture fixture) : IClassFixture<BreakdownTests.Fixture>
{
    private const int Year = 2024;

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2025);
            await Factory.WithDbAsync(async db =>
            {
                // Switch both sections on, and add a round whose figures are known.
                foreach (var kind in new[] { ReportSectionKind.Breakdowns, ReportSectionKind.Surveys })
                {
                    (await db.ReportSectionSettings.SingleAsync(s => s.Kind == kind)).Enabled = true;
                }

                var round = new SurveyRound { Year = Year, Name = "Testmätning" };
                round.Results.Add(new SurveyResult { Group = "Deltagare avslut", Question = "Har stödet fått ta den tid du behövt?", Asked = 200, Answered = 141, Negative = 20, Neutral = 31, Positive = 90, NationalPositivePercent = 71m });
                db.SurveyRounds.Add(round);

                // Few respondents: the board's styrelse answered 4 of 6; of the personal 2 answered negatively.
                var small = new SurveyRound { Year = Year, Name = "Litenmätning" };
                small.Results.Add(new SurveyResult { Group = "Styrelse", Question = "Bidrar förbundet till samverkan?", Asked = 6, Answered = 4, Negative = 0, Neutral = 1, Positive = 3, NationalPositivePercent = 70m });
                small.Results.Add(new SurveyResult { Group = "Personal", Question = "Bidrar förbundet till samverkan?", Asked = 30, Answered = 20, Negative = 2, Neutral = 8, Positive = 10, NationalPositivePercent = 70m });
                db.SurveyRounds.Add(small);
                return await db.SaveChangesAsync();
            });
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private async Task<HttpClient> ClientAsync(string role) => await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(role));

    private static List<(string Header, List<string> Cells)> Table(IDocument page, string caption)
    {
        var table = page.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption")?.TextContent.StartsWith(caption, StringComparison.Ordinal) == true);
        Assert.True(table is not null, $"No table \"{caption}\"");
        return table.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")?.TextContent.Trim() ?? "", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())).ToList();
    }

    private static bool IsSmallNumber(string text) =>
        int.TryParse(text.Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && SmallCells.IsSmall(n);

    private static readonly string[] Captions = [$"Aktuella deltagare {Year} per hemkommun", $"Nya deltagare {Year} per remitterande part (remitterad av)", $"Avslutade {Year} per avslutsorsak, underkod"];

    [Fact]
    public async Task Kansli_sees_each_breakdown_exactly_and_its_total_row_is_the_years_total()
    {
        var s = (await fixture.Factory.WithDbAsync(db => db.StatisticsForYearAsync(Year, CancellationToken.None))).Total;
        var page = Html.Parse(await (await ClientAsync(Roles.Kansli)).GetStringAsync($"/Oversikt/Statistik?ar={Year}"));

        var municipalities = Table(page, Captions[0]);
        Assert.True(s.CurrentByHomeMunicipality.Count >= 2, "The demo has several hemkommuner");
        Assert.Equal(s.CurrentByHomeMunicipality.Select(r => r.Key ?? "Ej angiven"), municipalities.SkipLast(1).Select(r => r.Header));
        Assert.Equal(SwedishFormat.Number(s.Current.Total), municipalities[^1].Cells[3]);
        Assert.Equal(SwedishFormat.Number(s.New.Total), Table(page, Captions[1])[^1].Cells[3]);
        var subCodes = Table(page, Captions[2]);
        Assert.Contains(subCodes, r => r.Header == "Arbete: Subventionerad anställning");
        Assert.Equal(SwedishFormat.Number(s.Ended.Total), subCodes[^1].Cells[3]);
        for (var r = 0; r < s.CurrentByHomeMunicipality.Count; r++)
        {
            Assert.Equal(SwedishFormat.Number(s.CurrentByHomeMunicipality[r].Counts.Women), municipalities[r].Cells[0]);
        }
    }

    [Fact]
    public async Task The_board_sees_small_counts_of_the_breakdowns_as_under_five_and_never_a_count_of_one_to_four()
    {
        var page = Html.Parse(await (await ClientAsync(Roles.Board)).GetStringAsync($"/Oversikt/Statistik?ar={Year}"));
        var cells = Captions.SelectMany(c => Table(page, c)).SelectMany(r => r.Cells).ToList();
        Assert.DoesNotContain(cells, IsSmallNumber);
        Assert.Contains(SmallCells.SmallMark, cells);
    }

    [Fact]
    public async Task The_reports_breakdown_section_and_survey_bilaga_are_printed_under_the_small_cell_rule()
    {
        using var json = JsonDocument.Parse(await (await ClientAsync(Roles.Director)).GetStringAsync($"/api/arsredovisning/{Year}"));
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();
        JsonElement Section(string title) => sections.Single(s => s.GetProperty("title").GetString() == title);

        // Each breakdown is a chart whose data is its table.
        var blocks = Section("Deltagarnas fördelning").GetProperty("blocks").EnumerateArray().ToList();
        Assert.All(blocks, b => Assert.Equal("chart", b.GetProperty("type").GetString()));
        var tables = blocks.Select(b => b.GetProperty("data")).ToList();
        Assert.Equal(["Fördelning hemkommun", "Fördelning remitterad av", "Fördelning åldersgrupp", "Fördelning tid i försörjning", "Fördelning avslut underkod"],
            tables.Select(t => t.GetProperty("key").GetString()));
        Assert.Contains("<svg", blocks[0].GetProperty("svg").GetString(), StringComparison.Ordinal);
        var texts = tables.SelectMany(t => t.GetProperty("rows").EnumerateArray()).SelectMany(r => r.GetProperty("cells").EnumerateArray().Skip(1))
            .Select(c => c.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : c.TryGetProperty("number", out var n) ? n.GetDecimal().ToString(CultureInfo.InvariantCulture) : "").ToList();
        Assert.DoesNotContain(texts, IsSmallNumber);
        Assert.Contains(SmallCells.SmallMark, texts);

        var survey = Section("Bilaga: indikatormätning").GetProperty("blocks").EnumerateArray()
            .Select(b => b.GetProperty("table")).Single(t => t.GetProperty("title").GetString() == $"Testmätning ({Year})");
        Assert.Equal(["Har stödet fått ta den tid du behövt?", "Deltagare avslut", "141", "200", "0.705", "0.638", "0.71", "−7"], Cells(survey.GetProperty("rows")[0]));

        // Few respondents: the styrelse's 4 answers are hidden, and the personal's 2 negative answers with the neutral ones that would give them back.
        var small = Section("Bilaga: indikatormätning").GetProperty("blocks").EnumerateArray()
            .Select(b => b.GetProperty("table")).Single(t => t.GetProperty("title").GetString() == $"Litenmätning ({Year})");
        Assert.Equal(["Bidrar förbundet till samverkan?", "Personal", "20", "30", (20m / 30m).ToString(CultureInfo.InvariantCulture), "0.5", "0.7", "−20"], Cells(small.GetProperty("rows")[0]));
        Assert.Equal(["Bidrar förbundet till samverkan?", "Styrelse", "<5", "6", "..", "..", "0.7", ".."], Cells(small.GetProperty("rows")[1]));
        Assert.Contains("<5 = 1–4 svarande", small.GetProperty("note").GetString(), StringComparison.Ordinal);

        static List<string?> Cells(JsonElement row) => row.GetProperty("cells").EnumerateArray()
            .Select(c => c.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : c.TryGetProperty("number", out var n) ? n.GetDecimal().ToString(CultureInfo.InvariantCulture) : null).ToList();
    }

    [Fact]
    public async Task The_goals_page_shows_the_response_rate_and_the_difference_from_the_comparison()
    {
        var page = Html.Parse(await (await ClientAsync(Roles.Board)).GetStringAsync($"/Oversikt/Mal?ar={Year}"));
        var row = Table(page, "Testmätning").Single();
        Assert.Equal("Deltagare avslut", row.Header);
        Assert.Equal(["Har stödet fått ta den tid du behövt?", "141 av 200", "71\u00a0%", "14 % (20)", "22 % (31)", "64 % (90)", "71 %", "−7 procentenheter"], row.Cells);
        Assert.Contains("Klart positiva = svar i skalans positiva ände", page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The chart beside a breakdown table: each drawn bar's "category, series: value" and each bar's end label.</summary>
    private static (List<string> Bars, List<string> Totals, IElement Svg) Chart(IDocument page, string caption)
    {
        var figure = page.QuerySelectorAll("figure.breakdown").Single(f => f.QuerySelector("caption")?.TextContent.StartsWith(caption, StringComparison.Ordinal) == true);
        var svg = figure.QuerySelector("svg")!;
        return (svg.QuerySelectorAll("rect.bar").Select(r => r.QuerySelector("title")!.TextContent).ToList(),
            svg.QuerySelectorAll("text.value").Select(t => t.TextContent).ToList(), svg);
    }

    private static readonly string[] Series = ["Kvinnor", "Män", "Annat/ej angivet"];

    [Theory]
    [InlineData(Roles.Kansli)]
    [InlineData(Roles.Board)]
    public async Task Each_breakdown_has_a_chart_of_its_tables_figures_as_shown(string role)
    {
        var page = Html.Parse(await (await ClientAsync(role)).GetStringAsync($"/Oversikt/Statistik?ar={Year}"));
        string[] all = [.. Captions, $"Aktuella deltagare {Year} per åldersgrupp", $"Aktuella deltagare {Year} per tid i offentlig försörjning före start"];
        foreach (var caption in all)
        {
            var table = Table(page, caption);
            var (bars, totals, svg) = Chart(page, caption);
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.StartsWith(caption, svg.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
            var rows = table.SkipLast(1).ToList();

            // One bar per category ending at the table's total as shown; a drawn value is the table's cell, a hidden one is not drawn.
            Assert.Equal(rows.Where(r => r.Cells[3] != "0").Select(r => r.Cells[3]), totals.Where(t => t != "0"));
            foreach (var (label, cells) in rows)
            {
                for (var s = 0; s < Series.Length; s++)
                {
                    var drawn = bars.Where(b => b.StartsWith($"{label}, {Series[s]}: ", StringComparison.Ordinal)).ToList();
                    if (cells[s] is SmallCells.SmallMark or SmallCells.HiddenMark)
                    {
                        Assert.Empty(drawn);
                    }
                    else if (cells[s] == "0")
                    {
                        Assert.All(drawn, d => Assert.EndsWith(": 0", d, StringComparison.Ordinal));
                    }
                    else
                    {
                        Assert.Equal([$"{label}, {Series[s]}: {cells[s]}"], drawn);
                    }
                }
            }

            if (role == Roles.Board)
            {
                Assert.DoesNotContain(bars, b => IsSmallNumber(b[(b.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]));
                Assert.DoesNotContain(totals, IsSmallNumber);
            }
            else
            {
                Assert.DoesNotContain(bars, b => b.Contains("Dolda värden", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task The_boards_participants_per_insats_bars_end_at_the_flow_tables_aktuella_as_shown()
    {
        // 2025: the demo year whose flow table hides some of the insatser's kvinnor, män or annat.
        const int year = 2025;
        var page = Html.Parse(await (await ClientAsync(Roles.Board)).GetStringAsync($"/Oversikt?ar={year}"));
        var flows = Table(page, $"Deltagarflöde {year} per insats").Where(r => r.Header != "Förbundet totalt").ToList();
        var svg = page.QuerySelectorAll("svg").Single(s => s.QuerySelector("title")?.TextContent == $"Deltagare per insats {year}");

        Assert.Equal(flows.Select(r => r.Cells[0]), svg.QuerySelectorAll("text.value").Select(t => t.TextContent));
        Assert.Contains(flows, r => r.Cells.Skip(1).Take(3).Any(c => c is SmallCells.SmallMark or SmallCells.HiddenMark));
    }

    [Fact]
    public async Task The_board_sees_a_surveys_answers_of_few_respondents_hidden_and_the_kansli_sees_them()
    {
        var board = Table(Html.Parse(await (await ClientAsync(Roles.Board)).GetStringAsync($"/Oversikt/Mal?ar={Year}")), "Litenmätning");
        Assert.Equal(["Bidrar förbundet till samverkan?", "20 av 30", "67\u00a0%", "..", "..", "50 % (10)", "70 %", "−20 procentenheter"], board.Single(r => r.Header == "Personal").Cells);
        Assert.Equal(["Bidrar förbundet till samverkan?", "<5 av 6", "..", "..", "..", "..", "70 %", ".."], board.Single(r => r.Header == "Styrelse").Cells);

        var kansli = Table(Html.Parse(await (await ClientAsync(Roles.Kansli)).GetStringAsync($"/Oversikt/Mal?ar={Year}")), "Litenmätning");
        Assert.Equal(["Bidrar förbundet till samverkan?", "4 av 6", "67\u00a0%", "0 % (0)", "25 % (1)", "75 % (3)", "70 %", "+5 procentenheter"], kansli.Single(r => r.Header == "Styrelse").Cells);
    }

    [Fact]
    public async Task The_reports_pdf_prints_each_breakdown_as_a_chart_and_its_table_and_the_survey_bilaga()
    {
        var response = await (await ClientAsync(Roles.Director)).GetAsync($"/Arsredovisning?handler=Pdf&ar={Year}&utkast=true");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        // The draft watermark's large letters are left out (they would land inside words).
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Where(w => w.Letters.All(l => l.PointSize < 40)).Select(w => w.Text))));
        var start = text.LastIndexOf("Deltagarnas fördelning", StringComparison.Ordinal);
        var end = text.IndexOf("Bilaga: indikatormätning", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The section is in the PDF.");
        var section = text[start..end];
        var statistics = (await fixture.Factory.WithDbAsync(db => db.StatisticsForYearAsync(Year, CancellationToken.None))).Total;
        foreach (var caption in new[] { $"Aktuella deltagare per hemkommun {Year}", $"Nya deltagare per remitterande part (remitterad av) {Year}", $"Aktuella deltagare per åldersgrupp {Year}",
            $"Aktuella deltagare per tid i offentlig försörjning före start {Year}", $"Avslutade per avslutsorsak och underkod {Year}" })
        {
            // The chart's caption, then its table.
            var chart = section.IndexOf(caption, StringComparison.Ordinal);
            Assert.True(chart >= 0, $"No chart \"{caption}\"");
            Assert.True(section.IndexOf($"{caption} (tabell)", chart + caption.Length, StringComparison.Ordinal) > chart, $"No table \"{caption}\"");
        }

        // The charts' legend (drawn as text) and every hemkommun on its bar and in its table.
        Assert.Contains("Kvinnor Män Annat/ej angivet", section, StringComparison.Ordinal);
        Assert.All(statistics.CurrentByHomeMunicipality, m => Assert.True(section.Split(m.Key ?? "Ej angiven").Length >= 3, $"{m.Key} on its bar and in its table"));
        Assert.Contains("<5 = 1–4 deltagare", section, StringComparison.Ordinal);
        var words = section.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(SmallCells.SmallMark, words);

        // Read as published: no text of the charts or tables (between the 2 cm margins) smaller than 8 pt.
        var margin = 2 / 2.54 * 72;
        var pages = pdf.GetPages().Where(p => p.Text.Contains("(tabell)", StringComparison.Ordinal) || p.Text.Contains("Litenmätning", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.DoesNotContain(p.Letters, l => !char.IsWhiteSpace(l.Value[0]) && l.BoundingBox.Bottom > margin && l.BoundingBox.Top < p.Height - margin && l.PointSize < 7.95));

        var bilaga = text[text.LastIndexOf("Bilaga: indikatormätning", StringComparison.Ordinal)..];
        Assert.Contains($"Litenmätning ({Year})", bilaga, StringComparison.Ordinal);
        Assert.Contains("Styrelse <5 6 .. .. 70 % ..", bilaga.Replace("\u00a0", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_has_a_sheet_per_breakdown_and_survey_round_equal_to_the_report_and_none_when_the_sections_are_off()
    {
        var auditor = await ClientAsync(Roles.Auditor);
        var model = await ModelAsync();
        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await auditor.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}"))))
        {
            var breakdowns = model.Sections.Single(s => s.Kind == ReportSectionKind.Breakdowns).Blocks.OfType<Finsam.Reporting.AnnualReport.ChartBlock>().Select(c => c.Data).ToList();
            Assert.Equal(5, breakdowns.Count);

            // The age table is printed once: in Deltagarnas fördelning, not again under Deltagare.
            var participants = model.Sections.Single(s => s.Kind == ReportSectionKind.Participants).Blocks;
            Assert.DoesNotContain(participants.OfType<Finsam.Reporting.AnnualReport.TableBlock>(), b => b.Table.Title.Contains("åldersgrupp", StringComparison.Ordinal));
            Assert.DoesNotContain(workbook.Worksheets, w => w.Name == "Åldersgrupper");
            foreach (var table in breakdowns)
            {
                var sheet = workbook.Worksheet(table.Key);
                Assert.Equal(table.Title, sheet.Cell(1, 1).GetString());
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    Assert.Equal(table.Rows[r].Cells[0].Text, sheet.Cell(3 + r, 1).GetString());
                    for (var c = 1; c < table.Columns.Count; c++)
                    {
                        var cell = sheet.Cell(3 + r, c + 1);
                        var expected = table.Rows[r].Cells[c];
                        if (expected.Number is { } n)
                        {
                            // Counts are numbers (a sum a formula saved with its value when nothing of the table is hidden).
                            Assert.True(cell.DataType == ClosedXML.Excel.XLDataType.Number, $"{sheet.Name}!{cell.Address} is a number");
                            Assert.Equal((double)n, cell.GetDouble());
                            Assert.False(SmallCells.IsSmall((int)n), $"{sheet.Name}!{cell.Address} shows a count of 1–4");
                            Assert.Equal(table.Rows[r].SumOf is not null, cell.HasFormula);
                        }
                        else
                        {
                            Assert.Contains(expected.Text, new[] { SmallCells.SmallMark, SmallCells.HiddenMark });
                            Assert.Equal(expected.Text, cell.GetString());
                        }
                    }
                }
            }

            // The survey round: svarande and tillfrågade as numbers, svarsfrekvens as n/N with its n and N, riket as a share, the difference in procentenheter.
            var survey = workbook.Worksheet("Enkät Testmätning");
            var headers = survey.Row(2).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Equal(["Fråga", "Grupp", "Svarande", "Tillfrågade", "Svarsfrekvens", "Svarsfrekvens: antal (n)", "Svarsfrekvens: av (N)",
                "Klart positiva", "Klart positiva: antal (n)", "Klart positiva: av (N)", "Riket", "Skillnad"], headers);
            var row = survey.Row(3);
            Assert.Equal(141, row.Cell(3).GetDouble());
            Assert.Equal(200, row.Cell(4).GetDouble());
            Assert.Equal("F3/G3", row.Cell(5).FormulaA1);
            Assert.Equal(0.705, row.Cell(5).GetDouble(), 6);
            Assert.Equal(90, row.Cell(9).GetDouble());
            Assert.Equal(0.71, row.Cell(11).GetDouble(), 6);
            Assert.Equal(-7.2, row.Cell(12).GetDouble(), 6);
            var small = workbook.Worksheet("Enkät Litenmätning").Row(4);
            Assert.Equal(["Styrelse", "<5", "6", ".."], Enumerable.Range(2, 4).Select(c => small.Cell(c).GetString()));
            Assert.True(small.Cell(6).IsEmpty() && small.Cell(7).IsEmpty(), "No n or N of a hidden svarsfrekvens");
        }

        // With both sections off (as they are until switched on) the workbook has none of these sheets.
        await SetSectionsAsync(false);
        try
        {
            using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await auditor.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}")));
            Assert.DoesNotContain(workbook.Worksheets, w => w.Name.StartsWith("Fördelning", StringComparison.Ordinal) || w.Name.StartsWith("Enkät", StringComparison.Ordinal));
            Assert.Contains(workbook.Worksheets, w => w.Name == "Åldersgrupper");
        }
        finally
        {
            await SetSectionsAsync(true);
        }
    }

    private async Task<Finsam.Reporting.AnnualReport.AnnualReportModel> ModelAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Finsam.Web.Features.AnnualReport.AnnualReportService>().BuildAsync(Year, CancellationToken.None))!;
    }

    private Task<int> SetSectionsAsync(bool enabled) => fixture.Factory.WithDbAsync(async db =>
    {
        foreach (var kind in new[] { ReportSectionKind.Breakdowns, ReportSectionKind.Surveys })
        {
            (await db.ReportSectionSettings.SingleAsync(s => s.Kind == kind)).Enabled = enabled;
        }

        return await db.SaveChangesAsync();
    });
}
