using Finsam.Web.Validation;

namespace Finsam.UnitTests.Validation;

public sealed class YearFilterTests
{
    private static readonly int[] Years = [2026, 2025, 2024];

    [Fact]
    public void No_year_means_the_newest() => Assert.Equal(new YearFilter(2026, Years, null), YearFilter.Choose(null, Years));

    [Fact]
    public void An_available_year_is_chosen() => Assert.Equal(2024, YearFilter.Choose(2024, Years).Year);

    [Fact]
    public void An_unavailable_year_falls_back_with_a_message()
    {
        var filter = YearFilter.Choose(1999, Years);
        Assert.Equal(2026, filter.Year);
        Assert.Equal("Året 1999 finns inte. Välj ett år mellan 2024 och 2026.", filter.Error);
    }

    [Fact]
    public void Unreadable_input_gets_its_own_message() =>
        Assert.Equal("Året ska anges med fyra siffror, till exempel 2025.", YearFilter.Choose(null, Years, unreadable: true).Error);
}
