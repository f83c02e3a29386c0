namespace Finsam.Domain.Organisation;

/// <summary>
/// The förbund itself (samordningsförbundet): the single organisation an installation serves.
/// Its name appears in the layout and on every report.
/// </summary>
public class Federation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? OrganisationNumber { get; set; }

    /// <summary>Seat of the förbund (säte), e.g. "Botkyrka".</summary>
    public string? Seat { get; set; }
}
