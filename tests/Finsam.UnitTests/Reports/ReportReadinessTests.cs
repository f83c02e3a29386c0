using Finsam.Domain.Reports;

namespace Finsam.UnitTests.Reports;

public sealed class ReportReadinessTests
{
    private static List<ReportSectionSetting> Sections() =>
        ReportSectionSetting.Defaults.Select(d => new ReportSectionSetting { Id = d.Id, Kind = d.Kind, Title = d.Title, Order = d.Order, Enabled = d.Enabled }).ToList();

    [Fact]
    public void A_report_with_its_texts_and_signatories_lacks_nothing() =>
        Assert.Empty(ReportReadiness.Missing(Sections(), new HashSet<ReportSectionKind> { ReportSectionKind.ChairmanForeword, ReportSectionKind.AdministrationReport }, 6));

    [Fact]
    public void Missing_texts_are_named_by_the_sections_titles_in_report_order_and_missing_signatories_last()
    {
        var sections = Sections();
        sections.Single(s => s.Kind == ReportSectionKind.AdministrationReport).Title = "Verksamhetsberättelse";
        sections.Single(s => s.Kind == ReportSectionKind.AdministrationReport).Order = 1;

        Assert.Equal(
            ["Avsnittet Verksamhetsberättelse har ingen text.", "Avsnittet Ordförande har ordet har ingen text.", "Inga undertecknare är angivna för styrelsens beslut."],
            ReportReadiness.Missing(sections, new HashSet<ReportSectionKind> { ReportSectionKind.Notes }, 0));
    }

    [Fact]
    public void Sections_that_are_switched_off_need_nothing()
    {
        var sections = Sections();
        sections.Single(s => s.Kind == ReportSectionKind.ChairmanForeword).Enabled = false;
        sections.Single(s => s.Kind == ReportSectionKind.BoardDecision).Enabled = false;

        Assert.Equal(["Avsnittet Förvaltningsberättelse har ingen text."], ReportReadiness.Missing(sections, new HashSet<ReportSectionKind>(), 0));
    }

    [Theory]
    [InlineData(ReportSectionKind.ChairmanForeword, true)]
    [InlineData(ReportSectionKind.AdministrationReport, true)]
    [InlineData(ReportSectionKind.IncomeStatement, false)]
    [InlineData(ReportSectionKind.AccountingPrinciples, false)]
    public void Only_the_sections_made_of_the_förbunds_words_need_a_text(ReportSectionKind kind, bool writtenOnly) =>
        Assert.Equal(writtenOnly, ReportReadiness.IsWrittenOnly(kind));
}
