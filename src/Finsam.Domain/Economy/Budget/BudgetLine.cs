using Finsam.Domain.Economy.Statements;

namespace Finsam.Domain.Economy.Budget;

/// <summary>
/// A budget line of a fiscal year: the budgeted income and cost of one insats, or of a category without an insats
/// (the members' contributions, or costs not placed on an insats). Both amounts are positive kronor.
/// </summary>
public class BudgetLine
{
    public int Id { get; set; }

    public int FiscalYearId { get; set; }

    public OperatingCategory Category { get; set; }

    /// <summary>The insats the line budgets, or null for a line of the category itself.</summary>
    public int? InsatsId { get; set; }

    public decimal Income { get; set; }

    public decimal Cost { get; set; }

    public string? Comment { get; set; }

    public decimal Net => Income - Cost;
}
