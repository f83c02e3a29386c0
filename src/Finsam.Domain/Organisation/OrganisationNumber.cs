namespace Finsam.Domain.Organisation;

/// <summary>
/// A Swedish organisation number (organisationsnummer): ten digits, the last a Luhn check digit. Accepted as
/// NNNNNN-NNNN or as ten digits (spaces ignored) and always stored normalised as NNNNNN-NNNN.
/// </summary>
public static class OrganisationNumber
{
    /// <summary>The normalised number, or null with the problem in Swedish (naming <paramref name="field"/>).</summary>
    public static string? Normalise(string? input, out string? problem, string field = "Organisationsnumret")
    {
        problem = null;
        var text = (input ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        var digits = text.Length == 11 && text[6] is '-' or '\u2212' ? string.Concat(text.AsSpan(0, 6), text.AsSpan(7)) : text;
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            problem = $"{field} ska ha tio siffror, t.ex. 222000-0000 (NNNNNN-NNNN), inte \"{input?.Trim()}\".";
            return null;
        }

        if (!HasValidCheckDigit(digits))
        {
            problem = $"{field} {digits[..6]}-{digits[6..]} är inte giltigt: kontrollsiffran (den sista) stämmer inte.";
            return null;
        }

        return $"{digits[..6]}-{digits[6..]}";
    }

    /// <summary>Whether the input is a valid organisation number in either accepted form.</summary>
    public static bool IsValid(string? input) => Normalise(input, out _) is not null;

    /// <summary>The Luhn (modulus 10) check of ten digits: weights 2, 1, 2, … from the left, digit sums of the products.</summary>
    public static bool HasValidCheckDigit(string tenDigits)
    {
        ArgumentNullException.ThrowIfNull(tenDigits);
        if (tenDigits.Length != 10 || !tenDigits.All(char.IsAsciiDigit))
        {
            return false;
        }

        return CheckDigit(tenDigits[..9]) == tenDigits[9] - '0';
    }

    /// <summary>The Luhn check digit of nine digits.</summary>
    public static int CheckDigit(string nineDigits)
    {
        ArgumentNullException.ThrowIfNull(nineDigits);
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - sum % 10) % 10;
    }
}
