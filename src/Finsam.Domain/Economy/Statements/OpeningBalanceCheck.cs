using Finsam.Domain.Economy.Sie;

namespace Finsam.Domain.Economy.Statements;

/// <summary>An account whose opening balance differs from the previous year's closing balance (SIE signs: debit positive).</summary>
public sealed record OpeningBalanceDifference(string Account, decimal PreviousClosing, decimal Opening)
{
    public decimal Difference => Opening - PreviousClosing;

    public string Describe(int year) =>
        $"Konto {Account}: utgående balans {year - 1} {Money.Kr(PreviousClosing)}, ingående balans {year} {Money.Kr(Opening)} (skillnad {Money.Kr(Difference)}).";
}

/// <summary>
/// Compares a year's opening balances with the previous year's closing balances account by account, so that
/// differences that cancel out in the totals (equity +100, a liability −100) are still found.
/// </summary>
public static class OpeningBalanceCheck
{
    /// <param name="opening">The year's opening balances per account.</param>
    /// <param name="previousClosing">The previous year's closing balances per account.</param>
    /// <param name="isEquity">Whether an account is an equity account (the account mapping's Eget kapital).</param>
    /// <param name="unbookedResult">
    /// The previous year's result (SIE sign: a surplus is negative) when it was not booked to equity in that year's
    /// closing entries: it then moves into equity at the start of the year, so the equity accounts together may differ
    /// by exactly that amount (to whichever equity account the förbund books it). Zero when the result was booked.
    /// </param>
    /// <returns>Each differing account, in account order; empty when every opening balance matches.</returns>
    public static IReadOnlyList<OpeningBalanceDifference> Compare(
        IReadOnlyDictionary<string, decimal> opening,
        IReadOnlyDictionary<string, decimal> previousClosing,
        Func<string, bool> isEquity,
        decimal unbookedResult)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(previousClosing);
        ArgumentNullException.ThrowIfNull(isEquity);
        var differences = opening.Keys.Concat(previousClosing.Keys).Distinct(StringComparer.Ordinal)
            .Select(a => new OpeningBalanceDifference(a, previousClosing.GetValueOrDefault(a), opening.GetValueOrDefault(a)))
            .Where(d => d.Difference != 0m)
            .OrderBy(d => d.Account, StringComparer.Ordinal)
            .ToList();

        // The previous result moved into equity: accepted when the equity accounts together moved by exactly that.
        var equity = differences.Where(d => isEquity(d.Account)).ToList();
        if (unbookedResult != 0m && equity.Count > 0 && equity.Sum(d => d.Difference) == unbookedResult)
        {
            differences.RemoveAll(d => isEquity(d.Account));
        }

        return differences;
    }
}
