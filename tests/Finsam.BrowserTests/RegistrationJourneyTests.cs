using Finsam.TestSupport;
using System.Text;
using Finsam.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>The kansli's daily work in the browser: register a start, register the end, import a file.</summary>
[Collection(BrowserTestGroup.Work)]
public sealed class RegistrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// On a laptop and on a phone: the first try leaves out the start date and is refused at the field (typed values
    /// kept but the personnummer, "Fel:" in the title); the corrected form registers the start, then the end (again
    /// refused once).
    /// Each step passes axe and fits the screen.
    /// </summary>
    [Theory]
    [InlineData(Journey.Wide)]
    [InlineData(Journey.Narrow)]
    public async Task The_kansli_registers_a_participant_after_a_form_error_and_then_the_end(int width)
    {
        var personnummer = TestData.Personnummer(width);
        var page = await fixture.SignInAsync(Roles.Kansli);
        await page.SetViewportSizeAsync(width, Journey.Height(width));
        await Journey.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera start" }).ClickAsync();
        await Journey.StepAsync(page, "the start form");

        await page.GetByLabel("Personnummer eller samordningsnummer (frivilligt)").FillAsync(personnummer);
        var start = TestClock.Today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Datum för samtycke").FillAsync(start);
        await page.GetByLabel("Kön").SelectOptionAsync(new SelectOptionValue { Label = "Kvinna" });
        await page.GetByLabel("Födelseår").FillAsync(personnummer[..4]);
        await page.GetByLabel("Hemkommun").FillAsync("Åkerby");
        await page.GetByLabel("Insats", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "P31 Samverkansteam Åkerby" });
        await page.GetByLabel("Remitterad av").SelectOptionAsync(new SelectOptionValue { Label = "Försäkringskassan" });
        await page.GetByLabel("Sjukpenning").First.CheckAsync();
        await page.GetByLabel("Startdatum").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera start" }).ClickAsync();

        // The start date (today unless changed) was emptied: the error is in the summary and at the field, and what was typed is kept.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Startdatum")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.StartsWith("Fel:", await page.TitleAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByLabel("Hemkommun")).ToHaveValueAsync("Åkerby");
        // The personnummer is never sent back to the browser (docs/privacy.md); the field says to type it again.
        var pnrField = page.GetByLabel("Personnummer eller samordningsnummer (frivilligt)");
        await Assertions.Expect(pnrField).ToHaveValueAsync("");
        await Assertions.Expect(pnrField).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Skriv numret igen"));
        await Journey.StepAsync(page, "the start form refused");
        await pnrField.FillAsync(personnummer);

        // The summary's link leads to the field.
        await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Startdatum")).ToBeFocusedAsync();
        await page.GetByLabel("Startdatum").FillAsync(start);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera start" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Starten är registrerad.");
        await Assertions.Expect(page.GetByText("Med personuppgifter, samtycke")).ToBeVisibleAsync();
        await Journey.StepAsync(page, "the registered participant");
        Assert.DoesNotContain(personnummer[..8], await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera avslut" }).ClickAsync();
        await Journey.StepAsync(page, "the end form");
        await page.GetByLabel("Slutdatum").FillAsync(TestClock.Today.AddDays(-31).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Avslutsorsak").SelectOptionAsync(new SelectOptionValue { Label = "Arbete" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera avslut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Slutdatumet ligger före startdatumet.");
        await Journey.StepAsync(page, "the end form refused");

        await page.GetByLabel("Slutdatum").FillAsync(TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Underkod (frivillig)").SelectOptionAsync(new SelectOptionValue { Label = "Subventionerad anställning (Arbete)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera avslut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Avslutet är registrerat.");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Arbete (Subventionerad anställning)" })).ToBeVisibleAsync();
        await Journey.StepAsync(page, "the participant with the end");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_kansli_imports_a_file_sees_each_error_then_imports_it_corrected()
    {
        var year = TestClock.Today.Year - 1;
        string File(string birthYear) =>
            "Kön;Födelseår;Insats;Startdatum;Slutdatum;Avslutsorsak\r\n" +
            $"Kvinna;1988;P33;{year}-03-01;{year}-09-30;Studier\r\n" +
            $"Man;{birthYear};P31;{year}-04-01;;\r\n";

        var page = await fixture.SignInAsync(Roles.Director);
        await page.GotoAsync("/Deltagare/Import");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "deltagare.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("nittonhundra")) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera och importera" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inget importerades: 1 fel att rätta" })).ToBeVisibleAsync();
        var errorRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Födelseår" });
        await Assertions.Expect(errorRow).ToContainTextAsync("3");
        await Assertions.Expect(errorRow).ToContainTextAsync("\"nittonhundra\"");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The import ran as a job; its page leads back to the import for the corrected file.
        var before = await fixture.Server.WithDbAsync(db => db.Enrolments.CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Importera en fil till" }).ClickAsync();
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "deltagare.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(File("1979")) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera och importera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Importen är klar: 2 rader, varav 2 nya, 0 ändrade och 0 oförändrade.");
        Assert.Equal(before + 2, await fixture.Server.WithDbAsync(db => db.Enrolments.CountAsync()));
    }
}
