using System.Globalization;
using Finsam.Data.Identity;
using Finsam.TestSupport;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Finsam.BrowserTests;

/// <summary>An empty installation, as a förbund gets it: only the bootstrap administrator exists.</summary>
public sealed class EmptyInstallationFixture() : BrowserFixture(
    new FinsamServer { Settings = new Dictionary<string, string> { ["Bootstrap:AdminEmail"] = AdminEmail, ["Bootstrap:AdminPassword"] = AdminPassword } },
    seedDemo: false)
{
    public const string AdminEmail = "it@testbygd.finsam.test";

    public const string AdminPassword = "Start-Testbygd-2026!";
}

/// <summary>
/// A förbund goes live from an empty database: the bootstrap administrator sets up the förbund, its six members and
/// its board and auditors; the förbundschef enters the year's split of contributions with a seven-decimal population
/// key, two insatser, and two years of a BAS2014 ledger with the project codes on dimension 1; the statements, the
/// members' contributions, the report's cover, organisation and signatures are that förbund's, to the öre.
/// </summary>
[Collection(BrowserTestGroup.Access)]
public sealed class GoLiveJourneyTests(EmptyInstallationFixture fixture) : IClassFixture<EmptyInstallationFixture>
{
    private const string Federation = "Samordningsförbundet Testbygd";

    private static readonly int Year = TestClock.Today.Year - 1;

    private static readonly string[] Municipalities = ["Norra kommun", "Mellersta kommun", "Södra kommun"];

