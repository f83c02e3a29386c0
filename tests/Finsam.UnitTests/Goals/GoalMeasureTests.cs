using Finsam.Domain.Goals;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;
using Finsam.UnitTests.Statistics;

namespace Finsam.UnitTests.Goals;

/// <summary>Each metric on the hand-built set of <see cref="ParticipantStatisticsTests"/> (2025).</summary>
public sealed class GoalMeasureTests
{
    private static readonly ParticipantStatistics Stats = ParticipantStatistics.Compute(2025, ParticipantStatisticsTests.Enrolments);

    [Theory]
    [InlineData(GoalMetric.Participants, 6)]
    [InlineData(GoalMetric.NewParticipants, 4)]
    [InlineData(GoalMetric.EndedParticipants, 4)]
    [InlineData(GoalMetric.UniqueIndividuals, 5)]
    public void Count_metrics_are_computed(GoalMetric metric, int expected)
    {
        var result = new GoalMeasure { Metric = metric, Target = expected }.Evaluate(Stats);
        Assert.Equal(expected, result.Value);
        Assert.False(result.IsShare);
        Assert.True(result.Met);
        Assert.False(new GoalMeasure { Metric = metric, Target = expected + 1 }.Evaluate(Stats).Met);
    }

    [Theory]
    [InlineData(GoalMetric.WorkOrStudiesShare, null, 2, 4)]
    [InlineData(GoalMetric.JobSeekingShare, null, 1, 4)]
    [InlineData(GoalMetric.EndReasonShare, EndReason.Illness, 1, 4)]
    [InlineData(GoalMetric.SelfSupportingAfter12Months, null, 1, 2)]
    public void Share_metrics_keep_their_basis(GoalMetric metric, EndReason? reason, int numerator, int denominator)
    {
        var result = new GoalMeasure { Metric = metric, EndReason = reason, Target = 40m }.Evaluate(Stats);
        Assert.Equal(new Share(numerator, denominator), result.Share);
        Assert.True(result.IsShare);
        Assert.Equal(100m * numerator / denominator >= 40m, result.Met);
    }

