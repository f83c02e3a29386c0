using Finsam.Domain.Goals;
using Finsam.Domain.Insatser;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Statistics;

/// <summary>
/// "Ej tillämpligt" (docs/goals.md): the förbund's counts take every insats that counts in its totals; its outcome
/// shares only those whose outcome measures apply, numerator and denominator. Counted by hand in the comments.
/// </summary>
public sealed class FederationTotalsTests
{
    private const int Work = 1;      // an insats whose participants are expected to reach work
    private const int Health = 2;    // HälsoSam: outcome measures do not apply
    private const int Outside = 3;   // does not count in the förbund's totals

    private static readonly DateOnly Start = new(2017, 2, 1);
    private static readonly DateOnly End = new(2017, 10, 1);

    private static EnrolmentFact E(int insats, int person, EndReason? reason) => new(insats, person, Gender.Woman, Start, reason is null ? null : End, reason) { BirthYear = 1980, IsIdentified = true };

    // Work: persons 1–4 ended (1, 2 to work, 3 job seeking, 4 illness), person 5 ongoing.
    // Health: persons 4 (again), 6, 7 ended (6 to work, 7 illness), person 8 ongoing.
    // Outside: person 9 ended to work.
    private static readonly EnrolmentFact[] Facts =
    [
        E(Work, 1, EndReason.Work), E(Work, 2, EndReason.Work), E(Work, 3, EndReason.JobSeeking), E(Work, 4, EndReason.Illness), E(Work, 5, null),
        E(Health, 4, EndReason.Illness), E(Health, 6, EndReason.Work), E(Health, 7, EndReason.Illness), E(Health, 8, null),
        E(Outside, 9, EndReason.Work),
    ];

    private static readonly FederationTotals Totals = FederationTotals.Compute(2017, Facts, new HashSet<int> { Work, Health }, new HashSet<int> { Work, Outside });

    [Fact]
    public void The_counts_include_every_insats_that_counts_in_the_totals()
    {
        // Enrolments 5 + 4 = 9; persons 1–8 = 8 (person 4 in both); ended 4 + 3 = 7.
        Assert.Equal(9, Totals.Total.Current.Total);
        Assert.Equal(8, Totals.Total.Flow.UniqueIndividuals);
        Assert.Equal(7, Totals.Total.Ended.Total);
    }

    [Fact]
    public void The_outcome_shares_leave_out_the_insatser_whose_outcomes_do_not_apply()
    {
        // Work only (Outside does not count in the totals at all): 2 av 4 to work, 1 av 4 job seeking —
        // not 3 av 7 (Health's person 6 would add to both).
        Assert.Equal(new Share(2, 4), Totals.Outcomes.WorkOrStudiesShare());
        Assert.Equal(new Share(1, 4), Totals.Outcomes.JobSeekingShare());
        Assert.Equal(new Share(3, 7), Totals.Total.WorkOrStudiesShare());
    }

    [Fact]
    public void When_every_insats_applies_the_outcomes_are_the_total()
    {
        var all = FederationTotals.Compute(2017, Facts, new HashSet<int> { Work, Health }, new HashSet<int> { Work, Health });
        Assert.Same(all.Total, all.Outcomes);
    }

    [Fact]
    public void A_goal_takes_its_counts_from_the_total_and_its_shares_from_the_applicable_insatser()
    {
        var share = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 45 };
        var result = share.Evaluate(Totals.Total, Totals.Outcomes);
        Assert.Equal(new Share(2, 4), result.Share);
        Assert.True(result.Met); // 50 % ≥ 45 %; on 3 av 7 (42,9 %) it would not be.
        Assert.False(share.Evaluate(Totals.Total).Met);

        var individuals = new GoalMeasure { Metric = GoalMetric.UniqueIndividuals, Target = 8 };
        Assert.Equal(8m, individuals.Evaluate(Totals.Total, Totals.Outcomes).Value);
    }

    [Fact]
    public void An_outcome_goal_of_an_insats_whose_outcomes_do_not_apply_is_not_applicable_never_0()
    {
        var health = ParticipantStatistics.Compute(2017, Facts.Where(f => f.InsatsId == Health));
        var result = new GoalMeasure { Metric = GoalMetric.WorkOrStudiesShare, Target = 50 }.Evaluate(health, null);
        Assert.True(result.IsNotApplicable);
        Assert.Null(result.Value);
        Assert.Null(result.Met);
        // Counts still apply: 4 deltaganden.
        Assert.Equal(4m, new GoalMeasure { Metric = GoalMetric.Participants }.Evaluate(health, null).Value);
    }

    [Fact]
    public void A_year_without_its_own_settings_follows_the_insats()
    {
        var insats = new Insats { Code = "HS", Name = "HälsoSam", Kind = InsatsKind.Individual, CountsInParticipantTotals = false };
        Assert.Equal(new InsatsYearSetting(2017, false, true, false), InsatsYearSettings.For(insats, 2017, null));
        Assert.Equal(new InsatsYearSetting(2017, true, false, true),
            InsatsYearSettings.For(insats, 2017, new InsatsYearSettings { Year = 2017, CountsInTotals = true, OutcomesApply = false }));
        var structural = new Insats { Code = "IPS", Name = "Metodstöd", Kind = InsatsKind.Structural };
        Assert.Equal(new InsatsYearSetting(2017, false, false, false), InsatsYearSettings.For(structural, 2017, null));
    }
}
