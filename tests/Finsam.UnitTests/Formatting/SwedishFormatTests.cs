using Finsam.Domain.Formatting;
using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Formatting;

public sealed class SwedishFormatTests
{
    private const char Nbsp = '\u00a0';

    [Theory]
    [InlineData(1234.5, 1, "1 234,5")]
    [InlineData(13506000, 0, "13 506 000")]
    [InlineData(0.25, 2, "0,25")]
    [InlineData(-1234, 0, "\u22121 234")]
    public void Numbers_use_swedish_separators_and_minus(double value, int decimals, string expected) =>
        Assert.Equal(expected.Replace(' ', Nbsp), SwedishFormat.Number((decimal)value, decimals));

    [Fact]
    public void Tkr_divides_by_thousand_with_one_decimal() =>
        Assert.Equal($"13{Nbsp}506,0", SwedishFormat.Tkr(13_506_000m));

    [Fact]
    public void Kronor_have_unit() => Assert.Equal($"1{Nbsp}234{Nbsp}kr", SwedishFormat.Kronor(1234m));

    [Theory]
    [InlineData(5, 17, "29\u00a0%, 5 av 17")]
    [InlineData(1, 11, "9\u00a0%, 1 av 11")]
    [InlineData(66, 78, "85\u00a0%, 66 av 78")]
    [InlineData(1, 8, "13\u00a0%, 1 av 8")]
    [InlineData(0, 0, "–, 0 av 0")]
    public void Shares_show_percent_and_basis_as_in_the_bilaga(int numerator, int denominator, string expected) =>
        Assert.Equal(expected, SwedishFormat.ShareWithBasis(new Share(numerator, denominator)));

    [Fact]
    public void Dates_are_iso() => Assert.Equal("2026-02-03", SwedishFormat.Date(new DateOnly(2026, 2, 3)));

    [Theory]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1\u00a0234,5", 1234.5)]
    [InlineData("1\u202f234", 1234)]
    [InlineData("\u221212,75", -12.75)]
    [InlineData("-12.75", -12.75)]
    [InlineData(" 0 ", 0)]
    public void Parsing_accepts_what_people_and_sv_se_write(string text, double expected)
    {
        Assert.True(SwedishFormat.TryParseDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12a")]
    [InlineData("1,2,3")]
    [InlineData("1e5")]
    [InlineData(null)]
    public void Parsing_refuses_what_is_not_a_number(string? text) => Assert.False(SwedishFormat.TryParseDecimal(text, out _));

    [Fact]
    public void Round_trip_of_formatted_numbers()
    {
        foreach (var value in new[] { 0m, 1m, -1m, 1234.5m, -98765.43m, 12345678.9m })
        {
            Assert.True(SwedishFormat.TryParseDecimal(SwedishFormat.Number(value, 2), out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("23/11/2026", false)]
    [InlineData("20261123", false)]
    public void Only_iso_dates_parse(string text, bool ok) => Assert.Equal(ok, SwedishFormat.TryParseDate(text, out _));

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "kansli" }, "kansli")]
    [InlineData(new[] { "kansli", "revisor" }, "kansli och revisor")]
    [InlineData(new[] { "region", "kommun", "Arbetsförmedlingen" }, "region, kommun och Arbetsförmedlingen")]
    public void Lists_join_with_commas_and_och(string[] items, string expected) => Assert.Equal(expected, SwedishFormat.List(items));

    [Theory]
    [InlineData("vice ordförande", "Vice ordförande")]
    [InlineData("ålands kommun", "Ålands kommun")]
    [InlineData("Ordförande", "Ordförande")]
    [InlineData("", "")]
    public void Capitalised_raises_only_the_first_letter(string text, string expected) =>
        Assert.Equal(expected, SwedishFormat.Capitalised(text));
}
