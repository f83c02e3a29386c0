using Finsam.Data;
using Finsam.Domain.Economy;
using Finsam.Domain.Organisation;
using Finsam.Web.Validation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Web.Features.Organisation;

/// <summary>
/// The closed-year rule for records with a period (a membership, a term of office): a change is refused when it
/// changes what a closed year shows, i.e. the days of a closed year the period covers, or (when the record itself
/// changes, e.g. a member's kind or a board member's seat) any day of a closed year either version covers.
/// </summary>
public static class ClosedYears
{
    public static async Task<ChangeResult?> RefusePeriodChangeAsync(
        this FinsamDbContext db, DateOnly? oldFrom, DateOnly? oldTo, DateOnly? newFrom, DateOnly? newTo, bool recordChanged,
        CancellationToken cancellationToken, string field = "")
    {
        ArgumentNullException.ThrowIfNull(db);
        var closed = await db.FiscalYears.AsNoTracking().Where(y => y.Status == FiscalYearStatus.Closed)
            .OrderBy(y => y.Year).Select(y => new { y.Year, y.StartDate, y.EndDate }).ToListAsync(cancellationToken);
        var touched = closed.FirstOrDefault(y => Term.ChangeTouches(oldFrom, oldTo, newFrom, newTo, y.StartDate, y.EndDate, recordChanged));
        return touched is null ? null : ChangeResult.Refused(field, WritePath.ClosedYearMessage(touched.Year));
    }

    /// <summary>A new record (or a removed one) with the period: refused when the period overlaps a closed year.</summary>
    public static Task<ChangeResult?> RefusePeriodAsync(this FinsamDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken, string field = "") =>
        db.RefusePeriodChangeAsync(from, to, from, to, recordChanged: true, cancellationToken, field);
}
