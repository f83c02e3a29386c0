using Finsam.TestSupport;
using Finsam.Data.Identity;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>The förbundschef writes the report's texts, arranges its sections and previews it; the board reads it.</summary>
[Collection(BrowserTestGroup.Work)]
public sealed class AnnualReportJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_director_writes_a_text_and_previews_the_report()
    {
        // The demo's last finished year has a full ledger.
        var year = TestClock.Today.Year - 1;
        var page = await fixture.SignInAsync(Roles.Director);
        await page.GetByRole(AriaRole.Link, new() { Name = "Årsredovisning", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Status {year}" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ordförande har ordet" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        // The demo's foreword is version 1; the director's rewrite becomes version 2.
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^Verksamhetsåret {year}"));
        await page.GetByLabel("Text (Markdown)").FillAsync("## Ett år av samverkan\n\nFörbundet har **fortsatt** att utvecklas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som ny version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Texten är sparad som version 2");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ett år av samverkan" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Till årsredovisningen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Avsnitt: ordning, rubriker, av och på" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"/Arsredovisning/Forhandsgranska/{year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resultaträkning", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Förbundet har fortsatt att utvecklas.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Driftsredovisning {year}" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // The board reads the same report but writes nothing.
        var board = await fixture.SignInAsync(Roles.Board);
        await board.GetByRole(AriaRole.Link, new() { Name = "Årsredovisning", Exact = true }).ClickAsync();
        await Assertions.Expect(board.GetByRole(AriaRole.Link, new() { Name = "Förhandsgranska i webbläsaren" })).ToBeVisibleAsync();
        await Assertions.Expect(board.GetByRole(AriaRole.Heading, new() { Name = "Texter" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(board);
    }
}
