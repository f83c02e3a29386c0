using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// Creates and changes the förbund (one per installation): name, organisation number, säte, postal address, logo and
/// first verksamhetsår. Validated, version-checked and audited in the same save. The förbund's details are not figures
/// of a year, so a closed year does not stop them changing (the archived, adopted report keeps what it printed).
/// </summary>
public sealed class FederationHandler(FinsamDbContext db, AuditLog audit)
{
    public const string AlreadyExists = "Förbundet är redan upplagt. En installation av Finsam har ett förbund: ändra dess uppgifter i stället.";
    public const string Missing = "Förbundet är inte upplagt ännu.";

    /// <summary>Sets up the förbund; refused when one exists.</summary>
    public async Task<ChangeResult> CreateAsync(FederationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new FederationInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        if (await db.Federations.AnyAsync(cancellationToken))
        {
            return ChangeResult.Refused("", AlreadyExists);
        }

        var federation = new Federation { Name = "" };
        Apply(federation, input);
        db.Federations.Add(federation);
        audit.Add(AuditAction.Create, nameof(Federation), null, Describe(federation));
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Changes the förbund's details.</summary>
    public async Task<ChangeResult> UpdateAsync(FederationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new FederationInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var federation = await db.Federations.OrderBy(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        if (federation is null)
        {
            return ChangeResult.Refused("", Missing);
        }

        if (db.CheckVersion(federation, input.Version) is { } stale)
        {
            return stale;
        }

        var before = Describe(federation);
        Apply(federation, input);
        audit.Add(AuditAction.Update, nameof(Federation), federation.Id.ToString(CultureInfo.InvariantCulture), $"{before} → {Describe(federation)}");
        return await db.SaveAsync(cancellationToken);
    }

    private static void Apply(Federation federation, FederationInput input)
    {
        federation.Name = input.Name!.Trim();
        federation.OrganisationNumber = OrganisationNumber.Normalise(input.OrganisationNumber, out _);
        federation.Seat = input.Seat!.Trim();
        federation.PostalAddress = string.IsNullOrWhiteSpace(input.PostalAddress) ? null : input.PostalAddress.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);
        federation.FirstFiscalYear = input.FirstFiscalYear;
        if (input.Logo is not null)
        {
            federation.LogoContentType = FederationLogo.Check(input.Logo, out _);
            federation.Logo = input.Logo;
        }
        else if (input.RemoveLogo)
        {
            federation.Logo = null;
            federation.LogoContentType = null;
        }
    }

    private static string Describe(Federation f) =>
        $"{f.Name}, {f.OrganisationNumber}, säte {f.Seat}, första år {f.FirstFiscalYear}{(f.Logo is null ? "" : $", logotyp {f.LogoContentType} {f.Logo.Length} byte")}";
}
