using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// The board (styrelse: ledamöter and ersättare, ordförande and vice ordförande), the auditors (revisorer) and the
/// förbundschef, each for a term. Overlapping terms in the same seat, of the same person in the same role, of two
/// ordförande or of two förbundschefer are refused (<see cref="BoardRules"/>). A change that alters what a closed year
/// shows is refused. Validated, version-checked and audited in the same save.
/// </summary>
public sealed class BoardHandler(FinsamDbContext db, AuditLog audit)
{
    public const string BoardMemberGone = "Styrelseuppdraget finns inte längre.";
    public const string AuditorGone = "Revisorn finns inte längre.";
    public const string DirectorGone = "Förbundschefens uppdrag finns inte längre.";

    /// <summary>Adds a board term (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveBoardMemberAsync(int? id, BoardAssignmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new BoardAssignmentInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var assignment = id is null ? null : await db.BoardAssignments.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (id is not null && assignment is null)
        {
            return ChangeResult.Refused("", BoardMemberGone);
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == input.MemberId, cancellationToken);
        if (member is null)
        {
            return ChangeResult.Refused(nameof(input.MemberId), "Välj en medlem som finns.");
        }

        var candidate = new BoardAssignment
        {
            Id = id ?? 0,
            Name = input.Name!.Trim(),
            MemberId = member.Id,
            Role = input.Role,
            Seat = input.Seat,
            Office = input.Office,
            TermFrom = input.TermFrom!.Value,
            TermTo = input.TermTo,
        };
        if (await TermProblemsAsync(candidate, member, cancellationToken) is { } problems)
        {
            return problems;
        }

        var closed = assignment is null
            ? await db.RefusePeriodAsync(candidate.TermFrom, candidate.TermTo, cancellationToken, nameof(input.TermFrom))
            : await db.RefusePeriodChangeAsync(assignment.TermFrom, assignment.TermTo, candidate.TermFrom, candidate.TermTo,
                recordChanged: assignment.Name != candidate.Name || assignment.MemberId != candidate.MemberId || assignment.Role != candidate.Role
                               || assignment.Seat != candidate.Seat || assignment.Office != candidate.Office,
                cancellationToken, nameof(input.TermFrom));
        if (closed is not null)
        {
            return closed;
        }

        if (assignment is not null && db.CheckVersion(assignment, input.Version) is { } stale)
        {
            return stale;
        }

        var before = assignment is null ? null : Describe(assignment, member.Name);
        assignment ??= db.BoardAssignments.Add(new BoardAssignment { Name = "" }).Entity;
        assignment.Name = candidate.Name;
        assignment.MemberId = candidate.MemberId;
        assignment.Role = candidate.Role;
        assignment.Seat = candidate.Seat;
        assignment.Office = candidate.Office;
        assignment.TermFrom = candidate.TermFrom;
        assignment.TermTo = candidate.TermTo;
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, nameof(BoardAssignment), Key(id),
            before is null ? Describe(assignment, member.Name) : $"{before} → {Describe(assignment, member.Name)}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Removes a board term entered by mistake (to end a term, give it a last day instead).</summary>
    public async Task<ChangeResult> DeleteBoardMemberAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var assignment = await db.BoardAssignments.Include(b => b.Member).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (assignment is null)
        {
            return ChangeResult.Refused("", BoardMemberGone);
        }

