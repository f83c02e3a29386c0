using System.Text;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Finsam.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// Long work in the background (issue #14): the kansli starts an import, leaves it running, comes back through
/// "Mina jobb" and collects the report. The import is held at a gate the test opens (<see cref="TestJobGate"/>), so
/// "still running when the user leaves" holds whatever the machine's speed; nothing waits on a clock.
/// </summary>
[Collection(BrowserTestGroup.Work)]
public sealed class JobsJourneyTests(JobsJourneyTests.GatedFixture fixture) : IClassFixture<JobsJourneyTests.GatedFixture>
{
    /// <summary>The usual fixture, with the app's job worker behind a gate the test controls.</summary>
    public sealed class GatedFixture : BrowserFixture
    {
        public GatedFixture()
            : this(new TestJobGate())
        {
        }

        private GatedFixture(TestJobGate gate)
            : base(new FinsamServer { JobGate = gate }, seedDemo: true) => Gate = gate;

        public TestJobGate Gate { get; }
    }

    [Theory]
    [InlineData(Journey.Wide)]
    [InlineData(Journey.Narrow)]
    public async Task The_kansli_leaves_a_running_import_comes_back_to_my_jobs_and_collects_its_report(int width)
    {
        fixture.Gate.Close();
        var year = TestClock.Today.Year;
        var name = $"bakgrund-{width}.csv";
        var file = "Kön;Födelseår;Insats;Startdatum\r\n" +
            $"Kvinna;1986;P31;{year}-02-{width % 28 + 1:00}\r\n" +
            $"Man;1977;P33;{year}-03-{width % 28 + 1:00}\r\n";
        var before = await fixture.Server.WithDbAsync(db => db.Enrolments.CountAsync());

        var page = await fixture.SignInAsync(Roles.Kansli);
        await page.SetViewportSizeAsync(width, Journey.Height(width));
        await page.GotoAsync("/Deltagare/Import");
        await Journey.StepAsync(page, "the import page");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera och importera" }).ClickAsync();
        await BrowserFixture.WaitForLoadAsync(page, "starting the import");

        // The job has started and waits at the gate: its page shows the progress, and the user leaves it.
        var job = await fixture.Gate.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Import av deltaganden: {name}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-job-state]")).ToHaveTextAsync("Pågår");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Förlopp" })).ToBeVisibleAsync();
        await Journey.StepAsync(page, "the running job's page");
        if (width < 1000)
        {
            await Journey.OpenMenuAsync(page);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deltagare");

        // Meanwhile the import goes on in the background and finishes, with nobody on its page.
        fixture.Gate.Open();
        var finished = await fixture.Server.Services.GetRequiredService<JobStore>().WhenFinishedAsync(job.Id).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(JobState.Succeeded, finished!.State);
        Assert.Equal(before + 2, await fixture.Server.WithDbAsync(db => db.Enrolments.CountAsync()));

        // Back through the import page's link to "Mina jobb", and on to the job's report.
        await page.GotoAsync("/Deltagare/Import");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mina jobb" }).ClickAsync();
        var mine = page.GetByRole(AriaRole.Table, new() { Name = "Mina jobb" });
        await Assertions.Expect(mine.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Klart: 2 rader, 2 nya, 0 ändrade");
        await Journey.StepAsync(page, "Mina jobb");
        await mine.GetByRole(AriaRole.Link, new() { Name = $"Import av deltaganden: {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Importen är klar: 2 rader, varav 2 nya, 0 ändrade och 0 oförändrade.");
        await Assertions.Expect(page.Locator("progress")).ToHaveCountAsync(0);
        await Journey.StepAsync(page, "the finished job's report");
    }
}
