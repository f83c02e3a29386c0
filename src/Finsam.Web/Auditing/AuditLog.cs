using System.Security.Claims;
using Finsam.Data;
using Finsam.Domain.Auditing;

namespace Finsam.Web.Auditing;

/// <summary>
/// Records reads and changes of participant data. Call it from every page or handler that shows or changes
/// person-level data; the entry is saved together with the caller's other changes, or at once by <see cref="WriteAsync"/>.
/// </summary>
public sealed class AuditLog(FinsamDbContext db, IHttpContextAccessor http, TimeProvider clock, AuditWriter writer)
{
    /// <summary>Adds an entry to the unit of work; it is saved with the caller's next SaveChanges.</summary>
    public void Add(AuditAction action, string entityType, string? entityId, string? details = null) =>
        db.AuditEntries.Add(Entry(action, entityType, entityId, details));

    private AuditEntry Entry(AuditAction action, string entityType, string? entityId, string? details)
    {
        var user = http.HttpContext?.User;
        return new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = user?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
        };
    }

    /// <summary>
    /// Records a read (a view, a search, an export) of participant data through the <see cref="AuditWriter"/>: written at
    /// once when the database is free; while a writer holds the lock (a long import) the page answers anyway and the
    /// entry is queued and written as soon as the lock is released, never dropped (docs/security.md, "Readers and writers").
    /// </summary>
    public async Task RecordReadAsync(AuditAction action, string entityType, string? entityId, string? details = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await writer.WriteAsync(Entry(action, entityType, entityId, details));
    }

    /// <summary>Adds an entry and saves it now: for reads, where nothing else is saved.</summary>
    public async Task WriteAsync(AuditAction action, string entityType, string? entityId, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(action, entityType, entityId, details);
        await db.SaveChangesAsync(cancellationToken);
    }
}
