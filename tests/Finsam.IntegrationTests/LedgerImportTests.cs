using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Economy;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>A SIE file becomes its year's ledger; a new file replaces it whole; a bad file or a closed year changes nothing.</summary>
public sealed class LedgerImportTests
{
    private static string Sie(int year, decimal contribution)
    {
        string A(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return $$"""
            #FLAGGA 0
            #FORMAT PC8
            #SIETYP 4
            #FNAMN "Samordningsförbundet Älvdalen"
            #ORGNR 222000-1234
            #RAR 0 {{year}}0101 {{year}}1231
            #RAR -1 {{year - 1}}0101 {{year - 1}}1231
            #KONTO 1930 "Bank"
            #KONTO 3010 "Bidrag från medlemmar"
            #KONTO 4010 "Köpta tjänster"
            #DIM 6 "Projekt"
            #OBJEKT 6 "P31" "Samverkansteam"
            #IB 0 1930 1000000.00
            #UB 0 1930 {{A(1_000_000m + contribution - 125_000m)}}
            #IB -1 1930 800000.00
            #UB -1 1930 1000000.00
            #RES 0 3010 {{A(-contribution)}}
            #RES 0 4010 125000.00
            #OUB 0 4010 {6 "P31"} 125000.00
            #VER A 1 {{year}}0115 "Medlemsbidrag"
            {
            #TRANS 1930 {} {{A(contribution)}}
            #TRANS 3010 {} {{A(-contribution)}}
            }
            #VER A 2 {{year}}0320 "Faktura insats"
            {
            #TRANS 4010 {6 "P31" 1 "100"} 125000.00
            #TRANS 1930 {} -125000.00
            }
            """;
    }

    [Fact]
    public async Task A_sie_file_becomes_the_ledger_of_its_year_and_a_new_file_replaces_it()
    {
        await using var factory = new FinsamFactory();
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));

        var response = await kansli.UploadAsync("/Ekonomi/Import", "fil", "bokforing-2025.se", SieFiles.Pc8(Sie(2025, 4_500_000m)));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace('\u00a0', ' ');
        Assert.Contains("Bokföringen för 2025 är inläst: 3 konton, 2 verifikationer och 4 transaktioner.", html, StringComparison.Ordinal);

