namespace Finsam.Domain.Participants;

/// <summary>
/// A person taking part in one or more insatser (deltagare). Holds only what the reports need;
/// the personal identity number is never stored, only a keyed hash of it (see docs/privacy.md).
/// Gender and birth year are the person's identity attributes: set at the first registration and changed only by an
/// explicit, audit-logged correction. What can change over time (home municipality, education) is recorded on each
/// <see cref="Enrolment"/>.
/// </summary>
public class Participant : IVersioned
{
    public int Id { get; set; }

    public Gender Gender { get; set; }

    public int BirthYear { get; set; }

    /// <summary>
    /// HMAC-SHA256 of the normalised personnummer/samordningsnummer under the installation's secret key.
    /// Null for anonymous registrations. Lets the same person be recognised across insatser.
    /// </summary>
    public string? PersonKeyHash { get; set; }

    /// <summary>Date the person consented to registration with personal data; null when anonymous.</summary>
    public DateOnly? ConsentDate { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public ICollection<Enrolment> Enrolments { get; } = new List<Enrolment>();

    public Guid Version { get; set; }

    public bool IsIdentified => PersonKeyHash is not null;

    /// <summary>Age reached during the given year.</summary>
    public int AgeIn(int year) => year - BirthYear;
}

public enum Gender
{
    Woman = 1,
    Man = 2,

    /// <summary>Annat / ej angivet.</summary>
    OtherOrUnspecified = 3,
}

public enum EducationLevel
{
    Unknown = 0,

    /// <summary>Förgymnasial utbildning (grundskola eller kortare).</summary>
    Compulsory = 1,

    /// <summary>Gymnasial utbildning.</summary>
    UpperSecondary = 2,

    /// <summary>Eftergymnasial utbildning.</summary>
    PostSecondary = 3,
}
