using Finsam.Domain.Goals;
using Finsam.Web.Features.Goals;

namespace Finsam.UnitTests.Goals;

public sealed class MeasureInputTests
{
    [Fact]
    public void Swedish_numbers_are_read_and_written_back()
    {
        var input = new MeasureInput { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Percent, Target = "12,5 %", ManualResult = "84", SourceNote = " Enkät " };
        Assert.True(new MeasureInputValidator().Validate(input).IsValid);
        var measure = new GoalMeasure();
        input.ApplyTo(measure);
        Assert.Equal((12.5m, 84m, "Enkät"), (measure.Target, measure.ManualResult, measure.SourceNote));
        Assert.Equal("12,5", MeasureInput.From(measure).Target);
    }

    [Fact]
    public void A_computed_metric_drops_a_manual_result_and_an_end_reason_it_does_not_use()
    {
        var measure = new GoalMeasure();
        new MeasureInput { Metric = GoalMetric.WorkOrStudiesShare, EndReason = Finsam.Domain.Participants.EndReason.Illness, Target = "35", ManualResult = "9" }.ApplyTo(measure);
        Assert.Null(measure.ManualResult);
        Assert.Null(measure.EndReason);
    }

    [Theory]
    [InlineData(GoalMetric.EndReasonShare, "10", null, null, "Välj vilket avslutsskäl andelen gäller.")]
    [InlineData(GoalMetric.WorkOrStudiesShare, "tio", null, null, "Målvärdet ska vara ett tal, t.ex. 35 eller 12,5.")]
    [InlineData(GoalMetric.JobSeekingShare, "-1", null, null, "Ett mål i procent ska vara mellan 0 och 10 000 (200 betyder en fördubbling).")]
    [InlineData(GoalMetric.Participants, "-3", null, null, "Målvärdet kan inte vara negativt.")]
    [InlineData(GoalMetric.Qualitative, "5", null, null, "Ett kvalitativt mål har inget målvärde: skriv målet i ord och bedöm resultatet.")]
    [InlineData(GoalMetric.Manual, "5", "7", null, "Ange källan till ett utfall som skrivs in för hand, t.ex. \"Indikatormätning 2025, n = 29\".")]
    public void Mistakes_get_a_swedish_message(GoalMetric metric, string target, string? result, string? source, string message)
    {
        var errors = new MeasureInputValidator().Validate(new MeasureInput { Metric = metric, Target = target, ManualResult = result, SourceNote = source }).Errors;
        Assert.Contains(errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public void A_percent_target_may_pass_100_percent()
    {
        var input = new MeasureInput { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Percent, Target = "200" };
        Assert.True(new MeasureInputValidator().Validate(input).IsValid);
    }

    [Fact]
    public void A_manual_share_is_kept_as_n_of_n_and_computed_from_them()
    {
        var input = new MeasureInput { Metric = GoalMetric.Manual, ManualUnit = GoalUnit.Percent, Target = "80", ManualNumerator = "89", ManualDenominator = "96", SourceNote = "Deltagarenkät" };
        Assert.True(new MeasureInputValidator().Validate(input).IsValid);
        var measure = new GoalMeasure();
        input.ApplyTo(measure);
        Assert.Equal((89, 96), (measure.ManualNumerator, measure.ManualDenominator));
        Assert.Equal(("89", "96"), (MeasureInput.From(measure).ManualNumerator, MeasureInput.From(measure).ManualDenominator));
    }

    [Theory]
    [InlineData("89", "", "GoalUnit.Percent", "Ange underlaget (N) till antalet, t.ex. 96 i \"89 av 96\".")]
    [InlineData("", "96", "GoalUnit.Percent", "Ange antalet (n) av underlaget, t.ex. 89 i \"89 av 96\".")]
    [InlineData("89", "0", "GoalUnit.Percent", "Underlaget (N) ska vara minst 1.")]
    [InlineData("8,5", "96", "GoalUnit.Percent", "Antalet (n) ska vara ett heltal, t.ex. 89.")]
    [InlineData("89", "96", "GoalUnit.Count", "n av N ger en andel: välj enheten procent.")]
    public void A_manual_share_needs_both_whole_numbers_and_the_unit_percent(string n, string total, string unit, string message)
    {
        var input = new MeasureInput
        {
            Metric = GoalMetric.Manual, ManualUnit = unit == "GoalUnit.Count" ? GoalUnit.Count : GoalUnit.Percent, ManualNumerator = n, ManualDenominator = total, SourceNote = "Enkät",
        };
        Assert.Contains(new MeasureInputValidator().Validate(input).Errors, e => e.ErrorMessage == message);
    }

    [Fact]
    public void A_qualitative_goal_keeps_its_written_result_and_assessment_and_no_target()
    {
        var input = new MeasureInput { Metric = GoalMetric.Qualitative, ResultText = " Fyra samverkansmöten har genomförts. ", QualitativeAssessment = GoalAssessment.Met };
        Assert.True(new MeasureInputValidator().Validate(input).IsValid);
        var measure = new GoalMeasure();
        input.ApplyTo(measure);
        Assert.Equal(("Fyra samverkansmöten har genomförts.", GoalAssessment.Met, (decimal?)null), (measure.ResultText, measure.QualitativeAssessment, measure.Target));

        var unwritten = new MeasureInput { Metric = GoalMetric.Qualitative, QualitativeAssessment = GoalAssessment.Met };
        Assert.Contains(new MeasureInputValidator().Validate(unwritten).Errors, e => e.ErrorMessage == "Skriv resultatet i ord innan målet bedöms.");
    }
}
