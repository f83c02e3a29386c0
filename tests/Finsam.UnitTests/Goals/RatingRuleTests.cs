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
        var basis = RatingRule.Suggest([Process(true), Process(true), Outcome(true)], insatsEndedEarly: false);
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
    public void An_insats_that_ended_early_is_not_applicable_whatever_its_goals()
    {
        var basis = RatingRule.Suggest([Outcome(true)], insatsEndedEarly: true);
        Assert.Equal("Ej tillämpbar", RatingScale.Default.Suggest(basis)!.Name);
    }

    [Fact]
    public void Adrian_ended_on_31_march_without_a_planned_end_and_ended_early()
    {
        // Adrian "avslutades 31 mars 2017" when its financing was wound down: Ej tillämpbar in the seed bilaga.
        Assert.True(RatingRule.EndedEarly(new DateOnly(2017, 3, 31), null, 2017));
        Assert.True(RatingRule.EndedEarly(new DateOnly(2017, 3, 31), new DateOnly(2017, 12, 31), 2017));
    }

    [Fact]
    public void An_insats_that_ran_to_31_december_is_judged_on_its_goals()
    {
        // The insats's end date is the last day of the year: it ran its full planned period.
        Assert.False(RatingRule.EndedEarly(new DateOnly(2025, 12, 31), null, 2025));
        var basis = RatingRule.Suggest([Process(true), Outcome(true)], RatingRule.EndedEarly(new DateOnly(2025, 12, 31), null, 2025));
        Assert.Equal("Mycket god", RatingScale.Default.Suggest(basis)!.Name);
    }

    [Fact]
    public void An_insats_that_ended_within_the_year_as_planned_is_judged_on_its_goals()
    {
        Assert.False(RatingRule.EndedEarly(new DateOnly(2025, 6, 30), new DateOnly(2025, 6, 30), 2025));
        Assert.False(RatingRule.EndedEarly(new DateOnly(2025, 7, 15), new DateOnly(2025, 6, 30), 2025));
        Assert.Equal(RatingBasis.ProcessGoalsMet, RatingRule.Suggest([Process(true), Outcome(false)], RatingRule.EndedEarly(new DateOnly(2025, 6, 30), new DateOnly(2025, 6, 30), 2025)));
    }

    [Fact]
    public void Only_an_end_in_the_year_itself_counts()
    {
        Assert.False(RatingRule.EndedEarly(null, null, 2025));
        Assert.False(RatingRule.EndedEarly(new DateOnly(2026, 3, 31), null, 2025));
        Assert.False(RatingRule.EndedEarly(new DateOnly(2024, 3, 31), null, 2025));
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
