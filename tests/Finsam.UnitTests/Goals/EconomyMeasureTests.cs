using Finsam.Domain.Economy;
using Finsam.Domain.Goals;
using Finsam.Domain.Statistics;
using Finsam.Web.Features.Goals;

namespace Finsam.UnitTests.Goals;

/// <summary>The economy measures (one computation for the goal and the report's sentence) and the goal area's status rule.</summary>
public sealed class EconomyMeasureTests
{
    private static readonly ParticipantStatistics NoParticipants = ParticipantStatistics.Compute(2025, []);

    // Administration 1 230 000 of 10 000 000 kr costs = 12,3 %; eget kapital 12 000 000 against a ceiling of 6 267 000
    // (5 733 000 above); result 400 000 against a budgeted 250 000 (150 000 better).
    private static readonly EconomyFigures Figures = new(2025, 1_230_000m, 10_000_000m, 12_000_000m, 6_267_000m, 400_000m, 250_000m);

    [Fact]
    public void Administration_share_is_compared_unrounded_and_printed_as_the_report_prints_it()
    {
        var result = new GoalMeasure { Metric = GoalMetric.AdministrationCostShare, Direction = GoalDirection.AtMost, Target = 10m }.Evaluate(NoParticipants, null, Figures);
        Assert.Equal(12.3m, result.Value);
        Assert.True(result.IsShare);
        Assert.False(result.Met);
        Assert.Equal("12,3\u00a0%", GoalText.Result(result));
        Assert.Equal(Figures.AdministrationText, GoalText.Result(result));

        // 9,96 % is within 10 % even though it prints 10,0 %; 10,04 % is not.
        Assert.True(new GoalMeasure { Metric = GoalMetric.AdministrationCostShare, Direction = GoalDirection.AtMost, Target = 10m }
            .Evaluate(NoParticipants, null, Figures with { AdministrationCost = 996_000m }).Met);
        Assert.False(new GoalMeasure { Metric = GoalMetric.AdministrationCostShare, Direction = GoalDirection.AtMost, Target = 10m }
            .Evaluate(NoParticipants, null, Figures with { AdministrationCost = 1_004_000m }).Met);
    }

    [Fact]
    public void Equity_above_the_ceiling_is_in_kronor_with_the_report_s_words()
    {
        var result = new GoalMeasure { Metric = GoalMetric.EquityAboveCeiling, Direction = GoalDirection.AtMost, Target = 0m }.Evaluate(NoParticipants, null, Figures);
        Assert.Equal(5_733_000m, result.Value);
        Assert.True(result.IsKronor);
        Assert.False(result.Met);
        Assert.Equal("eget kapital 12\u00a0000,0\u00a0tkr, 5\u00a0733,0\u00a0tkr över taket (6\u00a0267,0\u00a0tkr)", GoalText.Result(result));

        var under = Figures with { Equity = 6_000_000m };
        var met = new GoalMeasure { Metric = GoalMetric.EquityAboveCeiling, Direction = GoalDirection.AtMost, Target = 0m }.Evaluate(NoParticipants, null, under);
        Assert.True(met.Met);
        Assert.Contains("267,0\u00a0tkr under taket", GoalText.Result(met), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_against_budget_is_the_difference_in_kronor()
    {
        var result = new GoalMeasure { Metric = GoalMetric.ResultAgainstBudget, Target = 0m }.Evaluate(NoParticipants, null, Figures);
        Assert.Equal(150_000m, result.Value);
        Assert.True(result.Met);
        Assert.Equal("årets resultat 400,0\u00a0tkr, 150,0\u00a0tkr bättre än budget (250,0\u00a0tkr)", GoalText.Result(result));
        Assert.False(new GoalMeasure { Metric = GoalMetric.ResultAgainstBudget, Target = 0m }.Evaluate(NoParticipants, null, Figures with { Result = 100_000m }).Met);
    }

    [Fact]
    public void Without_the_year_s_figures_an_economy_measure_is_not_judged()
    {
        Assert.Null(new GoalMeasure { Metric = GoalMetric.AdministrationCostShare, Target = 10m }.Evaluate(NoParticipants, null, null).Met);
        Assert.Null(new GoalMeasure { Metric = GoalMetric.EquityAboveCeiling, Target = 0m }.Evaluate(NoParticipants, null, Figures with { EquityCeiling = null }).Met);
        Assert.Null(new GoalMeasure { Metric = GoalMetric.ResultAgainstBudget, Target = 0m }.Evaluate(NoParticipants, null, Figures with { BudgetedResult = null }).Met);
        Assert.Null(new GoalMeasure { Metric = GoalMetric.AdministrationCostShare, Target = 10m }.Evaluate(NoParticipants, null, Figures with { TotalCost = 0m, AdministrationCost = 0m }).Met);
    }

    [Theory]
    [InlineData(34.677, 35, GoalDirection.AtLeast, 1)] // 43 av 124: "34,7 %", not "35 %"
    [InlineData(29.4, 30, GoalDirection.AtLeast, 0)] // 5 av 17: "29 %" already tells it is missed
    [InlineData(10.04, 10, GoalDirection.AtMost, 2)] // "10,0 %" would read as met
    [InlineData(50, 35, GoalDirection.AtLeast, 0)]
    public void A_share_is_shown_with_the_decimal_that_decides_the_comparison(double value, double target, GoalDirection direction, int decimals) =>
        Assert.Equal(decimals, GoalText.DecisiveDecimals((decimal)value, (decimal)target, direction));

    [Fact]
    public void Forty_three_of_124_against_35_percent_prints_the_deciding_decimal()
    {
        var result = GoalResult.OfShare(new Share(43, 124)) with { Met = false };
        var measure = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 35m };
        Assert.Equal("34,7\u00a0%, 43 av 124", GoalText.Result(result, measure, smallCells: false));
        Assert.Equal("29\u00a0%, 5 av 17", GoalText.Result(GoalResult.OfShare(new Share(5, 17)), new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 30m }, smallCells: false));
    }

    [Theory]
    [InlineData("Met,Met,Met", GoalAssessment.Met)]
    [InlineData("NotMet,NotMet", GoalAssessment.NotMet)]
    [InlineData("Met,NotMet", GoalAssessment.PartlyMet)]
    [InlineData("PartlyMet,PartlyMet", GoalAssessment.PartlyMet)]
    [InlineData("Met,,Met", GoalAssessment.Met)]
    [InlineData(",", null)]
    public void A_goal_area_s_status_follows_its_indicators(string indicators, GoalAssessment? expected)
    {
        var assessments = indicators.Split(',').Select(a => a.Length == 0 ? (GoalAssessment?)null : Enum.Parse<GoalAssessment>(a));
        Assert.Equal(expected, GoalArea.StatusOf(assessments));
    }

    [Fact]
    public void An_override_counts_only_with_a_written_reason()
    {
        var area = new GoalArea { Name = "Ekonomi", Assessment = GoalAssessment.PartlyMet };
        Assert.Equal(GoalAssessment.Met, area.EffectiveStatus(GoalAssessment.Met));
        Assert.False(area.IsOverridden(GoalAssessment.Met));

        area.AssessmentReason = "Taket överskrids av ett beslutat överskott som används 2026.";
        Assert.Equal(GoalAssessment.PartlyMet, area.EffectiveStatus(GoalAssessment.Met));
        Assert.True(area.IsOverridden(GoalAssessment.Met));
    }
}
