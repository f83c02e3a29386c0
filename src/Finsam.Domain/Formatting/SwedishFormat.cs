using System.Globalization;
using Finsam.Domain.Statistics;

namespace Finsam.Domain.Formatting;

/// <summary>
/// How Finsam writes and reads numbers, amounts, dates and shares: Swedish conventions everywhere
/// ("1 234,5", "2026-11-23", "31 %, 5 av 17"), whatever the process culture is.
/// Output uses the sv-SE culture (non-breaking space as group separator, U+2212 as minus sign).
/// Input accepts those and the plain characters people type.
/// </summary>
public static class SwedishFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.ReadOnly(new CultureInfo("sv-SE"));

    /// <summary>A number with the given decimals: 1234.5m → "1 234,5".</summary>
    public static string Number(decimal value, int decimals = 0) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>Whole kronor with unit: 1234m → "1 234 kr".</summary>
    public static string Kronor(decimal value) => Number(value) + "\u00a0kr";

    /// <summary>Thousands of kronor with one decimal, as in annual reports: 13506000m → "13 506,0".</summary>
    public static string Tkr(decimal value) => Number(value / 1000m, 1);

    /// <summary>The text with its first letter upper case, e.g. "vice ordförande" → "Vice ordförande" (a label, a sentence's start).</summary>
    public static string Capitalised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
    }

    /// <summary>ISO dates, as written in Sweden: "2026-11-23".</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Items joined the Swedish way: ["a"] → "a", ["a", "b", "c"] → "a, b och c".</summary>
    public static string List(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " och " + items[^1];
    }

    /// <summary>Whole percent: 0.3125 → "31 %". Empty share → "–".</summary>
    public static string Percent(Share share) =>
        share.Fraction is { } f ? Number(Math.Round(f * 100m, 0, MidpointRounding.AwayFromZero)) + "\u00a0%" : "–";

    /// <summary>Percent with its basis, as the bilaga of an annual report shows it: "31 %, 5 av 17".</summary>
    public static string ShareWithBasis(Share share) =>
        $"{Percent(share)}, {Number(share.Numerator)} av {Number(share.Denominator)}";

    /// <summary>
    /// Reads a decimal written the Swedish way. Accepts spaces (plain, non-breaking, narrow) as group separators,
    /// comma or point as decimal separator, and hyphen-minus or U+2212 as minus sign.
    /// </summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            switch (c)
            {
                case ' ' or '\u00a0' or '\u202f' or '\u2009':
                    continue;
                case '\u2212' or '\u2013':
                    cleaned.Append('-');
                    break;
                case ',':
                    cleaned.Append('.');
                    break;
                default:
                    cleaned.Append(c);
                    break;
            }
        }

        return decimal.TryParse(
            cleaned.ToString(),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out value);
    }

    /// <summary>Reads an ISO date (yyyy-MM-dd), the only date format Finsam accepts as text.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
