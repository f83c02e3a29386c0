using System.Globalization;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Finsam.BrowserTests;

/// <summary>
/// The kansli's ways to people and work (#14), on a laptop and on a phone, each step passing axe and fitting the
/// screen (<see cref="Journey.StepAsync"/>): the header search by deltagande-nr, the participant list sorted, filtered
/// by a link and jumped to a page; "Att göra" and a follow-up registered from it; a goal area removed only after the
/// confirmation that names what goes.
/// </summary>
[Collection(BrowserTestGroup.Access)]
public sealed class DailyWorkJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(Journey.Wide)]
    [InlineData(Journey.Narrow)]
    public async Task The_kansli_finds_a_participant_by_the_header_search_then_sorts_filters_and_pages_the_list(int width)
    {
        // A deltagande-nr that is no one's deltagar-nr, so that the search goes straight to its participant.
        var (enrolmentId, participantId) = await fixture.Server.WithDbAsync(db => db.Enrolments
            .Where(e => !db.Participants.Any(p => p.Id == e.Id))
            .OrderBy(e => e.Id).Skip(width % 7)
            .Select(e => new ValueTuple<int, int>(e.Id, e.ParticipantId)).FirstAsync());
        var page = await fixture.SignInAsync(Roles.Kansli);
        await page.SetViewportSizeAsync(width, Journey.Height(width));

        var search = page.GetByRole(AriaRole.Search, new() { Name = "Snabbsök deltagare" });
        await search.GetByLabel("Sök deltagare").FillAsync(enrolmentId.ToString(CultureInfo.InvariantCulture));
        await search.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Deltagare {participantId}");
        await Journey.StepAsync(page, "the participant found by its deltagande-nr");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Du är här" }).GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deltagare");
        await Journey.StepAsync(page, "the participant list");

        // Sort by start, newest first (the second click turns the order).
        var start = page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" });
        await start.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" })).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" })).ToHaveAttributeAsync("aria-sort", "descending");
        await Journey.StepAsync(page, "the list sorted by start");

        // A filter is part of the address (a link to share or bookmark) and keeps the sort.
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Avslutade" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" })).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Contains("status=Ended", page.Url, StringComparison.Ordinal);
        await Journey.StepAsync(page, "the list filtered to ended enrolments");

        // Jump to page 3: the filter and the sort stay.
        await page.GetByLabel("Gå till sida").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gå", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main table caption").First).ToContainTextAsync("sida 3 av");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Start" })).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("Ended");
        await Journey.StepAsync(page, "page 3 of the filtered, sorted list");

        // The address alone shows the same list (in a new tab of the same session).
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(page.Url);
        await Assertions.Expect(again.Locator("main table caption").First).ToContainTextAsync("sida 3 av");
        await again.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Journey.Wide)]
    [InlineData(Journey.Narrow)]
    public async Task The_kansli_opens_att_gora_and_registers_a_due_follow_up_from_it(int width)
    {
        // One more follow-up due for this run (each run registers one): an enrolment ended 12–24 months ago, its follow-up undone.
        var (since, dueBy) = (TestClock.Today.AddMonths(-24), TestClock.Today.AddMonths(-12));
        await fixture.Server.WithDbAsync(async db =>
        {
            var done = await db.Enrolments.Where(e => e.EndDate >= since && e.EndDate <= dueBy && e.FollowUp12Months != null).OrderBy(e => e.Id).FirstOrDefaultAsync();
            if (done is not null)
            {
                done.FollowUp12Months = null;
            }

            return await db.SaveChangesAsync();
        });
        var page = await fixture.SignInAsync(Roles.Kansli);
        await page.SetViewportSizeAsync(width, Journey.Height(width));
        await Journey.OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Att göra" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 2 }).Filter(new() { HasText = "Uppföljning efter 12 månader" });
        await Assertions.Expect(heading).ToBeVisibleAsync();
        await Journey.StepAsync(page, "Att göra");
        var due = Count(await heading.TextContentAsync());
        Assert.True(due > 0, "The demo förbund has follow-ups due.");

        var first = page.GetByRole(AriaRole.Region, new() { Name = "uppföljningar att göra", Exact = false }).GetByRole(AriaRole.Link).Filter(new() { HasText = "Registrera uppföljning" }).First;
        await first.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ändra deltagande");
        await Journey.StepAsync(page, "the enrolment whose follow-up is due");
        await page.GetByLabel("Uppföljning efter 12 månader").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ändringarna är sparade.");
        await Journey.StepAsync(page, "the participant after the follow-up");

        await page.GotoAsync("/AttGora");
        await Assertions.Expect(heading).ToHaveTextAsync($"Uppföljning efter 12 månader: {due - 1}");
        await Journey.StepAsync(page, "Att göra with one follow-up fewer");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Journey.Wide)]
    [InlineData(Journey.Narrow)]
    public async Task A_goal_area_is_removed_only_after_the_confirmation_that_names_what_goes(int width)
    {
        var year = TestClock.Today.Year + 1;
        var name = $"Felregistrerat område {width}";
        var page = await fixture.SignInAsync(Roles.Kansli);
        await page.SetViewportSizeAsync(width, Journey.Height(width));
        await page.GotoAsync($"/Mal?ar={year}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt målområde" }).ClickAsync();
        await page.GetByLabel("Målområde", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är sparat.");
        await Journey.StepAsync(page, "the goals with the new area");

        await page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name }) })
            .GetByRole(AriaRole.Link, new() { Name = "Ändra målområdet" }).ClickAsync();
        var remove = page.GetByRole(AriaRole.Region, new() { Name = "Ta bort" });
        await Assertions.Expect(remove).ToContainTextAsync("Målområdet tas bort; det har inga målsättningar.");
        await Journey.StepAsync(page, "the area's page with its removal");

        // Without the tick: nothing goes, the reason is at the box and the title says there is an error.
        await remove.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Målområdet är felregistrerat", new() { Exact = false })).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kryssa i rutan för att bekräfta att målområdet ska tas bort.");
        Assert.StartsWith("Fel:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await fixture.Server.WithDbAsync(db => db.GoalAreas.AnyAsync(a => a.Name == name)));
        await Journey.StepAsync(page, "the refused removal");

        await page.GetByLabel("Målområdet är felregistrerat", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Ta bort" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("är borttaget.");
        Assert.False(await fixture.Server.WithDbAsync(db => db.GoalAreas.AnyAsync(a => a.Name == name)));
        await Journey.StepAsync(page, "the goals after the removal");
        await page.Context.CloseAsync();
    }

    /// <summary>The number after the colon of a heading such as "Uppföljning efter 12 månader: 7".</summary>
    private static int Count(string? heading) =>
        int.Parse(heading!.Split(':')[^1].Trim().Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
