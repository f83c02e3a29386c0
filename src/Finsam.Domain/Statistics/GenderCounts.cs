using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>A count split by gender, as every table of an annual report splits it.</summary>
public readonly record struct GenderCounts(int Women, int Men, int OtherOrUnspecified)
{
    public int Total => Women + Men + OtherOrUnspecified;

    public int this[Gender gender] => gender switch
    {
        Gender.Woman => Women,
        Gender.Man => Men,
        _ => OtherOrUnspecified,
    };

    public GenderCounts Add(Gender gender) => gender switch
    {
        Gender.Woman => this with { Women = Women + 1 },
        Gender.Man => this with { Men = Men + 1 },
        _ => this with { OtherOrUnspecified = OtherOrUnspecified + 1 },
    };

    public static GenderCounts Count(IEnumerable<EnrolmentFact> enrolments)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        var counts = default(GenderCounts);
        foreach (var e in enrolments)
        {
            counts = counts.Add(e.Gender);
        }

        return counts;
    }
}

/// <summary>One row of a breakdown: a label (an end reason, an age band, a support) and its count by gender.</summary>
public sealed record BreakdownRow<TKey>(TKey Key, GenderCounts Counts);

/// <summary>An average of days with its basis, e.g. 262 days over 90 ended enrolments.</summary>
public readonly record struct AverageDays(int Count, long TotalDays)
{
    public decimal? Average => Count == 0 ? null : Math.Round((decimal)TotalDays / Count, 0, MidpointRounding.AwayFromZero);
}
