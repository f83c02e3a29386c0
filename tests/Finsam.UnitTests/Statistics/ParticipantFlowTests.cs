using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Statistics;

/// <summary>A small hand-built set whose answers are counted by hand below.</summary>
public sealed class ParticipantFlowTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly EnrolmentFact[] Enrolments =
    [
        // Person 1: two enrolments in 2025, one ended to work, one ongoing.
        new(1, 1, Gender.Woman, D(2024, 3, 1), D(2025, 2, 28), EndReason.Work),
        new(2, 1, Gender.Woman, D(2025, 3, 1), null, null),
        // Person 2: started and ended in 2025, job seeking.
        new(1, 2, Gender.Man, D(2025, 1, 1), D(2025, 12, 31), EndReason.JobSeeking),
        // Person 3: ended on the first day of 2025, studies.
        new(1, 3, Gender.OtherOrUnspecified, D(2023, 6, 1), D(2025, 1, 1), EndReason.Studies),
        // Person 4: ended in 2024: not current in 2025.
        new(1, 4, Gender.Woman, D(2023, 1, 1), D(2024, 12, 31), EndReason.Illness),
        // Person 5: starts in 2026: not current in 2025.
        new(1, 5, Gender.Man, D(2026, 1, 1), null, null),
        // Person 6: ongoing since 2022, illness later: current, not new, not ended.
        new(2, 6, Gender.Man, D(2022, 5, 5), null, null),
        // Person 7: ended in 2025 for continued rehabilitation.
        new(2, 7, Gender.Woman, D(2025, 4, 1), D(2025, 10, 1), EndReason.ContinuedRehabilitation),
    ];

    [Fact]
    public void Counts_current_new_and_ended_for_the_year()
    {
        var flow = ParticipantFlow.Compute(2025, Enrolments);

        Assert.Equal(6, flow.Current);                 // persons 1 (x2), 2, 3, 6, 7
        Assert.Equal(3, flow.CurrentWomen);            // person 1 twice, person 7
        Assert.Equal(2, flow.CurrentMen);              // persons 2, 6
        Assert.Equal(1, flow.CurrentOtherOrUnspecified);
        Assert.Equal(3, flow.New);                     // person 1 second, person 2, person 7
        Assert.Equal(4, flow.Ended);                   // person 1 first, 2, 3, 7
        Assert.Equal(2, flow.EndedToWorkOrStudies);    // work (1), studies (3)
        Assert.Equal(1, flow.EndedJobSeeking);         // person 2
        Assert.Equal(5, flow.UniqueIndividuals);       // persons 1, 2, 3, 6, 7
        Assert.Equal(new Share(2, 4), flow.WorkOrStudiesShare);
        Assert.Equal(0.5m, flow.WorkOrStudiesShare.Fraction);
    }

    [Fact]
    public void Per_insats_subsets_add_up_to_the_whole()
    {
        var whole = ParticipantFlow.Compute(2025, Enrolments);
        var one = ParticipantFlow.Compute(2025, Enrolments.Where(e => e.InsatsId == 1));
        var two = ParticipantFlow.Compute(2025, Enrolments.Where(e => e.InsatsId == 2));

        Assert.Equal(whole.Current, one.Current + two.Current);
        Assert.Equal(whole.New, one.New + two.New);
        Assert.Equal(whole.Ended, one.Ended + two.Ended);
        // Unique individuals do not add up: person 1 is in both insatser.
        Assert.Equal(whole.UniqueIndividuals + 1, one.UniqueIndividuals + two.UniqueIndividuals);
    }

    [Fact]
    public void An_empty_year_has_no_share()
    {
        var flow = ParticipantFlow.Compute(2010, Enrolments);
        Assert.Equal(0, flow.Current);
        Assert.Null(flow.WorkOrStudiesShare.Fraction);
    }
}
