using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Participants;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>The förbund's own sub-codes of the end reasons: added, and switched on or off (never removed: enrolments name them).</summary>
public sealed class EndReasonCodeHandler(FinsamDbContext db, AuditLog audit)
{
    /// <summary>Adds a sub-code. Errors are on "Name" and "EndReason".</summary>
    public async Task<ChangeResult> AddAsync(string? nameText, EndReason endReason, CancellationToken cancellationToken)
    {
        var name = nameText?.Trim() ?? "";
        if (name.Length == 0 || name.Length > 100)
        {
            return ChangeResult.Refused("Name", "Ange ett namn på högst 100 tecken.");
        }

        if (!Enum.IsDefined(endReason))
        {
            return ChangeResult.Refused("EndReason", "Okänd avslutsorsak.");
        }

        if (await db.EndReasonCodes.AnyAsync(c => c.Name == name, cancellationToken))
        {
            return ChangeResult.Refused("Name", $"Underkoden {name} finns redan.");
        }

        db.EndReasonCodes.Add(new EndReasonCode { Name = name, EndReason = endReason });
        audit.Add(AuditAction.Create, nameof(EndReasonCode), null, $"{name} ({endReason})");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Switches a sub-code on or off; null when it does not exist.</summary>
    public async Task<ChangeResult?> ToggleAsync(int id, CancellationToken cancellationToken)
    {
        var code = await db.EndReasonCodes.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (code is null)
        {
            return null;
        }

        code.IsActive = !code.IsActive;
        audit.Add(AuditAction.Update, nameof(EndReasonCode), id.ToString(CultureInfo.InvariantCulture), $"{code.Name} {(code.IsActive ? "aktiv" : "inaktiv")}");
        return await db.SaveAsync(cancellationToken);
    }
}
