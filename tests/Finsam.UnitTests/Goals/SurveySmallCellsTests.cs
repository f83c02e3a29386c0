using Finsam.Domain.Goals;

namespace Finsam.UnitTests.Goals;

/// <summary>The small-cell rule for indicator survey results (docs/privacy.md, "Small groups"; #16).</summary>
public sealed class SurveySmallCellsTests
{
    private static SurveyResult Result(int answered, int? asked = null, int? negative = null, int? neutral = null, int? positive = null, decimal? positivePercent = null) =>
        new() { Group = "Deltagare", Question = "Fråga", Answered = answered, Asked = asked, Negative = negative, Neutral = neutral, Positive = positive, PositivePercent = positivePercent };

    [Fact]
    public void A_group_of_one_to_four_respondents_hides_every_share()
    {
        var hidden = SurveySmallCells.Of(Result(3, asked: 10, negative: 0, neutral: 1, positive: 2));

        Assert.True(hidden.Answered);
        Assert.True(hidden.Negative && hidden.Neutral && hidden.Positive && hidden.ResponseRate);
    }

    [Fact]
    public void An_answer_of_one_to_four_is_hidden_and_so_is_the_smallest_other_answer_that_would_give_it_back()
    {
        // 2 + 8 + 10 = 20: with neutrala and klart positiva shown, negativa = 20 − 8 − 10.
        var hidden = SurveySmallCells.Of(Result(20, negative: 2, neutral: 8, positive: 10));

        Assert.False(hidden.Answered);
        Assert.True(hidden.Negative);
        Assert.True(hidden.Neutral);
        Assert.False(hidden.Positive);
    }

    [Fact]
    public void A_share_entered_without_counts_is_hidden_when_it_is_one_to_four_short_of_all()
    {
        // 80 % of 10 = 8 positive and 2 others.
        Assert.True(SurveySmallCells.Of(Result(10, positivePercent: 80m)).Positive);
        Assert.False(SurveySmallCells.Of(Result(20, positivePercent: 50m)).Positive);
    }

    [Fact]
    public void The_response_rate_follows_the_share_rule()
    {
        Assert.True(SurveySmallCells.Of(Result(48, asked: 50, positive: 20, negative: 14, neutral: 14)).ResponseRate);
        Assert.False(SurveySmallCells.Of(Result(40, asked: 50, positive: 20, negative: 10, neutral: 10)).ResponseRate);
        Assert.False(SurveySmallCells.Of(Result(40, asked: 50, positive: 20, negative: 10, neutral: 10)).Any);
    }
}
