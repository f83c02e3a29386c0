using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// The board reads its dashboard of goals (#14): statuses in symbol and words, a chart per computed goal, and the
/// drill-down from the förbund to an insats; on a wide screen and on a phone, each page with zero axe violations.
/// </summary>
[Collection(BrowserTestGroup.Work)]
public sealed class BoardGoalsJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly int Year = TestClock.Today.Year - 1;

    /// <summary>Where the journey leaves its screenshots (for docs/images/styrelsens-mal*.png).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "finsam-board-goals-screens");

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(375, 740)]
    public async Task The_board_reads_goal_statuses_and_charts_and_drills_down_to_an_insats(int width, int height)
    {
        var page = await fixture.SignInAsync(Roles.Board);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/Oversikt");
        await Journey.StepAsync(page, "the board's overview");
        await page.GotoAsync($"/Oversikt/Mal?ar={Year}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Mål och resultat {Year}");
        await Assertions.Expect(page.Locator(".goal-status").First).ToBeVisibleAsync();
        var chart = page.Locator("figure.chart-with-table svg[role=img]").First;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "som JSON" })).ToHaveCountAsync(0);
        await Journey.StepAsync(page, "the board's goals");
        if (width > 1000)
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.Locator("section").Filter(new() { Has = page.Locator("svg") }).First.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "styrelsens-mal.png") });
        }

        var insats = page.Locator("caption a").Filter(new() { HasText = "P31 " }).First;
        var name = (await insats.TextContentAsync())!.Trim();
        await insats.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Mål och resultat {Year}: {name}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Insatsens sida med registreringar" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".goal-status").First).ToBeVisibleAsync();
        await Journey.StepAsync(page, "an insats's goals");
        if (width > 1000)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "styrelsens-mal-insats.png"), FullPage = true });
        }
        else
        {
            // On the phone: the goals' table from its heading (the table scrolls sideways in its own region).
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.GetByRole(AriaRole.Heading, new() { Name = $"Insatsens mål {Year}" }).EvaluateAsync("h => h.scrollIntoView()");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, "styrelsens-mal-insats-375.png"), FullPage = false });
        }

        // Back by the breadcrumbs.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = $"Mål och resultat {Year}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Mål och resultat {Year}");
        await Journey.StepAsync(page, "back at the board's goals");
        await page.Context.CloseAsync();
    }
}
