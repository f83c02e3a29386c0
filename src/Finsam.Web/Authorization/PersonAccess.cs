using System.Security.Claims;

namespace Finsam.Web.Authorization;

/// <summary>
/// Who sees exact counts: the roles with person access (policy <see cref="Policies.ParticipantData"/>: Kansli,
/// Förbundschef). Every other role (Styrelse, Revisor) sees aggregates under the small-cell rule
/// (<see cref="Finsam.Domain.Statistics.SmallCells"/>, docs/privacy.md).
/// </summary>
public static class PersonAccess
{
    public static bool SeesExactCounts(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Policies.RolesByPolicy[Policies.ParticipantData].Any(user.IsInRole);
    }
}
