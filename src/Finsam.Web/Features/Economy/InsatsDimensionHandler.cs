using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Finsam.Web.Features.Economy;

/// <summary>
/// The förbund's setting of which SIE dimension carries the insatser's project codes: read (the förbund's own
/// setting, else the server's default) and changed through the write path, audited.
/// </summary>
public sealed class InsatsDimensionHandler(FinsamDbContext db, AuditLog audit, IOptions<EconomyOptions> options)
{
    /// <summary>SIE reserves 1–19 for its own dimensions and lets programs use 20 and up; 999 is plenty.</summary>
    public const int MaxDimension = 999;

    /// <summary>The dimension in use: the förbund's setting, or the server's default when the förbund has none.</summary>
    public async Task<int> CurrentAsync(CancellationToken cancellationToken) =>
        await db.Federations.AsNoTracking().OrderBy(f => f.Id).Select(f => f.InsatsDimension).FirstOrDefaultAsync(cancellationToken)
        ?? options.Value.InsatsDimension;

    /// <summary>Saves the setting. Errors are on the field "Dimension".</summary>
    public async Task<ChangeResult> SaveAsync(int dimension, CancellationToken cancellationToken)
    {
        if (dimension is < 1 or > MaxDimension)
        {
            return ChangeResult.Refused("Dimension", $"Dimensionen ska vara ett nummer mellan 1 och {MaxDimension}, t.ex. 6 (projekt) eller 1 (kostnadsställe).");
        }

        var federation = await db.Federations.OrderBy(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        if (federation is null)
        {
            return ChangeResult.Refused("Dimension", "Förbundet är inte upplagt ännu. Lägg upp förbundet innan du väljer dimension för projektkoderna.");
        }

        var before = federation.InsatsDimension;
        federation.InsatsDimension = dimension;
        db.Entry(federation).Property(f => f.InsatsDimension).IsModified = true;
        audit.Add(AuditAction.Update, "InsatsDimension", federation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"dimension för projektkoder: {(before is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"standard ({options.Value.InsatsDimension})")} → {dimension}");
        return await db.SaveAsync(cancellationToken);
    }
}
