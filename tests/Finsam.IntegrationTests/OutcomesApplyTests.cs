using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Economy;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// "Ej tillämpligt" per insats and year (docs/goals.md): a health-oriented insats (HälsoSam in the 2017 bilaga) counts
/// in the förbund's unique individuals, but its ended participants sit in no outcome share, numerator or denominator,
/// and every outcome figure of it prints "ej tillämpligt", never 0.
/// </summary>
public sealed class OutcomesApplyTests(OutcomesApplyTests.Fixture fixture) : IClassFixture<OutcomesApplyTests.Fixture>
{
    private const int Year = 2025;

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public int HealthInsatsId { get; private set; }

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2026);
            // HälsoSam in small: six new participants in 2025, all ended; two of them (as in any register) with the
            // reason arbete, which must not count either once the outcome measures do not apply.
            HealthInsatsId = await Factory.WithDbAsync(async db =>
            {
                var insats = new Insats { Code = "HS17", Name = "HälsoSam", Kind = InsatsKind.Individual, StartDate = new DateOnly(Year, 1, 1) };
                db.Insatser.Add(insats);
                EndReason[] reasons = [EndReason.Illness, EndReason.Illness, EndReason.Other, EndReason.ContinuedRehabilitation, EndReason.Work, EndReason.Work];
                foreach (var (reason, i) in reasons.Select((r, i) => (r, i)))
                {
                    var participant = new Participant { Gender = i % 2 == 0 ? Gender.Woman : Gender.Man, BirthYear = 1980 + i, CreatedAtUtc = new DateTime(Year, 1, 2, 0, 0, 0, DateTimeKind.Utc) };
                    db.Participants.Add(participant);
                    db.Enrolments.Add(new Enrolment
                    {
                        Participant = participant,
                        Insats = insats,
                        StartDate = new DateOnly(Year, 2, 1 + i),
                        EndDate = new DateOnly(Year, 6, 1 + i),
                        EndReason = reason,
                    });
                }

                db.InsatsGoals.Add(new InsatsGoal
                {
                    Insats = insats,
                    Year = Year,
                    Text = "50 % till arbete eller studier",
                    IsMainOutcome = true,
                    Measure = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 50 },
                });
                var area = new GoalArea { Year = Year, Number = 99, Name = "Test: utfall" };
                var objective = new Objective { Text = "Fler till arbete", SortOrder = 1 };
                objective.Indicators.Add(new Indicator
                {
                    Text = "Förbundets andel till arbete eller studier",
                    SortOrder = 1,
                    Measure = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 1 },
                });
                area.Objectives.Add(objective);
                db.GoalAreas.Add(area);
                await db.SaveChangesAsync();
                return insats.Id;
            });
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task An_insats_whose_outcomes_do_not_apply_counts_in_the_individuals_but_not_in_the_outcome_shares()
    {
        var factory = fixture.Factory;
        var before = await factory.WithDbAsync(db => db.StatisticsForYearAsync(Year));
        Assert.True(before.Outcomes.Ended.Total == before.Total.Ended.Total, "By default every insats's outcome measures apply.");
        var health = before.Insatser.Single(i => i.InsatsId == fixture.HealthInsatsId);
        Assert.Equal(6, health.Statistics.Ended.Total);

        // The kansli marks 2025: counts in the totals, outcome measures do not apply.
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        var response = await kansli.PostFormAsync(
            $"/Insatser/Detaljer/{fixture.HealthInsatsId}?handler=YearSettings",
            [new("YearInput.Year", $"{Year}"), new("YearInput.Version", Guid.Empty.ToString()), new("YearInput.CountsInTotals", "true"), new("YearInput.CountsInTotals", "false"), new("YearInput.OutcomesApply", "false")],
            getUrl: $"/Insatser/Detaljer/{fixture.HealthInsatsId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Insats" && a.Details!.Contains("utfallsmått tillämpliga ja → nej")));
        Assert.True(audited, "The change is in the insats's history.");

        var after = await factory.WithDbAsync(db => db.StatisticsForYearAsync(Year));
        // The unique individuals and the flows still count HälsoSam's six participants...
        Assert.Equal(before.Total.Flow.UniqueIndividuals, after.Total.Flow.UniqueIndividuals);
        Assert.Equal(before.Total.Ended.Total, after.Total.Ended.Total);
        // ...but the outcome share leaves them out of numerator (two to work) and denominator (six ended):
        // "114 av 296" rather than "114 av 500" in shape.
        var share = after.Outcomes.WorkOrStudiesShare();
        Assert.Equal(before.Total.Ended.Total - 6, share.Denominator);
        Assert.Equal(before.Total.WorkOrStudiesShare().Numerator - 2, share.Numerator);

        // The förbund's goal is computed on the applicable denominator.
        var board = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Board));
        var goalsPage = Html.Parse(await board.GetStringAsync($"/Oversikt/Mal?ar={Year}"));
        var indicatorRow = goalsPage.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Förbundets andel till arbete eller studier", StringComparison.Ordinal));
        Assert.Contains(SwedishFormat.ShareWithBasis(share), indicatorRow.TextContent, StringComparison.Ordinal);

        // The overview's flow table prints "ej tillämpligt" for HälsoSam and the applicable share in the total.
        var overview = Html.Parse(await board.GetStringAsync($"/Oversikt?ar={Year}"));
        var flowTable = overview.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")?.TextContent.StartsWith("Deltagarflöde", StringComparison.Ordinal) == true);
        var flowRow = flowTable.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("HälsoSam", StringComparison.Ordinal));
        Assert.Equal("ej tillämpligt", flowRow.QuerySelectorAll("td")[^1].TextContent);
        Assert.Equal(SwedishFormat.ShareWithBasis(share), flowTable.QuerySelector("tfoot tr")!.QuerySelectorAll("td")[^1].TextContent);

        // Deltagarstatistik for the insats: counts as registered, outcome shares "ej tillämpligt".
        var statistics = Html.Parse(await board.GetStringAsync($"/Oversikt/Statistik?ar={Year}&insats={fixture.HealthInsatsId}"));
        var shareRow = statistics.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent == "Andel");
        Assert.All(shareRow.QuerySelectorAll("td").SkipLast(1), c => Assert.Equal("ej tillämpligt", c.TextContent));
        var followUp = statistics.QuerySelectorAll("tr").Single(r => r.QuerySelector("th")?.TextContent == "Andel egen försörjning av de nådda");
        Assert.Equal("ej tillämpligt", followUp.QuerySelector("td")!.TextContent);

        // The report's JSON: the flow table's outcome cells are "e.t." (with the footnote), the insats goal "ej tillämpligt".
        using var document = JsonDocument.Parse(await board.GetStringAsync($"/api/arsredovisning/{Year}"));
        var tables = document.RootElement.GetProperty("sections").EnumerateArray()
            .SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "table")
            .Select(b => b.GetProperty("table"))
            .ToList();
        var flows = tables.Single(t => t.GetProperty("key").GetString() == "Deltagarflöden");
        var cells = flows.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("cells").EnumerateArray().ToList())
            .Single(c => c[0].GetProperty("text").GetString()!.Contains("HälsoSam", StringComparison.Ordinal));
        Assert.Equal(["e.t.", "e.t.", "e.t."], cells.Skip(7).Select(c => c.GetProperty("text").GetString()));
        Assert.Contains("e.t. = ej tillämpligt", flows.GetProperty("note").GetString(), StringComparison.Ordinal);
        var goalTable = tables.Single(t => t.GetProperty("key").GetString() == "Mål HS17");
        var goalCells = goalTable.GetProperty("rows").EnumerateArray().Single().GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("text").GetString()).ToList();
        Assert.Equal("ej tillämpligt", goalCells[2]);
        Assert.Equal("ej tillämpligt", goalCells[4]); // Uppfyllt; [3] is last year's result, blank before the insats began

        // The auditors' workbook has the same cells, as text, never 0.
        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        using var workbook = new XLWorkbook(new MemoryStream(await auditor.GetByteArrayAsync($"/Arsredovisning?handler=Excel&ar={Year}")));
        var sheet = workbook.Worksheet("Deltagarflöden");
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString().Contains("HälsoSam", StringComparison.Ordinal));
        Assert.All([row.Cell(8), row.Cell(9), row.Cell(10)], c => Assert.Equal("e.t.", c.GetString()));
        Assert.Contains(sheet.CellsUsed(), c => c.GetString().Contains("e.t. = ej tillämpligt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_year_keeps_its_settings()
    {
        var factory = fixture.Factory;
        const int closedYear = 2024;
        var insatsId = await factory.WithDbAsync(async db =>
        {
            var fiscalYear = await db.FiscalYears.SingleAsync(y => y.Year == closedYear);
            fiscalYear.Status = FiscalYearStatus.Closed;
            await db.SaveChangesAsync();
            return await db.Insatser
                .Where(i => i.Kind == InsatsKind.Individual && i.StartDate <= new DateOnly(closedYear, 12, 31) && (i.EndDate == null || i.EndDate >= new DateOnly(closedYear, 1, 1)))
                .OrderBy(i => i.Code).Select(i => i.Id).FirstAsync();
        });
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        var url = $"/Insatser/Detaljer/{insatsId}";
        var page = Html.Parse(await kansli.GetStringAsync(url));
        Assert.Contains(page.QuerySelectorAll("legend"), l => l.TextContent.Contains($"{closedYear} (förval) – stängt år", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("form"), f => f.GetAttribute("action") == $"{url}?handler=YearSettings");
        var html = await (await kansli.PostFormAsync($"{url}?handler=YearSettings",
            [new("YearInput.Year", $"{closedYear}"), new("YearInput.Version", Guid.Empty.ToString()), new("YearInput.CountsInTotals", "true"), new("YearInput.OutcomesApply", "false")],
            getUrl: url)).Content.ReadAsStringAsync();
        Assert.Contains($"Verksamhetsåret {closedYear} är stängt och kan inte ändras.", Html.Parse(html).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.InsatsYearSettings.AnyAsync(s => s.Year == closedYear)));
    }

    [Fact]
    public async Task A_stale_or_invalid_year_setting_is_refused_with_a_message()
    {
        var factory = fixture.Factory;
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        var url = $"/Insatser/Detaljer/{fixture.HealthInsatsId}";
        var html = await (await kansli.PostFormAsync($"{url}?handler=YearSettings",
            [new("YearInput.Year", "2019"), new("YearInput.Version", Guid.Empty.ToString()), new("YearInput.CountsInTotals", "true"), new("YearInput.OutcomesApply", "true")],
            getUrl: url)).Content.ReadAsStringAsync();
        Assert.Contains("Insatsen pågick inte 2019.", Html.Parse(html).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        html = await (await kansli.PostFormAsync($"{url}?handler=YearSettings",
            [new("YearInput.Year", $"{Year}"), new("YearInput.Version", Guid.NewGuid().ToString()), new("YearInput.CountsInTotals", "true"), new("YearInput.OutcomesApply", "true")],
            getUrl: url)).Content.ReadAsStringAsync();
        Assert.Contains("Någon annan har ändrat uppgifterna", Html.Parse(html).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
