using System.Globalization;
using System.Text;

namespace Finsam.TestSupport;

/// <summary>Hand-made SIE files shared by the integration and browser tests.</summary>
public static class SieFiles
{
    /// <summary>Text as PC8 (code page 437), the SIE standard's own encoding.</summary>
    public static byte[] Pc8(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437).GetBytes(text);
    }

    private static string A(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// A year's file: the same hand-worked ledger as the unit tests (årets resultat 458 000, bank 13 506 000 → 14 384 000).
    /// <paramref name="year"/> moves it to another calendar year with the same figures.
    /// </summary>
    public static string Year2025(decimal closingBank = 14_384_000m, int year = 2025) => $$"""
        #FLAGGA 0
        #FORMAT PC8
        #SIETYP 4
        #FNAMN "Samordningsförbundet Älvdalen"
        #RAR 0 {{year}}0101 {{year}}1231
        #RAR -1 {{year - 1}}0101 {{year - 1}}1231
        #KONTO 1220 "Inventarier"
        #KONTO 1510 "Kundfordringar"
        #KONTO 1930 "Bank"
        #KONTO 2050 "Eget kapital"
        #KONTO 2440 "Leverantörsskulder"
        #KONTO 3010 "Medlemsbidrag"
        #KONTO 3510 "ESF-bidrag"
        #KONTO 4010 "Löner"
        #KONTO 7010 "Köpta tjänster"
        #KONTO 7810 "Avskrivningar inventarier"
        #KONTO 8410 "Ränteintäkter"
        #KONTO 8510 "Räntekostnader"
        #IB 0 1220 100000.00
        #IB 0 1510 400000.00
        #IB 0 1930 13506000.00
        #IB 0 2050 -12906000.00
        #IB 0 2440 -1100000.00
        #UB 0 1220 80000.00
        #UB 0 1510 300000.00
        #UB 0 1930 {{A(closingBank)}}
        #UB 0 2050 -12906000.00
        #UB 0 2440 -1400000.00
        #RES 0 3010 -27000000.00
        #RES 0 3510 -1000000.00
        #RES 0 4010 5000000.00
        #RES 0 7010 22500000.00
        #RES 0 7810 50000.00
        #RES 0 8410 -10000.00
        #RES 0 8510 2000.00
        #UB -1 1220 100000.00
        #UB -1 1510 400000.00
        #UB -1 1930 13506000.00
        #UB -1 2050 -12806000.00
        #UB -1 2440 -1100000.00
        #RES -1 3010 -26000000.00
        #RES -1 7010 25900000.00
        """;

    /// <summary>Last year's own file, whose closing bank says 13 606 000: the error of a published 2020 report.</summary>
    public const string Year2024WithWrongBank = """
        #FLAGGA 0
        #SIETYP 4
        #RAR 0 20240101 20241231
        #IB 0 1930 13000000.00
        #IB 0 2050 -13000000.00
        #UB 0 1220 100000.00
        #UB 0 1510 400000.00
        #UB 0 1930 13606000.00
        #UB 0 2050 -12906000.00
        #UB 0 2440 -1200000.00
        #RES 0 3010 -26000000.00
        #RES 0 7010 25900000.00
        """;

    /// <summary>
    /// <see cref="Year2025"/> with the insats dimension and vouchers whose amounts per account and project code add up
    /// to the file's results: 3010 members (no code), 3510 ESF (P25), 4010 P2 and P25, 7010 P25, P31, P99 (a code
    /// without an insats) and no code, 7810, 8410 and 8510 without code. Without P99 the vouchers miss 1 000 000.
    /// </summary>
    public static string Year2025WithVouchers(bool withoutP99 = false) => Year2025() + $$"""

        #DIM 6 "Projekt"
        #OBJEKT 6 "P2" "Kansli"
        #OBJEKT 6 "P25" "MIA"
        #OBJEKT 6 "P31" "Metodstöd"
        #OBJEKT 6 "P99" "Okänt"
        #VER A 1 20250131 "Medlemsbidrag"
        {
        #TRANS 1930 {} 27000000.00
        #TRANS 3010 {} -27000000.00
        }
        #VER A 2 20250630 "ESF-bidrag MIA"
        {
        #TRANS 1930 {} 1000000.00
        #TRANS 3510 {6 "P25"} -1000000.00
        }
        #VER A 3 20251231 "Löner"
        {
        #TRANS 4010 {6 "P2"} 2000000.00
        #TRANS 4010 {6 "P25"} 3000000.00
        #TRANS 1930 {} -5000000.00
        }
        #VER A 4 20251231 "Köpta tjänster"
        {
        #TRANS 7010 {6 "P25"} 15000000.00
        #TRANS 7010 {6 "P31"} 4000000.00
        {{(withoutP99 ? "" : "#TRANS 7010 {6 \"P99\"} 1000000.00")}}
        #TRANS 7010 {} 2500000.00
        #TRANS 1930 {} {{(withoutP99 ? "-21500000.00" : "-22500000.00")}}
        }
        #VER A 5 20251231 "Avskrivningar och räntor"
        {
        #TRANS 7810 {} 50000.00
        #TRANS 1220 {} -50000.00
        #TRANS 1930 {} 10000.00
        #TRANS 8410 {} -10000.00
        #TRANS 8510 {} 2000.00
        #TRANS 1930 {} -2000.00
        }
        """;

    /// <summary>One year of a company ledger (<c>#KPTYP BAS2014</c>) with the insatser's project codes on dimension 1.</summary>
    /// <param name="Contributions">Member contributions booked on 3010.</param>
    /// <param name="P10">Cost of insats P10 on 5010 (dimension 1 "P10").</param>
    /// <param name="P20">Cost of insats P20 on 7010 (dimension 1 "P20").</param>
    /// <param name="InterestIncome">On 8310: a financial income in BAS2014 (in Kommun-Bas 83 would be another line).</param>
    /// <param name="InterestCost">On 8410: a financial cost in BAS2014 (in Kommun-Bas 84 is an income).</param>
    public sealed record Bas2014Year(int Year, decimal Contributions, decimal P10, decimal P20, decimal InterestIncome, decimal InterestCost)
    {
        /// <summary>Årets resultat, a surplus positive.</summary>
        public decimal Result => Contributions + InterestIncome - P10 - P20 - InterestCost;
    }

    /// <summary>
    /// Consecutive years of a BAS2014 ledger, one file per year: the first opens with 2 000 000,00 in the bank and as
    /// equity; each later year opens with the previous year's closing balances, its result moved into equity (2010). Every
    /// transaction goes through the bank, so the bank's closing balance is the opening one plus the result.
    /// </summary>
    public static IReadOnlyList<string> Bas2014(params Bas2014Year[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var files = new List<string>();
        var (bank, equity) = (2_000_000m, -2_000_000m);
        foreach (var y in years)
        {
            var closingBank = bank + y.Result;
            files.Add($$"""
                #FLAGGA 0
                #FORMAT PC8
                #SIETYP 4
                #PROGRAM "Testprogram" 1.0
                #KPTYP BAS2014
                #FNAMN "Samordningsförbundet Testbygd"
                #RAR 0 {{y.Year}}0101 {{y.Year}}1231
                #KONTO 1930 "Företagskonto"
                #KONTO 2010 "Eget kapital"
                #KONTO 3010 "Medlemsbidrag"
                #KONTO 5010 "Lokalhyra"
                #KONTO 7010 "Köpta tjänster"
                #KONTO 8310 "Ränteintäkter"
                #KONTO 8410 "Räntekostnader"
                #DIM 1 "Kostnadsställe"
                #OBJEKT 1 "P10" "Arbetsträning"
                #OBJEKT 1 "P20" "Samverkan"
                #IB 0 1930 {{A(bank)}}
                #IB 0 2010 {{A(equity)}}
                #UB 0 1930 {{A(closingBank)}}
                #UB 0 2010 {{A(equity)}}
                #RES 0 3010 {{A(-y.Contributions)}}
                #RES 0 5010 {{A(y.P10)}}
                #RES 0 7010 {{A(y.P20)}}
                #RES 0 8310 {{A(-y.InterestIncome)}}
                #RES 0 8410 {{A(y.InterestCost)}}
                #VER A 1 {{y.Year}}0131 "Medlemsbidrag"
                {
                #TRANS 1930 {} {{A(y.Contributions)}}
                #TRANS 3010 {} {{A(-y.Contributions)}}
                }
                #VER A 2 {{y.Year}}0630 "Lokal Arbetsträning"
                {
                #TRANS 5010 {1 "P10"} {{A(y.P10)}}
                #TRANS 1930 {} {{A(-y.P10)}}
                }
                #VER A 3 {{y.Year}}0930 "Tjänster Samverkan"
                {
                #TRANS 7010 {1 "P20"} {{A(y.P20)}}
                #TRANS 1930 {} {{A(-y.P20)}}
                }
                #VER A 4 {{y.Year}}1231 "Räntor"
                {
                #TRANS 1930 {} {{A(y.InterestIncome - y.InterestCost)}}
                #TRANS 8310 {} {{A(-y.InterestIncome)}}
                #TRANS 8410 {} {{A(y.InterestCost)}}
                }

                """);
            (bank, equity) = (closingBank, equity - y.Result);
        }

        return files;
    }
}
