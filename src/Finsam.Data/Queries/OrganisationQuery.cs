using Finsam.Domain.Economy;
using Finsam.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Finsam.Data.Queries;

/// <summary>
/// The förbund's organisation as it was in a year: its members, its board, its auditors, its förbundschef and its kansli. Earlier
/// years' reports use the year's organisation, not today's.
/// </summary>
public static class OrganisationQuery
{
    /// <summary>The organisation of a year.</summary>
    /// <param name="Year">The calendar year the fiscal year starts in.</param>
    /// <param name="Start">The year's first day (the fiscal year's, or 1 January).</param>
    /// <param name="End">The year's last day.</param>
    /// <param name="Federation">The förbund, when set up.</param>
    /// <param name="Members">The members whose membership overlaps the year, by kind and name.</param>
    /// <param name="Board">The board terms that overlap the year: chair, vice chair, ledamöter, then ersättare, by member.</param>
    /// <param name="Auditors">The auditors whose term overlaps the year.</param>
    /// <param name="Directors">The förbundschefer of the year, in order.</param>
    /// <param name="Staff">The kansli of the year (the register's periods that overlap it), förbundschef first, then by start, befattning and name.</param>
    public sealed record YearOrganisation(
        int Year,
        DateOnly Start,
        DateOnly End,
        Federation? Federation,
        IReadOnlyList<Member> Members,
        IReadOnlyList<BoardAssignment> Board,
        IReadOnlyList<Auditor> Auditors,
        IReadOnlyList<FederationDirector> Directors,
        IReadOnlyList<StaffMember>? Staff = null)
    {
        /// <summary>
        /// The board that signs the year's report: the ledamöter in office on the year's last day (those of the year when
        /// none is), ordförande first, then vice ordförande, then by member; titled like "Ordförande, Åkerby kommun".
        /// </summary>
        public IReadOnlyList<(string Name, string Title)> BoardSignatories()
        {
            var ordinary = Board.Where(b => b.Role == BoardRole.Ordinary).ToList();
            var atEnd = ordinary.Where(b => Term.Covers(b.TermFrom, b.TermTo, End)).ToList();
            return (atEnd.Count > 0 ? atEnd : ordinary)
                .Select(b => (b.Name, BoardRules.Title(b, b.Member?.Name ?? ""))).ToList();
        }
    }

    /// <summary>The first and last day of a year: its fiscal year's, or the calendar year's when it has none.</summary>
    public static async Task<(DateOnly Start, DateOnly End)> YearBoundsAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var fiscalYear = await db.FiscalYears.AsNoTracking().Where(y => y.Year == year).Select(y => new { y.StartDate, y.EndDate }).SingleOrDefaultAsync(cancellationToken);
        return fiscalYear is null ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)) : (fiscalYear.StartDate, fiscalYear.EndDate);
    }

    /// <summary>The members whose membership overlaps [start, end] (a query, for further filtering).</summary>
    public static IQueryable<Member> MembersDuring(this IQueryable<Member> members, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members.Where(m => (m.MemberFrom == null || m.MemberFrom <= end) && (m.MemberTo == null || m.MemberTo >= start));
    }

    /// <summary>The members of year <paramref name="year"/> (membership overlapping the year), by kind and name, not tracked.</summary>
    public static async Task<IReadOnlyList<Member>> MembersOfYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = await db.YearBoundsAsync(year, cancellationToken);
        return await db.Members.AsNoTracking().MembersDuring(start, end).OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The members on a day (e.g. today, for choosing a referring member), by kind and name, not tracked.</summary>
    public static async Task<IReadOnlyList<Member>> MembersOnAsync(this FinsamDbContext db, DateOnly day, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Members.AsNoTracking().MembersDuring(day, day).OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The förbund, its members, board, auditors and förbundschef of a year, for the report's cover, organisation section and signatures.</summary>
    public static async Task<YearOrganisation> OrganisationOfYearAsync(this FinsamDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = await db.YearBoundsAsync(year, cancellationToken);
        var federation = await db.Federations.AsNoTracking().OrderBy(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        var members = await db.Members.AsNoTracking().MembersDuring(start, end).OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        var board = await db.BoardAssignments.AsNoTracking().Include(b => b.Member)
            .Where(b => b.TermFrom <= end && (b.TermTo == null || b.TermTo >= start)).ToListAsync(cancellationToken);
        var auditors = await db.Auditors.AsNoTracking().Include(a => a.AppointedBy)
            .Where(a => a.TermFrom <= end && (a.TermTo == null || a.TermTo >= start)).ToListAsync(cancellationToken);
        var directors = await db.FederationDirectors.AsNoTracking()
            .Where(d => d.From <= end && (d.To == null || d.To >= start)).OrderBy(d => d.From).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => s.From <= end && (s.To == null || s.To >= start)).ToListAsync(cancellationToken);
        var orderedBoard = board
            .OrderBy(b => b.Role)
            .ThenBy(b => b.Office == BoardOffice.None ? int.MaxValue : (int)b.Office)
            .ThenBy(b => b.Member?.Kind).ThenBy(b => b.Member?.Name, StringComparer.Ordinal).ThenBy(b => b.Seat).ThenBy(b => b.TermFrom)
            .ToList();
        return new YearOrganisation(year, start, end, federation, members, orderedBoard,
            auditors.OrderBy(a => a.TermFrom).ThenBy(a => a.Name, StringComparer.Ordinal).ToList(), directors,
            StaffRules.InOrder(staff));
    }
}
