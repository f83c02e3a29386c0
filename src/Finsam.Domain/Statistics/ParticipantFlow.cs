using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>
/// The participant flow of one year for a set of enrolments (one insats, or the förbund's total):
/// the figures of the flow table in an annual report's bilaga. Definitions follow docs/glossary.md:
/// aktuella = active on at least one day of the year; nya = started in the year; avslutade = ended in the year.
/// </summary>
public sealed record ParticipantFlow(
    int Year,
    int Current,
    int CurrentWomen,
    int CurrentMen,
    int CurrentOtherOrUnspecified,
    int New,
    int Ended,
    int EndedToWorkOrStudies,
    int EndedJobSeeking,
    int UniqueIndividuals)
{
    /// <summary>Share of the ended enrolments that ended in work or studies.</summary>
    public Share WorkOrStudiesShare => new(EndedToWorkOrStudies, Ended);

    public static ParticipantFlow Compute(int year, IEnumerable<EnrolmentFact> enrolments)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);

        int current = 0, women = 0, men = 0, other = 0, started = 0, ended = 0, workOrStudies = 0, jobSeeking = 0;
        var persons = new HashSet<int>();
        foreach (var e in enrolments)
        {
            if (e.StartDate > to || (e.EndDate is { } end0 && end0 < from))
            {
                continue;
            }

            current++;
            persons.Add(e.ParticipantId);
            switch (e.Gender)
            {
                case Gender.Woman: women++; break;
                case Gender.Man: men++; break;
                default: other++; break;
            }

            if (e.StartDate >= from)
            {
                started++;
            }

            if (e.EndDate is { } end && end <= to)
            {
                ended++;
                if (e.EndReason is EndReason.Work or EndReason.Studies)
                {
                    workOrStudies++;
                }
                else if (e.EndReason is EndReason.JobSeeking)
                {
                    jobSeeking++;
                }
            }
        }

        return new ParticipantFlow(year, current, women, men, other, started, ended, workOrStudies, jobSeeking, persons.Count);
    }
}
