namespace Finsam.TestSupport;

/// <summary>Made-up personal data for tests.</summary>
public static class TestData
{
    /// <summary>A valid personnummer for a running number: born 1980–1999, check digit computed.</summary>
    public static string Personnummer(int n)
    {
        var digits = $"{80 + (n % 20):D2}{1 + (n % 12):D2}{1 + (n % 28):D2}{n % 1000:D3}";
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var v = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += v > 9 ? v - 9 : v;
        }

        return $"19{digits[..6]}-{digits[6..]}{(10 - (sum % 10)) % 10}";
    }
}
