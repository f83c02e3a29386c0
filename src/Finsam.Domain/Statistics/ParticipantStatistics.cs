using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>
/// Every participant figure of one year for a set of enrolments (one insats, or the förbund's total): the flow table
/// of an annual report's bilaga and the participant tables of its verksamhetsberättelse. Definitions in docs/goals.md:
/// <list type="bullet">
/// <item>current (aktuella), age, education, time in support and referring member: the enrolments active on at least one day of the year;</item>
/// <item>new (nya): started in the year;</item>
/// <item>ended (avslutade), end reasons, support at start and end, days in insats: ended in the year;</item>
/// <item>12-month follow-up: enrolments that ended in the year before, so their follow-up falls in this year.</item>
/// </list>
/// </summary>
public sealed record ParticipantStatistics(
    int Year,
    ParticipantFlow Flow,
    GenderCounts Current,
    GenderCounts New,
    GenderCounts Ended,
    int AnonymousEnrolments,
    IReadOnlyList<BreakdownRow<EndReason>> EndedByReason,
    GenderCounts EndedToWorkSubsidised,
    IReadOnlyList<BreakdownRow<AgeBand>> CurrentByAge,
    IReadOnlyList<BreakdownRow<EducationLevel>> CurrentByEducation,
    IReadOnlyList<BreakdownRow<TimeInSupport>> CurrentByTimeInSupport,
    IReadOnlyList<BreakdownRow<int?>> CurrentByReferringMember,
    IReadOnlyList<SupportChange> SupportOfEnded,
    AverageDays DaysWomen,
    AverageDays DaysMen,
    AverageDays DaysOther,
    FollowUpCounts FollowUp)
{
    /// <summary>The sub-code that marks a subsidised employment among the enrolments ended to work.</summary>
    public const string SubsidisedEmploymentSubCode = "Subventionerad anställning";

    public AverageDays DaysAll => new(DaysWomen.Count + DaysMen.Count + DaysOther.Count, DaysWomen.TotalDays + DaysMen.TotalDays + DaysOther.TotalDays);

    /// <summary>Ended enrolments with the given reasons, as a share of all ended, for one gender or (null) all.</summary>
    public Share EndedShare(Gender? gender, params EndReason[] reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var numerator = EndedByReason.Where(r => reasons.Contains(r.Key)).Sum(r => gender is { } g ? r.Counts[g] : r.Counts.Total);
        return new Share(numerator, gender is { } gg ? Ended[gg] : Ended.Total);
    }

    public Share WorkOrStudiesShare(Gender? gender = null) => EndedShare(gender, EndReason.Work, EndReason.Studies);

    public Share JobSeekingShare(Gender? gender = null) => EndedShare(gender, EndReason.JobSeeking);

    private static readonly EndReason[] Reasons = Enum.GetValues<EndReason>();

    private static readonly EducationLevel[] EducationOrder =
        [.. Enum.GetValues<EducationLevel>().Where(l => l != EducationLevel.Unknown).Append(EducationLevel.Unknown)];

    private static readonly TimeInSupport[] TimeOrder =
        [.. Enum.GetValues<TimeInSupport>().Where(t => t != TimeInSupport.Unknown).Append(TimeInSupport.Unknown)];

    private static readonly IncomeSupport[] Supports = [.. Enum.GetValues<IncomeSupport>().Where(s => s != IncomeSupport.None)];

    /// <summary>
    /// Every figure in one pass over the enrolments (issue #11: a year of 20 000 enrolments is computed for each insats and
    /// twice for the totals; the former one LINQ pass per figure cost tens of passes).
    /// </summary>
    public static ParticipantStatistics Compute(int year, IEnumerable<EnrolmentFact> enrolments)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        var all = enrolments as IReadOnlyCollection<EnrolmentFact> ?? enrolments.ToList();

        GenderCounts current = default, started = default, ended = default, subsidised = default;
        var anonymous = 0;
        var byReason = new GenderCounts[Reasons.Length];
        var byAge = new GenderCounts[AgeBand.All.Count];
        var byEducation = new GenderCounts[EducationOrder.Length];
        var byTime = new GenderCounts[TimeOrder.Length];
        var byReferrer = new SortedDictionary<int, GenderCounts>();
        GenderCounts? noReferrer = null;
        var supportAtStart = new int[Supports.Length];
        var supportAtEnd = new int[Supports.Length];
        int daysWomen = 0, daysMen = 0, daysOther = 0;
        long totalWomen = 0, totalMen = 0, totalOther = 0;
        int followedUp = 0, selfSupporting = 0, notSelfSupporting = 0, notReached = 0;

        foreach (var e in all)
        {
            if (e.EndedIn(year - 1))
            {
                followedUp++;
                switch (e.FollowUp12Months)
                {
                    case FollowUpResult.SelfSupporting: selfSupporting++; break;
                    case FollowUpResult.NotSelfSupporting: notSelfSupporting++; break;
                    case FollowUpResult.NotReached: notReached++; break;
                }
            }

            if (!e.IsCurrentIn(year))
            {
                continue;
            }

            var gender = e.Gender;
            current = current.Add(gender);
            if (e.StartedIn(year))
            {
                started = started.Add(gender);
            }

            if (!e.IsIdentified)
            {
                anonymous++;
            }

            var age = year - e.BirthYear;
            for (var i = 0; i < byAge.Length; i++)
            {
                if (AgeBand.All[i].Contains(age))
                {
                    byAge[i] = byAge[i].Add(gender);
                }
            }

            Count(byEducation, Array.IndexOf(EducationOrder, e.Education), gender);
            Count(byTime, Array.IndexOf(TimeOrder, e.TimeInSupportBeforeStart), gender);
            if (e.ReferringMemberId is { } member)
            {
                byReferrer[member] = byReferrer.GetValueOrDefault(member).Add(gender);
            }
            else
            {
                noReferrer = (noReferrer ?? default).Add(gender);
            }

            if (!e.EndedIn(year))
            {
                continue;
            }

            ended = ended.Add(gender);
            if (e.EndReason is { } reason)
            {
                Count(byReason, Array.IndexOf(Reasons, reason), gender);
                if (reason == EndReason.Work && string.Equals(e.EndReasonSubCode, SubsidisedEmploymentSubCode, StringComparison.OrdinalIgnoreCase))
                {
                    subsidised = subsidised.Add(gender);
                }
            }

            for (var i = 0; i < Supports.Length; i++)
            {
                if (e.SupportAtStart.HasFlag(Supports[i]))
                {
                    supportAtStart[i]++;
                }

                if (e.SupportAtEnd.HasFlag(Supports[i]))
                {
                    supportAtEnd[i]++;
                }
            }

            var days = (long)e.DaysInInsats!.Value;
            switch (gender)
            {
                case Gender.Woman: daysWomen++; totalWomen += days; break;
                case Gender.Man: daysMen++; totalMen += days; break;
                case Gender.OtherOrUnspecified: daysOther++; totalOther += days; break;
            }
        }

        var referrers = byReferrer.Select(r => new BreakdownRow<int?>(r.Key, r.Value)).ToList();
        if (noReferrer is { } none)
        {
            referrers.Add(new BreakdownRow<int?>(null, none));
        }

        return new ParticipantStatistics(
            year,
            ParticipantFlow.Compute(year, all),
            current,
            started,
            ended,
            anonymous,
            [.. Reasons.Select((r, i) => new BreakdownRow<EndReason>(r, byReason[i]))],
            subsidised,
            [.. AgeBand.All.Select((b, i) => new BreakdownRow<AgeBand>(b, byAge[i]))],
            [.. EducationOrder.Select((l, i) => new BreakdownRow<EducationLevel>(l, byEducation[i]))],
            [.. TimeOrder.Select((t, i) => new BreakdownRow<TimeInSupport>(t, byTime[i]))],
            referrers,
            [.. Supports.Select((s, i) => new SupportChange(s, supportAtStart[i], supportAtEnd[i]))],
            new AverageDays(daysWomen, totalWomen),
            new AverageDays(daysMen, totalMen),
            new AverageDays(daysOther, totalOther),
            new FollowUpCounts(followedUp, selfSupporting, notSelfSupporting, notReached));
    }

    private static void Count(GenderCounts[] counts, int index, Gender gender)
    {
        if (index >= 0)
        {
            counts[index] = counts[index].Add(gender);
        }
    }
}

