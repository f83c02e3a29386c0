using Finsam.Domain.Formatting;
using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Statistics;

/// <summary>The breakdowns real reports publish (#16): per hemkommun, per end-reason sub-code, referring member of the new.</summary>
public sealed class BreakdownTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static EnrolmentFact E(int person, Gender gender, DateOnly start, DateOnly? end = null, EndReason? reason = null) =>
        new(1, person, gender, start, end, reason) { BirthYear = 1990 };

    /// <summary>Year 2025: five current (four new), three ended; one ended in 2024 and one starting 2026 are outside.</summary>
    private static readonly EnrolmentFact[] Enrolments =
    [
        // current, not new (started 2024), ended 2025 to work, subsidised; Botkyrka; referred by 10.
        E(1, Gender.Woman, D(2024, 5, 1), D(2025, 2, 1), EndReason.Work) with { HomeMunicipality = "Botkyrka", EndReasonSubCode = "Subventionerad anställning", ReferringMemberId = 10 },
        // new, ended to work with the same sub-code written in other case; " botkyrka " is the same kommun.
        E(2, Gender.Man, D(2025, 1, 10), D(2025, 6, 1), EndReason.Work) with { HomeMunicipality = " botkyrka ", EndReasonSubCode = "subventionerad anställning", ReferringMemberId = 10 },
        // new, ended to work without a sub-code; Huddinge; referred by 11.
        E(3, Gender.Woman, D(2025, 2, 1), D(2025, 9, 1), EndReason.Work) with { HomeMunicipality = "Huddinge", ReferringMemberId = 11 },
        // new, ongoing, no kommun, no referrer.
        E(4, Gender.OtherOrUnspecified, D(2025, 3, 1)),
        // new, ongoing, Salem, referred by 11.
        E(5, Gender.Man, D(2025, 4, 1)) with { HomeMunicipality = "Salem", ReferringMemberId = 11 },
        // outside 2025's current: ended 2024, started 2026.
        E(6, Gender.Woman, D(2023, 1, 1), D(2024, 6, 1), EndReason.Studies) with { HomeMunicipality = "Nykvarn", EndReasonSubCode = "Komvux", ReferringMemberId = 12 },
        E(7, Gender.Man, D(2026, 1, 1)) with { HomeMunicipality = "Nykvarn", ReferringMemberId = 12 },
    ];

    private static readonly ParticipantStatistics Stats = ParticipantStatistics.Compute(2025, Enrolments);

    [Fact]
    public void Counts_the_current_per_home_municipality_not_recorded_last()
    {
        Assert.Equal(["Botkyrka", "Huddinge", "Salem", null], Stats.CurrentByHomeMunicipality.Select(r => r.Key));
        Assert.Equal(new GenderCounts(1, 1, 0), Stats.CurrentByHomeMunicipality[0].Counts);
        Assert.Equal(new GenderCounts(0, 0, 1), Stats.CurrentByHomeMunicipality[^1].Counts);
        Assert.Equal(Stats.Current, Sum(Stats.CurrentByHomeMunicipality));
    }

    [Fact]
    public void Counts_the_referring_member_of_the_new_only()
    {
        // Person 1 started 2024: current, not new, so member 10 has one new (person 2).
        Assert.Equal([10, 11, null], Stats.NewByReferringMember.Select(r => r.Key));
        Assert.Equal(new GenderCounts(0, 1, 0), Stats.NewByReferringMember[0].Counts);
        Assert.Equal(new GenderCounts(1, 1, 0), Stats.NewByReferringMember[1].Counts);
        Assert.Equal(Stats.New, Sum(Stats.NewByReferringMember));
        Assert.Equal(2, Stats.CurrentByReferringMember.Single(r => r.Key == 10).Counts.Total);
    }

    [Fact]
    public void Counts_the_ended_per_end_reason_and_sub_code_without_regard_to_case()
    {
        var rows = Stats.EndedBySubCode;
        Assert.Equal(["Arbete: Subventionerad anställning", "Arbete: ingen underkod"], rows.Select(r => SwedishNames.Of(r.Key)));
        Assert.Equal(new GenderCounts(1, 1, 0), rows[0].Counts);
        Assert.Equal(new GenderCounts(1, 0, 0), rows[1].Counts);
        Assert.Equal(Stats.Ended, Sum(rows));
        // The sub-codes of a reason add up to that reason's ended.
        Assert.Equal(Stats.EndedByReason.Single(r => r.Key == EndReason.Work).Counts, Sum(rows.Where(r => r.Key.Reason == EndReason.Work)));
    }

    [Fact]
    public void Existing_breakdowns_also_add_up_to_their_totals()
    {
        Assert.Equal(Stats.Current, Sum(Stats.CurrentByAge));
        Assert.Equal(Stats.Current, Sum(Stats.CurrentByTimeInSupport));
        Assert.Equal(Stats.Current, Sum(Stats.CurrentByReferringMember));
    }

    [Fact]
    public void A_year_without_enrolments_has_empty_breakdowns()
    {
        var empty = ParticipantStatistics.Compute(2025, []);
        Assert.Empty(empty.CurrentByHomeMunicipality);
        Assert.Empty(empty.NewByReferringMember);
        Assert.Empty(empty.EndedBySubCode);
    }

    private static GenderCounts Sum<T>(IEnumerable<BreakdownRow<T>> rows) =>
        rows.Aggregate(new GenderCounts(0, 0, 0), (sum, r) => new GenderCounts(sum.Women + r.Counts.Women, sum.Men + r.Counts.Men, sum.OtherOrUnspecified + r.Counts.OtherOrUnspecified));
}
