namespace Finsam.Domain.Statistics;

/// <summary>A share shown as "n av N" together with its percentage, e.g. "31 %, 5 av 17".</summary>
public readonly record struct Share(int Numerator, int Denominator)
{
    /// <summary>The share as a fraction between 0 and 1, or null when there is nothing to divide by.</summary>
    public decimal? Fraction => Denominator == 0 ? null : (decimal)Numerator / Denominator;
}