/// <summary>An age band of the participant tables, by the age reached during the year.</summary>
public sealed record AgeBand(int From, int? To)
{
    public static IReadOnlyList<AgeBand> All { get; } =
    [
        new(0, 19), new(20, 24), new(25, 29), new(30, 39), new(40, 49), new(50, 59), new(60, null),
    ];

    public string Label => (From, To) switch
    {
        (0, { } to) => $"Under {to + 1} år",
        (var from, null) => $"{from} år och äldre",
        (var from, { } to) => $"{from}–{to} år",
    };

    public bool Contains(int age) => age >= From && (To is null || age <= To);
}

/// <summary>How many of the year's ended enrolments had a support at start and at end (a person may have several).</summary>
public sealed record SupportChange(IncomeSupport Support, int AtStart, int AtEnd)
{
    public int Change => AtEnd - AtStart;
}

/// <summary>
/// The 12-month follow-up of the enrolments that ended the year before: how many were self-supporting.
/// The share is taken of those reached (self-supporting or not); not reached and not yet followed up are shown beside it.
/// </summary>
public sealed record FollowUpCounts(int EndedPreviousYear, int SelfSupporting, int NotSelfSupporting, int NotReached)
{
    public int Reached => SelfSupporting + NotSelfSupporting;

    public int NotFollowedUp => EndedPreviousYear - Reached - NotReached;

    public Share SelfSupportingShare => new(SelfSupporting, Reached);
}
