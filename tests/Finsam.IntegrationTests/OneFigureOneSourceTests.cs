using Finsam.Data.Identity;
using Finsam.Domain.Goals;
using Finsam.Reporting.AnnualReport;
using Finsam.TestSupport;
using Finsam.Web.Features.AnnualReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>
/// One figure, one source (docs/annual-report.md): the demo report's text and its goal tables state the same
/// administration share and eget kapital against the ceiling, and each målområde's status follows its indicators
/// unless overridden with a reason, which is printed beside it.
/// </summary>
public sealed class OneFigureOneSourceTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2025;
    private FinsamFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new FinsamFactory();
        await _factory.SeedDemoAsync(2026);
        await _factory.ConfirmSuggestedAssessmentsAsync(Year);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    private async Task<AnnualReportModel> ModelAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<AnnualReportService>().BuildAsync(Year, CancellationToken.None);
        Assert.NotNull(model);
        return model;
    }

    private static IEnumerable<ReportBlock> Blocks(AnnualReportModel model) => model.Sections.SelectMany(s => s.Blocks);

    private static IEnumerable<string> Paragraphs(AnnualReportModel model) => Blocks(model).OfType<ParagraphBlock>().Select(p => p.Text);

    /// <summary>The indicator's row of the goal tables: Indikator, Mått, Mål, Resultat år, Resultat föregående år, Bedömning, Kommentar.</summary>
    private static List<string> IndicatorRow(AnnualReportModel model, string indicator) =>
        Blocks(model).OfType<TableBlock>().SelectMany(t => t.Table.Rows).Single(r => r.Cells[0].Text == indicator).Cells.Select(c => c.Text ?? "").ToList();

    [Fact]
    public async Task The_report_text_and_the_goal_table_state_the_same_administration_share_and_equity()
    {
        var model = await ModelAsync();

        const string prefix = "Kostnaderna för administration utgör ";
        var sentence = Assert.Single(Paragraphs(model), p => p.StartsWith(prefix, StringComparison.Ordinal));
        var share = sentence[prefix.Length..sentence.IndexOf(" av förbundets", StringComparison.Ordinal)];
        var administration = IndicatorRow(model, "Administrationen är högst 10 % av förbundets kostnader.");
        Assert.Equal(share, administration[3]);
        Assert.EndsWith("\u00a0%", share, StringComparison.Ordinal);
        var percent = decimal.Parse(share.Replace("\u00a0%", "", StringComparison.Ordinal), System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
        Assert.Equal(percent <= 10m ? "Uppfyllt" : "Ej uppfyllt", administration[5]);

        var equity = IndicatorRow(model, "Eget kapital överstiger inte den rekommenderade nivån (taket).");
        Assert.StartsWith("eget kapital ", equity[3], StringComparison.Ordinal);
        var equitySentence = Assert.Single(Paragraphs(model), p => p.StartsWith("Målet att eget kapital", StringComparison.Ordinal));
        Assert.Contains(equity[3], equitySentence, StringComparison.Ordinal);
        var over = equity[3].Contains("över taket", StringComparison.Ordinal);
        Assert.Equal(over ? "Ej uppfyllt" : "Uppfyllt", equity[5]);
        Assert.Equal(over, equitySentence.Contains("har inte uppnåtts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_goal_area_s_status_follows_its_indicators_unless_overridden_with_a_printed_reason()
    {
        var model = await ModelAsync();
        var headings = Blocks(model).ToList();
        var areas = await _factory.WithDbAsync(db => db.GoalAreas.AsNoTracking().Where(a => a.Year == Year).OrderBy(a => a.Number)
            .Include(a => a.Objectives).ThenInclude(o => o.Indicators).ToListAsync());
        Assert.NotEmpty(areas);
        GoalAssessment? economyStatus = null;
        foreach (var area in areas)
        {
            // The printed status is the rule's over the printed assessments of the area's indicators.
            var start = headings.FindIndex(b => b is HeadingBlock h && h.Text == $"Målområde {area.Number}: {area.Name}");
            var next = headings.FindIndex(start + 1, b => b is HeadingBlock);
            var mine = headings.Skip(start + 1).Take((next < 0 ? headings.Count : next) - start - 1).ToList();
            var assessments = mine.OfType<TableBlock>().Where(t => t.Table.Key.StartsWith($"Mål {area.Number} ", StringComparison.Ordinal)).SelectMany(t => t.Table.Rows).Select(r => r.Cells[5].Text).Select(t => t switch
            {
                "Uppfyllt" => (GoalAssessment?)GoalAssessment.Met,
                "Delvis uppfyllt" => GoalAssessment.PartlyMet,
                "Ej uppfyllt" => GoalAssessment.NotMet,
                _ => null,
            }).ToList();
            var expected = GoalArea.StatusOf(assessments);
            Assert.NotNull(expected);
            economyStatus = area.Number == 3 ? expected : economyStatus;
            var status = Assert.Single(mine.OfType<ParagraphBlock>(), p => p.Text.StartsWith("Bedömning:", StringComparison.Ordinal));
            Assert.StartsWith($"Bedömning: {Finsam.Domain.Formatting.SwedishNames.Of(expected.Value)} (enligt indikatorerna)", status.Text, StringComparison.Ordinal);
        }

        // An override needs a written reason (a message at the field, nothing saved); with one, the report prints it.
        var kansli = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Kansli));
        var economy = areas.Single(a => a.Number == 3);
        var chosen = economyStatus == GoalAssessment.Met ? GoalAssessment.NotMet : GoalAssessment.Met;
        List<KeyValuePair<string, string>> Form(string reason) =>
        [
            new("Input.Version", economy.Version.ToString()), new("Input.Number", "3"), new("Input.Name", economy.Name),
            new("Input.Assessment", chosen.ToString()), new("Input.AssessmentReason", reason), new("Input.Comment", ""),
        ];
        var refused = Html.Parse(await (await kansli.PostFormAsync($"/Mal/Omrade/{economy.Id}", Form(""))).Content.ReadAsStringAsync());
        Assert.Contains("Skriv varför bedömningen avviker från indikatorerna", Html.TextOf(refused.Body!), StringComparison.Ordinal);
        Assert.Null(await _factory.WithDbAsync(db => db.GoalAreas.Where(a => a.Id == economy.Id).Select(a => a.Assessment).SingleAsync()));

        const string reason = "Överskottet är beslutat att användas till insatser 2026.";
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await kansli.PostFormAsync($"/Mal/Omrade/{economy.Id}", Form(reason))).StatusCode);
        var printed = Assert.Single(Paragraphs(await ModelAsync()), p => p.StartsWith($"Bedömning: {Finsam.Domain.Formatting.SwedishNames.Of(chosen)} (avviker från indikatorerna, som ger {Finsam.Domain.Formatting.SwedishNames.Of(economyStatus!.Value).ToLowerInvariant()}", StringComparison.Ordinal));
        Assert.Contains(reason.TrimEnd('.'), printed, StringComparison.Ordinal);
    }
}
