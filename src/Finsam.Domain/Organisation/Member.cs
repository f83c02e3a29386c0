namespace Finsam.Domain.Organisation;

/// <summary>
/// A member (medlem) of the förbund: one of the parties that fund it and run its insatser. A member joins and may
/// leave on a date; it is a member in a year when its period overlaps the year, so earlier years show that year's members.
/// </summary>
public class Member : IVersioned
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }

    /// <summary>Display name, e.g. "Försäkringskassan" or "Botkyrka kommun".</summary>
    public required string Name { get; set; }

    public MemberKind Kind { get; set; }

    /// <summary>Swedish organisation number, normalised NNNNNN-NNNN, when known.</summary>
    public string? OrganisationNumber { get; set; }

    /// <summary>The first day of membership; null: a member since before the förbund's first year in Finsam.</summary>
    public DateOnly? MemberFrom { get; set; }

    /// <summary>The last day of membership; null: still a member.</summary>
    public DateOnly? MemberTo { get; set; }

    public Guid Version { get; set; }

    /// <summary>Whether the member is a member on the day.</summary>
    public bool IsMemberOn(DateOnly day) => Term.Covers(MemberFrom, MemberTo, day);

    /// <summary>Whether the membership overlaps the period (e.g. a fiscal year).</summary>
    public bool IsMemberDuring(DateOnly start, DateOnly end) => Term.Overlaps(MemberFrom, MemberTo, start, end);
}

/// <summary>The four kinds of party a förbund can have as members (law 2003:1210, 2 §).</summary>
public enum MemberKind
{
    SocialInsuranceAgency = 1,
    PublicEmploymentService = 2,
    Region = 3,
    Municipality = 4,
}
