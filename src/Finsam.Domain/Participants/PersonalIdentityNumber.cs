using System.Globalization;

namespace Finsam.Domain.Participants;

/// <summary>
/// A Swedish personnummer or samordningsnummer, validated (format, date, check digit) and normalised to twelve
/// digits (YYYYMMDDNNNN). Exists only in memory on its way to <see cref="PersonKeyHasher"/>: never stored or logged.
/// </summary>
public sealed class PersonalIdentityNumber
{
    private PersonalIdentityNumber(string normalised, DateOnly birthDate, bool isCoordinationNumber)
    {
        Normalised = normalised;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>Twelve digits, no separator.</summary>
    public string Normalised { get; }

    public DateOnly BirthDate { get; }

    /// <summary>A samordningsnummer: the day of birth plus 60.</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary>Never the number itself, so it cannot end up in a log by accident.</summary>
    public override string ToString() => IsCoordinationNumber ? "samordningsnummer" : "personnummer";

    /// <summary>
    /// Reads YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN (100 years or older) or YYMMDDNNNN.
    /// A ten-digit number takes the century that puts the birth date at most 100 years before <paramref name="today"/>
    /// (or more, with '+').
    /// </summary>
    /// <returns>The number, or null with a Swedish <paramref name="error"/>.</returns>
    public static PersonalIdentityNumber? Parse(string? text, DateOnly today, out string? error)
    {
        error = null;
        var input = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (input.Length == 0)
        {
            error = "Personnumret saknas.";
            return null;
        }

        var plus = input.Contains('+', StringComparison.Ordinal);
        var digits = input.Replace("-", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal);
        var separatorOk = input.Length == digits.Length
            || (input.Length == digits.Length + 1 && (input[^5] == '-' || input[^5] == '+'));
        if (!separatorOk || !digits.All(char.IsAsciiDigit) || (digits.Length != 10 && digits.Length != 12)
            || (plus && digits.Length != 10))
        {
            error = "Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.";
            return null;
        }

        int year;
        if (digits.Length == 12)
        {
            year = int.Parse(digits[..4], CultureInfo.InvariantCulture);
            digits = digits[2..];
        }
        else
        {
            var twoDigit = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var century = today.Year / 100 * 100;
            year = century + twoDigit;
            if (year > today.Year)
            {
                year -= 100;
            }

            if (plus)
            {
                year -= 100;
            }
        }

        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var coordination = day > 60;
        if (coordination)
        {
            day -= 60;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || year < 1850)
        {
            error = "Datumet i personnumret finns inte.";
            return null;
        }

        var birthDate = new DateOnly(year, month, day);
        if (birthDate > today)
        {
            error = "Datumet i personnumret ligger i framtiden.";
            return null;
        }

        if (!LuhnValid(digits))
        {
            error = "Kontrollsiffran i personnumret stämmer inte.";
            return null;
        }

        var normalised = year.ToString("D4", CultureInfo.InvariantCulture) + digits[2..];
        return new PersonalIdentityNumber(normalised, birthDate, coordination);
    }

    /// <summary>The Luhn check over the ten digits YYMMDDNNNC.</summary>
    private static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var value = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }

        return sum % 10 == 0;
    }
}