        return await RemoveAsync(assignment, assignment.TermFrom, assignment.TermTo, version, nameof(BoardAssignment), id,
            Describe(assignment, assignment.Member?.Name ?? ""), cancellationToken);
    }

    /// <summary>Adds an auditor (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveAuditorAsync(int? id, AuditorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new AuditorInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var auditor = id is null ? null : await db.Auditors.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && auditor is null)
        {
            return ChangeResult.Refused("", AuditorGone);
        }

        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == input.AppointedByMemberId, cancellationToken);
        if (member is null)
        {
            return ChangeResult.Refused(nameof(input.AppointedByMemberId), "Välj en medlem som finns.");
        }

        var candidate = new Auditor { Id = id ?? 0, Name = input.Name!.Trim(), AppointedByMemberId = member.Id, TermFrom = input.TermFrom!.Value, TermTo = input.TermTo };
        var others = await db.Auditors.AsNoTracking().Where(a => a.Id != candidate.Id).ToListAsync(cancellationToken);
        if (BoardRules.Check(candidate, others) is { Count: > 0 } problems)
        {
            return new ChangeResult(problems.Select(p => new FieldError(nameof(input.TermFrom), p)).ToList());
        }

        var closed = auditor is null
            ? await db.RefusePeriodAsync(candidate.TermFrom, candidate.TermTo, cancellationToken, nameof(input.TermFrom))
            : await db.RefusePeriodChangeAsync(auditor.TermFrom, auditor.TermTo, candidate.TermFrom, candidate.TermTo,
                recordChanged: auditor.Name != candidate.Name || auditor.AppointedByMemberId != candidate.AppointedByMemberId, cancellationToken, nameof(input.TermFrom));
        if (closed is not null)
        {
            return closed;
        }

        if (auditor is not null && db.CheckVersion(auditor, input.Version) is { } stale)
        {
            return stale;
        }

        var before = auditor is null ? null : Describe(auditor, member.Name);
        auditor ??= db.Auditors.Add(new Auditor { Name = "" }).Entity;
        auditor.Name = candidate.Name;
        auditor.AppointedByMemberId = candidate.AppointedByMemberId;
        auditor.TermFrom = candidate.TermFrom;
        auditor.TermTo = candidate.TermTo;
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, nameof(Auditor), Key(id),
            before is null ? Describe(auditor, member.Name) : $"{before} → {Describe(auditor, member.Name)}");
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> DeleteAuditorAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var auditor = await db.Auditors.Include(a => a.AppointedBy).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (auditor is null)
        {
            return ChangeResult.Refused("", AuditorGone);
        }

        return await RemoveAsync(auditor, auditor.TermFrom, auditor.TermTo, version, nameof(Auditor), id, Describe(auditor, auditor.AppointedBy?.Name ?? ""), cancellationToken);
    }

    /// <summary>Adds a förbundschef's period (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveDirectorAsync(int? id, DirectorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new DirectorInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var director = id is null ? null : await db.FederationDirectors.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (id is not null && director is null)
        {
            return ChangeResult.Refused("", DirectorGone);
        }

        var candidate = new FederationDirector { Id = id ?? 0, Name = input.Name!.Trim(), From = input.From!.Value, To = input.To };
        var others = await db.FederationDirectors.AsNoTracking().Where(d => d.Id != candidate.Id).ToListAsync(cancellationToken);
        if (BoardRules.Check(candidate, others) is { Count: > 0 } problems)
        {
            return new ChangeResult(problems.Select(p => new FieldError(nameof(input.From), p)).ToList());
        }

        var closed = director is null
            ? await db.RefusePeriodAsync(candidate.From, candidate.To, cancellationToken, nameof(input.From))
            : await db.RefusePeriodChangeAsync(director.From, director.To, candidate.From, candidate.To, recordChanged: director.Name != candidate.Name,
                cancellationToken, nameof(input.From));
        if (closed is not null)
        {
            return closed;
        }

        if (director is not null && db.CheckVersion(director, input.Version) is { } stale)
        {
            return stale;
        }

        var before = director is null ? null : Describe(director);
        director ??= db.FederationDirectors.Add(new FederationDirector { Name = "" }).Entity;
        director.Name = candidate.Name;
        director.From = candidate.From;
        director.To = candidate.To;
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, nameof(FederationDirector), Key(id),
            before is null ? Describe(director) : $"{before} → {Describe(director)}");
        return await db.SaveAsync(cancellationToken);
    }

    public async Task<ChangeResult> DeleteDirectorAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var director = await db.FederationDirectors.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (director is null)
        {
            return ChangeResult.Refused("", DirectorGone);
        }

        return await RemoveAsync(director, director.From, director.To, version, nameof(FederationDirector), id, Describe(director), cancellationToken);
    }

    private async Task<ChangeResult?> TermProblemsAsync(BoardAssignment candidate, Member member, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!Term.Overlaps(member.MemberFrom, member.MemberTo, candidate.TermFrom, candidate.TermTo))
        {
            errors.Add(new(nameof(BoardAssignmentInput.MemberId), $"{member.Name} är inte medlem under mandatperioden {Term.Describe(candidate.TermFrom, candidate.TermTo)}."));
        }

        var others = await db.BoardAssignments.AsNoTracking().Where(b => b.Id != candidate.Id).ToListAsync(cancellationToken);
        var names = await db.Members.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        errors.AddRange(BoardRules.Check(candidate, others, memberId => names.GetValueOrDefault(memberId, ""))
            .Select(p => new FieldError(nameof(BoardAssignmentInput.TermFrom), p)));
        return errors.Count > 0 ? new ChangeResult(errors) : null;
    }

    private async Task<ChangeResult> RemoveAsync<T>(T entity, DateOnly from, DateOnly? to, Guid version, string entityType, int id, string description, CancellationToken cancellationToken)
        where T : class, Domain.IVersioned
    {
        if (await db.RefusePeriodAsync(from, to, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (db.CheckVersion(entity, version) is { } stale)
        {
            return stale;
        }

        db.Remove(entity);
        audit.Add(AuditAction.Delete, entityType, Key(id), description);
        return await db.SaveAsync(cancellationToken);
    }

    private static string Describe(BoardAssignment b, string memberName) =>
        $"{b.Name}, {BoardRules.RoleName(b.Role)} {b.Seat} för {memberName}{(b.Office == BoardOffice.None ? "" : ", " + BoardRules.OfficeName(b.Office))}, {Term.Describe(b.TermFrom, b.TermTo)}";

    private static string Describe(Auditor a, string memberName) => $"{a.Name}, revisor utsedd av {memberName}, {Term.Describe(a.TermFrom, a.TermTo)}";

    private static string Describe(FederationDirector d) => $"{d.Name}, förbundschef {Term.Describe(d.From, d.To)}";

    private static string? Key(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
