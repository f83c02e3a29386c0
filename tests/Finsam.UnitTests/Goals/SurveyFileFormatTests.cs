using Finsam.Domain.Goals;
using Finsam.Domain.Participants.Import;

namespace Finsam.UnitTests.Goals;

public sealed class SurveyFileFormatTests
{
    private static SurveyResult? Parse(Dictionary<string, string> row, List<RowError> errors) =>
        SurveyFileFormat.Parse(7, c => row.TryGetValue(c, out var v) ? v : "", errors);

    [Fact]
    public void Reads_counts_and_computes_the_shares()
    {
        var errors = new List<RowError>();
        var result = Parse(new()
        {
            [SurveyFileFormat.Group] = "Deltagare avslut, män",
            [SurveyFileFormat.Question] = "Känner du dig mer redo att kunna arbeta eller studera?",
            [SurveyFileFormat.Answered] = "41",
            [SurveyFileFormat.Negative] = "1",
            [SurveyFileFormat.Neutral] = "3",
            [SurveyFileFormat.Positive] = "37",
            [SurveyFileFormat.NationalAnswered] = "540",
            [SurveyFileFormat.NationalPositivePercent] = "62 %",
        }, errors);

        Assert.Empty(errors);
        Assert.Equal(90.2m, result!.PositiveShare);
        Assert.Equal(62m, result.NationalPositivePercent);
    }

    [Fact]
    public void Reads_shares_when_counts_are_unknown()
    {
        var errors = new List<RowError>();
        var result = Parse(new()
        {
            [SurveyFileFormat.Group] = "Styrelse",
            [SurveyFileFormat.Question] = "Har ni strukturer för samverkan?",
            [SurveyFileFormat.Answered] = "5",
            [SurveyFileFormat.PositivePercent] = "100",
        }, errors);
        Assert.Empty(errors);
        Assert.Equal(100m, result!.PositiveShare);
    }

    [Fact]
    public void Reports_every_problem_of_a_row_with_its_line_and_column()
    {
        var errors = new List<RowError>();
        Assert.Null(Parse(new() { [SurveyFileFormat.Answered] = "tio", [SurveyFileFormat.PositivePercent] = "120" }, errors));
        Assert.All(errors, e => Assert.Equal(7, e.Line));
        Assert.Contains(errors, e => e.Column == SurveyFileFormat.Group && e.Message == "Saknas.");
        Assert.Contains(errors, e => e.Column == SurveyFileFormat.Question);
        Assert.Contains(errors, e => e.Column == SurveyFileFormat.Answered && e.Message.Contains("tio", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == SurveyFileFormat.PositivePercent);
    }

    [Fact]
    public void Counts_that_do_not_add_up_are_refused()
    {
        var errors = new List<RowError>();
        Assert.Null(Parse(new()
        {
            [SurveyFileFormat.Group] = "Personal",
            [SurveyFileFormat.Question] = "Fråga",
            [SurveyFileFormat.Answered] = "16",
            [SurveyFileFormat.Negative] = "4",
            [SurveyFileFormat.Neutral] = "4",
            [SurveyFileFormat.Positive] = "9",
            [SurveyFileFormat.PositivePercent] = "50",
        }, errors));
        Assert.Contains(errors, e => e.Message.Contains("är 17 tillsammans men antalet svarande är 16", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("Andelen positiva (50,0 %) stämmer inte", StringComparison.Ordinal));
    }

    [Fact]
    public void Shares_must_sum_to_a_hundred_and_answers_not_exceed_those_asked()
    {
        var result = new SurveyResult { Group = "G", Question = "F", Asked = 10, Answered = 12, NegativePercent = 10, NeutralPercent = 10, PositivePercent = 70 };
        var problems = result.Check();
        Assert.Contains(problems, p => p.Contains("Fler svarande (12) än tillfrågade (10)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("90,0 % tillsammans", StringComparison.Ordinal));
    }
}
