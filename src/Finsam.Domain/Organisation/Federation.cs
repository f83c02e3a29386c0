namespace Finsam.Domain.Organisation;

/// <summary>
/// The förbund itself (samordningsförbundet): the single organisation an installation serves.
/// Its name appears in the layout and on every report.
/// </summary>
public class Federation : IVersioned
{
    public const int NameMaxLength = 200;
    public const int SeatMaxLength = 100;
    public const int PostalAddressMaxLength = 500;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Swedish organisation number, normalised NNNNNN-NNNN (<see cref="Organisation.OrganisationNumber"/>).</summary>
    public string? OrganisationNumber { get; set; }

    /// <summary>Seat of the förbund (säte), e.g. "Botkyrka".</summary>
    public string? Seat { get; set; }

    /// <summary>Postal address as printed on the report (lines separated by line breaks).</summary>
    public string? PostalAddress { get; set; }

    /// <summary>The logo for the report cover (PNG or JPEG, checked by <see cref="FederationLogo"/>), or null.</summary>
    public byte[]? Logo { get; set; }

    /// <summary>"image/png" or "image/jpeg", taken from the logo's bytes, never from the uploader's claim.</summary>
    public string? LogoContentType { get; set; }

    /// <summary>The first verksamhetsår the förbund keeps in Finsam.</summary>
    public int? FirstFiscalYear { get; set; }

    /// <summary>
    /// The SIE dimension whose objects are the insatser's project codes in the ledger (SIE's own number for projects is
    /// 6; many systems use 1, kostnadsställe). Null: the server's default (<c>Economy:InsatsDimension</c>).
    /// </summary>
    public int? InsatsDimension { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// The rules for the förbund's logo. Only PNG and JPEG: they are recognised by their first bytes and cannot carry
/// script. SVG is refused because it is a document that can hold script and external references, and the logo is
/// placed in the report's HTML before it is printed to PDF.
/// </summary>
public static class FederationLogo
{
    public const int MaxBytes = 512 * 1024;

    public const string Png = "image/png";

    public const string Jpeg = "image/jpeg";

    /// <summary>The content type the bytes are, or null with the problem in Swedish.</summary>
    public static string? Check(byte[]? content, out string? problem)
    {
        problem = null;
        if (content is null || content.Length == 0)
        {
            problem = "Logotypen är tom.";
            return null;
        }

        if (content.Length > MaxBytes)
        {
            problem = $"Logotypen får vara högst {MaxBytes / 1024} kB, den är {(content.Length + 1023) / 1024} kB.";
            return null;
        }

        if (content.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (content.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        problem = "Logotypen ska vara en PNG- eller JPEG-bild (SVG och andra format tas inte emot).";
        return null;
    }
}
