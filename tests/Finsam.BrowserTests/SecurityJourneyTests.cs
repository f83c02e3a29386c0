using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>Two-factor enrolment in the browser, and the Content-Security-Policy check the other journeys rely on.</summary>
[Collection(BrowserTestGroup.Access)]
public sealed class SecurityJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_administrator_enrols_with_the_key_and_signs_in_with_a_code()
    {
        var admin = await fixture.Server.CreateUnenrolledUserAsync(Roles.Administrator);
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, admin);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Konto/TvaFaktor$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Som administratör måste du aktivera tvåstegsverifiering");
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa QR-kod och nyckel" }).ClickAsync();
        await Assertions.Expect(page.GetByAltText("QR-kod med nyckeln för autentiseringsappen")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // The menu is there but leads back here until enrolled.
        await page.GetByRole(AriaRole.Link, new() { Name = "Användare", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Konto/TvaFaktor$"));

        var key = (await page.Locator("code.secret").InnerTextAsync()).Trim();
        await page.GetByLabel("Kod från appen").FillAsync(Totp.UnusedCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aktivera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tvåstegsverifiering är aktiverad.");
        await Assertions.Expect(page.Locator("ul.recovery-codes li")).ToHaveCountAsync(10);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Användare", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Användare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        var next = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(next, admin with { AuthenticatorKey = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() });
        await Assertions.Expect(next.GetByText("Du är inloggad som Administratör.")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(next);
    }

    [Fact]
    public async Task The_code_page_is_accessible_and_a_wrong_code_is_explained()
    {
        var admin = fixture.Users[Roles.Administrator];
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Konto/LoggaIn");
        await page.GetByLabel("E-postadress").FillAsync(admin.Email);
        await page.GetByLabel("Lösenord").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tvåstegsverifiering");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Kod från appen").FillAsync(Totp.Code(admin.AuthenticatorKey!, DateTimeOffset.UtcNow.AddHours(2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Koden stämmer inte.");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_inline_style_is_blocked_and_reported_so_the_journeys_would_notice()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/Konto/LoggaIn");
        Assert.Empty(BrowserFixture.CspViolations(page));

        await page.EvaluateAsync("() => document.querySelector('h1').setAttribute('style', 'color: red')");
        var color = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color");
        Assert.NotEqual("rgb(255, 0, 0)", color);
        Assert.True(await Poll.UntilAsync(() => BrowserFixture.CspViolations(page).Count > 0, TimeSpan.FromSeconds(20)), "The browser reported no CSP violation.");
        await Assert.ThrowsAnyAsync<Exception>(() => BrowserFixture.AssertAccessibleAsync(page));
    }
}
