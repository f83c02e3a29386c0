using System.Text;
using Finsam.Domain.Economy.Sie;

namespace Finsam.UnitTests.Economy;

public sealed class SieParserTests
{
    /// <summary>A small SIE 4E file: two years, accounts, the project dimension with objects, balances and two vouchers.</summary>
    private const string Sample = """
        #FLAGGA 0
        #PROGRAM "Ekonomisystemet" 5.2
        #FORMAT PC8
        #GEN 20260115
        #SIETYP 4
        #FNAMN "Samordningsförbundet Älvdalen"
        #ORGNR 222000-1234
        #RAR 0 20250101 20251231
        #RAR -1 20240101 20241231
        #KONTO 1930 "Företagskonto/checkkonto"
        #KONTO 3010 "Bidrag från medlemmar"
        #KONTO 4010 "Köpta tjänster, \"insatser\""
        #KTYP 1930 T
        #KTYP 3010 I
        #KTYP 4010 K
        #DIM 6 "Projekt"
        #OBJEKT 6 "P25" "Samverkansteam Åkerby"
        #OBJEKT 6 P31 "Hälsoväxlingen"
        #IB 0 1930 13506000.00
        #UB 0 1930 12800500.50
        #IB -1 1930 12000000
        #UB -1 1930 13506000.00
        #RES 0 3010 -9000000.00
        #RES 0 4010 9705499.50
        #OIB 0 1930 {6 "P25"} 100.00
        #OUB 0 1930 {6 "P25"} 250.00
        #PSALDO 0 202503 4010 {6 "P25"} 125000.00
        #KSUMMA 123456

        #VER A 1 20250115 "Medlemsbidrag Försäkringskassan" 20250116
        {
           #TRANS 1930 {} 4500000.00
           #TRANS 3010 {} -4500000.00 20250115 "Bidrag"
        }
        #VER "A" "2" 20250320 "Faktura insats"
        {
        	#TRANS 4010 {6 "P25"} 125000.00
        	#TRANS 1930 {} -125000.00
        }
        """;

