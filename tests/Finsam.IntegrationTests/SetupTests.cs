using Finsam.Data.Identity;
using Finsam.TestSupport;

namespace Finsam.IntegrationTests;

/// <summary>"Kom igång": the steps of going live read from the data, and the notice on every page until the förbund exists.</summary>
public sealed class SetupTests
{
    private static async Task<IReadOnlyDictionary<string, (string State, string Detail)>> StepsAsync(HttpClient client, string url)
    {
        var page = Html.Parse(await client.GetStringAsync(url));
        return page.QuerySelectorAll("li.setup-step").ToDictionary(
            li => Html.TextOf(li.QuerySelector("h2 a, h2")!).Replace(Html.TextOf(li.QuerySelector(".badge")!), "", StringComparison.Ordinal).Trim(),
            li => (Html.TextOf(li.QuerySelector(".badge")!), Html.TextOf(li.QuerySelector("p")!)));
    }

    [Fact]
    public async Task An_empty_installation_shows_every_step_missing_and_says_so_on_every_page()
    {
        await using var factory = new FinsamFactory();
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        var year = TestClock.Today.Year;

        var start = Html.Parse(await chef.GetStringAsync("/"));
        var banner = start.QuerySelector(".setup-banner");
        Assert.NotNull(banner);
        Assert.Equal("/KomIgang", banner.QuerySelector("a")!.GetAttribute("href"));

        var steps = await StepsAsync(chef, "/KomIgang");
        Assert.Equal(
            ["Förbundet", "Medlemmar", $"Medlemsbidrag och fördelning {year}", "Kontoplan och mappning", "Insatser med projektkoder",
             $"Bokföring {year}", $"Budget {year}", $"Mål {year}", "Användare för varje roll"],
            steps.Keys);
        Assert.Equal("Saknas", steps["Förbundet"].State);
        Assert.Equal("Saknas", steps["Medlemmar"].State);
        Assert.Equal("Saknas", steps[$"Bokföring {year}"].State);
        Assert.Equal(("Delvis", "Ingen aktiv användare med rollen kansli, styrelse och revisor."), steps["Användare för varje roll"]);

        // The board never sees the checklist or the notice.
        var board = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Board));
        Assert.Null(Html.Parse(await board.GetStringAsync("/")).QuerySelector(".setup-banner"));
    }

    [Fact]
    public async Task The_demo_förbund_has_its_foundation_goals_and_finished_years_ledger()
    {
        await using var factory = new FinsamFactory();
        await factory.SeedDemoAsync(2025);
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));

        Assert.Null(Html.Parse(await chef.GetStringAsync("/")).QuerySelector(".setup-banner"));
        var steps = await StepsAsync(chef, "/KomIgang?ar=2025");
        Assert.Equal("Klart", steps["Förbundet"].State);
        Assert.Equal("Klart", steps["Medlemmar"].State);
        Assert.Equal("Klart", steps["Mål 2025"].State);
        Assert.Equal("Klart", steps["Medlemsbidrag och fördelning 2025"].State);
        Assert.StartsWith("Medlemsbidrag 14 800 000", steps["Medlemsbidrag och fördelning 2025"].Detail.Replace('\u00a0', ' '), StringComparison.Ordinal);

        // The demo's year in progress (2025) has no ledger yet; the year before has.
        Assert.Equal(("Saknas", "Ingen SIE-fil för 2025 är inläst."), steps["Bokföring 2025"]);
        Assert.Equal("Klart", (await StepsAsync(chef, "/KomIgang?ar=2024"))["Bokföring 2024"].State);
    }
}
