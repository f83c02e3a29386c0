using Finsam.Domain.Economy.Statements;

namespace Finsam.Domain.Economy;

/// <summary>A fiscal year (verksamhetsår / räkenskapsår). A closed year cannot change.</summary>
public class FiscalYear : IVersioned
{
    public int Id { get; set; }

    /// <summary>The calendar year the fiscal year starts in; unique.</summary>
    public int Year { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public FiscalYearStatus Status { get; set; } = FiscalYearStatus.Open;

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The members' total contribution of the year in kronor (medlemsbidrag), split by <see cref="MemberContributions"/>.</summary>
    public decimal? MemberContributionTotal { get; set; }

    /// <summary>
    /// The highest equity recommended for the year (Nationella rådet's ceiling, e.g. 2,5 mnkr), in kronor.
    /// A dated parameter entered per year, never a formula.
    /// </summary>
    public decimal? EquityCeiling { get; set; }

    /// <summary>The year's adjustments from årets resultat to the balanskravsresultat; zero when nothing is entered.</summary>
    public BalanceRequirementAdjustments BalanceRequirement { get; set; } = new();

    /// <summary>The year's ansvarsförbindelser as printed under the balansräkning; null prints "Inga" (see <see cref="Statements.ContingentLiabilities"/>).</summary>
    public string? ContingentLiabilities { get; set; }

    public Guid Version { get; set; }

    public bool IsClosed => Status == FiscalYearStatus.Closed;

    /// <summary>The one way a fiscal year is made: open, from its first to its last day.</summary>
    public static FiscalYear Open(int year, DateOnly start, DateOnly end) =>
        end < start ? throw new ArgumentException("Verksamhetsåret slutar före det börjar.", nameof(end))
            : new FiscalYear { Year = year, StartDate = start, EndDate = end, Status = FiscalYearStatus.Open };

    /// <summary>An open fiscal year that is the calendar year.</summary>
    public static FiscalYear CalendarYear(int year) => Open(year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}

public enum FiscalYearStatus
{
    Open = 1,
    Closed = 2,
}
