using Finsam.Data;
using Finsam.Domain.Economy;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Economy;

/// <summary>Finding a calendar year's fiscal year, creating it (through <see cref="FiscalYear.CalendarYear"/>) the first time something is entered for it.</summary>
public static class FiscalYears
{
    /// <summary>
    /// The tracked fiscal year of <paramref name="year"/>; a new open calendar year is added and saved first when there
    /// is none, so call this inside the caller's transaction.
    /// </summary>
    public static async Task<FiscalYear> FindOrCreateAsync(FinsamDbContext db, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (fiscalYear is null)
        {
            fiscalYear = FiscalYear.CalendarYear(year);
            db.FiscalYears.Add(fiscalYear);
            await db.SaveChangesAsync(cancellationToken);
        }

        return fiscalYear;
    }
}