    [Fact]
    public async Task A_new_förbund_sets_itself_up_imports_two_years_and_gets_its_own_report()
    {
        var admin = await fixture.NewPageAsync();
        await SignInAsBootstrapAdministratorAsync(admin);

        // Until the förbund exists, every page says so; Kom igång leads to the first step.
        await Assertions.Expect(admin.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Organisation" })).ToBeVisibleAsync();
        await admin.Locator(".setup-banner").GetByRole(AriaRole.Link, new() { Name = "Kom igång" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Förbundet", Exact = true }).ClickAsync();

        // The förbund, with an organisation number that fails the check digit first.
        await admin.GetByLabel("Namn").FillAsync(Federation);
        await admin.GetByLabel("Organisationsnummer").FillAsync("222000-1668");
        await admin.GetByLabel("Säte").FillAsync("Testbygd");
        await admin.GetByLabel("Postadress (frivillig)").FillAsync("Box 12, 123 45 Testbygd");
        await admin.GetByLabel("Första verksamhetsår i Finsam").FillAsync((Year - 1).ToString(CultureInfo.InvariantCulture));
        await Submit(admin, "Lägg upp förbundet");
        await Assertions.Expect(admin.Locator("#Input_OrganisationNumber-fel")).ToContainTextAsync("kontrollsiffra");
        await admin.GetByLabel("Organisationsnummer").FillAsync("222000-1669");
        await Submit(admin, "Lägg upp förbundet");
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{Federation} är upplagt.");

        // Its members, all from the first year.
        var from = $"{Year - 1}-01-01";
        foreach (var (name, kind, number) in new[]
        {
            ("Försäkringskassan", "Försäkringskassan", "202100-5521"), ("Arbetsförmedlingen", "Arbetsförmedlingen", "202100-2114"),
            ("Region Testbygd", "Region", "232100-0008"), (Municipalities[0], "Kommun", "212000-1231"),
            (Municipalities[1], "Kommun", "212000-2346"), (Municipalities[2], "Kommun", "212000-3450"),
        })
        {
            await admin.GetByLabel("Namn").FillAsync(name);
            await admin.GetByLabel("Sort").SelectOptionAsync(new SelectOptionValue { Label = kind });
            await admin.GetByLabel("Organisationsnummer (frivilligt)").FillAsync(number);
            await admin.GetByLabel("Medlem från (frivilligt)").FillAsync(from);
            await Submit(admin, "Lägg till medlemmen");
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} är tillagd som medlem.");
        }

        await BrowserFixture.AssertAccessibleAsync(admin);

        // The board: an ordförande, a vice ordförande and a deputy; two auditors; the förbundschef.
        await admin.GotoAsync("/Organisation/Styrelse");
        await AddBoardMemberAsync(admin, "Anna Ordförande", "Region Testbygd", "Ordinary", "Chair");
        await AddBoardMemberAsync(admin, "Bertil Vice", Municipalities[0], "Ordinary", "ViceChair");
        await AddBoardMemberAsync(admin, "Cecilia Ledamot", "Försäkringskassan", "Ordinary", "None");
        await AddBoardMemberAsync(admin, "David Ersättare", Municipalities[1], "Deputy", "None");
        foreach (var (auditor, appointer) in new[] { ("Eva Revisor", "Region Testbygd"), ("Filip Revisor", Municipalities[2]) })
        {
            await admin.Locator("#NewAuditor_Name").FillAsync(auditor);
            await admin.Locator("#NewAuditor_AppointedByMemberId").SelectOptionAsync(new SelectOptionValue { Label = appointer });
            await admin.Locator("#NewAuditor_TermFrom").FillAsync(from);
            await Submit(admin, "Lägg till revisorn");
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{auditor} är inlagd som revisor.");
        }

        await admin.Locator("#NewDirector_Name").FillAsync("Greta Chef");
        await admin.Locator("#NewDirector_From").FillAsync(from);
        await Submit(admin, "Lägg till förbundschefen");
        await BrowserFixture.AssertAccessibleAsync(admin);

        // The förbundschef: the year's contributions, split 50 / 30 / 20 with a population key of seven decimals.
        var chef = await fixture.SignInAsync(Roles.Director);
        await chef.GotoAsync($"/Ekonomi/Medlemsbidrag?ar={Year}");
        await chef.GetByLabel("i procent av ett totalbelopp").CheckAsync();
        await chef.GetByLabel("Medlemsbidrag totalt (kronor)").FillAsync("3000000");
        await chef.GetByLabel("Regionens andel av totalen (procent)").FillAsync("30");
        await chef.GetByLabel("Kommunernas andel av totalen (procent)").FillAsync("20");
        var key = chef.Locator("fieldset", new() { HasText = "Kommunernas fördelningsnyckel" });
        string[] shares = ["47,1234567", "31,4567890", "21,4197543"];
        for (var i = 0; i < Municipalities.Length; i++)
        {
            await key.GetByLabel(Municipalities[i]).FillAsync(shares[i]);
        }

        await Submit(chef, "Spara");
        await Assertions.Expect(chef.GetByRole(AriaRole.Status)).ToContainTextAsync($"Medlemsbidragen för {Year} är sparade.");

        // Each amount to the öre: 600 000 × key, rounded down, and the one öre left to the largest remainder
        // (282 740,7402 / 188 740,7340 / 128 518,5258: Södra kommun's ,58 öre). The key is shown as decided.
        var contributions = chef.GetByRole(AriaRole.Table, new() { Name = $"Medlemsbidrag {Year}, kronor" });
        foreach (var (member, amount) in new[]
        {
            ("Försäkringskassan", "1 500 000,00"), ("Arbetsförmedlingen", "0,00"), ("Region Testbygd", "900 000,00"),
            (Municipalities[0], "282 740,74"), (Municipalities[1], "188 740,73"), (Municipalities[2], "128 518,53"), ("Totalt", "3 000 000,00"),
        })
        {
            await Assertions.Expect(contributions.GetByRole(AriaRole.Row).Filter(new() { Has = chef.GetByRole(AriaRole.Rowheader, new() { Name = member, Exact = true }) })
                .Locator("td").Last).ToHaveTextAsync(amount);
        }

        await Assertions.Expect(key.GetByLabel(Municipalities[0])).ToHaveValueAsync("47,1234567");
        await BrowserFixture.AssertAccessibleAsync(chef);

        // Two insatser whose project codes the ledger carries on dimension 1.
        foreach (var (code, name) in new[] { ("P10", "Arbetsträning"), ("P20", "Samverkan") })
        {
            await chef.GotoAsync("/Insatser/Ny");
            await chef.GetByLabel("Projektkod").FillAsync(code);
            await chef.GetByLabel("Namn").FillAsync(name);
            await chef.GetByLabel("Typ").SelectOptionAsync(new SelectOptionValue { Value = "Individual" });
            await chef.GetByLabel("Startdatum").FillAsync(from);
            await chef.GetByLabel("Region Testbygd").CheckAsync();
            await chef.GetByLabel("Målgrupp").FillAsync("Unga vuxna 18–29 år");
            await Submit(chef, "Skapa insats");
            await Assertions.Expect(chef.GetByRole(AriaRole.Status)).ToContainTextAsync("Insatsen är skapad.");
        }

        // Two years of a BAS2014 ledger. The first shows the chart and proposes its mapping and dimension 1.
        var first = new SieFiles.Bas2014Year(Year - 1, 3_000_000.00m, 1_234_567.89m, 1_500_000.55m, 1_234.56m, 150.25m);
        var second = new SieFiles.Bas2014Year(Year, 3_000_000.00m, 1_345_678.91m, 1_456_789.01m, 2_345.67m, 98.76m);
        var files = SieFiles.Bas2014(first, second);
        await UploadSieAsync(chef, Year - 1, files[0]);
        var review = chef.GetByRole(AriaRole.Region, new() { Name = "Förhandsgranskning: inget är sparat än" });
        await Assertions.Expect(review).ToContainTextAsync("Kontoplan enligt filen: BAS2014");
        await Assertions.Expect(review.GetByRole(AriaRole.Row, new() { Name = "8410 Räntekostnader" })).ToContainTextAsync("Finansiella kostnader");
        await Assertions.Expect(review).ToContainTextAsync("Projektkoderna verkar ligga på dimension 1");
        await Assertions.Expect(chef.GetByLabel("Dimension för insatsernas projektkoder")).ToHaveValueAsync("1");
        await BrowserFixture.AssertAccessibleAsync(chef);
        await Submit(chef, "Bekräfta och läs in");
        await Assertions.Expect(chef.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Bokföringen för {Year - 1} är inläst");

        // The second year needs no confirmation: the mapping and the dimension are the förbund's now.
        await UploadSieAsync(chef, Year, files[1]);
        await Assertions.Expect(chef.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Bokföringen för {Year} är inläst");

        // The statements: årets resultat of both years (199 778,99 and 266 515,87 kr), in tkr.
        Assert.Equal(199_778.99m, second.Result);
        Assert.Equal(266_515.87m, first.Result);
        await chef.GotoAsync($"/Ekonomi/Rakenskaper/{Year}");
        await Assertions.Expect(chef.GetByRole(AriaRole.Row, new() { Name = "Årets resultat 199,8 266,5" }).First).ToBeVisibleAsync();
        var byInsats = chef.GetByRole(AriaRole.Row).Filter(new() { HasText = "Arbetsträning" }).First;
        await Assertions.Expect(byInsats).ToContainTextAsync("1 345,7");
        await BrowserFixture.AssertAccessibleAsync(chef);

        // The report (a draft: no texts are written yet) is this förbund's.
        var response = await chef.APIRequest.GetAsync($"/Arsredovisning?handler=Pdf&ar={Year}&utkast=true");
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        using var pdf = PdfDocument.Open(await response.BodyAsync());
        // The words of each page, without the draft's large "UTKAST" watermark (whose letters fall between the lines).
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Where(w => w.Letters.All(l => l.PointSize < 40)).Select(w => w.Text))).ToList();
        var cover = pages[0];
        Assert.Contains(Federation, cover, StringComparison.Ordinal);
        Assert.Contains("Testbygd", cover.Replace(Federation, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"Årsredovisning {Year}", cover, StringComparison.Ordinal);
        var all = string.Join("\n", pages);
        // The text as it flows, without each page's running header and footer (a paragraph may continue on the next page).
        var header = $"{Federation} – Årsredovisning {Year} (utkast)";
        var flowing = System.Text.RegularExpressions.Regex.Replace(
            string.Join(" ", pages.Skip(1).Select(p => System.Text.RegularExpressions.Regex.Replace(p.Replace(header, " ", StringComparison.Ordinal), @"Sida \d+ av \d+", " "))),
            @"\s+", " ");
        Assert.DoesNotContain("Norrsund", all, StringComparison.Ordinal);
        Assert.Contains("222000-1669", all, StringComparison.Ordinal);

        // The members' contributions: the whole sums exactly, each municipality within the rounding of its tkr.
        var note = pages.First(p => p.Contains($"Medlemsbidrag {Year}", StringComparison.Ordinal));
        Assert.Matches("Försäkringskassan 50(,0+)? % 1 500,0", note);
        Assert.Matches("Region Testbygd 30(,0+)? % 900,0", note);
        foreach (var (municipality, exact) in Municipalities.Zip([282_740.74m, 188_740.73m, 128_518.53m]))
        {
            var printed = System.Text.RegularExpressions.Regex.Match(note, municipality + @" [\d,]+ % (\d{1,3}(?: \d{3})*,\d)");
            Assert.True(printed.Success, $"{municipality} is not in the note: {note}");
            var tkr = decimal.Parse(printed.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.GetCultureInfo("sv-SE"));
            Assert.InRange(tkr * 1000m - exact, -100m, 100m);
        }

        Assert.Matches("Summa 100(,0+)? % 3 000,0", note);

        // The organisation part and the signatures come from the board register: the ledamöter, not the deputy, sign.
        var members = $"Förbundets medlemmar {Year} var Försäkringskassan, Arbetsförmedlingen, Region Testbygd, Mellersta kommun, Norra kommun och Södra kommun.";
        var at = flowing.IndexOf("Förbundets medlemmar", StringComparison.Ordinal);
        Assert.True(flowing.Contains(members, StringComparison.Ordinal), at < 0 ? "No members' sentence." : flowing.Substring(at, Math.Min(300, flowing.Length - at)));
        Assert.Contains($"Styrelsen {Year}", all, StringComparison.Ordinal);
        Assert.Contains("David Ersättare", all, StringComparison.Ordinal);
        Assert.Contains("Eva Revisor", all, StringComparison.Ordinal);
        var signatures = pages.Last(p => p.Contains("Anna Ordförande", StringComparison.Ordinal));
        foreach (var name in new[] { "Anna Ordförande", "Bertil Vice", "Cecilia Ledamot" })
        {
            Assert.Contains(name, signatures, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("David Ersättare", signatures, StringComparison.Ordinal);
        Assert.Contains("Testbygd", signatures, StringComparison.Ordinal);
    }

    private static async Task SignInAsBootstrapAdministratorAsync(IPage page)
    {
        // The first sign-in of an administrator leads to the two-factor enrolment, which the app requires.
        await BrowserFixture.SignInAsync(page, new TestUser(EmptyInstallationFixture.AdminEmail, EmptyInstallationFixture.AdminPassword, [Roles.Administrator]));
        Assert.EndsWith("/Konto/TvaFaktor", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Submit(page, "Visa QR-kod och nyckel");
        var key = (await page.Locator("code.secret").First.TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Kod från appen").FillAsync(Totp.UnusedCode(key));
        await Submit(page, "Aktivera");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dina återställningskoder" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".setup-banner")).ToContainTextAsync("Förbundet och dess medlemmar är inte inlagda ännu");
    }

    private static async Task AddBoardMemberAsync(IPage page, string name, string member, string role, string office)
    {
        await page.Locator("#NewBoardMember_Name").FillAsync(name);
        await page.Locator("#NewBoardMember_MemberId").SelectOptionAsync(new SelectOptionValue { Label = member });
        await page.Locator($"#NewBoardMember_Role_{role}").CheckAsync();
        await page.Locator("#NewBoardMember_Seat").FillAsync("1");
        await page.Locator($"#NewBoardMember_Office_{office}").CheckAsync();
        await page.Locator("#NewBoardMember_TermFrom").FillAsync($"{Year - 1}-01-01");
        await Submit(page, "Lägg till i styrelsen");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(name);
    }

    private static async Task UploadSieAsync(IPage page, int year, string sie)
    {
        await page.GotoAsync("/Ekonomi/Import");
        await page.GetByLabel("SIE-fil").SetInputFilesAsync(new FilePayload { Name = $"testbygd-{year}.se", MimeType = "text/plain", Buffer = SieFiles.Pc8(sie) });
        await Submit(page, "Läs in");
    }

    /// <summary>Presses the form's button and waits until the page that answers has loaded.</summary>
    private static async Task Submit(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await BrowserFixture.WaitForLoadAsync(page, $"pressing {button}");
    }
}
