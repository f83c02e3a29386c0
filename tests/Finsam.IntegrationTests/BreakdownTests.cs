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
        var tables = Section("Deltagarnas fördelning").GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "table").Select(b => b.GetProperty("table")).ToList();
        Assert.Equal(["Hemkommun", "Remitterad av", "Ålder", "Tid i försörjning", "Underkoder"], tables.Select(t => t.GetProperty("key").GetString()));
        var texts = tables.SelectMany(t => t.GetProperty("rows").EnumerateArray()).SelectMany(r => r.GetProperty("cells").EnumerateArray().Skip(1))
            .Select(c => c.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : c.TryGetProperty("number", out var n) ? n.GetDecimal().ToString(CultureInfo.InvariantCulture) : "").ToList();
        Assert.DoesNotContain(texts, IsSmallNumber);
        Assert.Contains(SmallCells.SmallMark, texts);

        var survey = Section("Bilaga: indikatormätning").GetProperty("blocks").EnumerateArray()
            .Select(b => b.GetProperty("table")).Single(t => t.GetProperty("title").GetString() == $"Testmätning ({Year})");
        var row = survey.GetProperty("rows")[0].GetProperty("cells").EnumerateArray().Select(c => c.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : c.TryGetProperty("number", out var n) ? n.GetDecimal().ToString(CultureInfo.InvariantCulture) : null).ToList();
        Assert.Equal(["Har stödet fått ta den tid du behövt?", "Deltagare avslut", "141", "200", "71\u00a0%", "64 %", "71 %", "−7 procentenheter"], row);
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
}
