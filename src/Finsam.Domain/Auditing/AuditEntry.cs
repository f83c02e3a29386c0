namespace Finsam.Domain.Auditing;

/// <summary>
/// One line in the audit log: who read or changed participant data, when, and what.
/// Never holds the personal data itself, only references to it.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The acting user's id, or null for the system (imports run by a command, gallring).</summary>
    public string? UserId { get; set; }

    /// <summary>The acting user's name at the time, kept so the log stays readable after the user is removed.</summary>
    public string? UserName { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What kind of record, e.g. "Participant" or "Enrolment".</summary>
    public required string EntityType { get; set; }

    /// <summary>The record's id, or a description of a set ("insats 4, år 2025").</summary>
    public string? EntityId { get; set; }

    /// <summary>Short free text, never personal data.</summary>
    public string? Details { get; set; }
}

public enum AuditAction
{
    View = 1,
    Create = 2,
    Update = 3,
    Delete = 4,
    Import = 5,
    Export = 6,
    Anonymise = 7,
}
