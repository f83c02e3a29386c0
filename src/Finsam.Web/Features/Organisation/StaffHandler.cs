using System.Globalization;
using Finsam.Data;
using Finsam.Domain.Auditing;
using Finsam.Domain.Organisation;
using Finsam.Web.Auditing;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// The kansli register (who worked on the kansli, as what, how much and when; the annual report's organisation part
/// lists the year's kansli from it). A change that alters what a closed or adopted year shows is refused (the period's
/// days in that year, or any of its days when name, befattning or tjänstgöringsgrad change). Validated,
/// version-checked and audited in one save.
/// </summary>
public sealed class StaffHandler(FinsamDbContext db, AuditLog audit)
{
    public const string Gone = "Uppgiften om kansliet finns inte längre.";

    /// <summary>Adds a period (<paramref name="id"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveAsync(int? id, StaffInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await WritePath.ValidateAsync(new StaffInputValidator(), input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var staff = id is null ? null : await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && staff is null)
        {
            return ChangeResult.Refused("", Gone);
        }

        var candidate = new StaffMember
        {
            Id = id ?? 0,
            Name = input.Name!.Trim(),
            Title = input.Title!.Trim(),
            EmploymentPercent = input.Percent!.Value,
            From = input.From!.Value,
            To = input.To,
        };
        var others = await db.StaffMembers.AsNoTracking().Where(s => s.Id != candidate.Id).ToListAsync(cancellationToken);
        if (StaffRules.Check(candidate, others) is { Count: > 0 } problems)
        {
            return new ChangeResult(problems.Select(p => new FieldError(nameof(input.From), p)).ToList());
        }

        var closed = staff is null
            ? await db.RefusePeriodAsync(candidate.From, candidate.To, cancellationToken, nameof(input.From))
            : await db.RefusePeriodChangeAsync(staff.From, staff.To, candidate.From, candidate.To,
                recordChanged: staff.Name != candidate.Name || staff.Title != candidate.Title || staff.EmploymentPercent != candidate.EmploymentPercent,
                cancellationToken, nameof(input.From));
        if (closed is not null)
        {
            return closed;
        }

        if (staff is not null && db.CheckVersion(staff, input.Version) is { } stale)
        {
            return stale;
        }

        var before = staff is null ? null : Describe(staff);
        staff ??= db.StaffMembers.Add(new StaffMember { Name = "", Title = "" }).Entity;
        staff.Name = candidate.Name;
        staff.Title = candidate.Title;
        staff.EmploymentPercent = candidate.EmploymentPercent;
        staff.From = candidate.From;
        staff.To = candidate.To;
        audit.Add(id is null ? AuditAction.Create : AuditAction.Update, nameof(StaffMember), Key(id),
            before is null ? Describe(staff) : $"{before} → {Describe(staff)}");
        return await db.SaveAsync(cancellationToken);
    }

    /// <summary>Removes a period entered by mistake; refused when it covers a day of a closed or adopted year.</summary>
    public async Task<ChangeResult> DeleteAsync(int id, Guid version, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staff is null)
        {
            return ChangeResult.Refused("", Gone);
        }

        if (await db.RefusePeriodAsync(staff.From, staff.To, cancellationToken) is { } closed)
        {
            return closed;
        }

        if (db.CheckVersion(staff, version) is { } stale)
        {
            return stale;
        }

        db.StaffMembers.Remove(staff);
        audit.Add(AuditAction.Delete, nameof(StaffMember), Key(id), Describe(staff));
        return await db.SaveAsync(cancellationToken);
    }

    private static string Describe(StaffMember s) => $"{s.Name}, {s.Title} {StaffRules.Percent(s.EmploymentPercent)}, {Term.Describe(s.From, s.To)}";

    private static string? Key(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
