using System.Net;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using static Finsam.TestSupport.PageText;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>Two imported years give statements with the previous year beside them, and every check is shown.</summary>
public sealed class StatementTests
{
    private static async Task<(FinsamFactory Factory, HttpClient Client)> ImportAsync(params (string Name, string Content)[] files)
    {
        var factory = new FinsamFactory();
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        foreach (var (name, content) in files)
        {
            var response = await chef.UploadAsync("/Ekonomi/Import", "fil", name, SieFiles.Pc8(content));
            Assert.Contains("är inläst", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        return (factory, chef);
    }

    [Fact]
    public async Task A_consistent_ledger_gives_reconciled_statements_in_tkr_with_last_year_beside()
    {
        var (factory, chef) = await ImportAsync(("2025.se", SieFiles.Year2025()));
        await using var _ = factory;
        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025"));

        Assert.Contains("Alla 10 kontroller stämmer.", html, StringComparison.Ordinal);
        // The statements have a Not column after the line's name (empty where no note specifies the line).
        Assert.Equal(["1", "28 000,0", "26 000,0"], Row(html, "Verksamhetens intäkter"));
        Assert.Equal(["", "458,0", "100,0"], Row(html, "Årets resultat"));
        Assert.Equal("14 384,0", Row(html, "Likvida medel vid årets slut")[1]);
        Assert.Equal("14 764,0", Row(html, "Summa tillgångar")[1]);
        Assert.Contains("Resultaträkning 2025, belopp i tkr", html, StringComparison.Ordinal);

        var kronor = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025?enhet=kr"));
        Assert.Contains("<td>458 000</td>", kronor, StringComparison.Ordinal);

        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Ekonomi/Rakenskaper/2025")).StatusCode);
        var board = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Board));
        Assert.Equal(HttpStatusCode.Redirect, (await board.GetAsync("/Ekonomi/Rakenskaper/2025")).StatusCode);
    }

    [Fact]
    public async Task An_inconsistent_ledger_is_shown_with_each_failing_check_and_its_amounts()
    {
        var (factory, chef) = await ImportAsync(("2024.se", SieFiles.Year2024WithWrongBank), ("2025.se", SieFiles.Year2025(closingBank: 14_385_000m)));
        await using var _ = factory;
        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025?enhet=kr"));

        Assert.Contains("kontroller stämmer inte", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Balansräkningen balanserar.</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Väntat 14 765 000 kr, faktiskt 14 764 000 kr, skillnad -1 000 kr.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Likvida medel vid årets början är lika med föregående års kassa och bank.</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Väntat 13 606 000 kr, faktiskt 13 506 000 kr, skillnad -100 000 kr.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Likvida medel vid årets slut enligt kassaflödesanalysen är lika med kassa och bank i balansräkningen.</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_mapping_changes_the_statements_and_only_registration_roles_may_change_it()
    {
        var (factory, chef) = await ImportAsync(("2025.se", SieFiles.Year2025()));
        await using var _ = factory;
        // Depreciation mapped as an ordinary operating cost: the line moves, the result stays.
        var saved = await chef.PostFormAsync("/Ekonomi/Kontoplan?handler=Save", [new("Prefix", "78"), new("Line", "OperatingCosts")], getUrl: "/Ekonomi/Kontoplan");
        Assert.Contains("Regeln för 78 är sparad.", Text(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025"));
        Assert.Equal("-27 550,0", Row(html, "Verksamhetens kostnader")[1]);
        Assert.Empty(Row(html, "Avskrivningar"));   // zero in both years: left out
        Assert.Equal("458,0", Row(html, "Årets resultat")[1]);

        // Without the rule for 84, the interest income account has no line: an error above the statements.
        var removeUrl = $"/Ekonomi/Kontoplan?handler=Remove&id={await factory.WithDbAsync(db => db.AccountMappingRules.Where(r => r.Prefix == "84").Select(r => r.Id).SingleAsync())}";
        await chef.PostFormAsync(removeUrl, [], getUrl: "/Ekonomi/Kontoplan");
        html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025"));
        Assert.Contains("Konton utan mappning: 8410.", html, StringComparison.Ordinal);

        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        var page = Text(await auditor.GetStringAsync("/Ekonomi/Kontoplan"));
        Assert.DoesNotContain("Spara regeln", page, StringComparison.Ordinal);
        var response = await auditor.PostFormAsync("/Ekonomi/Kontoplan?handler=Save", [new("Prefix", "3"), new("Line", "OperatingCosts")], getUrl: "/Ekonomi/Kontoplan");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Finsam.Domain.Economy.Statements.StatementLine.OperatingIncome,
            await factory.WithDbAsync(db => db.AccountMappingRules.Where(r => r.Prefix == "3").Select(r => r.Line).SingleAsync()));
    }

    [Fact]
    public async Task The_equity_ceiling_is_a_parameter_per_year_and_equity_is_compared_with_it()
    {
        var (factory, chef) = await ImportAsync(("2025.se", SieFiles.Year2025()));
        await using var _ = factory;
        Assert.Contains("Inget takbelopp är angivet för 2025.", Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025")), StringComparison.Ordinal);

        var bad = await chef.PostFormAsync("/Ekonomi/Rakenskaper/2025?handler=Ceiling", [new("Ceiling", "två miljoner")], getUrl: "/Ekonomi/Rakenskaper/2025");
        Assert.Contains("Ange takbeloppet i kronor, t.ex. 2 500 000.", Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await chef.PostFormAsync("/Ekonomi/Rakenskaper/2025?handler=Ceiling", [new("Ceiling", "2 500 000")], getUrl: "/Ekonomi/Rakenskaper/2025");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025"));
        Assert.Contains("Rekommenderat takbelopp för 2025 är 2 500,0 tkr.", html, StringComparison.Ordinal);
        Assert.Contains("Eget kapital överstiger takbeloppet med 10 864,0 tkr.", html, StringComparison.Ordinal);   // 13 364,0 − 2 500,0
        Assert.Equal(2_500_000m, await factory.WithDbAsync(db => db.FiscalYears.Select(y => y.EquityCeiling!.Value).SingleAsync()));

        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        Assert.DoesNotContain("Spara takbeloppet", Text(await auditor.GetStringAsync("/Ekonomi/Rakenskaper/2025")), StringComparison.Ordinal);
        var refused = await auditor.PostFormAsync("/Ekonomi/Rakenskaper/2025?handler=Ceiling", [new("Ceiling", "1")], getUrl: "/Ekonomi/Rakenskaper/2025");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(2_500_000m, await factory.WithDbAsync(db => db.FiscalYears.Select(y => y.EquityCeiling!.Value).SingleAsync()));
    }

    /// <summary>The cells after the name of the first statement row named <paramref name="name"/> (parsed, not matched); empty when there is none.</summary>
    private static string[] Row(string html, string name) =>
        Html.Parse(html).QuerySelectorAll("table.statement tr").FirstOrDefault(tr => tr.QuerySelector("th")?.TextContent == name) is { } row
            ? [.. row.QuerySelectorAll("td").Select(td => td.TextContent)]
            : [];
}
