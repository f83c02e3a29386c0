using Finsam.Domain.Reports;

namespace Finsam.UnitTests.Reports;

public sealed class ReportReadinessTests
{
    private static List<ReportSectionSetting> Sections() =>
        ReportSectionSetting.Defaults.Select(d => new ReportSectionSetting { Id = d.Id, Kind = d.Kind, Title = d.Title, Order = d.Order, Enabled = d.Enabled }).ToList();

    private static HashSet<ReportSectionKind> AllWritten() =>
    [
        ReportSectionKind.ChairmanForeword, ReportSectionKind.AdministrationReport, ReportSectionKind.SignificantEvents, ReportSectionKind.ExpectedDevelopment,
    ];

    [Fact]
    public void A_report_with_its_texts_and_signatories_lacks_nothing() =>
        Assert.Empty(ReportReadiness.Missing(Sections(), AllWritten(), 6));

    [Fact]
    public void Missing_texts_are_named_by_the_sections_titles_in_report_order_and_missing_signatories_last()
    {
        var sections = Sections();
        sections.Single(s => s.Kind == ReportSectionKind.AdministrationReport).Title = "Verksamhetsberättelse";
        sections.Single(s => s.Kind == ReportSectionKind.AdministrationReport).Order = 1;

        Assert.Equal(
            ["Avsnittet Verksamhetsberättelse har ingen text.", "Avsnittet Ordförande har ordet har ingen text.", "Avsnittet Väsentliga händelser har ingen text.",
                "Avsnittet Förväntad utveckling har ingen text.", "Inga undertecknare är angivna för styrelsens beslut."],
            ReportReadiness.Missing(sections, new HashSet<ReportSectionKind> { ReportSectionKind.Notes }, 0));
    }

    [Fact]
    public void Sections_that_are_switched_off_need_nothing()
    {
        var sections = Sections();
        sections.Single(s => s.Kind == ReportSectionKind.ChairmanForeword).Enabled = false;
        sections.Single(s => s.Kind == ReportSectionKind.BoardDecision).Enabled = false;

        sections.Single(s => s.Kind == ReportSectionKind.ExpectedDevelopment).Enabled = false;

        Assert.Equal(["Avsnittet Förvaltningsberättelse har ingen text.", "Avsnittet Väsentliga händelser har ingen text."],
            ReportReadiness.Missing(sections, new HashSet<ReportSectionKind>(), 0));
    }

    [Theory]
    [InlineData(ReportSectionKind.ChairmanForeword, true)]
    [InlineData(ReportSectionKind.AdministrationReport, true)]
    [InlineData(ReportSectionKind.SignificantEvents, true)]
    [InlineData(ReportSectionKind.ExpectedDevelopment, true)]
    [InlineData(ReportSectionKind.IncomeStatement, false)]
    [InlineData(ReportSectionKind.AccountingPrinciples, false)]
    public void Only_the_sections_made_of_the_förbunds_words_need_a_text(ReportSectionKind kind, bool writtenOnly) =>
        Assert.Equal(writtenOnly, ReportReadiness.IsWrittenOnly(kind));

    [Fact]
    public void Assessments_that_are_still_the_rules_suggestion_are_listed()
    {
        var written = AllWritten();
        Assert.Equal(["3 indikatorer har bara regelns förslag till bedömning: bedöm dem under Mål."], ReportReadiness.Missing(Sections(), written, 6, 3));
        Assert.Equal(["1 indikator har bara regelns förslag till bedömning: bedöm den under Mål."], ReportReadiness.Missing(Sections(), written, 6, 1));
    }

    [Theory]
    [InlineData("14", "§ 14")]
    [InlineData("§14", "§ 14")]
    [InlineData(" § 14 ", "§ 14")]
    [InlineData("Protokoll 2026:3 § 14", "Protokoll 2026:3 § 14")]
    public void A_minute_is_written_with_the_paragraph_sign(string typed, string stored) =>
        Assert.Equal(stored, Finsam.Web.Features.AnnualReport.AdoptionHandler.NormaliseMinute(typed));

    [Fact]
    public void The_adoption_is_stated_with_the_date_in_words_and_the_minute()
    {
        var adoption = new Finsam.Reporting.AnnualReport.ReportAdoption(new DateOnly(2026, 3, 12), "§ 14");
        Assert.Equal("Årsredovisningen har fastställts av styrelsen den 12 mars 2026, § 14.", adoption.Statement);
        Assert.Equal("Åkerby den 12 mars 2026", Finsam.Web.Features.AnnualReport.ReportContent.PlaceAndDate("Åkerby", adoption.DecidedOn));
    }
}
