using System.Text;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>The förbundschef reads in the ledger and reads the statements; the auditor sees them too.</summary>
[Collection(BrowserTestGroup.Work)]
public sealed class EconomyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_director_imports_the_ledger_and_sees_the_failing_checks_first()
    {
        // A year after the demo's years, so no demo ledger stands beside it.
        var year = TestClock.Today.Year + 1;
        var page = await fixture.SignInAsync(Roles.Director);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ekonomi", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Läs in SIE-fil" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("SIE-fil").SetInputFilesAsync(new FilePayload { Name = $"{year}.se", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(SieFiles.Year2025(14_385_000m, year)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Läs in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Bokföringen för {year} är inläst");

        await page.GetByRole(AriaRole.Link, new() { Name = "Till ekonomi" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Räkenskaper {year}" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("2 kontroller stämmer inte");
        await Assertions.Expect(alert).ToContainTextAsync("Balansräkningen balanserar.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Årets resultat 458,0 100,0" }).First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Budget {year}", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Intäkt, Intäkter från medlemmarna").FillAsync("28 000 000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara budgeten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Budgeten för {year} är sparad.");
        await page.GotoAsync($"/Ekonomi/Rakenskaper/{year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = $"Budget {year} netto" })).ToBeVisibleAsync();
        var members = page.GetByRole(AriaRole.Row, new() { Name = "Summa intäkter från medlemmarna" });
        // Utfall intäkt, kostnad, netto, budget netto, avvikelse: the members' contributions only (the 10 000 of interest on
        // 8410 are a financial item, never income from the members).
        await Assertions.Expect(members.Locator("td")).ToHaveTextAsync(["28 000,0", "0,0", "28 000,0", "28 000,0", "0,0"]);

        await page.GotoAsync($"/Ekonomi/Saldon/{year}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/Ekonomi/Medlemsbidrag");
        await BrowserFixture.AssertAccessibleAsync(page);

        var auditor = await fixture.SignInAsync(Roles.Auditor);
        await auditor.GotoAsync($"/Ekonomi/Rakenskaper/{year}");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 kontroller stämmer inte");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Link, new() { Name = "Läs in SIE-fil" })).ToHaveCountAsync(0);
    }
}
