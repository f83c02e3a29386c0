using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Formatting;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// Adds, changes, ends and removes the förbund's members. A member that has contributions, enrolments, insatser, board
/// members or auditors cannot be removed, only ended (a last day of membership), so earlier years keep their members.
/// A change that alters a closed year's members (the period over a closed year, or the kind of a member of a closed
/// year) is refused; a new name or organisation number is allowed, since it identifies the same member.
/// </summary>
public sealed class MemberHandler(FinsamDbContext db, AuditLog audit)
{
    public const string Gone = "Medlemmen finns inte längre.";

    /// <summary>Adds a member.</summary>
    public async Task<ChangeResult> AddAsync(MemberInput input, CancellationToken cancellationToken) =>
        (await AddWithIdAsync(input, cancellationToken)).Result;

    /// <summary>Adds a member and returns its id (0 when refused).</summary>
    public async Task<(ChangeResult Result, int Id)> AddWithIdAsync(MemberInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await CheckAsync(null, input, cancellationToken) is { } refused)
        {
            return (refused, 0);
        }

        if (await db.RefusePeriodAsync(input.MemberFrom, input.MemberTo, cancellationToken, nameof(input.MemberFrom)) is { } closed)
        {
            return (closed, 0);
        }

        var member = new Member { Name = "" };
        Apply(member, input);
        db.Members.Add(member);
        audit.Add(AuditAction.Create, nameof(Member), null, Describe(member));
        var result = await db.SaveAsync(cancellationToken);
        return (result, result.Succeeded ? member.Id : 0);
    }

    /// <summary>Changes a member's name, kind, organisation number or period.</summary>
    public async Task<ChangeResult> UpdateAsync(int id, MemberInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return ChangeResult.Refused("", Gone);
        }

        if (await CheckAsync(id, input, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await db.RefusePeriodChangeAsync(member.MemberFrom, member.MemberTo, input.MemberFrom, input.MemberTo,
                recordChanged: member.Kind != input.Kind, cancellationToken, nameof(input.MemberFrom)) is { } closed)
        {
            return closed;
        }

        if (db.CheckVersion(member, input.Version) is { } stale)
        {
            return stale;
        }

        var before = Describe(member);
        Apply(member, input);
        audit.Add(AuditAction.Update, nameof(Member), Key(id), $"{before} → {Describe(member)}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Ends a membership on <paramref name="lastDay"/> (the member stays in the years it was a member).</summary>
    public async Task<ChangeResult> EndAsync(int id, DateOnly lastDay, Guid version, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return ChangeResult.Refused("", Gone);
        }

        if (member.MemberFrom is { } from && lastDay < from)
        {
            return ChangeResult.Refused(nameof(MemberInput.MemberTo), $"Medlemskapet kan inte sluta före det börjar ({SwedishFormat.Date(from)}).");
        }

        if (await db.RefusePeriodChangeAsync(member.MemberFrom, member.MemberTo, member.MemberFrom, lastDay, recordChanged: false,
                cancellationToken, nameof(MemberInput.MemberTo)) is { } closed)
        {
            return closed;
        }

        if (db.CheckVersion(member, version) is { } stale)
        {
            return stale;
        }

        var before = member.MemberTo;
        member.MemberTo = lastDay;
        audit.Add(AuditAction.Update, nameof(Member), Key(id),
            $"{member.Name}: medlemskapet avslutat {SwedishFormat.Date(lastDay)} (tidigare {(before is { } b ? SwedishFormat.Date(b) : "tills vidare")})");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Removes a member that nothing refers to; otherwise refused with what refers to it (end the membership instead).</summary>
    public async Task<ChangeResult> DeleteAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return ChangeResult.Refused("", Gone);
        }

        var uses = new List<string>();
        if (await db.MunicipalityShares.AnyAsync(s => s.MemberId == id, cancellationToken)
            || await db.MemberContributionAmounts.AnyAsync(a => a.MemberId == id, cancellationToken))
        {
            uses.Add("medlemsbidrag");
        }

        if (await db.Enrolments.AnyAsync(e => e.ReferringMemberId == id, cancellationToken))
        {
            uses.Add("deltaganden");
        }

        if (await db.Insatser.AnyAsync(i => i.Executors.Any(m => m.Id == id), cancellationToken))
        {
            uses.Add("insatser");
        }

        if (await db.BoardAssignments.AnyAsync(b => b.MemberId == id, cancellationToken))
        {
            uses.Add("styrelseledamöter");
        }

        if (await db.Auditors.AnyAsync(a => a.AppointedByMemberId == id, cancellationToken))
        {
            uses.Add("revisorer");
        }

        if (uses.Count > 0)
        {
            return ChangeResult.Refused("", $"{member.Name} har {Join(uses)} och kan inte tas bort. Avsluta medlemskapet i stället (ange sista dag som medlem).");
        }

        if (await db.RefusePeriodAsync(member.MemberFrom, member.MemberTo, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (db.CheckVersion(member, version) is { } stale)
        {
            return stale;
        }

        db.Members.Remove(member);
        audit.Add(AuditAction.Delete, nameof(Member), Key(id), Describe(member));
        return await db.SaveAsync(cancellationToken);
    }

    private async Task<ChangeResult?> CheckAsync(int? id, MemberInput input, CancellationToken cancellationToken)
    {
        if (await WritePath.ValidateAsync(new MemberInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var name = input.Name!.Trim();
        var number = string.IsNullOrWhiteSpace(input.OrganisationNumber) ? null : OrganisationNumber.Normalise(input.OrganisationNumber, out _);
        var others = await db.Members.AsNoTracking().Where(m => m.Id != id).Select(m => new { m.Name, m.OrganisationNumber }).ToListAsync(cancellationToken);
        var errors = new List<FieldError>();
        if (others.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new(nameof(input.Name), $"Det finns redan en medlem som heter {name}."));
        }

        if (number is not null && others.Any(o => o.OrganisationNumber == number))
        {
            errors.Add(new(nameof(input.OrganisationNumber), $"Organisationsnumret {number} har redan en annan medlem."));
        }

        return errors.Count > 0 ? new ChangeResult(errors) : null;
    }

    private static void Apply(Member member, MemberInput input)
    {
        member.Name = input.Name!.Trim();
        member.Kind = input.Kind!.Value;
        member.OrganisationNumber = string.IsNullOrWhiteSpace(input.OrganisationNumber) ? null : OrganisationNumber.Normalise(input.OrganisationNumber, out _);
        member.MemberFrom = input.MemberFrom;
        member.MemberTo = input.MemberTo;
    }

    private static string Describe(Member m) =>
        $"{m.Name} ({SwedishNames.Of(m.Kind)}{(m.OrganisationNumber is null ? "" : ", " + m.OrganisationNumber)}), medlem {Term.Describe(m.MemberFrom, m.MemberTo)}";

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " och " + parts[^1];

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
