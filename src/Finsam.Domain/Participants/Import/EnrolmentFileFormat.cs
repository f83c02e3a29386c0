namespace Finsam.Domain.Participants.Import;

/// <summary>
/// The columns of the enrolment file: one row per enrolment, the same for import and export (see docs/import-format.md).
/// </summary>
public static class EnrolmentFileFormat
{
    public const string EnrolmentId = "Deltagande-nr";
    public const string ParticipantId = "Deltagar-nr";
    public const string PersonalIdentityNumber = "Personnummer";
    public const string ConsentDate = "Samtycke";
    public const string Gender = "Kön";
    public const string BirthYear = "Födelseår";
    public const string HomeMunicipality = "Hemkommun";
    public const string Education = "Utbildning";
    public const string Insats = "Insats";
    public const string StartDate = "Startdatum";
    public const string ReferringMember = "Remitterad av";
    public const string SupportAtStart = "Försörjning vid start";
    public const string TimeInSupport = "Tid i försörjning före start";
    public const string EndDate = "Slutdatum";
    public const string EndReason = "Avslutsorsak";
    public const string EndReasonSubCode = "Underkod";
    public const string SupportAtEnd = "Försörjning vid avslut";
    public const string FollowUp = "Uppföljning 12 mån";

    /// <summary>
    /// The enrolment's version when it was exported. Optional: a row that carries it and would change an enrolment
    /// that has been changed in Finsam since is refused, so re-importing an old export never undoes a later edit.
    /// </summary>
    public const string Version = "Version";

    /// <summary>Every column, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        EnrolmentId, ParticipantId, PersonalIdentityNumber, ConsentDate, Gender, BirthYear, HomeMunicipality, Education,
        Insats, StartDate, ReferringMember, SupportAtStart, TimeInSupport, EndDate, EndReason, EndReasonSubCode, SupportAtEnd, FollowUp,
        Version,
    ];

    /// <summary>Columns every file must have.</summary>
    public static readonly IReadOnlyList<string> Required = [Gender, BirthYear, Insats, StartDate];
}
