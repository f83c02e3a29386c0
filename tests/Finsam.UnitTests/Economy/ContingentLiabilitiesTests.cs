using Finsam.Domain.Economy.Statements;

namespace Finsam.UnitTests.Economy;

public sealed class ContingentLiabilitiesTests
{
    [Theory]
    [InlineData(null, "Inga")]
    [InlineData("", "Inga")]
    [InlineData("   ", "Inga")]
    [InlineData(" Pensionsförpliktelser 120 tkr ", "Pensionsförpliktelser 120 tkr")]
    public void Nothing_entered_prints_inga(string? entered, string printed)
    {
        Assert.Equal(printed, ContingentLiabilities.Text(entered));
        Assert.Equal("Ansvarsförbindelser: " + printed, ContingentLiabilities.Note(entered));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", null)]
    [InlineData("inga", null)]
    [InlineData(" Inga ", null)]
    [InlineData(" Borgen 50 tkr ", "Borgen 50 tkr")]
    public void Stored_text_is_trimmed_and_inga_is_the_default(string? entered, string? stored) =>
        Assert.Equal(stored, ContingentLiabilities.Normalise(entered));

    [Fact]
    public void Too_long_text_is_refused_with_a_message_naming_the_field()
    {
        Assert.Null(ContingentLiabilities.Validate(new string('x', ContingentLiabilities.MaxLength)));
        Assert.Null(ContingentLiabilities.Validate("  " + new string('x', ContingentLiabilities.MaxLength) + "  "));
        Assert.Equal("Ansvarsförbindelser får vara högst 1000 tecken (nu 1001).", ContingentLiabilities.Validate(new string('x', ContingentLiabilities.MaxLength + 1)));
    }
}
