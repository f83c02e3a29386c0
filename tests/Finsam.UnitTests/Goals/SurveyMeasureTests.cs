using Finsam.Domain.Goals;
using Finsam.Domain.Statistics;
using Finsam.Web.Features.Goals;

namespace Finsam.UnitTests.Goals;

/// <summary>Response rate, klart positiva and the comparison value of an indicator survey result (#16).</summary>
public sealed class SurveyMeasureTests
{
    [Fact]
    public void Response_rate_is_the_answered_of_those_asked()
    {
        var result = new SurveyResult { Group = "Deltagare avslut", Question = "Har stödet fått ta den tid du behövt?", Asked = 200, Answered = 141, Negative = 20, Neutral = 31, Positive = 90, NationalPositivePercent = 71m };

        Assert.Equal(new Share(141, 200), result.ResponseRate);
        Assert.Equal(63.8m, result.PositiveShare);
        Assert.Equal(-7.2m, result.DifferenceFromComparison);
        Assert.Equal("−7 procentenheter", SurveyText.Points(result.DifferenceFromComparison));
        Assert.Empty(result.Check());
    }

    [Fact]
    public void Without_the_number_asked_or_the_comparison_there_is_no_rate_or_difference()
    {
        var result = new SurveyResult { Group = "Styrelse", Question = "Fråga", Answered = 10, PositivePercent = 80m };

        Assert.Null(result.ResponseRate);
        Assert.Null(result.DifferenceFromComparison);
        Assert.Equal("–", SurveyText.Points(result.DifferenceFromComparison));
        Assert.Equal("+5 procentenheter", SurveyText.Points(result.PositiveShare - 75m));
    }
}
