using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>
/// The counters of <see cref="ParticipantStatistics.Compute"/>, filled by one pass over the enrolments (a year's
/// statistics are computed for every insats and twice for the förbund's totals, so a pass per figure was most of their
/// cost). Definitions are those of <see cref="ParticipantStatistics"/>; the groups keep the first spelling met, as a
/// grouping would.
/// </summary>
internal sealed class StatisticsTally(int year)
{
    /// <summary>The supports counted at start and end of the ended, in the order of the enum (every one but none).</summary>
    public static IReadOnlyList<IncomeSupport> Supports { get; } = [.. Enum.GetValues<IncomeSupport>().Where(s => s != IncomeSupport.None)];

    private readonly Dictionary<string, int> municipalityIndex = new(StringComparer.Ordinal);
    private readonly List<(string Name, GenderCounts Counts)> municipalities = [];
    private GenderCounts municipalityNotRecorded;
    private bool anyMunicipalityNotRecorded;
    private readonly Referrers currentReferrers = new();
    private readonly Referrers newReferrers = new();
    private int followedUp;
    private int selfSupporting;
    private int notSelfSupporting;
    private int notReached;

    public GenderCounts Current { get; private set; }

    public GenderCounts New { get; private set; }

    public GenderCounts Ended { get; private set; }

    public int Anonymous { get; private set; }

    public GenderCounts EndedToWorkSubsidised { get; private set; }

    public Dictionary<EndReason, GenderCounts> EndedByReason { get; } = [];

    public GenderCounts[] CurrentByAge { get; } = new GenderCounts[AgeBand.All.Count];

    public Dictionary<EducationLevel, GenderCounts> CurrentByEducation { get; } = [];

    public Dictionary<TimeInSupport, GenderCounts> CurrentByTimeInSupport { get; } = [];

    /// <summary>Per end reason and trimmed sub-code, case ignored, in the order first met.</summary>
    public Dictionary<EndReasonSubCode, GenderCounts> EndedBySubCode { get; } = new(EndReasonSubCode.Comparer);

    public int[] SupportAtStart { get; } = new int[Supports.Count];

    public int[] SupportAtEnd { get; } = new int[Supports.Count];

    /// <summary>Days in the insats of the ended: women, men, other or unspecified.</summary>
    public AverageDays[] Days { get; } = new AverageDays[3];

    public IEnumerable<KeyValuePair<int?, GenderCounts>> CurrentByReferrer => currentReferrers.Groups;

    public IEnumerable<KeyValuePair<int?, GenderCounts>> NewByReferrer => newReferrers.Groups;

    public FollowUpCounts FollowUp => new(followedUp, selfSupporting, notSelfSupporting, notReached);

    public void Add(EnrolmentFact e)
    {
        if (e.EndedIn(year - 1))
        {
            followedUp++;
            switch (e.FollowUp12Months)
            {
                case FollowUpResult.SelfSupporting: selfSupporting++; break;
                case FollowUpResult.NotSelfSupporting: notSelfSupporting++; break;
                case FollowUpResult.NotReached: notReached++; break;
                default: break;
            }
        }

        if (!e.IsCurrentIn(year))
        {
            return;
        }

        var gender = e.Gender;
        Current = Current.Add(gender);
        if (!e.IsIdentified)
        {
            Anonymous++;
        }

        var age = year - e.BirthYear;
        for (var i = 0; i < CurrentByAge.Length; i++)
        {
            if (AgeBand.All[i].Contains(age))
            {
                CurrentByAge[i] = CurrentByAge[i].Add(gender);
                break;
            }
        }

        Increment(CurrentByEducation, e.Education, gender);
        Increment(CurrentByTimeInSupport, e.TimeInSupportBeforeStart, gender);
        currentReferrers.Add(e.ReferringMemberId, gender);
        AddMunicipality(e.HomeMunicipality, gender);

        if (e.StartedIn(year))
        {
            New = New.Add(gender);
            newReferrers.Add(e.ReferringMemberId, gender);
        }

        if (e.EndedIn(year))
        {
            AddEnded(e, gender);
        }
    }

