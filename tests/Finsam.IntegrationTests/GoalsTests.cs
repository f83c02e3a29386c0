using System.Net;
using System.Text;
using Finsam.Data.Identity;
using Finsam.Domain.Formatting;
using Finsam.Domain.Goals;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The dashboard's and goal pages' numbers equal the registrations; the kansli manages goals, ratings and surveys.</summary>
public sealed class GoalsTests(GoalsTests.Fixture fixture) : IClassFixture<GoalsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Board { get; private set; } = null!;

        public HttpClient Kansli { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Factory.SeedDemoAsync(2025);
            Board = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Board));
            Kansli = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Kansli));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private sealed record Row(string Insats, bool Counts, DateOnly Start, DateOnly? End, EndReason? Reason, Gender Gender, int Person);

    /// <summary>Every enrolment straight from the tables, for recomputing independently of the statistics code.</summary>
    private Task<List<Row>> RowsAsync() => fixture.Factory.WithDbAsync(db => db.Enrolments.AsNoTracking()
        .Select(e => new Row(e.Insats!.Code + " " + e.Insats.Name, e.Insats.CountsInParticipantTotals, e.StartDate, e.EndDate, e.EndReason, e.Participant!.Gender, e.ParticipantId))
        .ToListAsync());

    private static bool Current(Row r, int year) => r.Start.Year <= year && (r.End is null || r.End.Value.Year >= year);

    private static string Normalise(string html) => WebUtility.HtmlDecode(html).Replace('\u00a0', ' ').Replace('\u2212', '-');

    private static IReadOnlyList<string> RowCells(string html, string caption, string rowHeader) => Html.RowCells(Html.Parse(html), caption, rowHeader);

    /// <summary>The value beside a term of a key-figure list (dt/dd).</summary>
    private static string KeyFigure(string html, string term)
    {
        var dt = Html.Parse(html).QuerySelectorAll("dt").FirstOrDefault(d => Html.TextOf(d) == term);
        Assert.True(dt?.NextElementSibling is not null, $"No key figure \"{term}\".");
        return Html.TextOf(dt.NextElementSibling);
    }

    [Fact]
    public async Task The_dashboard_shows_the_key_figures_and_participants_per_insats_of_the_registrations()
    {
        var rows = await RowsAsync();
        var html = Normalise(await fixture.Board.GetStringAsync("/Oversikt?ar=2024"));

        var counted = rows.Where(r => r.Counts && Current(r, 2024)).ToList();
        var ended = counted.Where(r => r.End?.Year == 2024).ToList();
        Assert.Equal(Normalise(SwedishFormat.Number(counted.Count)), KeyFigure(html, "Aktuella deltagare"));
        Assert.Equal(Normalise(SwedishFormat.Number(counted.Select(r => r.Person).Distinct().Count())), KeyFigure(html, "Unika individer"));
        Assert.Equal(Normalise(SwedishFormat.Number(counted.Count(r => r.Start.Year == 2024))), KeyFigure(html, "Nya deltagare"));
        Assert.Equal(Normalise(SwedishFormat.Number(ended.Count)), KeyFigure(html, "Avslutade deltagare"));
        var toWork = ended.Count(r => r.Reason is EndReason.Work or EndReason.Studies);
        Assert.Equal(Normalise(SwedishFormat.ShareWithBasis(new Share(toWork, ended.Count))), KeyFigure(html, "Till arbete eller studier"));

        foreach (var insats in rows.Where(r => Current(r, 2024)).GroupBy(r => r.Insats))
        {
            var cells = RowCells(html, "Deltagare per insats 2024", insats.Key);
            Assert.Equal(
                [insats.Count(r => r.Gender == Gender.Woman).ToString(System.Globalization.CultureInfo.InvariantCulture), insats.Count(r => r.Gender == Gender.Man).ToString(System.Globalization.CultureInfo.InvariantCulture), insats.Count(r => r.Gender == Gender.OtherOrUnspecified).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                cells);
        }

        // The chart itself is drawn from the same figures: one bar title per insats and gender.
        var first = rows.Where(r => Current(r, 2024)).GroupBy(r => r.Insats).OrderBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.Contains($"<title>{first.Key}, Kvinnor: {first.Count(r => r.Gender == Gender.Woman)}</title>", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_outcome_shares_by_gender_and_trends_from_the_registrations()
    {
        var rows = await RowsAsync();
        // Exact figures: Kansli (person access); the board sees them under the small-cell rule (SmallCellTests).
        var html = Normalise(await fixture.Kansli.GetStringAsync("/Oversikt?ar=2025"));
        var ended = rows.Where(r => r.Counts && r.End?.Year == 2025).ToList();
        foreach (var reason in Enum.GetValues<EndReason>())
        {
            var women = ended.Where(r => r.Gender == Gender.Woman).ToList();
            var men = ended.Where(r => r.Gender == Gender.Man).ToList();
            Assert.Equal(
                [
                    Normalise(SwedishFormat.ShareWithBasis(new Share(women.Count(r => r.Reason == reason), women.Count))),
                    Normalise(SwedishFormat.ShareWithBasis(new Share(men.Count(r => r.Reason == reason), men.Count))),
                    Normalise(SwedishFormat.ShareWithBasis(new Share(ended.Count(r => r.Reason == reason), ended.Count))),
                ],
                RowCells(html, "Avslutsorsak per kön 2025", SwedishNames.Of(reason)));
        }

        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var counted = rows.Where(r => r.Counts && Current(r, year)).ToList();
            var cells = RowCells(html, "Deltagare per år", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Normalise(SwedishFormat.Number(counted.Count)), cells[0]);
            Assert.Equal(Normalise(SwedishFormat.Number(counted.Count(r => r.End?.Year == year))), cells[2]);
        }
    }

    [Fact]
    public async Task The_dashboard_compares_budget_and_outcome_from_the_driftsredovisning()
    {
        var operating = (await fixture.Factory.WithDbAsync(db => Finsam.Data.Queries.StatementQuery.StatementsForYearAsync(db, 2024)))!.Operating;
        var html = Normalise(await fixture.Board.GetStringAsync("/Oversikt?ar=2024"));
        Assert.Equal(Normalise(SwedishFormat.Tkr(operating.Actual.Cost)), KeyFigure(html, "Kostnader, utfall (tkr)"));
        var rows = operating.Categories.SelectMany(c => c.Rows).Where(r => r.Budget is { Cost: > 0m } && r.Actual.Cost > 0m).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Equal(
                [Normalise(SwedishFormat.Tkr(row.Budget!.Value.Cost)), Normalise(SwedishFormat.Tkr(row.Actual.Cost))],
                RowCells(html, "Kostnader: budget och utfall 2024", row.Text));
        }

        html = Normalise(await fixture.Board.GetStringAsync("/Oversikt?ar=2025"));
        Assert.Contains("Ingen bokföring är inläst för 2025", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statistics_page_splits_the_ended_by_reason_and_gender_as_registered()
    {
        var rows = await RowsAsync();
        // Exact figures: Kansli (person access); the board sees them under the small-cell rule (SmallCellTests).
        var html = Normalise(await fixture.Kansli.GetStringAsync("/Oversikt/Statistik?ar=2024"));
        var ended = rows.Where(r => r.Counts && r.End?.Year == 2024).ToList();
        var women = RowCells(html, "Avslutade 2024 per avslutsorsak och kön", "Kvinna");
        Assert.Equal(
            Enum.GetValues<EndReason>().Select(reason => ended.Count(r => r.Gender == Gender.Woman && r.Reason == reason).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(ended.Count(r => r.Gender == Gender.Woman).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            women);
        var days = ended.Where(r => r.Gender == Gender.Man).Select(r => r.End!.Value.DayNumber - r.Start.DayNumber + 1).ToList();
        Assert.Equal(
            [days.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Normalise(SwedishFormat.Number(Math.Round((decimal)days.Sum() / days.Count, 0, MidpointRounding.AwayFromZero)))],
            RowCells(html, "Genomsnittligt antal dagar i insats för de avslutade 2024", "Män"));
    }

    [Fact]
    public async Task Goals_show_results_computed_from_the_registrations()
    {
        var rows = await RowsAsync();
        var html = Normalise(await fixture.Board.GetStringAsync("/Oversikt/Mal?ar=2024"));

        var ended = rows.Where(r => r.Counts && r.End?.Year == 2024).ToList();
        var share = new Share(ended.Count(r => r.Reason is EndReason.Work or EndReason.Studies), ended.Count);
        var cells = RowCells(html, "Målsättning: Individer i behov av samordnade rehabiliteringsinsatser uppnår eller förbättrar sin förmåga att utföra förvärvsarbete.", "35 % av deltagarna arbetar eller studerar vid avslut.");
        Assert.Equal("minst 35 %", cells[1]);
        // Shown with the decimal that decides the comparison when the whole percent would not (43 av 124 is 34,7 %, not 35 %).
        var percent = 100m * share.Fraction!.Value;
        var decisive = Math.Round(percent, 0, MidpointRounding.AwayFromZero) >= 35m != percent >= 35m;
        Assert.Equal(
            Normalise(decisive ? $"{SwedishFormat.Number(Math.Round(percent, 1, MidpointRounding.AwayFromZero), 1)} %, {share.Numerator} av {share.Denominator}" : SwedishFormat.ShareWithBasis(share)),
            cells[2]);
        Assert.Equal(share.Fraction >= 0.35m ? "✓ Uppfyllt (förslag)" : "✗ Ej uppfyllt (förslag)", cells[4]);

        var p31 = rows.Where(r => r.Insats.StartsWith("P31 ", StringComparison.Ordinal) && Current(r, 2024)).ToList();
        var goal = await fixture.Factory.WithDbAsync(db => db.InsatsGoals.AsNoTracking().SingleAsync(g => g.Year == 2024 && g.Insats!.Code == "P31" && g.Measure.Metric == GoalMetric.Participants));
        var insatsTable = Html.Parse(html).QuerySelectorAll("caption").Select(Html.TextOf).Single(c => c.StartsWith("P31 ", StringComparison.Ordinal));
        var participants = RowCells(html, insatsTable, goal.Text);
        Assert.Equal(p31.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), participants[2]);
        Assert.Equal(p31.Count >= goal.Measure.Target ? "✓ Uppfyllt" : "✗ Ej uppfyllt", participants[4]);
        Assert.Contains("(ändrad från förslaget", insatsTable, StringComparison.Ordinal);
        Assert.Contains("Skäl till bedömningen: Två av tre tjänster", html, StringComparison.Ordinal);
        Assert.Contains("Indikatormätning 2024", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Oversikt?ar=2024")]
    [InlineData("/Oversikt/Mal?ar=2024")]
    [InlineData("/Oversikt/Statistik?ar=2024")]
    public async Task No_page_for_the_board_reveals_a_person(string url)
    {
        var html = await fixture.Board.GetStringAsync(url);
        Assert.DoesNotContain("/Deltagare", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Deltagar-nr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Deltagande-nr", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Födelseår", html, StringComparison.Ordinal);
        var firstStart = await fixture.Factory.WithDbAsync(db => db.Enrolments.OrderBy(e => e.Id).Select(e => e.StartDate).FirstAsync());
        Assert.DoesNotContain(SwedishFormat.Date(firstStart), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_goal_area_is_removed_with_its_objectives_only_after_the_confirmation_tick()
    {
        // A year no other test of the class uses.
        var year = TestClock.Today.Year + 1;
        var created = await fixture.Kansli.PostFormAsync($"/Mal/Omrade?ar={year}", new Dictionary<string, string> { ["Input.Number"] = "1", ["Input.Name"] = "Att ta bort", ["ar"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var areaId = await fixture.Factory.WithDbAsync(db => db.GoalAreas.Where(a => a.Year == year).Select(a => a.Id).SingleAsync());
        var page = $"/Mal/Omrade/{areaId}";
        Assert.StartsWith("Målområdet tas bort; det har inga målsättningar.", Html.TextOf(Html.Parse(await fixture.Kansli.GetStringAsync(page)).QuerySelector("section.remove .hint")!), StringComparison.Ordinal);

        // A demo area's confirmation names what goes with it.
        var (demoArea, objectives, indicators) = await fixture.Factory.WithDbAsync(async db =>
        {
            var area = await db.GoalAreas.Where(a => a.Objectives.Count > 1 && a.Objectives.SelectMany(o => o.Indicators).Count() > 1).Select(a => a.Id).FirstAsync();
            return (area, await db.Objectives.CountAsync(o => o.GoalAreaId == area), await db.Indicators.CountAsync(i => i.Objective!.GoalAreaId == area));
        });
        Assert.StartsWith($"Målområdet tas bort med {objectives} målsättningar och {indicators} indikatorer och deras resultat och bedömningar.",
            Html.TextOf(Html.Parse(await fixture.Kansli.GetStringAsync($"/Mal/Omrade/{demoArea}")).QuerySelector("section.remove .hint")!), StringComparison.Ordinal);

        var unconfirmed = Html.Parse(await (await fixture.Kansli.PostFormAsync(page + "?handler=Delete", [], getUrl: page)).Content.ReadAsStringAsync());
        Assert.Equal("Kryssa i rutan för att bekräfta att målområdet ska tas bort.", Html.TextOf(unconfirmed.QuerySelector("#bekrafta-fel")!));
        Assert.Equal("Att ta bort", unconfirmed.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.True(await fixture.Factory.WithDbAsync(db => db.GoalAreas.AnyAsync(a => a.Id == areaId)));

        var removed = await fixture.Kansli.PostFormAsync(page + "?handler=Delete", [new("confirm", "true")], getUrl: page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.GoalAreas.AnyAsync(a => a.Id == areaId)));
    }

    [Fact]
    public async Task An_insats_goal_is_removed_only_after_the_confirmation_tick_that_names_it()
    {
        var year = TestClock.Today.Year + 1;
        var insatsId = await fixture.Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P31").Select(i => i.Id).SingleAsync());
        var yearText = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await fixture.Kansli.PostFormAsync($"/Mal/Insatsmal?ar={yearText}&insats={insatsId}", new Dictionary<string, string>
        {
            ["Input.Text"] = "Ett mål att ta bort", ["Input.SortOrder"] = "1", ["Input.Measure.Metric"] = "Qualitative", ["ar"] = yearText,
            ["insats"] = insatsId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var goalId = await fixture.Factory.WithDbAsync(db => db.InsatsGoals.Where(g => g.Year == year && g.Text == "Ett mål att ta bort").Select(g => g.Id).SingleAsync());
        var page = $"/Mal/Insatsmal/{goalId}";

        var form = Html.Parse(await fixture.Kansli.GetStringAsync(page)).QuerySelector("section.remove")!;
        Assert.Contains("\"Ett mål att ta bort\" (P31 Samverkansteam Åkerby)", Html.TextOf(form), StringComparison.Ordinal);

        var unconfirmed = Html.Parse(await (await fixture.Kansli.PostFormAsync(page + "?handler=Delete", [], getUrl: page)).Content.ReadAsStringAsync());
        Assert.Equal("Kryssa i rutan för att bekräfta att insatsmålet ska tas bort.", Html.TextOf(unconfirmed.QuerySelector("#bekrafta-fel")!));
        Assert.True(await fixture.Factory.WithDbAsync(db => db.InsatsGoals.AnyAsync(g => g.Id == goalId)));

        var removed = await fixture.Kansli.PostFormAsync(page + "?handler=Delete", [new("confirm", "true")], getUrl: page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.InsatsGoals.AnyAsync(g => g.Id == goalId)));
    }

    [Fact]
    public async Task The_kansli_builds_a_goal_tree_and_the_indicator_is_computed()
    {
        var response = await fixture.Kansli.PostFormAsync("/Mal/Omrade?ar=2026", new Dictionary<string, string> { ["Input.Number"] = "1", ["Input.Name"] = "", ["ar"] = "2026" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ange målområdets namn.", html, StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.GoalAreas.AnyAsync(a => a.Year == 2026)));

        response = await fixture.Kansli.PostFormAsync("/Mal/Omrade?ar=2026", new Dictionary<string, string> { ["Input.Number"] = "4", ["Input.Name"] = "Testområde", ["ar"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var areaId = await fixture.Factory.WithDbAsync(db => db.GoalAreas.Where(a => a.Year == 2026 && a.Name == "Testområde").Select(a => a.Id).SingleAsync());
        response = await fixture.Kansli.PostFormAsync($"/Mal/Malsattning?omrade={areaId}", new Dictionary<string, string> { ["Input.Text"] = "Testmålsättning", ["Input.SortOrder"] = "1", ["omrade"] = areaId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var objectiveId = await fixture.Factory.WithDbAsync(db => db.Objectives.Where(o => o.GoalAreaId == areaId).Select(o => o.Id).SingleAsync());

        // A manual result without a source is refused; a negative share target too (above 100 % is allowed: 200 % doubles).
        var indicator = new Dictionary<string, string>
        {
            ["Input.Text"] = "Många nöjda", ["Input.SortOrder"] = "1", ["Input.Measure.Metric"] = "Manual", ["Input.Measure.Direction"] = "AtLeast",
            ["Input.Measure.ManualUnit"] = "Percent", ["Input.Measure.Target"] = "-5", ["Input.Measure.ManualResult"] = "84", ["malsattning"] = objectiveId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        html = await (await fixture.Kansli.PostFormAsync($"/Mal/Indikator?malsattning={objectiveId}", indicator)).Content.ReadAsStringAsync();
        Assert.Contains("Ett mål i procent ska vara mellan 0 och 10 000 (200 betyder en fördubbling).", html, StringComparison.Ordinal);
        Assert.Contains("Ange källan till ett utfall", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Measure_Target\"", html, StringComparison.Ordinal);

        indicator["Input.Measure.Metric"] = "NewParticipants";
        indicator["Input.Measure.Target"] = "1";
        indicator["Input.Text"] = "Minst en ny deltagare";
        indicator["Input.Measure.ManualResult"] = "";
        response = await fixture.Kansli.PostFormAsync($"/Mal/Indikator?malsattning={objectiveId}", indicator);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.ObjectiveId == objectiveId));
        Assert.Equal(GoalMetric.NewParticipants, saved.Measure.Metric);
        Assert.Equal(1m, saved.Measure.Target);

        html = Normalise(await fixture.Kansli.GetStringAsync("/Mal?ar=2025"));
        Assert.Contains("Målområde 1: Stödja metod- och kunskapsutveckling", html, StringComparison.Ordinal);
        Assert.Contains("Nytt målområde", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_as_forbund_write_them_are_saved_and_a_structural_insats_refuses_computed_measures()
    {
        var insatsId = await fixture.Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P20").Select(i => i.Id).SingleAsync());
        var url = $"/Mal/Insatsmal?ar=2025&insats={insatsId}";
        var form = new Dictionary<string, string>
        {
            ["Input.Text"] = "Dubbla antalet utbildade handläggare", ["Input.SortOrder"] = "1", ["Input.Measure.Metric"] = "WorkOrStudiesShare",
            ["Input.Measure.Direction"] = "AtLeast", ["Input.Measure.ManualUnit"] = "Percent", ["Input.Measure.Target"] = "200", ["ar"] = "2025",
            ["insats"] = insatsId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // A strukturinriktad insats has no participants: a computed measure is refused at the field.
        var page = Html.Parse(await (await fixture.Kansli.PostFormAsync(url, form)).Content.ReadAsStringAsync());
        Assert.Equal("Insatsen har inga deltagare: välj ett manuellt eller kvalitativt mått.", page.QuerySelector("#Input_Measure_Metric-fel")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_Measure_Metric")!.GetAttribute("aria-invalid"));

        // n without N is refused at the N field; with both, the target of 200 % is kept and the share computed.
        form["Input.Measure.Metric"] = "Manual";
        form["Input.Measure.ManualNumerator"] = "84";
        form["Input.Measure.SourceNote"] = "Kursregister";
        page = Html.Parse(await (await fixture.Kansli.PostFormAsync(url, form)).Content.ReadAsStringAsync());
        Assert.Equal("Ange underlaget (N) till antalet, t.ex. 96 i \"89 av 96\".", page.QuerySelector("#Input_Measure_ManualDenominator-fel")!.TextContent);
        form["Input.Measure.ManualDenominator"] = "66";
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Kansli.PostFormAsync(url, form)).StatusCode);

        // A qualitative goal: a written result and an assessment, judged by hand.
        var qualitative = new Dictionary<string, string>(form)
        {
            ["Input.Text"] = "Metoden är känd hos parterna", ["Input.Measure.Metric"] = "Qualitative", ["Input.Measure.Target"] = "",
            ["Input.Measure.ManualNumerator"] = "", ["Input.Measure.ManualDenominator"] = "", ["Input.Measure.SourceNote"] = "",
            ["Input.Measure.ResultText"] = "Informationsträffar hos alla tre kommunerna.", ["Input.Measure.QualitativeAssessment"] = "PartlyMet",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Kansli.PostFormAsync(url, qualitative)).StatusCode);

        var saved = await fixture.Factory.WithDbAsync(db => db.InsatsGoals.AsNoTracking().Where(g => g.InsatsId == insatsId && g.Year == 2025).OrderBy(g => g.Id).ToListAsync());
        Assert.Equal((200m, 84, 66), (saved[^2].Measure.Target, saved[^2].Measure.ManualNumerator, saved[^2].Measure.ManualDenominator));
        Assert.Equal(GoalAssessment.PartlyMet, saved[^1].Measure.QualitativeAssessment);

        var goals = Html.Parse(await fixture.Kansli.GetStringAsync("/Mal?ar=2025"));
        var table = goals.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("P20 ", StringComparison.Ordinal));
        var doubled = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Dubbla antalet", StringComparison.Ordinal));
        Assert.Equal(["minst 200\u00a0%", "127\u00a0%, 84 av 66"], doubled.QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent));
        var written = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Metoden är känd", StringComparison.Ordinal));
        Assert.Equal(["Informationsträffar hos alla tre kommunerna.", "◐ Delvis uppfyllt"], written.QuerySelectorAll("td").Select(c => c.TextContent).Where((_, i) => i is 2 or 4));
    }

    [Fact]
    public async Task Overriding_the_suggested_rating_needs_a_reason()
    {
        var insatsId = await fixture.Factory.WithDbAsync(db => db.Insatser.Where(i => i.Code == "P30").Select(i => i.Id).SingleAsync());
        var url = $"/Mal/Bedomning/{insatsId}?ar=2023";
        var page = Normalise(await fixture.Kansli.GetStringAsync(url));
        var rule = Html.Parse(page).QuerySelectorAll("strong").Single(e => e.TextContent == "Förslag enligt regeln:");
        var suggested = Html.TextOf(rule.ParentElement!)["Förslag enligt regeln: ".Length..].Split(',')[0];
        var other = RatingScale.Default.Levels.First(l => l.Name != suggested).Name;

        var html = await (await fixture.Kansli.PostFormAsync(url, new Dictionary<string, string> { ["Input.Rating"] = other, ["Input.Version"] = Guid.Empty.ToString() })).Content.ReadAsStringAsync();
        Assert.Contains("Ange skälet till att bedömningen avviker från förslaget.", html, StringComparison.Ordinal);
        Assert.False(await fixture.Factory.WithDbAsync(db => db.InsatsRatings.AnyAsync(r => r.InsatsId == insatsId && r.Year == 2023)));

        var response = await fixture.Kansli.PostFormAsync(url, new Dictionary<string, string> { ["Input.Rating"] = other, ["Input.OverrideReason"] = "Styrgruppens bedömning.", ["Input.Version"] = Guid.Empty.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rating = await fixture.Factory.WithDbAsync(db => db.InsatsRatings.AsNoTracking().SingleAsync(r => r.InsatsId == insatsId && r.Year == 2023));
        Assert.Equal((other, "Styrgruppens bedömning."), (rating.Rating, rating.OverrideReason));
        Assert.Contains($"måluppfyllelse {other} (ändrad från förslaget", Normalise(await fixture.Board.GetStringAsync("/Oversikt/Mal?ar=2023")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survey_aggregates_are_imported_whole_or_not_at_all()
    {
        var response = await fixture.Kansli.PostFormAsync("/Mal/Enkat?ar=2023", new Dictionary<string, string> { ["Input.Name"] = "Testmätning 2023", ["Input.Version"] = Guid.Empty.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roundId = await fixture.Factory.WithDbAsync(db => db.SurveyRounds.Where(r => r.Name == "Testmätning 2023").Select(r => r.Id).SingleAsync());
        var url = $"/Mal/Enkat/{roundId}?handler=Import";

        var bad = "Grupp;Fråga;Svarande;Negativa;Neutrala;Positiva;Riket andel positiva\nPersonal;Samverkan?;16;4;3;9;62\nChefer;Samverkan?;8;1;1;5;\n";
        var html = Normalise(await (await fixture.Kansli.UploadAsync(url, "fil", "enkat.csv", Encoding.UTF8.GetBytes(bad))).Content.ReadAsStringAsync());
        Assert.Contains("Inget har ändrats.", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td><td>Svarande</td><td>Negativa, neutrala och positiva svar är 7 tillsammans men antalet svarande är 8.</td>", html, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.SurveyResults.CountAsync(r => r.SurveyRoundId == roundId)));

        var good = "Grupp;Fråga;Svarande;Negativa;Neutrala;Positiva;Riket andel positiva\nPersonal;Samverkan?;16;4;3;9;62\nStyrelse;Samverkan?;5;;;;\n";
        html = Normalise(await (await fixture.Kansli.UploadAsync(url, "fil", "enkat.csv", Encoding.UTF8.GetBytes(good))).Content.ReadAsStringAsync());
        Assert.Contains("Rad", html, StringComparison.Ordinal);
        Assert.Contains("Ange antal eller andel positiva svar.", html, StringComparison.Ordinal);

        good = "Grupp;Fråga;Svarande;Negativa;Neutrala;Positiva;Andel positiva;Riket andel positiva\nPersonal;Samverkan?;16;4;3;9;;62\nStyrelse;Samverkan?;5;;;;100;\n";
        response = await fixture.Kansli.UploadAsync(url, "fil", "enkat.csv", Encoding.UTF8.GetBytes(good));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var results = await fixture.Factory.WithDbAsync(db => db.SurveyResults.AsNoTracking().Where(r => r.SurveyRoundId == roundId).OrderBy(r => r.Group).ToListAsync());
        Assert.Equal(["Personal", "Styrelse"], results.Select(r => r.Group));
        Assert.Equal(56.3m, results[0].PositiveShare);
        Assert.Equal(100m, results[1].PositiveShare);

        var personal = Html.Parse(await fixture.Board.GetStringAsync("/Oversikt/Mal?ar=2023")).QuerySelectorAll("tr")
            .Single(r => r.QuerySelector("th[scope=row]") is { } th && th.TextContent == "Personal");
        // No number asked in the file: no svarsfrekvens; 56,3 % klart positiva against riket's 62 % is −6 procentenheter (TextOf writes the minus as "-").
        // The board sees the 4 negative and 3 neutral answers hidden (answers of 1–4 respondents, SurveySmallCells).
        Assert.Equal(["16", "–", "..", "..", "56 % (9)", "62 %", "-6 procentenheter"], personal.QuerySelectorAll("td.num").Select(Html.TextOf).Take(7));

        // Removing one result asks first, naming it; only the confirming button removes it.
        var page = $"/Mal/Enkat/{roundId}";
        var remove = $"{page}?handler=DeleteResult&resultId={results[1].Id}";
        var asked = Html.Parse(await (await fixture.Kansli.PostFormAsync(remove, [], getUrl: page)).Content.ReadAsStringAsync());
        Assert.StartsWith("Resultatet för Styrelse på frågan ”Samverkan?” tas bort ur Testmätning 2023", Html.TextOf(asked.QuerySelector("section.remove p")!), StringComparison.Ordinal);
        Assert.Equal(2, await fixture.Factory.WithDbAsync(db => db.SurveyResults.CountAsync(r => r.SurveyRoundId == roundId)));
        var confirmed = await fixture.Kansli.PostFormAsync(remove, [new("confirm", "true")], getUrl: page);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(["Personal"], await fixture.Factory.WithDbAsync(db => db.SurveyResults.Where(r => r.SurveyRoundId == roundId).Select(r => r.Group).ToListAsync()));
    }
}
