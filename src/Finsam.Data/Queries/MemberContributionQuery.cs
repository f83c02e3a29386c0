using Finsam.Domain.Economy;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>The members' contributions of a year, as decided (total and the municipalities' key).</summary>
public static class MemberContributionQuery
{
    /// <returns>Each active member's contribution, or an empty list while the total or a valid key is missing.</returns>
    public static async Task<IReadOnlyList<MemberContributions.Contribution>> MemberContributionsForYearAsync(
        this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear?.MemberContributionTotal is not { } total)
        {
            return [];
        }

        var members = await db.Members.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        var shares = await db.MunicipalityShares.AsNoTracking().Where(s => s.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        var key = shares.Where(s => members.Any(m => m.Id == s.MemberId)).Select(s => (members.First(m => m.Id == s.MemberId), s.Percent)).ToList();
        return key.Count > 0 && MemberContributions.CheckKey(key).Count == 0 ? MemberContributions.Compute(total, members, key) : [];
    }
}
