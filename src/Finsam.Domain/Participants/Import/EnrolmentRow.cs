using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;

namespace Finsam.Domain.Participants.Import;

/// <summary>
/// One row of an enrolment file, read and checked, not yet matched against the database. The optional attributes an
/// enrolment records at its start (hemkommun, utbildning, remitterad av, försörjning vid start, tid i försörjning) are
/// null when the cell is empty or the column is missing: a new enrolment then gets the default, an existing one keeps
/// what is stored (see docs/import-format.md).
/// </summary>
public sealed record EnrolmentRow
{
    public required int Line { get; init; }

    public int? EnrolmentId { get; init; }

    /// <summary>The enrolment's version in the export the row comes from (<see cref="EnrolmentFileFormat.Version"/>), when given.</summary>
    public Guid? Version { get; init; }

    public int? ParticipantId { get; init; }

    /// <summary>HMAC of the personnummer; the number itself is gone once the row is read.</summary>
    public string? PersonKeyHash { get; init; }

    public DateOnly? ConsentDate { get; init; }

    public Gender Gender { get; init; }

    public int BirthYear { get; init; }

    public string? HomeMunicipality { get; init; }

    public EducationLevel? Education { get; init; }

    public required Insats Insats { get; init; }

    public DateOnly StartDate { get; init; }

    public Member? ReferringMember { get; init; }

    public IncomeSupport? SupportAtStart { get; init; }

    public TimeInSupport? TimeInSupportBeforeStart { get; init; }

    public DateOnly? EndDate { get; init; }

    public EndReason? EndReason { get; init; }

    public string? EndReasonSubCode { get; init; }

    public IncomeSupport SupportAtEnd { get; init; }

    public FollowUpResult? FollowUp12Months { get; init; }

    /// <summary>Values that identify an anonymous row within its file, before the occurrence number is added.</summary>
    public string AnonymousFingerprint =>
        $"{Insats.Code}|{StartDate:yyyy-MM-dd}|{(int)Gender}|{BirthYear}|{HomeMunicipality?.ToUpperInvariant()}";
}

/// <summary>A problem with one field of one row: shown as "Rad 12, Startdatum: ...".</summary>
public sealed record RowError(int Line, string Column, string Message)
{
    public override string ToString() => $"Rad {Line}, {Column}: {Message}";
}