        await factory.WithDbAsync(async db =>
        {
            var year = await db.FiscalYears.SingleAsync();
            Assert.Equal((2025, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), FiscalYearStatus.Open), (year.Year, year.StartDate, year.EndDate, year.Status));
            Assert.Equal("Köpta tjänster", (await db.LedgerAccounts.SingleAsync(a => a.Number == "4010")).Name);
            var balances = await db.LedgerBalances.AsNoTracking().ToListAsync();
            Assert.Equal(1_000_000m, balances.Single(b => b.BalanceYear == 2025 && b.Kind == LedgerBalanceKind.Opening).Amount);
            Assert.Equal(800_000m, balances.Single(b => b.BalanceYear == 2024 && b.Kind == LedgerBalanceKind.Opening).Amount);
            Assert.Equal(-4_500_000m, balances.Single(b => b.Kind == LedgerBalanceKind.Result && b.Account == "3010").Amount);
            Assert.Equal("P31", balances.Single(b => b.ObjectCode != null).ObjectCode);
            var lines = await db.VoucherLines.AsNoTracking().ToListAsync();
            Assert.Equal(4, lines.Count);
            Assert.Equal(0m, lines.Sum(l => l.Amount));
            Assert.Equal("P31", lines.Single(l => l.Account == "4010").ObjectCode);
            var import = await db.LedgerImports.SingleAsync();
            Assert.Equal(("Samordningsförbundet Älvdalen", "bokforing-2025.se"), (import.CompanyName, import.FileName));
            Assert.Matches("^[0-9a-f]{64}$", import.Sha256);
            return 0;
        });

        // The vouchers carry the project code: the cost note per project matches the booked costs.
        var statements = Html.Parse(await kansli.GetStringAsync("/Ekonomi/Rakenskaper/2025?enhet=kr"));
        var p31 = statements.QuerySelectorAll("tr").Single(r => r.QuerySelector("th[scope=row]") is { } th && Html.TextOf(th) == "P31");
        Assert.Equal(["125 000"], p31.QuerySelectorAll("td").Select(Html.TextOf));   // costs are positive in the notes, as in the driftsredovisning
        Assert.DoesNotContain("per projektkod summerar till raden verksamhetens kostnader.", Html.TextOf(statements.Body!), StringComparison.Ordinal);

        var balancesPage = WebUtility.HtmlDecode(await kansli.GetStringAsync("/Ekonomi/Saldon/2025")).Replace('\u00a0', ' ');
        Assert.Contains("4 375 000,00", balancesPage, StringComparison.Ordinal); // UB 1930: 1 000 000 + 4 500 000 − 125 000.

        // A second file for 2025 replaces the first whole.
        response = await kansli.UploadAsync("/Ekonomi/Import", "fil", "bokforing-2025-v2.se", SieFiles.Pc8(Sie(2025, 4_600_000m)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(1, await db.FiscalYears.CountAsync());
            Assert.Equal(4, await db.VoucherLines.CountAsync());
            Assert.Equal(2, await db.Vouchers.CountAsync());
            Assert.Equal(-4_600_000m, (await db.LedgerBalances.SingleAsync(b => b.Kind == LedgerBalanceKind.Result && b.Account == "3010")).Amount);
            Assert.Equal("bokforing-2025-v2.se", (await db.LedgerImports.SingleAsync()).FileName);
            return 0;
        });
    }

    [Fact]
    public async Task Vouchers_get_free_ids_and_keep_their_own_lines_when_another_year_is_imported_again()
    {
        // The importer gives vouchers their ids itself (the first free ones) so vouchers and lines go in as multi-row inserts.
        await using var factory = new FinsamFactory();
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        Assert.Equal(HttpStatusCode.OK, (await kansli.UploadAsync("/Ekonomi/Import", "fil", "2025.se", SieFiles.Pc8(Sie(2025, 4_500_000m)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kansli.UploadAsync("/Ekonomi/Import", "fil", "2024.se", SieFiles.Pc8(Sie(2024, 3_000_000m)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kansli.UploadAsync("/Ekonomi/Import", "fil", "2025-v2.se", SieFiles.Pc8(Sie(2025, 4_600_000m)))).StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var vouchers = await db.Vouchers.AsNoTracking().Include(v => v.Lines).ToListAsync();
            var years = await db.FiscalYears.AsNoTracking().ToDictionaryAsync(y => y.Id, y => y.Year);
            Assert.Equal(4, vouchers.Count);
            Assert.Equal(8, await db.VoucherLines.CountAsync());
            Assert.All(vouchers, v => Assert.Equal(2, v.Lines.Count));
            Assert.All(vouchers, v => Assert.Equal(0m, v.Lines.Sum(l => l.Amount)));
            decimal Contribution(int year) => vouchers.Single(v => years[v.FiscalYearId] == year && v.Number == "1").Lines.Single(l => l.Account == "1930").Amount;
            Assert.Equal((3_000_000m, 4_600_000m), (Contribution(2024), Contribution(2025)));

            // The re-imported year's vouchers have new ids, above those of the year imported in between.
            var ids2024 = vouchers.Where(v => years[v.FiscalYearId] == 2024).Select(v => v.Id).ToList();
            Assert.All(vouchers.Where(v => years[v.FiscalYearId] == 2025), v => Assert.True(v.Id > ids2024.Max()));
            return 0;
        });
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_line_and_the_ledger_stays_as_it_was()
    {
        await using var factory = new FinsamFactory();
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        await chef.UploadAsync("/Ekonomi/Import", "fil", "ok.se", SieFiles.Pc8(Sie(2025, 4_500_000m)));

        var broken = Sie(2025, 9m).Replace("#TRANS 1930 {} -125000.00", "#TRANS 1930 {} -125 000", StringComparison.Ordinal);
        var response = await chef.UploadAsync("/Ekonomi/Import", "fil", "trasig.se", SieFiles.Pc8(broken));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // "-125 000" is two fields: the amount "-125" and a transaction date "000" that is no date.
        Assert.True(html.Contains("Filen kunde inte läsas. Rad 28: transaktionsdatum \"000\" är inte ett datum ÅÅÅÅMMDD.", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.Match(html, "Filen kunde[^<]*").Value);
        Assert.Equal("ok.se", await factory.WithDbAsync(db => db.LedgerImports.Select(i => i.FileName).SingleAsync()));
        Assert.Equal(-4_500_000m, await factory.WithDbAsync(db => db.LedgerBalances.Where(b => b.Kind == LedgerBalanceKind.Result && b.Account == "3010").Select(b => b.Amount).SingleAsync()));
    }

    [Fact]
    public async Task A_closed_year_is_never_changed()
    {
        await using var factory = new FinsamFactory();
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        await chef.UploadAsync("/Ekonomi/Import", "fil", "ok.se", SieFiles.Pc8(Sie(2024, 1m)));
        await factory.WithDbAsync(async db =>
        {
            var year = await db.FiscalYears.SingleAsync();
            year.Status = FiscalYearStatus.Closed;
            return await db.SaveChangesAsync();
        });

        var response = await chef.UploadAsync("/Ekonomi/Import", "fil", "ny.se", SieFiles.Pc8(Sie(2024, 2m)));
        Assert.Contains("Verksamhetsåret 2024 är stängt och kan inte ändras.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("ok.se", await factory.WithDbAsync(db => db.LedgerImports.Select(i => i.FileName).SingleAsync()));
    }

    [Fact]
    public async Task Auditors_read_the_ledger_but_cannot_import()
    {
        await using var factory = new FinsamFactory();
        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Ekonomi")).StatusCode);
        var token = SignIn.AntiforgeryToken(await auditor.GetStringAsync("/Ekonomi"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(SieFiles.Pc8(Sie(2025, 1m))), "fil", "x.se" },
        };
        var response = await auditor.PostAsync("/Ekonomi/Import", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Konto/AtkomstNekad", response.Headers.Location!.AbsolutePath);
        Assert.False(await factory.WithDbAsync(db => db.FiscalYears.AnyAsync()));
    }
}
