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
    [InlineData(GoalMetric.JobSeekingShare, "101", null, null, "Ett mål i procent ska vara mellan 0 och 100.")]
    [InlineData(GoalMetric.Manual, "5", "7", null, "Ange källan till ett utfall som skrivs in för hand, t.ex. \"Indikatormätning 2025, n = 29\".")]
    public void Mistakes_get_a_swedish_message(GoalMetric metric, string target, string? result, string? source, string message)
    {
        var errors = new MeasureInputValidator().Validate(new MeasureInput { Metric = metric, Target = target, ManualResult = result, SourceNote = source }).Errors;
        Assert.Contains(errors, e => e.ErrorMessage == message);
    }
}
