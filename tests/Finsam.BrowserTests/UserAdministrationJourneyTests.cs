using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

[Collection(BrowserTestGroup.Access)]
public sealed class UserAdministrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_administrator_creates_an_auditor_who_signs_in_with_the_one_time_password()
    {
        var admin = await fixture.SignInAsync(Roles.Administrator);
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Användare", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Ny användare" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(admin);

        await admin.GetByLabel("Namn").FillAsync("Rut Revisor");
        await admin.GetByLabel("E-postadress").FillAsync("rut.revisor@test.finsam.test");
        await admin.GetByLabel(Roles.Auditor).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();

        var status = admin.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("Användaren rut.revisor@test.finsam.test är skapad.");
        var password = (await admin.Locator("code.secret").InnerTextAsync()).Trim();
        await BrowserFixture.AssertAccessibleAsync(admin);

        var auditor = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(auditor, new TestUser("rut.revisor@test.finsam.test", password, [Roles.Auditor]));

        // The password was made by the administrator: it works once, and the auditor chooses one of her own first.
        await Assertions.Expect(auditor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Konto/BytLosenord$"));
        await Assertions.Expect(auditor.GetByRole(AriaRole.Status)).ToContainTextAsync("Du har loggat in med ett engångslösenord.");
        await BrowserFixture.AssertAccessibleAsync(auditor);
        var own = "Rut-har-ett-eget-losenord-1";
        await auditor.GetByLabel("Nuvarande lösenord").FillAsync(password);
        await auditor.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync(own);
        await auditor.GetByLabel("Upprepa det nya lösenordet").FillAsync(own);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Byt lösenord" }).ClickAsync();
        await Assertions.Expect(auditor.GetByRole(AriaRole.Status)).ToContainTextAsync("Lösenordet är bytt.");
        await auditor.GetByRole(AriaRole.Link, new() { Name = "Till startsidan" }).ClickAsync();
        await Assertions.Expect(auditor.GetByText("Du är inloggad som Revisor.")).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Användare", Exact = true }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "rut.revisor@test.finsam.test" });
        await Assertions.Expect(row).ToContainTextAsync("Revisor");
        await Assertions.Expect(row).ToContainTextAsync("Aktiv");
    }

    [Fact]
    public async Task The_administrator_resets_another_users_two_factor_after_confirming()
    {
        var target = await fixture.Server.CreateUserAsync(Roles.Administrator);
        var admin = await fixture.SignInAsync(Roles.Administrator);
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Användare", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Row).Filter(new() { HasText = target.Email }).GetByRole(AriaRole.Link).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Återställ tvåfaktorsinloggning" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Användaren har tvåstegsverifiering aktiverad.")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(admin);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Återställ tvåfaktorsinloggning" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Tvåfaktorsinloggningen är återställd");
        await BrowserFixture.AssertAccessibleAsync(admin);

        // The password alone signs in now, and the administrator must connect a new app before anything else.
        var user = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(user, target with { AuthenticatorKey = null });
        await Assertions.Expect(user).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Konto/TvaFaktor$"));
        await Assertions.Expect(user.GetByText("Som administratör måste du aktivera tvåstegsverifiering")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_form_with_errors_names_each_field_and_links_to_it()
    {
        var admin = await fixture.SignInAsync(Roles.Administrator);
        await admin.GotoAsync("/Admin/Anvandare/Ny");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" }).ClickAsync();

        var summary = admin.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Ange ett namn.");
        await Assertions.Expect(summary).ToContainTextAsync("Ange en e-postadress.");
        await Assertions.Expect(summary).ToContainTextAsync("Välj minst en roll.");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Ange en e-postadress." }).ClickAsync();
        Assert.EndsWith("#Input_Email", admin.Url, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(admin);
    }
}
