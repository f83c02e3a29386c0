using Finsam.TestSupport;
using Finsam.Data.Identity;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>The board opens its dashboard, goals and statistics; the kansli enters a goal and rates an insats.</summary>
[Collection(BrowserTestGroup.Work)]
public sealed class DashboardJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_board_reads_the_dashboard_goals_and_statistics_on_accessible_pages()
    {
        var page = await fixture.SignInAsync(Roles.Board);
        var lastYear = TestClock.Today.Year - 1;
        await page.GetByRole(AriaRole.Link, new() { Name = "Översikt", Exact = true }).ClickAsync();
        await page.GetByLabel("År", new() { Exact = true }).SelectOptionAsync(lastYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Översikt {lastYear}");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Deltagare per insats {lastYear}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Deltagare per år" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Avslutsorsak per kön {lastYear}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Insatsernas måluppfyllelse {lastYear}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Mål, resultat och enkäter {lastYear}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Målområde 2: Finansiera och stödja insatser för personer med samordnade rehabiliteringsbehov" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Indikatormätning {lastYear}").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Deltagarstatistik {lastYear}" }).ClickAsync();
        await page.GetByLabel("Insats", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Avslutade {lastYear} per avslutsorsak och kön" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_kansli_adds_an_insats_goal_and_overrides_a_rating_with_a_reason()
    {
        var page = await fixture.SignInAsync(Roles.Kansli);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mål", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mål och resultat");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt insatsmål" }).ClickAsync();
        await page.GetByLabel("Insats", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "P31 Samverkansteam Åkerby" });
        await page.GetByLabel("Mål", new() { Exact = true }).FillAsync("Minst 20 % arbetssökande vid avslut");
        await page.GetByLabel("Mått", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Andel avslutade till arbetssökande" });
        await page.GetByLabel("Målvärde (antal, procent eller kronor)").FillAsync("20");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Insatsmålet är sparat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Minst 20 % arbetssökande vid avslut" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Bedömning för P31" }).ClickAsync();
        await page.GetByLabel("Måluppfyllelse", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ej tillämpbar" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ange skälet till att bedömningen avviker från förslaget.");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Skäl när bedömningen avviker från förslaget").FillAsync("Insatsen pausades under året.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Bedömningen av P31");
        await Assertions.Expect(page.GetByText("Skäl till bedömningen: Insatsen pausades under året.")).ToBeVisibleAsync();
    }
}
