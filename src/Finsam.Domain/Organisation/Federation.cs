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

    /// <summary>
    /// The SIE dimension whose objects are the insatser's project codes in the ledger (SIE's own number for projects is
    /// 6; many systems use 1, kostnadsställe). Null: the server's default (<c>Economy:InsatsDimension</c>).
    /// </summary>
    public int? InsatsDimension { get; set; }
}
