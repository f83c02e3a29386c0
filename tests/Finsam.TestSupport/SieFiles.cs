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

    /// <summary>A year's file: the same hand-worked ledger as the unit tests (årets resultat 458 000, bank 13 506 000 → 14 384 000).</summary>
    public static string Year2025(decimal closingBank = 14_384_000m) => $$"""
        #FLAGGA 0
        #FORMAT PC8
        #SIETYP 4
        #FNAMN "Samordningsförbundet Älvdalen"
        #RAR 0 20250101 20251231
        #RAR -1 20240101 20241231
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

}
