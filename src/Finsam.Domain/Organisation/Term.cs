namespace Finsam.Domain.Organisation;

/// <summary>
/// Periods of days with an open start or end (a membership, a term of office): both ends inclusive, null meaning
/// "since always" / "still running".
/// </summary>
public static class Term
{
    public static bool Covers(DateOnly? from, DateOnly? to, DateOnly day) =>
        (from is null || from <= day) && (to is null || to >= day);

    /// <summary>Whether [from, to] overlaps [start, end].</summary>
    public static bool Overlaps(DateOnly? from, DateOnly? to, DateOnly start, DateOnly end) =>
        (from is null || from <= end) && (to is null || to >= start);

    /// <summary>Whether two periods with open ends overlap.</summary>
    public static bool Overlaps(DateOnly? from1, DateOnly? to1, DateOnly? from2, DateOnly? to2) =>
        (from1 is null || to2 is null || from1 <= to2) && (from2 is null || to1 is null || from2 <= to1);

    /// <summary>
    /// Whether changing a period from [oldFrom, oldTo] to [newFrom, newTo] changes which days of [start, end] it covers:
    /// the days of the period that are in one version and not the other. With <paramref name="otherFieldsChanged"/>,
    /// every day either version covers counts (the record itself changed on those days).
    /// </summary>
    public static bool ChangeTouches(DateOnly? oldFrom, DateOnly? oldTo, DateOnly? newFrom, DateOnly? newTo, DateOnly start, DateOnly end, bool otherFieldsChanged)
    {
        if (otherFieldsChanged)
        {
            return Overlaps(oldFrom, oldTo, start, end) || Overlaps(newFrom, newTo, start, end);
        }

        // The covered days differ where exactly one version covers them; checking the bounds of the period and the
        // days next to each changed bound is enough, since coverage only changes at those days.
        var candidates = new List<DateOnly> { start, end };
        foreach (var bound in new[] { oldFrom, oldTo, newFrom, newTo })
        {
            if (bound is { } b)
            {
                candidates.Add(b);
                if (b > DateOnly.MinValue)
                {
                    candidates.Add(b.AddDays(-1));
                }

                if (b < DateOnly.MaxValue)
                {
                    candidates.Add(b.AddDays(1));
                }
            }
        }

        return candidates.Where(d => d >= start && d <= end).Any(d => Covers(oldFrom, oldTo, d) != Covers(newFrom, newTo, d));
    }

    /// <summary>A period in Swedish, e.g. "2023-01-01–2026-12-31" or "från 2023-01-01".</summary>
    public static string Describe(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => "utan tidsgräns",
        ({ } f, null) => $"från {Formatting.SwedishFormat.Date(f)}",
        (null, { } t) => $"till {Formatting.SwedishFormat.Date(t)}",
        ({ } f, { } t) => $"{Formatting.SwedishFormat.Date(f)}–{Formatting.SwedishFormat.Date(t)}",
    };
}
