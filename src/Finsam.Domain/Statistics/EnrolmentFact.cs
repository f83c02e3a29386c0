using Finsam.Domain.Participants;

namespace Finsam.Domain.Statistics;

/// <summary>
/// The few facts of an enrolment that participant statistics need. Queries project enrolments to this
/// shape so that statistics are computed by the same code in pages, reports and tests. Nothing here names a person.
/// </summary>
public sealed record EnrolmentFact(
    int InsatsId,
    int ParticipantId,
    Gender Gender,
    DateOnly StartDate,
    DateOnly? EndDate,
    EndReason? EndReason)
{
    public int BirthYear { get; init; }

    /// <summary>False for anonymous registrations, which cannot be recognised across insatser.</summary>
    public bool IsIdentified { get; init; } = true;

    /// <summary>The education recorded with this enrolment (not the person's latest): a past year's figures never move.</summary>
    public EducationLevel Education { get; init; } = EducationLevel.Unknown;

    /// <summary>The home municipality recorded with this enrolment.</summary>
    public string? HomeMunicipality { get; init; }

    public TimeInSupport TimeInSupportBeforeStart { get; init; } = TimeInSupport.Unknown;

    public int? ReferringMemberId { get; init; }

    public IncomeSupport SupportAtStart { get; init; }

    public IncomeSupport SupportAtEnd { get; init; }

    public string? EndReasonSubCode { get; init; }

    public FollowUpResult? FollowUp12Months { get; init; }

    /// <summary>Active on at least one day of the year.</summary>
    public bool IsCurrentIn(int year) => StartDate.Year <= year && (EndDate is null || EndDate.Value.Year >= year);

    public bool StartedIn(int year) => StartDate.Year == year;

    /// <summary>
    /// Needed for the statistics of the year when <see cref="ParticipantStatistics.Compute"/> counts the 12-month follow-up
    /// itself: active in it, or ended the year before (its follow-up falls in this year). The statistics query reads only
    /// the year's enrolments and counts the follow-up in the database.
    /// </summary>
    public bool CountsInStatisticsOf(int year) => StartDate.Year <= year && (EndDate is null || EndDate.Value.Year >= year - 1);

    public bool EndedIn(int year) => EndDate?.Year == year;

    /// <summary>Days in the insats counting both the first and the last day; null while ongoing.</summary>
    public int? DaysInInsats => EndDate is { } end ? end.DayNumber - StartDate.DayNumber + 1 : null;

    public bool EndedToWorkOrStudies => EndReason is Participants.EndReason.Work or Participants.EndReason.Studies;
}
