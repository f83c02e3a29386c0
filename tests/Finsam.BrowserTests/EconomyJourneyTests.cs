using System.Globalization;
using System.Text;
using Finsam.Data.Identity;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>The förbundschef reads in the ledger and reads the statements; the auditor sees them too.</summary>
public sealed class EconomyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string A(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Year2025(decimal closingBank = 14_384_000m) => $$"""
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


    [Fact]
    public async Task The_director_imports_the_ledger_and_sees_the_failing_checks_first()
    {
        var page = await fixture.SignInAsync(Roles.Director);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ekonomi", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Läs in SIE-fil" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("SIE-fil").SetInputFilesAsync(new FilePayload { Name = "2025.se", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Year2025(14_385_000m)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bokföringen för 2025 är inläst");

        await page.GetByRole(AriaRole.Link, new() { Name = "Till ekonomi" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Räkenskaper 2025" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("2 kontroller stämmer inte");
        await Assertions.Expect(alert).ToContainTextAsync("Balansräkningen balanserar.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Årets resultat 458,0 100,0" }).First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/Ekonomi/Saldon/2025");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/Ekonomi/Medlemsbidrag");
        await BrowserFixture.AssertAccessibleAsync(page);

        var auditor = await fixture.SignInAsync(Roles.Auditor);
        await auditor.GotoAsync("/Ekonomi/Rakenskaper/2025");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 kontroller stämmer inte");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Link, new() { Name = "Läs in SIE-fil" })).ToHaveCountAsync(0);
    }
}
