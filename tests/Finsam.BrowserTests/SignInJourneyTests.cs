using Finsam.Data.Identity;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>Every role signs in through the browser and sees its own navigation, on accessible pages.</summary>
[Collection(BrowserTestGroup.Access)]
public sealed class SignInJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Each role's navigation, and whether to open every page it offers: the förbundschef's menu and pages are the
    /// kansli's (HandlerMatrixTests proves the same access), and the annual report and economy journeys open the
    /// förbundschef's own forms, so its row only checks the menu.
    /// </summary>
    public static TheoryData<string, string[], bool> NavigationByRole => new()
    {
        { Roles.Administrator, ["Start", "Kom igång", "Organisation", "Användare", "Granskningslogg"], true },
        { Roles.Kansli, ["Start", "Insatser", "Att göra", "Deltagare", "Översikt", "Mål", "Ekonomi", "Årsredovisning"], true },
        { Roles.Director, ["Start", "Kom igång", "Organisation", "Insatser", "Att göra", "Deltagare", "Översikt", "Mål", "Ekonomi", "Årsredovisning"], false },
        { Roles.Board, ["Start", "Översikt", "Årsredovisning"], true },
        { Roles.Auditor, ["Start", "Översikt", "Ekonomi", "Årsredovisning"], true },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Each_role_signs_in_and_sees_its_navigation(string role, string[] expected, bool openEveryPage)
    {
        var page = await fixture.SignInAsync(role);

        var links = await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        Assert.Equal(expected, links.Select(l => l.Trim()));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Välkommen");
        await Assertions.Expect(page.GetByText($"Du är inloggad som {role}.")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // Every page the navigation offers opens, and is accessible.
        foreach (var text in openEveryPage ? expected.Skip(1) : [])
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = text, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.DoesNotContain("AtkomstNekad", page.Url, StringComparison.Ordinal);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_an_accessible_error_summary()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Konto/LoggaIn");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("E-postadress").FillAsync(fixture.Users[Roles.Kansli].Email);
        await page.GetByLabel("Lösenord").FillAsync("fel-losenord-1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fel e-postadress eller lösenord.");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Signing_in_works_without_javascript()
    {
        var page = await fixture.NewPageAsync(javaScript: false);
        await BrowserFixture.SignInAsync(page, fixture.Users[Roles.Board]);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Översikt" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_board_is_refused_participant_pages_with_a_clear_message()
    {
        var page = await fixture.SignInAsync(Roles.Board);
        await page.GotoAsync("/Deltagare");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Åtkomst nekad");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
