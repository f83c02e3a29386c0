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
            ["Förbundet", $"Medlemmar {year}", $"Medlemsbidrag och fördelning {year}", $"Styrelse, revisorer och förbundschef {year}", "Kontoplan och mappning", "Insatser med projektkoder",
             $"Bokföring {year}", $"Budget {year}", $"Mål {year}", "Användare för varje roll"],
            steps.Keys);
        Assert.Equal("Saknas", steps["Förbundet"].State);
        Assert.Equal("Saknas", steps[$"Medlemmar {year}"].State);
        Assert.Equal("Saknas", steps[$"Styrelse, revisorer och förbundschef {year}"].State);
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
        Assert.Equal(("Klart", "6 medlemmar."), steps["Medlemmar 2025"]);
        Assert.Equal("Klart", steps["Styrelse, revisorer och förbundschef 2025"].State);
        Assert.Equal("Klart", steps["Mål 2025"].State);
        Assert.Equal("Klart", steps["Medlemsbidrag och fördelning 2025"].State);
        Assert.Equal("Medlemsbidrag 14 800 000 kr: staten 50 %, regionen 25 %, kommunerna 25 %.", steps["Medlemsbidrag och fördelning 2025"].Detail.Replace('\u00a0', ' '));

        // The demo's year in progress (2025) has no ledger yet; the year before has.
        Assert.Equal(("Saknas", "Ingen SIE-fil för 2025 är inläst."), steps["Bokföring 2025"]);
        Assert.Equal("Klart", (await StepsAsync(chef, "/KomIgang?ar=2024"))["Bokföring 2024"].State);
    }
}

/// <summary>
/// A förbund that has just installed Finsam has no insatser, no ledger and no goals: every page it can open says what is
/// missing instead of failing.
/// </summary>
public sealed class EmptyInstallationTests(EmptyInstallationTests.Fixture fixture) : IClassFixture<EmptyInstallationTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FinsamFactory Factory { get; } = new();

        public HttpClient Chef { get; private set; } = null!;

        public HttpClient Board { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Chef = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Director));
            Board = await Factory.SignedInClientAsync(await Factory.CreateUserAsync(Roles.Board));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    public static TheoryData<string> ChefPages =>
    [
        "/", "/KomIgang", "/Insatser", "/Insatser/Ny", "/Deltagare", "/Deltagare/Ny", "/Deltagare/Import", "/Deltagare/Export?format=csv",
        "/Deltagare/Gallring", "/Deltagare/Underkoder", "/Oversikt", "/Oversikt/Mal", "/Oversikt/Statistik", "/Mal", "/Mal/Omrade?ar=2026",
        "/Mal/Insatsmal?ar=2026", "/Mal/Enkat?ar=2026", "/Ekonomi", "/Ekonomi/Import", "/Ekonomi/Kontoplan", "/Ekonomi/Medlemsbidrag",
        "/Ekonomi/Budget/2026", "/Arsredovisning",
        "/Arsredovisning/Avsnitt", "/Arsredovisning/Undertecknare/2025", "/Arsredovisning/Text/2025/ChairmanForeword",
    ];

    [Theory]
    [MemberData(nameof(ChefPages))]
    public async Task Every_page_opens_for_the_förbundschef(string url)
    {
        var response = await fixture.Chef.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Empty_lists_say_what_to_do_and_the_goals_open_on_this_year()
    {
        var insatser = Html.Parse(await fixture.Chef.GetStringAsync("/Insatser"));
        Assert.Equal("/Insatser/Ny", insatser.QuerySelector(".empty-state a")!.GetAttribute("href"));
        var participants = Html.Parse(await fixture.Chef.GetStringAsync("/Deltagare"));
        Assert.Equal(["/Deltagare/Ny", "/Deltagare/Import"], participants.QuerySelectorAll(".empty-state a").Select(a => a.GetAttribute("href")));

        var goals = Html.Parse(await fixture.Chef.GetStringAsync("/Mal"));
        Assert.Equal($"Mål och resultat {TestClock.Today.Year}", Html.TextOf(goals.QuerySelector("h1")!));
        Assert.Null(goals.QuerySelector("[role=alert]"));
    }

    /// <summary>A year's statements and report exist once its ledger is read in: before that, not found (not an error).</summary>
    [Theory]
    [InlineData("/Ekonomi/Rakenskaper/2025")]
    [InlineData("/Ekonomi/Saldon/2025")]
    [InlineData("/Arsredovisning/Forhandsgranska/2025")]
    public async Task A_year_without_a_ledger_has_no_statements(string url) =>
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Chef.GetAsync(url)).StatusCode);

    [Theory]
    [InlineData("/")]
    [InlineData("/Oversikt")]
    [InlineData("/Oversikt/Mal")]
    [InlineData("/Oversikt/Statistik")]
    [InlineData("/Arsredovisning")]
    public async Task Every_page_opens_for_the_board(string url)
    {
        var response = await fixture.Board.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
    }
}
