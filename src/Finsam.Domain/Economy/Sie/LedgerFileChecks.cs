using System.Globalization;
using Finsam.Domain.Formatting;

namespace Finsam.Domain.Economy.Sie;

/// <summary>A voucher dated outside the file's fiscal year: series and number, date, amount (its debit side) and line.</summary>
public sealed record VoucherOutsideYear(string Series, string Number, DateOnly Date, decimal Amount, int Line)
{
    public string Describe() =>
        $"Rad {Line}: verifikation {$"{Series} {Number}".Trim()} är daterad {Date:yyyy-MM-dd}, utanför räkenskapsåret ({Money.Kr(Amount)}).";
}

internal static class Money
{
    /// <summary>Kronor to the öre, e.g. "1 234,50 kr".</summary>
    public static string Kr(decimal amount) => SwedishFormat.Number(amount, 2) + "\u00a0kr";
}

/// <summary>What the fiscal year of a file (#RAR 0) means for the import: errors refuse it, warnings are shown.</summary>
public sealed record FiscalYearReview(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>
/// The checks of a ledger file's dates. A fiscal year (#RAR 0) must be whole months (it starts on a month's first
/// day and ends on a month's last day) and at most 18 months (bokföringslagen 3 kap.): anything else is not a
/// fiscal year but, most often, a period exported by mistake, and is refused. A fiscal year of whole months that is
/// not one calendar year (a shortened or extended first year, or a broken year) is lawful and imported with a
/// warning, since a samordningsförbund keeps calendar years and the statements then cover that period.
/// </summary>
public static class LedgerFileChecks
{
    public const int MaxMonths = 18;

    /// <summary>The first year a samordningsförbund can have kept books for: the law (2003:1210) took effect in 2004.</summary>
    public const int FirstPossibleYear = 2004;

    /// <param name="year">The file's fiscal year (#RAR 0).</param>
    /// <param name="latestYear">The latest year a file may be for (the next calendar year, for a budget year's opening entries).</param>
    public static FiscalYearReview Review(SieFiscalYear year, int latestYear = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(year);
        var errors = new List<string>();
        var warnings = new List<string>();
        var period = $"{year.Start:yyyy-MM-dd} – {year.End:yyyy-MM-dd}";
        if (year.Start.Year < FirstPossibleYear || year.Start.Year > latestYear)
        {
            var range = latestYear == int.MaxValue ? $"från {FirstPossibleYear}" : $"{FirstPossibleYear}–{latestYear}";
            errors.Add($"Räkenskapsåret (#RAR 0, {period}) är inte ett år som förbundet kan ha bokföring för ({range}). Kontrollera att filen är rätt exporterad.");
            return new FiscalYearReview(errors, warnings);
        }

        if (year.Start.Day != 1)
        {
            errors.Add($"Räkenskapsåret (#RAR 0, {period}) börjar inte på en månads första dag. Ett räkenskapsår består av hela månader; exportera hela räkenskapsåret från ekonomisystemet.");
        }

        if (year.End.AddDays(1).Day != 1)
        {
            errors.Add($"Räkenskapsåret (#RAR 0, {period}) slutar inte på en månads sista dag. Ett räkenskapsår består av hela månader; exportera hela räkenskapsåret från ekonomisystemet.");
        }

        var months = ((year.End.Year - year.Start.Year) * 12) + year.End.Month - year.Start.Month + 1;
        if (months > MaxMonths)
        {
            errors.Add($"Räkenskapsåret (#RAR 0, {period}) är {months} månader; ett räkenskapsår får vara högst {MaxMonths} månader.");
        }
        else if (errors.Count == 0 && months != 12)
        {
            warnings.Add($"Räkenskapsåret (#RAR 0, {period}) är {months} månader, inte ett år. Räkenskaperna och driftsredovisningen för {year.Start.Year} avser hela den perioden.");
        }
        else if (errors.Count == 0 && (year.Start.Month != 1))
        {
            warnings.Add($"Räkenskapsåret (#RAR 0, {period}) är inte ett kalenderår. Det läses in som verksamhetsåret {year.Start.Year}.");
        }

        return new FiscalYearReview(errors, warnings);
    }

    /// <summary>The voucher, when it is dated outside the year; null otherwise.</summary>
    public static VoucherOutsideYear? OutsideYear(SieVoucher voucher, SieFiscalYear year)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(year);
        if (voucher.Date >= year.Start && voucher.Date <= year.End)
        {
            return null;
        }

        var debit = 0m;
        foreach (var t in voucher.Transactions)
        {
            debit += t.Amount > 0m ? t.Amount : 0m;
        }

        return new VoucherOutsideYear(voucher.Series, voucher.Number, voucher.Date, debit, voucher.Line);
    }

    /// <summary>The warning for vouchers outside the year: how many, their sum, and each of the first <paramref name="listed"/>.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyCollection<VoucherOutsideYear> outside, SieFiscalYear year, int listed = 50)
    {
        ArgumentNullException.ThrowIfNull(outside);
        ArgumentNullException.ThrowIfNull(year);
        if (outside.Count == 0)
        {
            return [];
        }

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{outside.Count} verifikationer är daterade utanför räkenskapsåret {year.Start:yyyy-MM-dd} – {year.End:yyyy-MM-dd} (summa {Money.Kr(outside.Sum(o => o.Amount))}). De läses in men hör troligen till ett annat år: kontrollera dem i ekonomisystemet."),
        };
        lines.AddRange(outside.Take(listed).Select(o => o.Describe()));
        if (outside.Count > listed)
        {
            lines.Add($"… och {outside.Count - listed} verifikationer till.");
        }

        return lines;
    }
}
