using Finsam.Data;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Participants;

/// <summary>What the registration forms offer to choose from.</summary>
public sealed record FormChoices(
    IReadOnlyList<FormChoices.InsatsChoice> Insatser,
    IReadOnlyList<FormChoices.MemberChoice> Members,
    IReadOnlyList<EndReasonCode> SubCodes,
    IReadOnlyList<string> Municipalities)
{
    public sealed record InsatsChoice(int Id, string Code, string Name, InsatsStatus Status);

    public sealed record MemberChoice(int Id, string Name);

    /// <summary>An enrolment with its insats, and the choices for editing it; null when it does not exist.</summary>
    public static async Task<(Enrolment Enrolment, FormChoices Choices)?> ForEnrolmentAsync(FinsamDbContext db, int enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Insats).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        return enrolment is null ? null : (enrolment, await LoadAsync(db, enrolment.EndReasonSubCode, cancellationToken));
    }

    public static async Task<FormChoices> LoadAsync(FinsamDbContext db, string? currentSubCode = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var insatser = await db.Insatser.AsNoTracking().Where(i => i.Kind == InsatsKind.Individual)
            .OrderBy(i => i.Status).ThenBy(i => i.Code)
            .Select(i => new InsatsChoice(i.Id, i.Code, i.Name, i.Status)).ToListAsync(cancellationToken);
        // Every member, also one whose membership has ended: an enrolment may be registered afterwards for a day it was a member.
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Kind).ThenBy(m => m.Name)
            .Select(m => new MemberChoice(m.Id, m.Name)).ToListAsync(cancellationToken);
        var subCodes = await db.EndReasonCodes.AsNoTracking().Where(c => c.IsActive || c.Name == currentSubCode)
            .OrderBy(c => c.EndReason).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var municipalities = await db.Enrolments.AsNoTracking().Where(e => e.HomeMunicipality != null)
            .Select(e => e.HomeMunicipality!).Distinct().OrderBy(n => n).Take(300).ToListAsync(cancellationToken);
        return new FormChoices(insatser, members, subCodes, municipalities);
    }
}
