using System.Net;
using AngleSharp.Dom;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;
using Finsam.Web.Features.Goals;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// The board's dashboard of goals (#14, docs/goals.md): each goal's status as symbol, words and colour, this year beside
/// last year, a chart per computed goal over the years, the drill-down to an insats (aggregates only, small-cell rule),
/// and the JSON link only for the kansli and the förbundschef.
/// </summary>
public sealed class BoardDashboardTests(BoardDashboardTests.Fixture fixture) : IClassFixture<BoardDashboardTests.Fixture>
{
    private const int Year = 2024;

    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Board { get; private set; } = null!;

        public HttpClient Kansli { get; private set; } = null!;

        /// <summary>An insats goal added for the test whose 2024 result is a share of 1–4 persons.</summary>
        public (int InsatsId, string Text, Share Share) SmallGoal { get; private set; }

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2025);
            Board = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Board));
            Kansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
            SmallGoal = await Factory.WithDbAsync(async db =>
            {
                // An end reason with 1–4 of an insats's ended in 2024, found from the registrations themselves.
                var ended = await db.Enrolments.AsNoTracking()
                    .Where(e => e.EndDate != null && e.EndDate.Value.Year == Year && e.EndReason != null)
                    .Select(e => new { e.InsatsId, Reason = e.EndReason!.Value })
                    .ToListAsync();
                var notApplicable = await db.InsatsYearSettings.AsNoTracking().Where(s => s.Year == Year && !s.OutcomesApply).Select(s => s.InsatsId).ToListAsync();
                ended.RemoveAll(e => notApplicable.Contains(e.InsatsId));
                var small = ended.GroupBy(e => (e.InsatsId, e.Reason)).Where(g => g.Count() is >= 1 and <= 4)
                    .Select(g => (g.Key.InsatsId, g.Key.Reason, Count: g.Count(), Of: ended.Count(e => e.InsatsId == g.Key.InsatsId)))
                    .First(g => g.Of - g.Count >= 5);
                const string text = "Högst 10 % avslutas av testskälet";
                var measure = new GoalMeasure { Metric = GoalMetric.EndReasonShare, EndReason = small.Reason, Direction = GoalDirection.AtMost, Target = 10 };
                db.InsatsGoals.Add(new InsatsGoal { InsatsId = small.InsatsId, Year = Year, SortOrder = 99, Text = text, Measure = measure });
                await db.SaveChangesAsync();
                var statistics = (await db.StatisticsForYearAsync(Year)).For(small.InsatsId);
                return (small.InsatsId, text, measure.Evaluate(statistics).Share!.Value);
            });
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly HashSet<(string Class, string Symbol)> Statuses =
        [("status-met", "✓"), ("status-partly", "◐"), ("status-not-met", "✗"), ("status-none", "–")];

    [Fact]
    public async Task Each_goal_shows_its_status_as_symbol_words_and_colour_as_the_goal_query_judges_it()
    {
        var page = Html.Parse(await fixture.Board.GetStringAsync($"/Oversikt/Mal?ar={Year}"));
        var (areas, insatser) = await fixture.Factory.WithDbAsync(async db =>
        {
            var stats = await db.StatisticsForYearsAsync([Year - 1, Year]);
            var scale = RatingScale.Default;
            return (await db.FederationGoalsForYearAsync(Year, stats[Year], stats[Year - 1]), await db.InsatsGoalsForYearAsync(Year, stats[Year], scale, stats[Year - 1]));
        });

        var statuses = page.QuerySelectorAll(".goal-status").ToList();
        Assert.Equal(areas.Sum(a => a.AllIndicators.Count()) + insatser.Sum(i => i.Goals.Count), statuses.Count);
        foreach (var status in statuses)
        {
            // Never colour alone: a class, a symbol hidden from screen readers and words.
            var symbol = status.QuerySelector("[aria-hidden=true]");
            Assert.NotNull(symbol);
            Assert.Contains((status.ClassList.Single(c => c.StartsWith("status-", StringComparison.Ordinal)), symbol.TextContent), Statuses);
            Assert.True(Html.TextOf(status).Length > 2, "The status has words beside its symbol.");
        }

        foreach (var indicator in areas.SelectMany(a => a.AllIndicators))
        {
            var expected = GoalStatus.Of(indicator.Assessment, indicator.AssessmentIsSuggested);
            var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th[scope=row]") is { } th && Html.TextOf(th) == indicator.Indicator.Text);
            var shown = row.QuerySelector(".goal-status")!;
            Assert.Contains(expected.CssClass, shown.ClassList);
            Assert.Equal($"{expected.Symbol} {expected.Text}", Html.TextOf(shown));
        }

        // The demo's computed share goal, judged independently: met exactly when the unrounded share reaches 35 %.
        var share = areas.SelectMany(a => a.AllIndicators).Single(i => i.Indicator.Text == "35 % av deltagarna arbetar eller studerar vid avslut.").Result.Share!.Value;
        var cell = page.QuerySelectorAll("tbody tr").Single(r => Html.TextOf(r.QuerySelector("th")!) == "35 % av deltagarna arbetar eller studerar vid avslut.").QuerySelector(".goal-status")!;
        Assert.Contains(share.Fraction >= 0.35m ? "status-met" : "status-not-met", cell.ClassList);
    }

    [Fact]
    public async Task A_computed_goal_has_a_chart_over_the_years_whose_table_agrees_with_this_and_last_years_results()
    {
        const string text = "35 % av deltagarna arbetar eller studerar vid avslut.";
        var page = Html.Parse(await fixture.Board.GetStringAsync($"/Oversikt/Mal?ar={Year}"));
        var row = page.QuerySelectorAll("tbody tr").Single(r => Html.TextOf(r.QuerySelector("th")!) == text);
        var headers = row.Closest("table")!.QuerySelectorAll("thead th").Select(Html.TextOf).ToList();
        var cells = Html.Cells(row);
        var thisYear = cells[headers.IndexOf($"Resultat {Year}")];
        var lastYear = cells[headers.IndexOf($"Resultat {Year - 1}")];

        Assert.NotNull(page.QuerySelectorAll("svg[role=img] title").SingleOrDefault(t => t.TextContent == $"{text} – per år"));
        var trend = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption") is { } c && Html.TextOf(c) == $"{text} – per år");
        var years = trend.QuerySelectorAll("tbody tr").Select(r => (Year: Html.TextOf(r.QuerySelector("th")!), Result: Html.TextOf(r.QuerySelector("td")!))).ToList();
        Assert.InRange(years.Count, 2, 5);
        Assert.Equal(years.Select(y => y.Year).Order(StringComparer.Ordinal), years.Select(y => y.Year));
        Assert.Equal(thisYear, years.Single(y => y.Year == $"{Year}").Result);
        Assert.Equal(lastYear, years.Single(y => y.Year == $"{Year - 1}").Result);

        // Each year's result recomputed straight from that year's registrations.
        var all = await fixture.Factory.WithDbAsync(db => db.StatisticsForYearsAsync(years.Select(y => int.Parse(y.Year, System.Globalization.CultureInfo.InvariantCulture)).ToList()));
        foreach (var (year, result) in years)
        {
            var stats = all[int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)];
            var expected = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 35 }.Evaluate(stats.Total, stats.Outcomes);
            var share = expected.Share!.Value;
            // Whole percent, or with the decimal that decides the comparison with 35 % (43 av 124 is 34,7 %, not 35 %).
            var percent = 100m * share.Fraction!.Value;
            var decisive = Math.Round(percent, 0, MidpointRounding.AwayFromZero) >= 35m != percent >= 35m;
            var shown = decisive ? $"{SwedishFormat.Number(Math.Round(percent, 1, MidpointRounding.AwayFromZero), 1)} %, {share.Numerator} av {share.Denominator}" : SwedishFormat.ShareWithBasis(share);
            Assert.Equal(PageText.Plain(SmallCells.Hides(share) ? SmallCells.HiddenMark : shown), result);
        }

        // A goal entered by hand has no chart.
        Assert.DoesNotContain(page.QuerySelectorAll("caption"), c => Html.TextOf(c) == "Administrationen är högst 10 % av förbundets kostnader. – per år");
    }

    [Fact]
    public async Task The_board_sees_a_small_share_hidden_on_the_dashboard_and_the_drill_down_while_the_kansli_sees_it()
    {
        var (insatsId, text, share) = fixture.SmallGoal;
        var exact = PageText.Plain(SwedishFormat.ShareWithBasis(share));
        foreach (var path in new[] { $"/Oversikt/Mal?ar={Year}", $"/Oversikt/Mal/Insats/{insatsId}?ar={Year}" })
        {
            var board = Html.Parse(await fixture.Board.GetStringAsync(path));
            var row = board.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th") is { } th && Html.TextOf(th) == text);
            var headers = row.Closest("table")!.QuerySelectorAll("thead th").Select(Html.TextOf).ToList();
            Assert.Equal(SmallCells.HiddenMark, Html.Cells(row)[headers.IndexOf($"Utfall {Year}")]);
            Assert.DoesNotContain(exact, PageText.Plain(board.Body!.TextContent), StringComparison.Ordinal);
            if (board.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption") is { } c && Html.TextOf(c).EndsWith($"{text} – per år", StringComparison.Ordinal)) is { } trend)
            {
                Assert.Equal(SmallCells.HiddenMark, Html.TextOf(trend.QuerySelectorAll("tbody tr").Single(r => Html.TextOf(r.QuerySelector("th")!) == $"{Year}").QuerySelector("td")!));
            }

            var kansli = await fixture.Kansli.GetStringAsync(path);
            Assert.Contains(exact, PageText.Plain(Html.Parse(kansli).Body!.TextContent), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Insats_names_link_to_the_aggregate_insats_page_which_links_registrations_only_for_the_kansli()
    {
        var page = Html.Parse(await fixture.Board.GetStringAsync($"/Oversikt/Mal?ar={Year}"));
        var p31 = await fixture.Factory.WithDbAsync(db => db.Insatser.AsNoTracking().SingleAsync(i => i.Code == "P31"));
        var link = page.QuerySelectorAll("caption a").Single(a => Html.TextOf(a) == $"P31 {p31.Name}");
        Assert.Equal($"/Oversikt/Mal/Insats/{p31.Id}?ar={Year}", link.GetAttribute("href"));

        foreach (var role in new[] { Roles.Board, Roles.Auditor })
        {
            var client = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(role));
            var response = await client.GetAsync(link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var insats = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal($"Mål och resultat {Year}: P31 {p31.Name}", Html.TextOf(insats.QuerySelector("h1")!));
            Assert.Single(insats.QuerySelectorAll("table caption"), c => Html.TextOf(c).StartsWith("P31 ", StringComparison.Ordinal));
            var hrefs = insats.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "").ToList();
            Assert.DoesNotContain(hrefs, h => h.StartsWith("/Insatser", StringComparison.Ordinal) || h.StartsWith("/Deltagare", StringComparison.Ordinal));
            Assert.Contains($"/Oversikt/Statistik?ar={Year}&insats={p31.Id}", hrefs);
        }

        var kansli = Html.Parse(await fixture.Kansli.GetStringAsync(link.GetAttribute("href")));
        Assert.Contains(kansli.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/Insatser/Detaljer/{p31.Id}");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Board.GetAsync($"/Oversikt/Mal/Insats/999999?ar={Year}")).StatusCode);
    }

    [Fact]
    public async Task The_json_link_is_offered_to_the_kansli_and_the_director_only()
    {
        static bool HasJson(IDocument page) => page.QuerySelectorAll("a").Any(a => a.GetAttribute("href")?.StartsWith("/api/arsredovisning/", StringComparison.Ordinal) == true);
        Assert.True(HasJson(Html.Parse(await fixture.Kansli.GetStringAsync("/Arsredovisning"))));
        var director = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Director));
        Assert.True(HasJson(Html.Parse(await director.GetStringAsync("/Arsredovisning"))));
        Assert.False(HasJson(Html.Parse(await fixture.Board.GetStringAsync("/Arsredovisning"))));
        var auditor = await fixture.Factory.SignedInClientAsync(await fixture.Factory.CreateUserAsync(Roles.Auditor));
        Assert.False(HasJson(Html.Parse(await auditor.GetStringAsync("/Arsredovisning"))));
        Assert.False(HasJson(Html.Parse(await fixture.Board.GetStringAsync($"/Oversikt/Mal?ar={Year}"))));
    }
}
