namespace Finsam.Web.Validation;

/// <summary>A year chosen in a query string, checked against the years that have data.</summary>
public sealed record YearFilter(int Year, IReadOnlyList<int> Available, string? Error)
{
    /// <summary>The first year Finsam accepts anywhere (samordningsförbund exist since 2004).</summary>
    public const int First = 2004;

    /// <summary>The last year Finsam accepts anywhere.</summary>
    public const int Last = 2100;

    public const string RangeMessage = "Året ska vara mellan 2004 och 2100.";

    /// <summary>Whether a year from a route, query string or form is one Finsam accepts at all.</summary>
    public static bool InRange(int year) => year is >= First and <= Last;

    /// <summary>Picks the requested year when it is one of the available ones, otherwise the newest, with a message.</summary>
    /// <param name="requested">The year asked for, or null for the newest.</param>
    /// <param name="available">The years there is data for, newest first.</param>
    /// <param name="unreadable">The query string held something that is not a year.</param>
    public static YearFilter Choose(int? requested, IReadOnlyList<int> available, bool unreadable = false)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (available.Count == 0)
        {
            throw new ArgumentException("Minst ett år behövs.", nameof(available));
        }

        if (unreadable)
        {
            return new YearFilter(available[0], available, "Året ska anges med fyra siffror, till exempel 2025.");
        }

        if (requested is null || available.Contains(requested.Value))
        {
            return new YearFilter(requested ?? available[0], available, null);
        }

        return new YearFilter(
            available[0],
            available,
            $"Året {requested} finns inte. Välj ett år mellan {available.Min()} och {available.Max()}.");
    }
}
