using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;

namespace Finsam.Domain.Participants;

/// <summary>One person's participation in one insats (deltagande). A person may have many, even overlapping.</summary>
public class Enrolment : IVersioned
{
    public int Id { get; set; }

    public int ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    /// <summary>
    /// A copy of the participant's <see cref="Participants.Participant.Gender"/>, so the participant list's gender filter is
    /// answered by the list's index without looking up each enrolment's participant (docs/performance.md). Never set by
    /// hand: <c>FinsamDbContext</c> keeps it equal to the participant's on every save (a new enrolment, a move to another
    /// participant, a corrected gender), and the enrolment import's bulk insert copies it.
    /// </summary>
    public Gender ParticipantGender { get; set; }

    public int InsatsId { get; set; }

    public Insats? Insats { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Home municipality (folkbokföringskommun) by name, as recorded for this enrolment.</summary>
    public string? HomeMunicipality { get; set; }

    /// <summary>Education level as recorded for this enrolment: a person's education may change between enrolments.</summary>
    public EducationLevel Education { get; set; } = EducationLevel.Unknown;

    /// <summary>The member that referred the person (remitterande part).</summary>
    public int? ReferringMemberId { get; set; }

    public Member? ReferringMember { get; set; }

    public IncomeSupport SupportAtStart { get; set; }

    public TimeInSupport TimeInSupportBeforeStart { get; set; } = TimeInSupport.Unknown;

    /// <summary>Last day in the insats; null while the enrolment is ongoing.</summary>
    public DateOnly? EndDate { get; set; }

    public EndReason? EndReason { get; set; }

    /// <summary>Configurable refinement of the end reason, e.g. "subventionerad anställning".</summary>
    public string? EndReasonSubCode { get; set; }

    public IncomeSupport SupportAtEnd { get; set; }

    public FollowUpResult? FollowUp12Months { get; set; }

    /// <summary>Identifies a row imported from a file, so that importing the same file again updates instead of duplicating.</summary>
    public string? ImportKey { get; set; }

    public Guid Version { get; set; }

    /// <summary>Active on at least one day of the given period.</summary>
    public bool IsActiveDuring(DateOnly from, DateOnly to) => StartDate <= to && (EndDate is null || EndDate >= from);

    /// <summary>Days in the insats, counting both the first and the last day; null while ongoing.</summary>
    public int? DaysInInsats => EndDate is { } end ? end.DayNumber - StartDate.DayNumber + 1 : null;
}

/// <summary>Support or income (försörjning). Several may apply at once.</summary>
[Flags]
public enum IncomeSupport
{
    None = 0,
    SicknessBenefit = 1 << 0,          // sjukpenning
    ActivityCompensation = 1 << 1,     // aktivitetsersättning
    SicknessCompensation = 1 << 2,     // sjukersättning
    MeansTestedAllowance = 1 << 3,     // försörjningsstöd
    ActivitySupport = 1 << 4,          // aktivitetsstöd
    UnemploymentInsurance = 1 << 5,    // a-kassa
    StudentFinance = 1 << 6,           // studiemedel
    Salary = 1 << 7,                   // lön
    NoIncome = 1 << 8,                 // ingen försörjning
    Other = 1 << 9,                    // annan
}

/// <summary>Time in public support before the start of the enrolment.</summary>
public enum TimeInSupport
{
    Unknown = 0,
    UnderOneYear = 1,
    OneToTwoYears = 2,
    TwoToFiveYears = 3,
    FiveYearsOrMore = 4,
}

/// <summary>Why an enrolment ended (avslutsorsak).</summary>
public enum EndReason
{
    Work = 1,                    // arbete
    Studies = 2,                 // studier
    JobSeeking = 3,              // arbetssökande
    ContinuedRehabilitation = 4, // fortsatt rehabilitering
    Illness = 5,                 // sjukdom
    Other = 6,                   // övrigt
}

/// <summary>Result of the follow-up twelve months after the end.</summary>
public enum FollowUpResult
{
    SelfSupporting = 1,    // egen försörjning (arbete eller studier)
    NotSelfSupporting = 2,
    NotReached = 3,
}
