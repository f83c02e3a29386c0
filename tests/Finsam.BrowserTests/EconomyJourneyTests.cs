using System.Text;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>The förbundschef reads in the ledger and reads the statements; the auditor sees them too.</summary>
public sealed class EconomyJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_director_imports_the_ledger_and_sees_the_failing_checks_first()
    {
        var page = await fixture.SignInAsync(Roles.Director);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ekonomi", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Läs in SIE-fil" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("SIE-fil").SetInputFilesAsync(new FilePayload { Name = "2025.se", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(SieFiles.Year2025(14_385_000m)) });
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
