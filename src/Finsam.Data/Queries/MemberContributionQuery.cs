using Finsam.Domain.Economy;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>The members' contributions of a year, as decided (the year's split with the total and the municipalities' key, or the amounts).</summary>
public static class MemberContributionQuery
{
    /// <returns>
    /// Each contribution of the year's members (membership overlapping the year), or an empty list while the year has no
    /// decided split, no total or no valid key.
    /// </returns>
    public static async Task<IReadOnlyList<MemberContributions.Contribution>> MemberContributionsForYearAsync(
        this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fiscalYear = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            return [];
        }

        var split = await db.ContributionSplits.AsNoTracking().SingleOrDefaultAsync(s => s.FiscalYearId == fiscalYear.Id, cancellationToken);
        if (split is null)
        {
            return [];
        }

        var members = await db.Members.AsNoTracking().MembersDuring(fiscalYear.StartDate, fiscalYear.EndDate)
            .OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        if (split.Mode == ContributionMode.Amount)
        {
            var amounts = await db.MemberContributionAmounts.AsNoTracking().Where(a => a.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
            var decided = amounts.Where(a => members.Any(m => m.Id == a.MemberId)).Select(a => (members.First(m => m.Id == a.MemberId), a.Amount)).ToList();
            return decided.Count > 0 ? MemberContributions.FromAmounts(members, decided) : [];
        }

        if (fiscalYear.MemberContributionTotal is not { } total)
        {
            return [];
        }

        var shares = await db.MunicipalityShares.AsNoTracking().Where(s => s.FiscalYearId == fiscalYear.Id).ToListAsync(cancellationToken);
        var key = shares.Where(s => members.Any(m => m.Id == s.MemberId)).Select(s => (members.First(m => m.Id == s.MemberId), s.Percent)).ToList();
        var valid = MemberContributions.CheckSplit(split.RegionPercent, split.MunicipalityPercent).Count == 0
            && (split.MunicipalityPercent == 0m || (key.Count > 0 && MemberContributions.CheckKey(key).Count == 0));
        return valid ? MemberContributions.Compute(total, members, split.RegionPercent, split.MunicipalityPercent, key) : [];
    }
}