    private static byte[] Pc8(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437).GetBytes(text);
    }

    [Fact]
    public void Reads_a_pc8_file_with_swedish_letters_objects_two_years_and_vouchers()
    {
        var sie = SieParser.Parse(Pc8(Sample));

        Assert.Equal("Samordningsförbundet Älvdalen", sie.CompanyName);
        Assert.Equal("222000-1234", sie.OrganisationNumber);
        Assert.Equal("4", sie.SieType);
        Assert.False(sie.Flag);
        Assert.Equal(new SieFiscalYear(0, new(2025, 1, 1), new(2025, 12, 31)), sie.FiscalYears[0]);
        Assert.Equal(new DateOnly(2024, 1, 1), sie.FiscalYears[-1].Start);

        Assert.Equal("Köpta tjänster, \"insatser\"", sie.Accounts["4010"].Name);
        Assert.Equal('K', sie.Accounts["4010"].Type);
        Assert.Equal('T', sie.Accounts["1930"].Type);
        Assert.Equal("Projekt", sie.Dimensions[6]);
        Assert.Equal("Samverkansteam Åkerby", sie.Objects[(6, "P25")]);
        Assert.Equal("Hälsoväxlingen", sie.Objects[(6, "P31")]);

        Assert.Equal(13_506_000m, sie.OpeningBalances.Single(b => b.YearIndex == 0).Amount);
        Assert.Equal(12_800_500.50m, sie.ClosingBalances.Single(b => b.YearIndex == 0).Amount);
        Assert.Equal(12_000_000m, sie.OpeningBalances.Single(b => b.YearIndex == -1).Amount);
        Assert.Equal(-9_000_000m, sie.Results.Single(r => r.Account == "3010").Amount);
        Assert.Equal(new SieObjectBalance(0, "1930", 6, "P25", 250m, 26), sie.ObjectClosingBalances.Single());
        var period = sie.PeriodBalances.Single();
        Assert.Equal((202503, "4010", 125_000m), (period.Period, period.Account, period.Amount));
        Assert.Equal([new SieObjectRef(6, "P25")], period.Objects);

        Assert.Equal(2, sie.Vouchers.Count);
        var first = sie.Vouchers[0];
        Assert.Equal(("A", "1", new DateOnly(2025, 1, 15), "Medlemsbidrag Försäkringskassan"), (first.Series, first.Number, first.Date, first.Text));
        Assert.Equal(2, first.Transactions.Count);
        Assert.Equal(("Bidrag", new DateOnly(2025, 1, 15)), (first.Transactions[1].Text, first.Transactions[1].Date!.Value));
        Assert.Equal([new SieObjectRef(6, "P25")], sie.Vouchers[1].Transactions[0].Objects);
        Assert.Equal(0m, sie.Vouchers[1].Sum);
        Assert.Empty(sie.Warnings);
    }

    [Fact]
    public void Reads_the_same_file_in_utf8_with_and_without_bom()
    {
        var utf8 = Sample.Replace("#FORMAT PC8", "#FORMAT UTF8", StringComparison.Ordinal);
        var plain = SieParser.Parse(Encoding.UTF8.GetBytes(utf8));
        var bom = SieParser.Parse([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(utf8)]);
        Assert.Equal("Samordningsförbundet Älvdalen", plain.CompanyName);
        Assert.Equal("Samordningsförbundet Älvdalen", bom.CompanyName);
        Assert.Equal(plain.Vouchers.Count, bom.Vouchers.Count);
    }

    [Fact]
    public void An_unbalanced_voucher_is_a_warning_with_its_line()
    {
        var sie = SieParser.Parse("#VER A 7 20250101 \"Fel\"\n{\n#TRANS 1930 {} 100\n#TRANS 3010 {} -90\n}\n");
        Assert.Equal("Rad 1: verifikation A 7 balanserar inte (summa 10.00).", Assert.Single(sie.Warnings));
    }

    [Theory]
    [InlineData("#FLAGGA 0\n#IB 0 1930 12,50\n", 2, "beloppet \"12,50\" är inte ett tal")]
    [InlineData("#RAR 0 20251301 20251231\n", 1, "startdatum \"20251301\" är inte ett datum ÅÅÅÅMMDD.")]
    [InlineData("#RAR 0 20251231 20250101\n", 1, "räkenskapsårets slut ligger före dess start.")]
    [InlineData("#KONTO 19A0 \"Bank\"\n", 1, "kontonumret \"19A0\" är inte ett nummer.")]
    [InlineData("#KONTO 1930\n", 1, "#KONTO saknar kontonamn.")]
    [InlineData("#FNAMN \"Öppet citat\n", 1, "ett citattecken (\") avslutas aldrig.")]
    [InlineData("\n\n#VER A 1 20250101\n{\n#TRANS 1930 {6 \"P25\" 100\n}\n", 5, "objektlistan avslutas aldrig med \"}\".")]
    [InlineData("#VER A 1 20250101\n{\n#TRANS 1930 {6} 100\n}\n", 3, "objektlistan ska bestå av par")]
    [InlineData("#VER A 1 20250101\n{\n#TRANS 1930 {} 100\n", 1, "verifikationen avslutas aldrig")]
    [InlineData("#TRANS 1930 {} 100\n", 1, "#TRANS utanför en verifikation.")]
    [InlineData("#VER A 1 20250101\n#VER A 2 20250101\n", 1, "#VER saknar sina transaktioner inom { }.")]
    [InlineData("#VER A 1 20250101\n{\n#KONTO 1930 \"Bank\"\n}\n", 3, "#KONTO får inte stå inuti en verifikation.")]
    [InlineData("}\n", 1, "\"}\" utan öppnad verifikation.")]
    [InlineData("#FLAGGA 0\nKONTO 1930 Bank\n", 2, "raden börjar inte med en etikett (#).")]
    [InlineData("#SIETYP 5\n", 1, "SIE-typ \"5\" stöds inte")]
    [InlineData("#FLAGGA 2\n", 1, "#FLAGGA ska vara 0 eller 1")]
    [InlineData("#KTYP 1930 X\n", 1, "kontotypen ska vara T, S, K eller I")]
    [InlineData("#OIB 0 1930 {} 100\n", 1, "#OIB ska ange exakt ett objekt")]
    [InlineData("#PSALDO 0 202513 4010 {} 100\n", 1, "perioden 202513 är inte ÅÅÅÅMM.")]
    public void A_malformed_file_is_refused_with_line_and_reason(string text, int line, string reason)
    {
        var error = Assert.Throws<SieFormatException>(() => SieParser.Parse(text));
        Assert.Equal(line, error.Line);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Rad {line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_and_unused_records_are_skipped()
    {
        var sie = SieParser.Parse("#ADRESS \"Kalle\" \"Gatan 1\" \"123 45 Ort\" \"08-123\"\n#SRU 1930 7281\n#KSUMMA\n#NYETIKETT x y\n#FNAMN Förbundet\n");
        Assert.Equal("Förbundet", sie.CompanyName);
    }

    [Fact]
    public void Huge_lines_and_binary_content_are_refused()
    {
        Assert.StartsWith("raden är längre än", Assert.Throws<SieFormatException>(() => SieParser.Parse("#FNAMN \"" + new string('x', 20_000) + "\"")).Reason, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Throws<SieFormatException>(() => SieParser.Parse("#FLAGGA 0\n#FNAMN \0\n")).Line);
    }

    /// <summary>
    /// Fuzzing: thousands of mutations of a valid file (bytes flipped, lines cut, duplicated or swapped) are either
    /// read or refused with a <see cref="SieFormatException"/> naming a line in the file; nothing else ever escapes.
    /// </summary>
    private const string Specials = "{}\"\\#\n \t0-.";

    [Fact]
    public void Broken_input_is_always_refused_cleanly()
    {
        var random = new Random(4711);
        var original = Pc8(Sample);
        var lineCount = Sample.Split('\n').Length;
        for (var round = 0; round < 3000; round++)
        {
            var bytes = original.ToList();
            var mutations = random.Next(1, 6);
            for (var m = 0; m < mutations; m++)
            {
                var position = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0: bytes[position] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveRange(position, Math.Min(random.Next(1, 40), bytes.Count - position)); break;
                    case 2: bytes.InsertRange(position, "{}\"#\\ \n"u8.ToArray()[random.Next(7)..]); break;
                    case 3: bytes.InsertRange(position, bytes.GetRange(position, Math.Min(30, bytes.Count - position))); break;
                    default: bytes[position] = (byte)Specials[random.Next(Specials.Length)]; break;
                }
            }

            try
            {
                var sie = SieParser.Parse(bytes.ToArray());
                Assert.NotNull(sie);
            }
            catch (SieFormatException error)
            {
                Assert.InRange(error.Line, 1, lineCount + 200);
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            }
        }
    }

    [Fact]
    public void The_chart_type_is_read_from_kptyp()
    {
        Assert.Equal("BAS2014", SieParser.Parse("#KPTYP BAS2014\n#RAR 0 20250101 20251231\n").ChartType);
        Assert.Null(SieParser.Parse(Pc8(Sample)).ChartType);
    }

    [Theory]
    [InlineData("#TRANS 4010 {6 \"P25\"} 125000.00")]
    [InlineData("#TRANS 4010 {6 P25 1 \"K 3\"} -0.50 20250320 \"Faktura\" 1")]
    [InlineData("#TRANS 4010 {} 12.5 \"\" \"Text utan datum\"")]
    [InlineData("#TRANS 4010 {} 12.5 20250320")]
    [InlineData("#TRANS\t4010\t{}\t12.5")]
    [InlineData("#trans 4010 {} 12.5")]
    [InlineData("#TRANS 4010 {6 \"P\\\"25\"} 1 20250101 \"a \\\\ b\"")]
    public void A_transaction_is_read_whether_it_takes_the_quick_way_or_the_general_one(string line)
    {
        var voucher = Assert.Single(SieParser.Parse($"#RAR 0 20250101 20251231\n#VER A 1 20250101\n{{\n{line}\n}}\n").Vouchers);
        var transaction = Assert.Single(voucher.Transactions);

        // Plain lines take the quick way; tabs, lower case and escapes the general one: each is read.
        Assert.Equal("4010", transaction.Account);
        Assert.Equal(4, transaction.Line);
    }

    [Fact]
    public void The_quick_way_gives_the_fields_and_shares_repeated_object_lists()
    {
        var sie = SieParser.Parse("""
            #RAR 0 20250101 20251231
            #VER A 1 20250101
            {
            #TRANS 4010 {6 "P25" 1 "K 3"} -0.50 20250320 "Faktura"
            #TRANS 4010 {6 "P25" 1 "K 3"} 0.25 "" "Utan datum"
            #TRANS 1930 {} 0.25
            }
            """);
        var t = sie.Vouchers[0].Transactions;
        Assert.Equal(new SieTransaction("4010", t[0].Objects, -0.50m, new DateOnly(2025, 3, 20), "Faktura", 4), t[0]);
        Assert.Equal([new SieObjectRef(6, "P25"), new SieObjectRef(1, "K 3")], t[0].Objects);
        Assert.Same(t[0].Objects, t[1].Objects);
        Assert.Equal((null, "Utan datum"), (t[1].Date, t[1].Text));
        Assert.Empty(t[2].Objects);
        Assert.Equal(0m, sie.Vouchers[0].Sum);
    }

    [Fact]
    public void The_reader_gives_vouchers_one_at_a_time_and_collects_the_rest_in_its_document()
    {
        var reader = new SieReader(Pc8(Sample));
        var numbers = new List<string>();
        while (reader.ReadVoucher(out var voucher))
        {
            numbers.Add(voucher.Number);
        }

        Assert.Equal(["1", "2"], numbers);
        Assert.Empty(reader.Document.Vouchers);
        Assert.Equal(3, reader.Document.Accounts.Count);
    }

    [Theory]
    [InlineData("#VER A 1 20250115 \"Medlemsbidrag\" 20250116 \"Anna\"", "A", "1", "Medlemsbidrag")]
    [InlineData("#VER \"B\" \"22\" \"20250115\"", "B", "22", null)]
    [InlineData("#VER \"\" \"\" 20250115 \"\"", "", "", "")]
    [InlineData("#VER\tC\t3\t20250115\t\"Tabbar\"", "C", "3", "Tabbar")]
    [InlineData("#ver A 1 20250115 \"Med \\\"citat\\\"\"", "A", "1", "Med \"citat\"")]
    public void A_voucher_head_is_read_whether_it_takes_the_quick_way_or_the_general_one(string head, string series, string number, string? text)
    {
        var voucher = Assert.Single(SieParser.Parse($"#RAR 0 20250101 20251231\n{head}\n{{\n#TRANS 1930 {{}} 0\n}}\n").Vouchers);
        Assert.Equal((series, number, new DateOnly(2025, 1, 15), text, 2), (voucher.Series, voucher.Number, voucher.Date, voucher.Text, voucher.Line));
    }

    [Fact]
    public void A_voucher_head_with_an_unclosed_text_is_refused_with_its_line()
    {
        var error = Assert.Throws<SieFormatException>(() => SieParser.Parse("#RAR 0 20250101 20251231\n#VER A 1 20250115 \"Ingen slut\n{\n}\n"));
        Assert.Equal(2, error.Line);
    }
}
