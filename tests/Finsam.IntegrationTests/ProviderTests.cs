using System.Net;
using System.Text.Json;
using Finsam.Data;
using Finsam.Data.Identity;
using Finsam.Data.Queries;
using Finsam.TestSupport;

namespace Finsam.IntegrationTests;

/// <summary>
/// What must hold on every database provider: the demo förbund seeded through the real path (SIE import and bulk
/// inserts included) gives the same figures, the pages answer, and an insats code is one code whatever its case.
/// Run on SQLite always; on SQL Server by <see cref="SqlServerTests"/> when a server is configured.
/// </summary>
public static class ProviderChecks
{
    public const int LastYear = 2026;

    /// <summary>The figures the reports are made of, for the demo's years, as JSON text to compare.</summary>
    public static async Task<IReadOnlyList<string>> FiguresAsync(FinsamFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var figures = new List<string>();
        foreach (var year in new[] { LastYear - 2, LastYear - 1, LastYear })
        {
            figures.Add(await factory.WithDbAsync(async db => Json(year, "flows", await db.FlowsForYearAsync(year))));
            figures.Add(await factory.WithDbAsync(async db => Json(year, "statistics", await db.StatisticsForYearAsync(year))));
            figures.Add(await factory.WithDbAsync(async db => Json(year, "statements", await db.StatementsForYearAsync(year))));
            // The members' figures, not their concurrency tokens (a new Version at every seed).
            figures.Add(await factory.WithDbAsync(async db => Json(year, "contributions", (await db.MemberContributionsForYearAsync(year))
                .Select(c => new { c.Member.Id, c.Member.Name, c.Member.Kind, c.Member.OrganisationNumber, c.Member.MemberFrom, c.Member.MemberTo, c.PercentOfTotal, c.Amount }))));
            figures.Add(await factory.WithDbAsync(async db => Json(year, "budget", await db.BudgetAmountsForYearAsync(year))));
        }

        return figures;
    }

    /// <summary>Every aggregate page and the participant list with its filters answer 200 for the roles that use them.</summary>
    public static async Task PagesAnswerAsync(FinsamFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var year = LastYear - 1;
        var kansli = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Kansli));
        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        foreach (var url in new[] { "/", "/Insatser", "/Deltagare", $"/Deltagare?ar={year}&status=1&kon=1", $"/Deltagare?ar={year}&sida=2", "/Oversikt", $"/Oversikt/Statistik?ar={year}", $"/Oversikt/Mal?ar={year}", "/Mal" })
        {
            var response = await kansli.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode} for Kansli.");
        }

        foreach (var url in new[] { $"/Ekonomi/Rakenskaper/{year}", $"/Ekonomi/Budget/{year}", $"/Ekonomi/Medlemsbidrag?ar={year}", "/Arsredovisning", $"/api/arsredovisning/{year}" })
        {
            var response = await auditor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode} for Revisor.");
        }
    }

    /// <summary>An insats code that differs from an existing one only in case is refused as the same code.</summary>
    public static async Task InsatsCodesIgnoreCaseAsync(FinsamFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var existing = await factory.WithDbAsync(db => Task.FromResult(db.Insatser.Select(i => i.Code).OrderBy(c => c).First()));
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        var response = await chef.PostFormAsync("/Insatser/Ny",
        [
            new("Input.Version", Guid.Empty.ToString()),
            new("Input.Code", existing.ToLowerInvariant()),
            new("Input.Name", "Samma kod med gemener"),
            new("Input.Kind", "Individual"),
            new("Input.Status", "Active"),
            new("Input.StartDate", $"{LastYear}-01-01"),
            new("Input.EndDate", ""),
            new("Input.CountsInParticipantTotals", "false"),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Det finns redan en insats med koden {existing.ToLowerInvariant()}.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => Task.FromResult(db.Insatser.Count(i => i.Code.ToUpper() == existing.ToUpperInvariant()))));
    }

    private static string Json<T>(int year, string what, T value) => $"{year} {what}: {JsonSerializer.Serialize(value)}";
}

/// <summary>The provider checks on SQLite, where a förbund starts.</summary>
public sealed class SqliteProviderTests
{
    [Fact]
    public async Task The_demo_seeded_through_the_real_path_gives_the_figures_of_the_test_template()
    {
        await using var seeded = new FinsamFactory();
        Assert.NotNull(await seeded.SeedDemoFromScratchAsync(ProviderChecks.LastYear));
        await using var copied = new FinsamFactory();
        await copied.SeedDemoAsync(ProviderChecks.LastYear);

        Assert.Equal(await ProviderChecks.FiguresAsync(seeded), await ProviderChecks.FiguresAsync(copied));
        await ProviderChecks.PagesAnswerAsync(copied);
    }

    [Fact]
    public async Task An_insats_code_is_one_code_whatever_its_case()
    {
        await using var factory = new FinsamFactory();
        await factory.SeedDemoAsync(ProviderChecks.LastYear);
        await ProviderChecks.InsatsCodesIgnoreCaseAsync(factory);
    }
}

/// <summary>
/// The provider checks on SQL Server, the production database: a new database per test on the server that
/// FINSAM_TEST_SQLSERVER names, migrated by the app's start-up and dropped afterwards. Skipped without a server.
/// </summary>
public sealed class SqlServerTests
{
    [SqlServerFact]
    public async Task Migrations_seeding_and_every_figure_match_sqlite()
    {
        await using var server = new FinsamFactory { SqlServer = SqlServerTestDatabase.Create() };
        Assert.NotNull(await server.SeedDemoAsync(ProviderChecks.LastYear));
        await using var sqlite = new FinsamFactory();
        await sqlite.SeedDemoAsync(ProviderChecks.LastYear);

        Assert.Equal(await ProviderChecks.FiguresAsync(sqlite), await ProviderChecks.FiguresAsync(server));
        await ProviderChecks.PagesAnswerAsync(server);
    }

    [SqlServerFact]
    public async Task An_insats_code_is_one_code_whatever_its_case()
    {
        await using var factory = new FinsamFactory { SqlServer = SqlServerTestDatabase.Create() };
        await factory.SeedDemoAsync(ProviderChecks.LastYear);
        await ProviderChecks.InsatsCodesIgnoreCaseAsync(factory);
    }
}