    /// <summary>The current per home municipality: by name (case ignored in the user's culture, first spelling kept), not recorded as null.</summary>
    public IEnumerable<BreakdownRow<string?>> CurrentByMunicipality()
    {
        // Exact spellings were counted apart (cheap); spellings that differ only in case are merged here, in the order met.
        var merged = new Dictionary<string, int>(StringComparer.CurrentCultureIgnoreCase);
        var rows = new List<BreakdownRow<string?>>();
        foreach (var (name, counts) in municipalities)
        {
            if (merged.TryGetValue(name, out var index))
            {
                rows[index] = rows[index] with { Counts = Sum(rows[index].Counts, counts) };
            }
            else
            {
                merged[name] = rows.Count;
                rows.Add(new BreakdownRow<string?>(name, counts));
            }
        }

        if (anyMunicipalityNotRecorded)
        {
            rows.Add(new BreakdownRow<string?>(null, municipalityNotRecorded));
        }

        return rows;
    }

    private void AddEnded(EnrolmentFact e, Gender gender)
    {
        Ended = Ended.Add(gender);
        if (e.EndReason is { } reason)
        {
            Increment(EndedByReason, reason, gender);
            var subCode = string.IsNullOrWhiteSpace(e.EndReasonSubCode) ? null : e.EndReasonSubCode.Trim();
            Increment(EndedBySubCode, new EndReasonSubCode(reason, subCode), gender);
            if (reason == EndReason.Work
                && string.Equals(e.EndReasonSubCode, ParticipantStatistics.SubsidisedEmploymentSubCode, StringComparison.OrdinalIgnoreCase))
            {
                EndedToWorkSubsidised = EndedToWorkSubsidised.Add(gender);
            }
        }

        for (var i = 0; i < Supports.Count; i++)
        {
            var support = Supports[i];
            if ((e.SupportAtStart & support) == support)
            {
                SupportAtStart[i]++;
            }

            if ((e.SupportAtEnd & support) == support)
            {
                SupportAtEnd[i]++;
            }
        }

        var days = gender switch
        {
            Gender.Woman => 0,
            Gender.Man => 1,
            Gender.OtherOrUnspecified => 2,
            _ => -1,
        };
        if (days >= 0)
        {
            Days[days] = new AverageDays(Days[days].Count + 1, Days[days].TotalDays + e.DaysInInsats!.Value);
        }
    }

    private void AddMunicipality(string? municipality, Gender gender)
    {
        if (string.IsNullOrWhiteSpace(municipality))
        {
            anyMunicipalityNotRecorded = true;
            municipalityNotRecorded = municipalityNotRecorded.Add(gender);
            return;
        }

        var name = municipality.Trim();
        if (municipalityIndex.TryGetValue(name, out var index))
        {
            municipalities[index] = (name, municipalities[index].Counts.Add(gender));
        }
        else
        {
            municipalityIndex[name] = municipalities.Count;
            municipalities.Add((name, default(GenderCounts).Add(gender)));
        }
    }

    private static void Increment<TKey>(Dictionary<TKey, GenderCounts> counts, TKey key, Gender gender)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key).Add(gender);

    private static GenderCounts Sum(GenderCounts a, GenderCounts b) =>
        new(a.Women + b.Women, a.Men + b.Men, a.OtherOrUnspecified + b.OtherOrUnspecified);

    /// <summary>Counts per referring member; not recorded (null) kept apart, since a dictionary takes no null key.</summary>
    private sealed class Referrers
    {
        private readonly Dictionary<int, GenderCounts> byMember = [];
        private GenderCounts notRecorded;
        private bool anyNotRecorded;

        public IEnumerable<KeyValuePair<int?, GenderCounts>> Groups =>
            byMember.Select(g => new KeyValuePair<int?, GenderCounts>(g.Key, g.Value))
                .Concat(anyNotRecorded ? [new KeyValuePair<int?, GenderCounts>(null, notRecorded)] : []);

        public void Add(int? member, Gender gender)
        {
            if (member is { } id)
            {
                byMember[id] = byMember.GetValueOrDefault(id).Add(gender);
            }
            else
            {
                anyNotRecorded = true;
                notRecorded = notRecorded.Add(gender);
            }
        }
    }
}