    [Fact]
    public void The_unrounded_share_is_compared_with_the_target()
    {
        // 5 av 17 = 29,4 %: shown as 29 %, and it does not reach 30 %.
        var facts = Enumerable.Range(1, 17).Select(i => new EnrolmentFact(1, i, Gender.Woman, new(2025, 1, 1), new(2025, 6, 1), i <= 5 ? EndReason.Work : EndReason.Other)).ToList();
        var stats = ParticipantStatistics.Compute(2025, facts);
        var result = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 30m }.Evaluate(stats);
        Assert.False(result.Met);
        Assert.True(new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 29.4m }.Evaluate(stats).Met);
    }

    [Fact]
    public void At_most_goals_are_met_below_the_target()
    {
        Assert.True(new GoalMeasure { Metric = GoalMetric.JobSeekingShare, Direction = GoalDirection.AtMost, Target = 25m }.Evaluate(Stats).Met);
        Assert.False(new GoalMeasure { Metric = GoalMetric.JobSeekingShare, Direction = GoalDirection.AtMost, Target = 24m }.Evaluate(Stats).Met);
    }

    [Fact]
    public void Manual_results_are_judged_in_their_unit_and_missing_ones_are_not_judged()
    {
        var manual = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Percent, Target = 80m, ManualResult = 84m, SourceNote = "Medarbetarenkät" };
        var result = manual.Evaluate(Stats);
        Assert.True(result.Met);
        Assert.True(result.IsShare);
        Assert.Null(result.Share);

        Assert.Null(new GoalMeasure { Metric = GoalMetric.Manual, Target = 80m }.Evaluate(Stats).Met);
        Assert.Null(new GoalMeasure { Metric = GoalMetric.Participants }.Evaluate(Stats).Met);
        Assert.Null(new GoalMeasure { Metric = GoalMetric.EndReasonShare, Target = 5m }.Evaluate(Stats).Value);
        Assert.Null(new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 5m }.Evaluate(ParticipantStatistics.Compute(2025, [])).Met);
    }

    [Fact]
    public void A_difference_between_two_percentages_is_written_in_procentenheter()
    {
        var gap = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.PercentagePoints, Direction = GoalDirection.AtMost, Target = 5m, ManualResult = 3.4m, SourceNote = "Deltagarstatistik" };
        var result = gap.Evaluate(Stats);
        Assert.True(result.Met);
        Assert.False(result.IsShare);
        Assert.Equal("högst 5 procentenheter", Finsam.Web.Features.Goals.GoalText.Target(gap));
        Assert.Equal("3,4 procentenheter", Finsam.Web.Features.Goals.GoalText.Result(result));
        Assert.Equal("Procentenheter", Finsam.Domain.Formatting.SwedishNames.Of(GoalUnit.PercentagePoints));
    }

    [Fact]
    public void Indicator_assessment_is_suggested_from_the_result()
    {
        Assert.Equal(GoalAssessment.Met, Indicator.Suggest(GoalResult.OfCount(5) with { Met = true }));
        Assert.Equal(GoalAssessment.NotMet, Indicator.Suggest(GoalResult.OfCount(5) with { Met = false }));
        Assert.Null(Indicator.Suggest(GoalResult.None));
    }

    [Fact]
    public void The_share_of_current_participants_that_ended_is_ended_of_current()
    {
        // 4 ended of 6 current: "Avsluta aktiva deltagare" at 100 % is not met.
        var result = new GoalMeasure { Metric = GoalMetric.EndedShareOfCurrent, Target = 100 }.Evaluate(Stats);
        Assert.Equal(new Share(4, 6), result.Share);
        Assert.False(result.Met);
        Assert.False(new GoalMeasure { Metric = GoalMetric.EndedShareOfCurrent }.IsOutcome); // a count of registrations, applies everywhere
    }

    [Fact]
    public void A_manual_share_is_computed_from_n_and_N_and_may_pass_100_percent()
    {
        var health = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Percent, Target = 80, ManualNumerator = 89, ManualDenominator = 96 }.Evaluate(Stats);
        Assert.Equal(new Share(89, 96), health.Share);
        Assert.True(health.Met);
        Assert.Equal("93\u00a0%, 89 av 96", Finsam.Web.Features.Goals.GoalText.Result(health));

        // "Dubbla antalet deltagare": 200 %; 84 against 66 the year before is 127 %.
        var doubled = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Percent, Target = 200, ManualNumerator = 84, ManualDenominator = 66 };
        Assert.False(doubled.Evaluate(Stats).Met);
        Assert.Equal("minst 200\u00a0%", Finsam.Web.Features.Goals.GoalText.Target(doubled));
    }

    [Fact]
    public void Kronor_are_printed_as_money()
    {
        var measure = new GoalMeasure { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Kronor, Direction = GoalDirection.AtMost, Target = 1_500_000m, ManualResult = 1_185_000m };
        var result = measure.Evaluate(Stats);
        Assert.True(result.Met);
        Assert.Equal("högst 1\u00a0500\u00a0000\u00a0kr", Finsam.Web.Features.Goals.GoalText.Target(measure));
        Assert.Equal("1\u00a0185\u00a0000\u00a0kr", Finsam.Web.Features.Goals.GoalText.Result(result));
    }

    [Theory]
    [InlineData(GoalAssessment.Met, true, "Uppfyllt")]
    [InlineData(GoalAssessment.PartlyMet, false, "Delvis uppfyllt")]
    [InlineData(GoalAssessment.NotMet, false, "Ej uppfyllt")]
    public void A_qualitative_goal_is_judged_by_its_assessment_not_as_unjudgeable(GoalAssessment assessment, bool met, string printed)
    {
        var result = new GoalMeasure { Metric = GoalMetric.Qualitative, ResultText = "Fyra samverkansmöten.", QualitativeAssessment = assessment }.Evaluate(Stats);
        Assert.Equal(met, result.Met);
        Assert.Equal("Fyra samverkansmöten.", Finsam.Web.Features.Goals.GoalText.Result(result));
        Assert.Equal(printed, Finsam.Web.Features.Goals.GoalText.Met(result));
        Assert.Null(new GoalMeasure { Metric = GoalMetric.Qualitative, ResultText = "Ännu inte mätt." }.Evaluate(Stats).Met);
    }
}
