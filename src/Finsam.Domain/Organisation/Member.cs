namespace Finsam.Domain.Organisation;

/// <summary>A member (medlem) of the förbund: one of the parties that fund it and run its insatser.</summary>
public class Member
{
    public int Id { get; set; }

    /// <summary>Display name, e.g. "Försäkringskassan" or "Botkyrka kommun".</summary>
    public required string Name { get; set; }

    public MemberKind Kind { get; set; }

    /// <summary>Swedish organisation number (NNNNNN-NNNN), when known.</summary>
    public string? OrganisationNumber { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>The four kinds of party a förbund can have as members (law 2003:1210, 2 §).</summary>
public enum MemberKind
{
    SocialInsuranceAgency = 1,
    PublicEmploymentService = 2,
    Region = 3,
    Municipality = 4,
}
