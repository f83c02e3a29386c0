using System.Net;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.Domain.Economy.Statements;
using Finsam.Domain.Insatser;
using Finsam.Domain.Organisation;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>
/// The import reviews a file before it counts: a BAS company chart and project codes on another dimension are shown as a
/// proposal and saved only when confirmed; a fiscal year that is not one is refused; vouchers outside the year, objects
/// that are no insats and opening balances that differ per account are listed.
/// </summary>
public sealed class LedgerReviewTests
{
    private static async Task<(FinsamFactory Factory, HttpClient Kansli)> StartAsync(bool federation = true)
    {
        var factory = new FinsamFactory();
        await factory.WithDbAsync(async db =>
        {
            if (federation)
            {
                db.Federations.Add(new Federation { Name = "Samordningsförbundet Älvdalen" });
            }

            db.Insatser.AddRange(
                new Insats { Code = "P25", Name = "MIA", Kind = InsatsKind.Individual, StartDate = new(2020, 1, 1) },
                new Insats { Code = "P31", Name = "Metodstöd", Kind = InsatsKind.Structural, StartDate = new(2020, 1, 1) });
            await db.SaveChangesAsync();
            return 0;
        });
        return (factory, await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli)));
    }

    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u00a0', ' ').Replace('\u2212', '-');

    /// <summary>A BAS2014 ledger with the project codes on dimension 1 (kostnadsställe), interest income on 8310 and interest cost on 8410.</summary>
    private const string Bas2014 = """
        #FLAGGA 0
        #FORMAT PC8
        #SIETYP 4
        #KPTYP BAS2014
        #FNAMN "Samordningsförbundet Älvdalen"
        #RAR 0 20250101 20251231
        #KONTO 1930 "Företagskonto"
        #KONTO 2010 "Eget kapital"
        #KONTO 3010 "Bidrag från medlemmarna"
        #KONTO 5010 "Lokalhyra"
        #KONTO 8310 "Ränteintäkter"
        #KONTO 8410 "Räntekostnader"
        #DIM 1 "Kostnadsställe"
        #OBJEKT 1 "P25" "MIA"
        #OBJEKT 1 "X9" "Okänt ställe"
        #IB 0 1930 1000.00
        #IB 0 2010 -1000.00
        #UB 0 1930 1370.00
        #UB 0 2010 -1000.00
        #RES 0 3010 -1700.00
        #RES 0 5010 1300.00
        #RES 0 8310 -20.00
        #RES 0 8410 50.00
        #VER A 1 20250115 "Medlemsbidrag"
        {
        #TRANS 1930 {} 1700.00
        #TRANS 3010 {} -1700.00
        }
        #VER A 2 20250320 "Hyra MIA"
        {
        #TRANS 5010 {1 "P25"} 1000.00
        #TRANS 1930 {} -1000.00
        }
        #VER A 3 20260105 "Hyra okänt ställe"
        {
        #TRANS 5010 {1 "X9"} 300.00
        #TRANS 1930 {} -300.00
        }
        #VER A 4 20251231 "Räntor"
        {
        #TRANS 8410 {} 50.00
        #TRANS 8310 {} -20.00
        #TRANS 1930 {} -30.00
        }
        """;

    [Fact]
    public async Task A_bas_chart_and_codes_on_another_dimension_are_proposed_then_saved_with_the_ledger_only_when_confirmed()
    {
        var (factory, kansli) = await StartAsync();
        await using var _ = factory;

        var preview = Text(await (await kansli.UploadAsync("/Ekonomi/Import", "fil", "bas-2025.se", SieFiles.Pc8(Bas2014))).Content.ReadAsStringAsync());
        Assert.Contains("Förhandsgranskning: inget är sparat än", preview, StringComparison.Ordinal);
        Assert.Contains("Kontoplan enligt filen: BAS2014 (BAS-kontoplan för företag).", preview, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">8410 Räntekostnader</th><td>Finansiella intäkter</td><td>Finansiella kostnader</td>", preview, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">8310 Ränteintäkter</th><td>ingen rad</td><td>Finansiella intäkter</td>", preview, StringComparison.Ordinal);
        Assert.Contains("Projektkoderna verkar ligga på dimension 1, inte på dimension 6", preview, StringComparison.Ordinal);
        Assert.Contains("Dimension 1 (Kostnadsställe): 1 av 2 objekt är insatsers projektkoder.", preview, StringComparison.Ordinal);
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.FiscalYears.AnyAsync());
            Assert.False(await db.LedgerImports.AnyAsync());
            Assert.False(await db.AccountMappingRules.AnyAsync(r => r.Prefix == "83"));
            Assert.Null((await db.Federations.SingleAsync()).InsatsDimension);
            return 0;
        });

        var token = Html.Parse(preview).QuerySelector("input[name=token]")!.GetAttribute("value")!;
        var confirmed = Text(await (await kansli.PostFormAsync(
            "/Ekonomi/Import?handler=Confirm", [new("token", token), new("sparaMappning", "true"), new("dimension", "1")], getUrl: "/Ekonomi/Import")).Content.ReadAsStringAsync());
        Assert.Contains("Bokföringen för 2025 är inläst: 6 konton, 4 verifikationer och 9 transaktioner.", confirmed, StringComparison.Ordinal);
        Assert.Contains("Rad 34: verifikation A 3 är daterad 2026-01-05, utanför räkenskapsåret (300,00 kr).", confirmed, StringComparison.Ordinal);
        Assert.Contains("Objektet X9 (Okänt ställe) på dimension 1 är ingen insats projektkod: 1 transaktioner, netto 300,00 kr.", confirmed, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(StatementLine.FinancialCosts, (await db.AccountMappingRules.SingleAsync(r => r.Prefix == "84")).Line);
            Assert.Equal(StatementLine.FinancialIncome, (await db.AccountMappingRules.SingleAsync(r => r.Prefix == "83")).Line);
            Assert.Equal(1, (await db.Federations.SingleAsync()).InsatsDimension);
            Assert.Equal(["P25", "X9"], await db.VoucherLines.Where(l => l.Account == "5010").OrderBy(l => l.ObjectCode).Select(l => l.ObjectCode!).ToListAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "InsatsDimension"));

            // 8410 is an interest cost and 8310 interest income; neither is the members' income.
            var statements = (await db.StatementsForYearAsync(2025))!;
            Assert.Equal((20m, -50m), (statements.Current.Income.FinancialIncome, statements.Current.Income.FinancialCosts));
            var members = statements.Operating.Categories.Single(c => c.Category == OperatingCategory.MemberIncome);
            Assert.Equal(["3010"], members.Rows.Select(r => r.Key));
            Assert.Equal(["8310", "8410"], statements.Operating.Categories.Single(c => c.Category == OperatingCategory.FinancialItems).Rows.Select(r => r.Key));
            return 0;
        });

        // The same file again fits the saved mapping and dimension: it is imported straight away.
        var again = Text(await (await kansli.UploadAsync("/Ekonomi/Import", "fil", "bas-2025.se", SieFiles.Pc8(Bas2014))).Content.ReadAsStringAsync());
        Assert.Contains("Bokföringen för 2025 är inläst", again, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20240601", "20251231", "Räkenskapsåret (#RAR 0, 2024-06-01 – 2025-12-31) är 19 månader; ett räkenskapsår får vara högst 18 månader.")]
    [InlineData("20250115", "20251231", "Räkenskapsåret (#RAR 0, 2025-01-15 – 2025-12-31) börjar inte på en månads första dag.")]
    public async Task A_fiscal_year_that_is_not_one_is_refused_with_the_reason_and_nothing_changes(string start, string end, string message)
    {
        var (factory, kansli) = await StartAsync();
        await using var _ = factory;
        var file = Bas2014.Replace("#RAR 0 20250101 20251231", $"#RAR 0 {start} {end}", StringComparison.Ordinal);
        var html = Text(await (await kansli.UploadAsync("/Ekonomi/Import", "fil", "fel.se", SieFiles.Pc8(file))).Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.FiscalYears.AnyAsync()));
    }

    private static string Year(int year, string equity, string liability, string openingEquity, string openingLiability) => $$"""
        #FLAGGA 0
        #SIETYP 4
        #RAR 0 {{year}}0101 {{year}}1231
        #KONTO 1930 "Bank"
        #KONTO 2050 "Eget kapital"
        #KONTO 2440 "Leverantörsskulder"
        #IB 0 1930 1000.00
        #IB 0 2050 {{openingEquity}}
        #IB 0 2440 {{openingLiability}}
        #UB 0 1930 1000.00
        #UB 0 2050 {{equity}}
        #UB 0 2440 {{liability}}
        """;

    [Fact]
    public async Task Opening_balances_that_differ_per_account_are_listed_even_when_the_totals_agree()
    {
        var (factory, kansli) = await StartAsync();
        await using var _ = factory;
        await kansli.UploadAsync("/Ekonomi/Import", "fil", "2024.se", SieFiles.Pc8(Year(2024, "-600", "-400", "-600", "-400")));

        // Equity +100, a liability −100: the totals (and cash) still agree.
        var html = Text(await (await kansli.UploadAsync("/Ekonomi/Import", "fil", "2025.se", SieFiles.Pc8(Year(2025, "-500", "-500", "-500", "-500")))).Content.ReadAsStringAsync());
        Assert.Contains("Ingående balanser 2025 skiljer sig från utgående balanser 2024 i Finsam på 2 konton:", html, StringComparison.Ordinal);
        Assert.Contains("Konto 2050: utgående balans 2024 -600,00 kr, ingående balans 2025 -500,00 kr (skillnad 100,00 kr).", html, StringComparison.Ordinal);
        Assert.Contains("Konto 2440: utgående balans 2024 -400,00 kr, ingående balans 2025 -500,00 kr (skillnad -100,00 kr).", html, StringComparison.Ordinal);

        var check = await factory.WithDbAsync(async db => (await db.StatementsForYearAsync(2025))!.Checks.Single(c => c.Name.StartsWith("Ingående balanser är lika", StringComparison.Ordinal)));
        Assert.False(check.Passed);
        Assert.Contains("Konto 2440", check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dimension_is_a_setting_of_the_forbund_changed_through_the_write_path()
    {
        var (factory, kansli) = await StartAsync(federation: false);
        await using var _ = factory;
        var none = Text(await (await kansli.PostFormAsync("/Ekonomi/Import?handler=Dimension", [new("dimension", "1")], getUrl: "/Ekonomi/Import")).Content.ReadAsStringAsync());
        Assert.Contains("Förbundet är inte upplagt ännu.", none, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            db.Federations.Add(new Federation { Name = "Samordningsförbundet Älvdalen" });
            return await db.SaveChangesAsync();
        });
        var wrong = Text(await (await kansli.PostFormAsync("/Ekonomi/Import?handler=Dimension", [new("dimension", "0")], getUrl: "/Ekonomi/Import")).Content.ReadAsStringAsync());
        Assert.Contains("Dimensionen ska vara ett nummer mellan 1 och 999", wrong, StringComparison.Ordinal);
        var saved = Text(await (await kansli.PostFormAsync("/Ekonomi/Import?handler=Dimension", [new("dimension", "1")], getUrl: "/Ekonomi/Import")).Content.ReadAsStringAsync());
        Assert.Contains("Dimensionen är sparad.", saved, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(async db => (await db.Federations.SingleAsync()).InsatsDimension));
        Assert.Contains("value=\"1\"", await kansli.GetStringAsync("/Ekonomi/Import"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_larger_than_a_batch_is_stored_line_for_line_as_it_is_read()
    {
        var (factory, kansli) = await StartAsync();
        await using var _ = factory;
        const int vouchers = 6_000;   // more than one batch of vouchers (5 000) and many full-size insert statements
        var sie = new System.Text.StringBuilder("#SIETYP 4\n#RAR 0 20250101 20251231\n");
        for (var n = 1; n <= vouchers; n++)
        {
            var amount = (n % 997) + 0.25m;
            sie.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"#VER A {n} {new DateOnly(2025, 1, 1).AddDays(n % 365):yyyyMMdd} \"Faktura {n}\"\n{{\n#TRANS 5010 {{6 \"P{25 + (6 * (n % 2))}\"}} {amount}\n#TRANS 1930 {{}} -{amount} 20250102 \"Bank\"\n}}\n");
        }

        var html = Text(await (await kansli.UploadAsync("/Ekonomi/Import", "fil", "stor.se", SieFiles.Pc8(sie.ToString()))).Content.ReadAsStringAsync());
        Assert.Contains("Bokföringen för 2025 är inläst: 0 konton, 6 000 verifikationer och 12 000 transaktioner.", html, StringComparison.Ordinal);
        await factory.WithDbAsync(async db =>
        {
            var expected = Enumerable.Range(1, vouchers).Sum(n => (n % 997) + 0.25m);
            var lines = await db.VoucherLines.AsNoTracking().ToListAsync();
            Assert.Equal(12_000, lines.Count);
            Assert.Equal(expected, lines.Where(l => l.Account == "5010").Sum(l => l.Amount));
            Assert.Equal(vouchers / 2, lines.Count(l => l.ObjectCode == "P31"));
            Assert.All(lines.Where(l => l.Account == "1930"), l => Assert.Equal((new DateOnly(2025, 1, 2), "Bank", (string?)null), (l.Date!.Value, l.Text!, l.ObjectCode)));
            var v4711 = await db.Vouchers.AsNoTracking().Include(v => v.Lines).SingleAsync(v => v.Number == "4711");
            Assert.Equal((new DateOnly(2025, 1, 1).AddDays(4711 % 365), "Faktura 4711", (4711 % 997) + 0.25m), (v4711.Date, v4711.Text!, v4711.Lines.Single(l => l.Account == "5010").Amount));
            return 0;
        });
    }
}
