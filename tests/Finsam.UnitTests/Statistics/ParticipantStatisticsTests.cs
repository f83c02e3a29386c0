using Finsam.Domain.Participants;
using Finsam.Domain.Statistics;

namespace Finsam.UnitTests.Statistics;

/// <summary>Every participant statistic on a small hand-built set whose answers are counted by hand in the comments.</summary>
public sealed class ParticipantStatisticsTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static EnrolmentFact E(int person, Gender gender, int born, DateOnly start, DateOnly? end = null, EndReason? reason = null) =>
        new(1, person, gender, start, end, reason) { BirthYear = born };

    /// <summary>Year 2025, one insats.</summary>
    public static readonly EnrolmentFact[] Enrolments =
    [
        // 1: woman, 24 in 2025, started 2024, ended 2025-01-30 to work (subsidised); 31 + 30 = 61 days; sjukpenning -> lön.
        E(1, Gender.Woman, 2001, D(2024, 12, 1), D(2025, 1, 30), EndReason.Work) with
        {
            SupportAtStart = IncomeSupport.SicknessBenefit, SupportAtEnd = IncomeSupport.Salary, EndReasonSubCode = "Subventionerad anställning",
            Education = EducationLevel.Compulsory, TimeInSupportBeforeStart = TimeInSupport.TwoToFiveYears, ReferringMemberId = 10,
        },
        // 2: woman, 45, new 2025, ended 2025-03-10 to studies: 10 days; försörjningsstöd + aktivitetsstöd -> studiemedel.
        E(2, Gender.Woman, 1980, D(2025, 3, 1), D(2025, 3, 10), EndReason.Studies) with
        {
            SupportAtStart = IncomeSupport.MeansTestedAllowance | IncomeSupport.ActivitySupport, SupportAtEnd = IncomeSupport.StudentFinance,
            Education = EducationLevel.UpperSecondary, ReferringMemberId = 11,
        },
        // 3: man, 19, new 2025, ended 2025-12-31 job seeking: 365 days; ingen -> aktivitetsstöd. Anonymous.
        E(3, Gender.Man, 2006, D(2025, 1, 1), D(2025, 12, 31), EndReason.JobSeeking) with
        {
            SupportAtStart = IncomeSupport.NoIncome, SupportAtEnd = IncomeSupport.ActivitySupport, IsIdentified = false, ReferringMemberId = 10,
        },
        // 4: man, 60, ongoing since 2023.
        E(4, Gender.Man, 1965, D(2023, 5, 5)) with { TimeInSupportBeforeStart = TimeInSupport.FiveYearsOrMore, ReferringMemberId = 11 },
        // 5: other/unspecified, 30, new 2025, ongoing.
        E(5, Gender.OtherOrUnspecified, 1995, D(2025, 6, 1)),
        // 6: person 1 again (a second enrolment), new 2025, ended for illness 2025-09-30: 30 days.
        E(1, Gender.Woman, 2001, D(2025, 9, 1), D(2025, 9, 30), EndReason.Illness) with
        {
            SupportAtStart = IncomeSupport.SicknessBenefit, SupportAtEnd = IncomeSupport.SicknessBenefit,
        },
        // Not current in 2025: ended 2024 (follow-up cohort), started 2026.
        E(7, Gender.Woman, 1990, D(2023, 1, 1), D(2024, 6, 30), EndReason.Work) with { FollowUp12Months = FollowUpResult.SelfSupporting },
        E(8, Gender.Man, 1990, D(2023, 1, 1), D(2024, 8, 31), EndReason.Other) with { FollowUp12Months = FollowUpResult.NotSelfSupporting },
        E(9, Gender.Man, 1990, D(2024, 1, 1), D(2024, 9, 30), EndReason.Studies) with { FollowUp12Months = FollowUpResult.NotReached },
        E(10, Gender.Woman, 1990, D(2024, 1, 1), D(2024, 10, 31), EndReason.Illness),
        E(11, Gender.Woman, 1990, D(2026, 1, 1)),
    ];

    private static readonly ParticipantStatistics Stats = ParticipantStatistics.Compute(2025, Enrolments);

    [Fact]
    public void A_year_needs_the_enrolments_active_in_it_and_those_that_ended_the_year_before()
    {
        var endedIn2023 = E(12, Gender.Man, 1990, D(2022, 1, 1), D(2023, 12, 31), EndReason.Work);
        var needed = Enrolments.Append(endedIn2023).Where(e => e.CountsInStatisticsOf(2025)).ToList();

        // All but 11 (starts 2026) and the one ended 2023; 7–10 ended 2024 and are the follow-up cohort.
        Assert.Equal(Enrolments[..^1], needed);
        Assert.True(E(13, Gender.Man, 1990, D(2025, 12, 31)).CountsInStatisticsOf(2025));
        Assert.True(E(13, Gender.Man, 1990, D(2020, 1, 1), D(2024, 1, 1)).CountsInStatisticsOf(2025));
        Assert.False(E(13, Gender.Man, 1990, D(2026, 1, 1)).CountsInStatisticsOf(2025));
    }

    [Fact]
    public void The_statistics_of_a_year_are_the_same_from_a_longer_span_of_enrolments()
    {
        // A trend reads several years at once and computes each year from those it needs.
        var span = Enrolments.Append(E(12, Gender.Man, 1990, D(2022, 1, 1), D(2023, 12, 31), EndReason.Work)).ToList();
        var fromSpan = ParticipantStatistics.Compute(2025, span.Where(e => e.CountsInStatisticsOf(2025)));

        Assert.Equal(Stats.Flow, fromSpan.Flow);
        Assert.Equal(Stats.Current, fromSpan.Current);
        Assert.Equal(Stats.New, fromSpan.New);
        Assert.Equal(Stats.Ended, fromSpan.Ended);
        Assert.Equal(Stats.FollowUp, fromSpan.FollowUp);
        Assert.Equal(Stats.EndedByReason, fromSpan.EndedByReason);
        Assert.Equal(Stats.CurrentByAge, fromSpan.CurrentByAge);
    }

    [Fact]
    public void Counts_current_new_and_ended_by_gender()
    {
        Assert.Equal(new GenderCounts(3, 2, 1), Stats.Current);   // enrolments 1, 2, 6 / 3, 4 / 5
        Assert.Equal(new GenderCounts(2, 1, 1), Stats.New);       // 2, 6 / 3 / 5
        Assert.Equal(new GenderCounts(3, 1, 0), Stats.Ended);     // 1, 2, 6 / 3
        Assert.Equal(5, Stats.Flow.UniqueIndividuals);            // persons 1..5
        Assert.Equal(1, Stats.AnonymousEnrolments);
        Assert.Equal(6, Stats.Flow.Current);
    }

    [Fact]
    public void Splits_the_ended_by_reason_and_gender_with_shares_of_the_ended()
    {
        Assert.Equal(new GenderCounts(1, 0, 0), Stats.EndedByReason.Single(r => r.Key == EndReason.Work).Counts);
        Assert.Equal(new GenderCounts(1, 0, 0), Stats.EndedByReason.Single(r => r.Key == EndReason.Studies).Counts);
        Assert.Equal(new GenderCounts(0, 1, 0), Stats.EndedByReason.Single(r => r.Key == EndReason.JobSeeking).Counts);
        Assert.Equal(new GenderCounts(1, 0, 0), Stats.EndedByReason.Single(r => r.Key == EndReason.Illness).Counts);
        Assert.Equal(0, Stats.EndedByReason.Single(r => r.Key == EndReason.Other).Counts.Total);
        Assert.Equal(Stats.Ended.Total, Stats.EndedByReason.Sum(r => r.Counts.Total));

        Assert.Equal(new Share(2, 4), Stats.WorkOrStudiesShare());
        Assert.Equal(new Share(2, 3), Stats.WorkOrStudiesShare(Gender.Woman));
        Assert.Equal(new Share(0, 1), Stats.WorkOrStudiesShare(Gender.Man));
        Assert.Equal(new Share(1, 4), Stats.JobSeekingShare());
        Assert.Equal(new Share(1, 4), Stats.EndedShare(null, EndReason.Illness));
        Assert.Equal(new GenderCounts(1, 0, 0), Stats.EndedToWorkSubsidised);
    }

    [Fact]
    public void Bands_ages_reached_in_the_year()
    {
        var byLabel = Stats.CurrentByAge.ToDictionary(r => r.Key.Label, r => r.Counts);
        Assert.Equal(new GenderCounts(0, 1, 0), byLabel["Under 20 år"]);       // person 3, 19
        Assert.Equal(new GenderCounts(2, 0, 0), byLabel["20–24 år"]);          // person 1 twice, 24
        Assert.Equal(new GenderCounts(0, 0, 1), byLabel["30–39 år"]);          // person 5, 30
        Assert.Equal(new GenderCounts(1, 0, 0), byLabel["40–49 år"]);          // person 2, 45
        Assert.Equal(new GenderCounts(0, 1, 0), byLabel["60 år och äldre"]);   // person 4, 60
        Assert.Equal(Stats.Current.Total, Stats.CurrentByAge.Sum(r => r.Counts.Total));
    }

    [Fact]
    public void Counts_education_time_in_support_and_referrers_of_the_current()
    {
        Assert.Equal(1, Stats.CurrentByEducation.Single(r => r.Key == EducationLevel.Compulsory).Counts.Total);
        Assert.Equal(1, Stats.CurrentByEducation.Single(r => r.Key == EducationLevel.UpperSecondary).Counts.Total);
        Assert.Equal(4, Stats.CurrentByEducation.Single(r => r.Key == EducationLevel.Unknown).Counts.Total);
        Assert.Equal(1, Stats.CurrentByTimeInSupport.Single(r => r.Key == TimeInSupport.FiveYearsOrMore).Counts.Total);
        Assert.Equal(new GenderCounts(1, 1, 0), Stats.CurrentByReferringMember.Single(r => r.Key == 10).Counts);
        Assert.Equal(new GenderCounts(1, 1, 0), Stats.CurrentByReferringMember.Single(r => r.Key == 11).Counts);
        Assert.Equal(new GenderCounts(1, 0, 1), Stats.CurrentByReferringMember.Single(r => r.Key == null).Counts);
        Assert.Null(Stats.CurrentByReferringMember[^1].Key);
    }

    [Fact]
    public void Compares_support_at_start_and_end_of_the_ended()
    {
        var support = Stats.SupportOfEnded.ToDictionary(s => s.Support);
        Assert.Equal((2, 1), (support[IncomeSupport.SicknessBenefit].AtStart, support[IncomeSupport.SicknessBenefit].AtEnd));
        Assert.Equal((1, 0), (support[IncomeSupport.MeansTestedAllowance].AtStart, support[IncomeSupport.MeansTestedAllowance].AtEnd));
        Assert.Equal((1, 1), (support[IncomeSupport.ActivitySupport].AtStart, support[IncomeSupport.ActivitySupport].AtEnd));
        Assert.Equal((1, 0), (support[IncomeSupport.NoIncome].AtStart, support[IncomeSupport.NoIncome].AtEnd));
        Assert.Equal((0, 1), (support[IncomeSupport.Salary].AtStart, support[IncomeSupport.Salary].AtEnd));
        Assert.Equal(-1, support[IncomeSupport.SicknessBenefit].Change);
        Assert.DoesNotContain(IncomeSupport.None, support.Keys);
    }

    [Fact]
    public void Averages_days_in_insats_of_the_ended_by_gender()
    {
        Assert.Equal(new AverageDays(3, 61 + 10 + 30), Stats.DaysWomen);
        Assert.Equal(34m, Stats.DaysWomen.Average);                   // 101 / 3 = 33,7
        Assert.Equal(365m, Stats.DaysMen.Average);
        Assert.Null(Stats.DaysOther.Average);
        Assert.Equal(new AverageDays(4, 466), Stats.DaysAll);
        Assert.Equal(117m, Stats.DaysAll.Average);                    // 466 / 4 = 116,5 rounds up
    }

    [Fact]
    public void Follows_up_those_ended_the_year_before()
    {
        Assert.Equal(new FollowUpCounts(4, 1, 1, 1), Stats.FollowUp);
        Assert.Equal(2, Stats.FollowUp.Reached);
        Assert.Equal(1, Stats.FollowUp.NotFollowedUp);
        Assert.Equal(new Share(1, 2), Stats.FollowUp.SelfSupportingShare);
    }

    [Fact]
    public void An_empty_set_gives_zeros_and_no_shares()
    {
        var empty = ParticipantStatistics.Compute(2025, []);
        Assert.Equal(0, empty.Current.Total);
        Assert.Null(empty.WorkOrStudiesShare().Fraction);
        Assert.Null(empty.DaysAll.Average);
        Assert.Null(empty.FollowUp.SelfSupportingShare.Fraction);
    }
}
