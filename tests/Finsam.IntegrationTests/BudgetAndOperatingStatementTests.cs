using System.Net;
using Finsam.Data.Identity;
using Finsam.Domain.Economy.Budget;
using Finsam.Domain.Insatser;
using Finsam.Reporting.Tabular;
using Finsam.TestSupport;
using static Finsam.TestSupport.PageText;
using Microsoft.EntityFrameworkCore;

namespace Finsam.IntegrationTests;

/// <summary>The budget (form and Excel), the driftsredovisning built from the vouchers, and the balanskravsresultat.</summary>
public sealed class BudgetAndOperatingStatementTests
{
    private static async Task<(FinsamFactory Factory, HttpClient Chef)> StartAsync(string sie)
    {
        var factory = new FinsamFactory();
        await factory.WithDbAsync(async db =>
        {
            db.Insatser.AddRange(
                new Insats { Code = "P2", Name = "Kansli", Kind = InsatsKind.Administration, StartDate = new(2020, 1, 1) },
                new Insats { Code = "P25", Name = "MIA", Kind = InsatsKind.Individual, StartDate = new(2020, 1, 1) },
                new Insats { Code = "P31", Name = "Metodstöd", Kind = InsatsKind.Structural, StartDate = new(2020, 1, 1) },
                new Insats { Code = "P40", Name = "Utbildning", Kind = InsatsKind.Structural, StartDate = new(2025, 3, 1) },
                new Insats { Code = "P9", Name = "Avslutad", Kind = InsatsKind.Individual, StartDate = new(2019, 1, 1), EndDate = new(2023, 12, 31), Status = InsatsStatus.Closed });
            await db.SaveChangesAsync();
            return 0;
        });
        var chef = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Director));
        var response = await chef.UploadAsync("/Ekonomi/Import", "fil", "2025.se", SieFiles.Pc8(sie));
        Assert.Contains("är inläst", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        return (factory, chef);
    }

    private static byte[] BudgetFile(params object?[][] rows) =>
        TableWriter.WriteExcel("Budget", BudgetFileFormat.Columns, rows.Select(r => (IReadOnlyList<object?>)r));

    [Fact]
    public async Task The_budget_form_lists_the_running_insatser_and_saves_checked_amounts()
    {
        var (factory, chef) = await StartAsync(SieFiles.Year2025WithVouchers());
        await using var _ = factory;
        var page = Text(await chef.GetStringAsync("/Ekonomi/Budget/2025"));
        Assert.Contains("<th scope=\"row\">MIA – P25</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Utbildning – P40</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Avslutad – P9", page, StringComparison.Ordinal);   // closed before 2025

        // Lines: 0 members' income, 1 P2, 2 P25, 3 P31, 4 P40, 5 unallocated.
        var opened = Html.Parse(await chef.GetStringAsync("/Ekonomi/Budget/2025")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> Form(string p25Cost, string? version = null)
        {
            var fields = new List<KeyValuePair<string, string>> { new("Version", version ?? opened) };
            var ids = factory.WithDbAsync(db => db.Insatser.ToDictionaryAsync(i => i.Code, i => i.Id)).GetAwaiter().GetResult();
            (int Category, string? Code, string Income, string Cost)[] lines =
            [
                (1, null, "27 000 000", ""), (2, "P2", "", "2 200 000"), (3, "P25", "1 000 000", p25Cost), (4, "P31", "", ""), (4, "P40", "", "500 000"), (5, null, "", ""),
            ];
            for (var i = 0; i < lines.Length; i++)
            {
                fields.Add(new($"Lines[{i}].Category", lines[i].Category.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                fields.Add(new($"Lines[{i}].InsatsId", lines[i].Code is { } code ? ids[code].ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
                fields.Add(new($"Lines[{i}].Income", lines[i].Income));
                fields.Add(new($"Lines[{i}].Cost", lines[i].Cost));
            }

            return fields;
        }

        var refused = await chef.PostFormAsync("/Ekonomi/Budget/2025", Form("nitton miljoner"));
        Assert.Contains("MIA, kostnad: \"nitton miljoner\" är inget belopp i kronor", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.BudgetLines.CountAsync()));

        var saved = await chef.PostFormAsync("/Ekonomi/Budget/2025", Form("19 000 000"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(4, await factory.WithDbAsync(db => db.BudgetLines.CountAsync()));
        var after = Text(await chef.GetStringAsync("/Ekonomi/Budget/2025?sparad=true"));
        Assert.Contains("Budgeten för 2025 är sparad.", after, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Summa</th><td>28 000 000</td><td>21 700 000</td><td>6 300 000</td>", after, StringComparison.Ordinal);
        // A second form opened before that save (the same version) does not overwrite it.
        var stale = Html.Parse(await (await chef.PostFormAsync("/Ekonomi/Budget/2025", Form("1"))).Content.ReadAsStringAsync());
        Assert.Contains(Finsam.Web.Validation.WritePath.ConcurrencyMessage, Html.TextOf(stale.QuerySelector(".error-summary")!), StringComparison.Ordinal);
        Assert.Equal(19_000_000m, await factory.WithDbAsync(db => db.BudgetLines.Where(b => db.Insatser.Any(i => i.Id == b.InsatsId && i.Code == "P25")).Select(b => b.Cost).SingleAsync()));
        Assert.Contains("Budget, 2025, sparad i formuläret: 4 rader", Text(await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.EntityType + ", " + a.EntityId + ", " + a.Details).ToListAsync()).ContinueWith(t => string.Join("|", t.Result))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_file_is_imported_all_or_nothing_and_the_export_reads_back_unchanged()
    {
        var (factory, chef) = await StartAsync(SieFiles.Year2025WithVouchers());
        await using var _ = factory;

        var bad = BudgetFile(
            ["Intäkter från medlemmarna", "", "", 27_000_000m, 0m, ""],
            ["", "P25", "MIA", 1_000_000m, "nitton", ""],
            ["Administration", "", "", 0m, 10m, ""]);
        var refused = Text(await (await chef.UploadAsync("/Ekonomi/Budget/2025?handler=Import", "fil", "budget.xlsx", bad, getUrl: "/Ekonomi/Budget/2025")).Content.ReadAsStringAsync());
        Assert.Contains("Budgetfilen lästes inte in: 2 fel. Ingenting har ändrats.", refused, StringComparison.Ordinal);
        Assert.Contains("Rad 3, Kostnad: \"nitton\" är inget belopp i kronor", refused, StringComparison.Ordinal);
        Assert.Contains("Rad 4, Projektkod: Kategorin Administration budgeteras per insats: ange projektkoden.", refused, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.BudgetLines.CountAsync()));

        var good = BudgetFile(
            ["Intäkter från medlemmarna", "", "", 27_000_000m, 0m, ""],
            ["", "P2", "Kansli", 0m, 2_200_000m, ""],
            ["Individinriktade insatser", "p25", "MIA", 1_000_000m, 19_000_000m, "ESF"],
            ["", "P40", "", 0m, 500_000m, ""]);
        var imported = await chef.UploadAsync("/Ekonomi/Budget/2025?handler=Import", "fil", "budget.xlsx", good, getUrl: "/Ekonomi/Budget/2025");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal(
            [(1_000_000m, 19_000_000m, "ESF")],
            await factory.WithDbAsync(db => db.BudgetLines.Where(b => b.Comment != null).Select(b => ValueTuple.Create(b.Income, b.Cost, b.Comment)).ToListAsync()));

        // The downloaded workbook is in the import format: reading it back changes nothing.
        var export = await chef.GetByteArrayAsync("/Ekonomi/Budget/2025?handler=Excel");
        var table = TableReader.Read(new MemoryStream(export), "budget.xlsx");
        Assert.Equal(BudgetFileFormat.Columns, table.Headers);
        var before = await factory.WithDbAsync(db => db.BudgetLines.OrderBy(b => b.Category).ThenBy(b => b.InsatsId).Select(b => new { b.Category, b.InsatsId, b.Income, b.Cost }).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await chef.UploadAsync("/Ekonomi/Budget/2025?handler=Import", "fil", "budget.xlsx", export, getUrl: "/Ekonomi/Budget/2025")).StatusCode);
        var again = await factory.WithDbAsync(db => db.BudgetLines.OrderBy(b => b.Category).ThenBy(b => b.InsatsId).Select(b => new { b.Category, b.InsatsId, b.Income, b.Cost }).ToListAsync());
        Assert.Equal(before, again);

        // Revisor reads the budget but cannot change it.
        var auditor = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Auditor));
        var auditorPage = Text(await auditor.GetStringAsync("/Ekonomi/Budget/2025"));
        Assert.DoesNotContain("Spara budgeten", auditorPage, StringComparison.Ordinal);
        Assert.Contains("<td>19 000 000</td>", auditorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await auditor.UploadAsync("/Ekonomi/Budget/2025?handler=Import", "fil", "budget.xlsx", good, getUrl: "/Ekonomi/Budget/2025")).StatusCode);
    }

    [Fact]
    public async Task The_driftsredovisning_shows_outcome_budget_and_deviation_per_insats_and_reconciles()
    {
        var (factory, chef) = await StartAsync(SieFiles.Year2025WithVouchers());
        await using var _ = factory;
        var good = BudgetFile(
            ["Intäkter från medlemmarna", "", "", 27_000_000m, 0m, ""],
            ["", "P25", "", 1_000_000m, 19_000_000m, ""],
            ["", "P40", "", 0m, 500_000m, ""]);
        Assert.Equal(HttpStatusCode.Redirect, (await chef.UploadAsync("/Ekonomi/Budget/2025?handler=Import", "fil", "budget.xlsx", good, getUrl: "/Ekonomi/Budget/2025")).StatusCode);

        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025?enhet=kr"));
        Assert.Contains("Alla 11 kontroller stämmer.", html, StringComparison.Ordinal);
        // Utfall intäkt, kostnad, netto; budget netto; avvikelse.
        Assert.Contains("<th scope=\"row\">MIA – P25</th><td>1 000 000</td><td>18 000 000</td><td>-17 000 000</td><td>-18 000 000</td><td>1 000 000</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Utbildning – P40</th><td>0</td><td>0</td><td>0</td><td>-500 000</td><td>500 000</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Kansli – P2</th><td>0</td><td>2 000 000</td><td>-2 000 000</td><td></td><td></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">P99 (projektkod utan insats)</th><td>0</td><td>1 000 000</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Totalt (= årets resultat)</th><td>28 010 000</td><td>27 552 000</td><td>458 000</td><td>8 500 000</td><td>-8 042 000</td>", html, StringComparison.Ordinal);
        Assert.Contains("Administrationens andel av kostnaderna: <strong>7,3 %</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Balanskravsresultat</th><td>458 000</td>", html, StringComparison.Ordinal);
        Assert.Contains("Förbundet har inga realisationsvinster", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vouchers_that_do_not_add_up_to_the_results_fail_the_driftsredovisning_check()
    {
        var (factory, chef) = await StartAsync(SieFiles.Year2025WithVouchers(withoutP99: true));
        await using var _ = factory;
        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025?enhet=kr"));
        Assert.Contains("<strong>Driftsredovisningens netto är lika med årets resultat.</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Väntat 458 000 kr, faktiskt 1 458 000 kr, skillnad 1 000 000 kr.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Totalt (= årets resultat: stämmer inte)</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Balance_requirement_adjustments_are_entered_per_year_and_change_the_result()
    {
        var (factory, chef) = await StartAsync(SieFiles.Year2025());
        await using var _ = factory;
        var bad = await chef.PostFormAsync("/Ekonomi/Rakenskaper/2025?handler=Balanskrav&enhet=kr", [new("Adjustments.RealisationGains", "-1")], getUrl: "/Ekonomi/Rakenskaper/2025");
        Assert.Contains("Ange beloppet i kronor (0 eller mer), t.ex. 12 500.", Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await chef.PostFormAsync(
            "/Ekonomi/Rakenskaper/2025?handler=Balanskrav&enhet=kr",
            [new("Adjustments.RealisationGains", "500 000"), new("Adjustments.RealisationLossesByException", "12 000")],
            getUrl: "/Ekonomi/Rakenskaper/2025");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = Text(await chef.GetStringAsync("/Ekonomi/Rakenskaper/2025?enhet=kr"));
        Assert.Contains("<th scope=\"row\">Samtliga realisationsvinster</th><td>-500 000</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Balanskravsresultat</th><td>-30 000</td>", html, StringComparison.Ordinal);   // 458 000 − 500 000 + 12 000
        Assert.Contains("Balanskravet är inte uppfyllt", html, StringComparison.Ordinal);
        // Without vouchers the driftsredovisning still reconciles, per account.
        Assert.Contains("Filen saknar verifikationer (SIE typ 1–3), så utfallet kan inte fördelas per insats", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Kostnader utan projektkod</th><td>0</td><td>27 550 000</td>", html, StringComparison.Ordinal);
    }
}
