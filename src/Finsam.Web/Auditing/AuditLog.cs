using System.Security.Claims;
using Finsam.Data;
using Finsam.Domain.Auditing;

namespace Finsam.Web.Auditing;

/// <summary>
/// Records reads and changes of participant data. Call it from every page or handler that shows or changes
/// person-level data; the entry is saved together with the caller's other changes, or at once by <see cref="WriteAsync"/>.
/// </summary>
public sealed class AuditLog(FinsamDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds an entry to the unit of work; it is saved with the caller's next SaveChanges.</summary>
    public void Add(AuditAction action, string entityType, string? entityId, string? details = null)
    {
        var user = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
        });
    }

    /// <summary>Adds an entry and saves it now: for reads, where nothing else is saved.</summary>
    public async Task WriteAsync(AuditAction action, string entityType, string? entityId, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(action, entityType, entityId, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
