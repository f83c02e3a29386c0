namespace Finsam.Domain.Participants;

/// <summary>
/// A configurable refinement of an end reason (underkod), e.g. "Subventionerad anställning" under Arbete.
/// Enrolments refer to it by name, so imports and exports can use the same words as the kansli.
/// </summary>
public class EndReasonCode
{
    public int Id { get; set; }

    public EndReason EndReason { get; set; }

    public required string Name { get; set; }

    /// <summary>Retired codes stay on old enrolments but cannot be chosen for new ones.</summary>
    public bool IsActive { get; set; } = true;
}
