using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>
/// Every participant figure of one year for a set of enrolments (one insats, or the förbund's total): the flow table
/// of an annual report's bilaga and the participant tables of its verksamhetsberättelse. Definitions in docs/goals.md:
/// <list type="bullet">
/// <item>current (aktuella), age, education, home municipality, time in support and referring member: the enrolments active on at least one day of the year;</item>
/// <item>new (nya), and the referring member of the new: started in the year;</item>
/// <item>ended (avslutade), end reasons and their sub-codes, support at start and end, days in insats: ended in the year;</item>
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

    /// <summary>The current per home municipality (hemkommun) recorded with the enrolment, by name; not recorded last (key null).</summary>
    public IReadOnlyList<BreakdownRow<string?>> CurrentByHomeMunicipality { get; init; } = [];

    /// <summary>The new (started in the year) per referring member (remitterad av); not recorded last (key null).</summary>
    public IReadOnlyList<BreakdownRow<int?>> NewByReferringMember { get; init; } = [];

    /// <summary>The ended per end reason and sub-code (underkod), reasons in their order, no sub-code last within a reason.</summary>
    public IReadOnlyList<BreakdownRow<EndReasonSubCode>> EndedBySubCode { get; init; } = [];

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

    /// <summary>
    /// Every figure of the year for the enrolments, in one pass over them (<see cref="StatisticsTally"/>). The enrolments
    /// are those active in the year and, for the 12-month follow-up, those that ended the year before; or give the
    /// follow-up counted elsewhere (the query counts it in the database) and only the year's enrolments.
    /// </summary>
    public static ParticipantStatistics Compute(int year, IEnumerable<EnrolmentFact> enrolments, FollowUpCounts? followUp = null)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        var all = enrolments as IReadOnlyCollection<EnrolmentFact> ?? enrolments.ToList();
        var tally = new StatisticsTally(year);
        foreach (var e in all)
        {
            tally.Add(e);
        }

        var byReason = Enum.GetValues<EndReason>()
            .Select(r => new BreakdownRow<EndReason>(r, tally.EndedByReason.GetValueOrDefault(r)))
            .ToList();
        var byAge = AgeBand.All
            .Select((b, i) => new BreakdownRow<AgeBand>(b, tally.CurrentByAge[i]))
            .ToList();
        var byEducation = Enum.GetValues<EducationLevel>().Where(l => l != EducationLevel.Unknown).Append(EducationLevel.Unknown)
            .Select(l => new BreakdownRow<EducationLevel>(l, tally.CurrentByEducation.GetValueOrDefault(l)))
            .ToList();
        var byTime = Enum.GetValues<TimeInSupport>().Where(t => t != TimeInSupport.Unknown).Append(TimeInSupport.Unknown)
            .Select(t => new BreakdownRow<TimeInSupport>(t, tally.CurrentByTimeInSupport.GetValueOrDefault(t)))
            .ToList();
        var byMunicipality = tally.CurrentByMunicipality()
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Create(SwedishCulture, ignoreCase: true))
            .ToList();
        var bySubCode = tally.EndedBySubCode.Select(g => new BreakdownRow<EndReasonSubCode>(g.Key, g.Value))
            .OrderBy(g => g.Key.Reason).ThenBy(g => g.Key.SubCode is null).ThenBy(g => g.Key.SubCode, StringComparer.Create(SwedishCulture, ignoreCase: true))
            .ToList();
        var support = StatisticsTally.Supports
            .Select((s, i) => new SupportChange(s, tally.SupportAtStart[i], tally.SupportAtEnd[i]))
            .ToList();

        return new ParticipantStatistics(
            year,
            ParticipantFlow.Compute(year, all),
            tally.Current,
            tally.New,
            tally.Ended,
            tally.Anonymous,
            byReason,
            tally.EndedToWorkSubsidised,
            byAge,
            byEducation,
            byTime,
            ByReferrer(tally.CurrentByReferrer),
            support,
            tally.Days[0],
            tally.Days[1],
            tally.Days[2],
            followUp ?? tally.FollowUp)
        {
            CurrentByHomeMunicipality = byMunicipality,
            NewByReferringMember = ByReferrer(tally.NewByReferrer),
            EndedBySubCode = bySubCode,
        };

        static List<BreakdownRow<int?>> ByReferrer(IEnumerable<KeyValuePair<int?, GenderCounts>> groups) => groups
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => new BreakdownRow<int?>(g.Key, g.Value))
            .ToList();
    }

    private static readonly System.Globalization.CultureInfo SwedishCulture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
}

/// <summary>
/// An end reason with one of its sub-codes (underkod, e.g. "Subventionerad anställning" under arbete); null for the
/// enrolments ended with the reason but no sub-code. Sub-codes are compared without regard to case.
/// </summary>
public sealed record EndReasonSubCode(EndReason Reason, string? SubCode)
{
    public static IEqualityComparer<EndReasonSubCode> Comparer { get; } = new IgnoreCase();

    private sealed class IgnoreCase : IEqualityComparer<EndReasonSubCode>
    {
        public bool Equals(EndReasonSubCode? x, EndReasonSubCode? y) =>
            x is not null && y is not null && x.Reason == y.Reason && string.Equals(x.SubCode, y.SubCode, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(EndReasonSubCode obj) =>
            HashCode.Combine(obj.Reason, obj.SubCode is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.SubCode));
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

    public static FollowUpCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>The counts of two sets of enrolments together (a total over insatser).</summary>
    public FollowUpCounts Plus(FollowUpCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(EndedPreviousYear + other.EndedPreviousYear, SelfSupporting + other.SelfSupporting, NotSelfSupporting + other.NotSelfSupporting, NotReached + other.NotReached);
    }

    /// <summary>Counts the follow-up results of enrolments that ended the year before (null: not yet followed up).</summary>
    public static FollowUpCounts Of(IEnumerable<(FollowUpResult? Result, int Count)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counts = None;
        foreach (var (result, count) in results)
        {
            counts = counts.Plus(new FollowUpCounts(
                count,
                result == FollowUpResult.SelfSupporting ? count : 0,
                result == FollowUpResult.NotSelfSupporting ? count : 0,
                result == FollowUpResult.NotReached ? count : 0));
        }

        return counts;
    }
}
