using Finsam.Web.Features.Admin.Audit;

namespace Finsam.UnitTests.Auditing;

/// <summary>The audit log's page names records and checksums in words.</summary>
public sealed class AuditNamesTests
{
    [Fact]
    public void A_checksum_in_the_details_is_named_and_shortened()
    {
        var pdf = new string('a', 60) + "B0C1";
        var excel = "0123456789ABCDEF" + new string('f', 48);
        Assert.Equal(
            "fastställd (version 1); PDF med kontrollsumma aaaaaaaaaaaa…, Excel med kontrollsumma 0123456789ab…",
            AuditNames.Details($"fastställd (version 1); PDF {pdf}, Excel {excel}"));
    }

    [Theory]
    [InlineData("sökning på personnummer")]
    [InlineData("deltagare 12345678")]
    [InlineData("")]
    public void Details_without_a_checksum_are_shown_as_written(string details) =>
        Assert.Equal(details, AuditNames.Details(details));

    [Fact]
    public void A_report_text_is_named_by_its_section()
    {
        Assert.Equal("Årsredovisningens text 2024, Ordförande har ordet", AuditNames.Describe("AnnualReportText", "2024/ChairmanForeword"));
        Assert.Equal("Deltagarlistan", AuditNames.Describe("EnrolmentList", null));
    }
}
