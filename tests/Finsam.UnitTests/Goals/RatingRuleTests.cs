using Finsam.Domain.Goals;

namespace Finsam.UnitTests.Goals;

/// <summary>The rating rule reproduces the ratings of the seed bilaga (2017).</summary>
public sealed class RatingRuleTests
{
    private static GoalCheck Outcome(bool? met) => new(true, met);

    private static GoalCheck Process(bool? met) => new(false, met);

    [Fact]
    public void Start_meets_every_goal_and_is_very_good()
    {
        // 40 deltagare (61), 20 nya (21), 50 % arbete/studier (67 %).
        var basis = RatingRule.Suggest([Process(true), Process(true), Outcome(true)], insatsEndedDuringYear: false);
        Assert.Equal(RatingBasis.AllGoalsMet, basis);
        Assert.Equal("Mycket god", RatingScale.Default.Suggest(basis)!.Name);
    }

    [Fact]
    public void Slussen_meets_its_main_outcome_but_not_the_plans_and_is_good()
    {
        // 95 % handlingsplan (85 %), 60 % arbete/studier (85 %).
        var basis = RatingRule.Suggest([Process(false), Outcome(true)], false);
        Assert.Equal("God", RatingScale.Default.Suggest(basis)!.Name);
    }

    [Fact]
    public void Lyra_misses_its_main_outcome_but_meets_its_process_goal_and_is_acceptable()
    {
        // Alla har handlingsplan (100 %), 50 % arbete/studier efter ett år (15 %).
        var basis = RatingRule.Suggest([Process(true), Outcome(false)], false);
        Assert.Equal("Godtagbart", RatingScale.Default.Suggest(basis)!.Name);
    }

    [Fact]
    public void An_insats_that_ended_is_not_applicable_whatever_its_goals()
    {
        var basis = RatingRule.Suggest([Outcome(true)], insatsEndedDuringYear: true);
        Assert.Equal("Ej tillämpbar", RatingScale.Default.Suggest(basis)!.Name);
    }

    [Fact]
    public void Nothing_met_or_nothing_to_judge_gives_no_default_suggestion()
    {
        Assert.Equal(RatingBasis.NotMet, RatingRule.Suggest([Outcome(false), Process(false), Process(true)], false));
        Assert.Equal(RatingBasis.NotMet, RatingRule.Suggest([Process(false)], false));
        Assert.Equal(RatingBasis.NothingToJudge, RatingRule.Suggest([Outcome(null)], false));
        Assert.Equal(RatingBasis.NothingToJudge, RatingRule.Suggest([], false));
        Assert.Null(RatingScale.Default.Suggest(RatingBasis.NotMet));
        Assert.Null(RatingScale.Default.Suggest(RatingBasis.NothingToJudge));
    }

    [Fact]
    public void Unjudged_goals_do_not_count()
    {
        Assert.Equal(RatingBasis.AllGoalsMet, RatingRule.Suggest([Outcome(true), Process(null)], false));
    }

    [Fact]
    public void A_scale_is_checked()
    {
        Assert.Empty(RatingScale.Check(RatingScale.Default.Levels.ToList()));
        var problems = RatingScale.Check([new("Bra", RatingBasis.AllGoalsMet), new("bra", RatingBasis.AllGoalsMet), new(" ", null)]);
        Assert.Equal(3, problems.Count);
        Assert.Throws<ArgumentException>(() => new RatingScale([]));
        var custom = new RatingScale([new("Uppfyllt", RatingBasis.AllGoalsMet), new("Ej uppfyllt", RatingBasis.NotMet)]);
        Assert.Equal("Ej uppfyllt", custom.Suggest(RatingBasis.NotMet)!.Name);
        Assert.Equal("Uppfyllt", custom.Find(" uppfyllt ")!.Name);
    }
}
