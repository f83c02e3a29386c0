using Finsam.Domain.Formatting;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;

namespace Finsam.UnitTests.Formatting;

public sealed class SwedishNamesTests
{
    [Fact]
    public void Every_enumeration_value_has_a_distinct_swedish_name()
    {
        AssertDistinct(Enum.GetValues<Gender>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<InsatsKind>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<InsatsStatus>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<MemberKind>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<EducationLevel>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<EndReason>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<TimeInSupport>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<FollowUpResult>().Select(SwedishNames.Of));
        AssertDistinct(Enum.GetValues<IncomeSupport>().Where(s => s != IncomeSupport.None).Select(SwedishNames.Of));
    }

    [Fact]
    public void Several_supports_are_listed_in_order()
    {
        var support = IncomeSupport.UnemploymentInsurance | IncomeSupport.SicknessBenefit;
        Assert.Equal("Sjukpenning, A-kassa", SwedishNames.Of(support));
        Assert.Equal("", SwedishNames.Of(IncomeSupport.None));
    }

    [Fact]
    public void An_undefined_value_is_an_error_not_a_blank() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SwedishNames.Of((EndReason)99));

    [Theory]
    [InlineData("2–5 år", TimeInSupport.TwoToFiveYears)]
    [InlineData("2-5 år", TimeInSupport.TwoToFiveYears)]
    [InlineData("2 - 5 år", TimeInSupport.TwoToFiveYears)]
    [InlineData("1\u20112 ÅR", TimeInSupport.OneToTwoYears)]
    [InlineData("1—2 år", TimeInSupport.OneToTwoYears)]
    public void A_range_reads_with_a_hyphen_or_any_dash(string text, TimeInSupport expected)
    {
        Assert.True(SwedishNames.TryParse<TimeInSupport>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Hyphens_outside_ranges_are_left_alone()
    {
        Assert.True(SwedishNames.TryParse<IncomeSupport>("A-kassa", out var support));
        Assert.Equal(IncomeSupport.UnemploymentInsurance, support);
        Assert.False(SwedishNames.TryParse<TimeInSupport>("2-5-år", out _));
    }

    private static void AssertDistinct(IEnumerable<string> names)
    {
        var list = names.ToList();
        Assert.All(list, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(list.Count, list.Distinct().Count());
    }
}
